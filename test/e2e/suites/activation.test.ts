/**
 * Activation: the extension wakes up for a `.cloudarch.yaml` file, does so cheaply, and starts its
 * language server.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeApi, closeAllEditors, openFixture, type CloudArchApi } from '../helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('gives *.cloudarch.yaml files the cloudarch language', async () => {
    const editor = await openFixture('shop.cloudarch.yaml');
    assert.equal(editor.document.languageId, 'cloudarch');
  });

  it('activates the extension when a CloudArch file is open, and records how long activate() took', async () => {
    const extension = vscode.extensions.getExtension<CloudArchApi>(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    const api = await activeApi();
    assert.equal(extension.isActive, true);
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activation time ${api.activationMs}`);
    assert.ok(Object.keys(api.activationSteps).length > 0, 'activate() reports its steps');
    // The target (< 30 ms) is judged by `npm run bench`, which reads this file: a timed assertion
    // here would fail on a busy machine for reasons that have nothing to do with the extension.
    const results = process.env.CLOUDARCH_E2E_RESULTS;
    if (results) {
      mkdirSync(results, { recursive: true });
      const figures = {
        mode: process.env.CLOUDARCH_E2E_MODE,
        activationMs: api.activationMs,
        activationCpuMs: api.activationCpuMs,
        steps: api.activationSteps,
        date: new Date().toISOString(),
      };
      writeFileSync(join(results, `activation-${process.env.CLOUDARCH_E2E_MODE ?? 'dev'}.json`), JSON.stringify(figures, null, 2) + '\n');
    }
  });
});

describe('installation', () => {
  it('runs the extension from where this run installed it', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const mode = process.env.CLOUDARCH_E2E_MODE;
    if (mode === 'vsix') {
      // Installed by `code-server --install-extension`: under the scratch extensions folder, as
      // `<publisher>.<name>-<version>`, with only what .vscodeignore lets into the package.
      assert.match(extension.extensionPath, /\/extensions\/cloudarch\.cloudarch-\d+\.\d+\.\d+$/);
      assert.ok(!extension.extensionPath.includes('/work/'), extension.extensionPath);
    } else {
      assert.equal(extension.extensionUri.scheme, 'file');
      assert.ok(extension.packageJSON.contributes.languages.length > 0);
    }
  });
});

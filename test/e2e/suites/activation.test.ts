/**
 * Activation: the extension wakes up for a `.cloudarch.yaml` file, does so cheaply, and starts its
 * language server.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeApi, closeAllEditors, openFixture, type CloudArchApi } from '../helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('gives *.cloudarch.yaml files the cloudarch language', async () => {
    const editor = await openFixture('shop.cloudarch.yaml');
    assert.equal(editor.document.languageId, 'cloudarch');
  });

  it('activates the extension when a CloudArch file is open, in under 30 ms of activate()', async () => {
    const extension = vscode.extensions.getExtension<CloudArchApi>(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    const api = await activeApi();
    assert.equal(extension.isActive, true);
    console.log(`      (activate() took ${api.activationMs.toFixed(1)} ms)`);
    assert.ok(api.activationMs < 30, `activate() took ${api.activationMs.toFixed(1)} ms`);
  });
});

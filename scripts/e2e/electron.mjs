// Runs the in-host suite under @vscode/test-electron: the desktop VS Code that the tool downloads.
// This needs internet access to download VS Code, which the project's own machines do not have
// (there, `npm run test:e2e` runs the same suite in code-server); it is for developers' machines.
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { bundleSuite } from './bundle-suite.mjs';
import { createScratch, removeScratch } from './code-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main() {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  const extensionTestsPath = await bundleSuite(root);
  const folders = createScratch(root, 'electron');
  try {
    await runTests({
      version: process.env.CLOUDARCH_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [
        folders.workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir',
        folders.userData,
        '--extensions-dir',
        folders.extensions,
      ],
      extensionTestsEnv: { CLOUDARCH_E2E_MODE: 'dev', CLOUDARCH_E2E_WORKSPACE: folders.workspace },
    });
    return 0;
  } catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    removeScratch(folders);
  }
}

process.exit(await main());

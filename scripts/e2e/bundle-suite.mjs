// Bundles the in-host suite (test/e2e/index.ts and the suites it imports) into one CommonJS file
// that an extension host can `require`: out/e2e/index.js. Shared by the code-server harness and the
// @vscode/test-electron runner.
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/** Builds out/e2e/index.js under `root` and returns its path. */
export async function bundleSuite(root) {
  const outfile = join(root, 'out', 'e2e', 'index.js');
  await esbuild.build({
    entryPoints: [join(root, 'test', 'e2e', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    // `vscode` comes from the extension host; mocha is loaded from node_modules at run time because
    // it reads its reporters and interfaces by name.
    external: ['vscode', 'mocha'],
  });
  return outfile;
}

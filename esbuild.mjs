// One build script for every bundle (house style): a Node context for the extension client, the
// language server and the CLI, a browser context for the webview. tsc only type-checks.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** Entries are built only once their source exists, so the build stays green while features land. */
const nodeEntries = [
  ['src/client/extension.ts', 'dist/client/extension'],
  ['src/server/main.ts', 'dist/server/main'],
  ['src/cli/main.ts', 'dist/cli/main'],
  // elkjs (1.6 MB) is a file of its own, read only by the thread src/node/elk-runner.ts starts on the
  // first elkjs layout (`cloudarch.diagram.layout: elkjs`, `cloudarch export --layout elkjs`): no
  // bundle that runs at start-up carries it.
  ['node_modules/elkjs/lib/elk.bundled.js', 'dist/server/elk'],
].filter(([source]) => existsSync(source));

const browserEntries = [
  ['webview/main.ts', 'dist/webview/main'],
  // The simulation panel's page; its CSS (uPlot's and its own) becomes dist/webview/simulation.css.
  ['webview/simulation/main.ts', 'dist/webview/simulation'],
].filter(([source]) => existsSync(source));

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const contexts = [];
if (nodeEntries.length > 0) {
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: nodeEntries.map(([input, output]) => ({ in: input, out: output })),
      outdir: '.',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // `vscode` is provided by the extension host at run time and must never be bundled. The native
      // build of resvg (the CLI's PNG export, src/node/rasterise-png.ts) is found at run time in
      // node_modules, with the binary for the platform; without it the WebAssembly build draws.
      external: ['vscode', '@resvg/resvg-js'],
    }),
  );
}
if (browserEntries.length > 0) {
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: browserEntries.map(([input, output]) => ({ in: input, out: output })),
      outdir: '.',
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
    }),
  );
}

/**
 * Files the Node bundles read at run time rather than bundle: the PNG rasteriser's WebAssembly
 * module and the font it draws text with (with the font's licence). src/node/rasterise-png.ts
 * looks for them in dist/assets/. One weight only: the .vsix must stay under 3 MB, and the bold
 * face would add 350 KB (compressed); bold text is drawn in the regular face.
 */
const assets = [
  ['node_modules/@resvg/resvg-wasm/index_bg.wasm', 'dist/assets/resvg.wasm'],
  ['node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf', 'dist/assets/fonts/DejaVuSans.ttf'],
  ['node_modules/dejavu-fonts-ttf/LICENSE', 'dist/assets/fonts/LICENSE-DejaVu.txt'],
];
for (const [from, to] of assets) {
  if (!existsSync(from)) continue;
  mkdirSync(to.slice(0, to.lastIndexOf('/')), { recursive: true });
  copyFileSync(from, to);
}

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}

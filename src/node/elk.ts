/**
 * Loads elkjs for the adapters that lay diagrams out in Node (the CLI, the language server's
 * worker). The pure core never loads it; it is handed the instance. Loaded on first use, so a
 * command or a server that draws nothing never pays for it.
 *
 * The build writes elkjs as a file of its own, dist/server/elk.js (see esbuild.mjs), so no bundle
 * that starts at every launch carries its 1.6 MB, and the `.vsix` carries it once. From the sources
 * (tests, the benchmark) it is the package itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ElkLike } from '../diagram/types';

type ElkConstructor = new () => ElkLike;

/** Where the built elkjs lies relative to the bundle that asks: beside the server, or the CLI's sibling. */
function elkPath(): string {
  for (const candidate of [join(__dirname, 'elk.js'), join(__dirname, '..', 'server', 'elk.js')]) {
    if (existsSync(candidate)) return candidate;
  }
  return 'elkjs/lib/elk.bundled.js';
}

/** elkjs's constructor. A path in a variable: esbuild leaves this `require` to Node instead of bundling elkjs. */
export function elkConstructor(): ElkConstructor {
  const target = elkPath();
  const loaded = require(target) as ElkConstructor | { default: ElkConstructor };
  return typeof loaded === 'function' ? loaded : loaded.default;
}

/** A new elkjs instance (the bundled build: no web worker, it runs on the calling thread). */
export function loadElk(): ElkLike {
  return new (elkConstructor())();
}

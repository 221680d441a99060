/**
 * Loads elkjs for the adapters that lay diagrams out in Node (the CLI, the language server's
 * worker). The pure core never loads it; it is handed the instance. Loaded on first use, so a
 * command or a server that draws nothing never pays for it.
 */
import type { ElkLike } from '../diagram/types';

interface ElkConstructor {
  new (): ElkLike;
}

let elk: ElkLike | undefined;

/** The process's elkjs instance (the bundled build: no web worker, runs on the calling thread). */
export function loadElk(): ElkLike {
  if (elk === undefined) {
     
    const ELK = require('elkjs/lib/elk.bundled.js') as ElkConstructor;
    elk = new ELK();
  }
  return elk;
}

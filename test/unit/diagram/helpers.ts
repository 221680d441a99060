/**
 * Shared by the diagram tests: the examples, a real elkjs instance (loaded here, in the test, as
 * the adapters do; the core never loads it), and the compact descriptions of a graph that the
 * fixture expectations are written in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagramGraph, ElkLike } from '../../../src/diagram';

export const repositoryRoot = join(__dirname, '..', '..', '..');
export const examplesFolder = join(repositoryRoot, 'examples');
export const diagramFixtures = join(repositoryRoot, 'test', 'fixtures', 'diagram');

export function exampleFiles(): string[] {
  return readdirSync(examplesFolder)
    .filter((name) => name.endsWith('.cloudarch.yaml'))
    .sort();
}

export function readExample(name: string): string {
  return readFileSync(join(examplesFolder, name), 'utf8');
}

interface ElkConstructor {
  new (): ElkLike;
}

let elk: ElkLike | undefined;
/** One elkjs instance for all tests (creating one costs tens of milliseconds). */
export function realElk(): ElkLike {
  if (!elk) {
    const ELK = require('elkjs/lib/elk.bundled.js') as ElkConstructor;
    elk = new ELK();
  }
  return elk;
}

/** The graph as the fixture expectations write it. */
export function describeGraph(graph: DiagramGraph): { containers: string[]; nodes: string[]; edges: string[] } {
  return {
    containers: graph.containers.map((c) => `${c.id} < ${c.parent ?? ''}`),
    nodes: graph.nodes.map(
      (n) =>
        `${n.id} in ${n.container ?? '-'}${n.role ? ` ${n.role}` : ''}${n.securityGroups.length ? ` sg=${n.securityGroups.join(',')}` : ''}${n.volumes.length ? ` vol=${n.volumes.map((v) => v.label).join(',')}` : ''}`,
    ),
    edges: graph.edges.map((e) => `${e.kind}: ${e.source} -> ${e.target}${e.label ? ` [${e.label}]` : ''}`),
  };
}

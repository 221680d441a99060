/**
 * Diagrams of the examples made exactly as the server's worker makes them (parse, evaluate, the
 * diagram maker with elkjs), for the browser tests of the webview.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../src/core/parse';
import { evaluateAll } from '../../../src/evaluate/index';
import type { LaidOutDiagram } from '../../../src/diagram/index';
import type { DiagramResult, DiagramTheme } from '../../../src/protocol/diagram';
import { createDiagramMaker } from '../../../src/server/diagram-maker';

const examplesFolder = join(__dirname, '..', '..', '..', 'examples');

export const exampleFiles: readonly string[] = readdirSync(examplesFolder)
  .filter((name) => name.endsWith('.cloudarch.yaml'))
  .sort();

export function exampleText(file: string): string {
  return readFileSync(join(examplesFolder, file), 'utf8');
}

/**
 * Until src/diagram has its renderer, a plain one that draws what the webview relies on: a `<g
 * data-resource>` per node, a `<g data-container>` per container, edges, and a `<style>` element.
 */
function plainRenderer(laidOut: LaidOutDiagram): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
  const nodes = new Map(laidOut.graph.nodes.map((node) => [node.id, node]));
  const containers = laidOut.containers.map((box) => `<g data-container="${escape(box.id)}"><rect class="container" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}"/></g>`);
  const edges = laidOut.edges.map((edge) => `<polyline class="edge" points="${edge.points.map((point) => `${point.x},${point.y}`).join(' ')}"/>`);
  const drawn = laidOut.nodes.map((box) => {
    const node = nodes.get(box.id)!;
    return `<g data-resource="${escape(node.resource)}"><rect class="node" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="4"/><text x="${box.x + 6}" y="${box.y + 18}">${escape(node.label)}</text></g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${laidOut.width}" height="${laidOut.height}" viewBox="0 0 ${laidOut.width} ${laidOut.height}"><style>.container{fill:none;stroke:#8c8c8c}.node{fill:#fff;stroke:#ed7100}.edge{fill:none;stroke:#555}text{font:12px sans-serif}</style>${containers.join('')}${edges.join('')}${drawn.join('')}</svg>`;
}

const core = require('../../../src/diagram/index') as Record<string, unknown>;
const maker = createDiagramMaker(typeof core.renderDiagramSvg === 'function' ? {} : { renderSvg: plainRenderer });

/** The diagram result of a text, as `cloudarch/diagram` answers it. */
export async function diagramOf(text: string, options: { key?: string; version?: number; theme?: DiagramTheme } = {}): Promise<DiagramResult> {
  const doc = parseArchitecture(text);
  const evaluation = doc.diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.code === 'yaml-syntax') ? undefined : evaluateAll(doc, { monteCarloSamples: 0 });
  return maker.make(options.key ?? 'file:///example.cloudarch.yaml', options.version ?? 1, doc, evaluation, { theme: options.theme ?? 'light', layers: [], overlays: [] });
}

/**
 * Diagrams of the examples made exactly as the server's worker makes them (parse, evaluate, the
 * diagram maker with elkjs), for the browser tests of the webview.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../src/core/parse';
import { evaluateAll } from '../../../src/evaluate/index';
import type { DiagramLayer, DiagramResult, DiagramTheme } from '../../../src/protocol/diagram';
import { createDiagramMaker } from '../../../src/server/diagram-maker';

const examplesFolder = join(__dirname, '..', '..', '..', 'examples');

export const exampleFiles: readonly string[] = readdirSync(examplesFolder)
  .filter((name) => name.endsWith('.cloudarch.yaml'))
  .sort();

export function exampleText(file: string): string {
  return readFileSync(join(examplesFolder, file), 'utf8');
}

const maker = createDiagramMaker();

/** The diagram result of a text, as `cloudarch/diagram` answers it. */
export async function diagramOf(
  text: string,
  options: { key?: string; version?: number; theme?: DiagramTheme; layers?: readonly DiagramLayer[] } = {},
): Promise<DiagramResult> {
  const doc = parseArchitecture(text);
  const evaluation = doc.diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.code === 'yaml-syntax')
    ? undefined
    : evaluateAll(doc, { monteCarloSamples: 0 });
  return maker.make(options.key ?? 'file:///example.cloudarch.yaml', options.version ?? 1, doc, evaluation, {
    theme: options.theme ?? 'light',
    layers: options.layers ?? [],
    overlays: [],
  });
}

/**
 * The diagram panel's speed through the built language server, as the panel asks it
 * (`cloudarch/diagram` over stdio): the first picture of a file (a fresh server: the worker loads
 * the diagram code and lays out for the first time) and the picture after an edit, at 100 and 500
 * resources. Run: `npm run build && tsx bench/diagram-panel.ts`. The command-to-picture time with
 * the webview is measured in `npm run bench` by bench/first-picture.ts and, in a real VS Code, by
 * test/e2e/suites/diagram.test.ts, which prints command-to-picture times.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DiagramResult } from '../src/protocol/diagram';
import { generateArchitecture } from './generate';
import { builtServer, LspSession } from './lsp-session';

const root = resolve(__dirname, '..');
const workDir = join(root, 'out', 'bench');
const server = builtServer;

export interface DiagramPanelFigures {
  readonly resources: number;
  /** A fresh server with the file open: the first `cloudarch/diagram` answer (ms). */
  readonly firstMs: number;
  /** A property value edited (the layout is reused): change sent -> picture answered (ms). */
  readonly valueEdit: { readonly median: number; readonly p95: number };
  /** A resource added (laid out again, seeded from the previous positions) (ms). */
  readonly structureEdit: { readonly median: number; readonly p95: number };
}

function stats(samples: readonly number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { median: Math.round(at(0.5) * 10) / 10, p95: Math.round(at(0.95) * 10) / 10 };
}

export async function measureDiagramPanel(resources: number, runs = 20): Promise<DiagramPanelFigures> {
  mkdirSync(workDir, { recursive: true });
  const text = generateArchitecture(resources, 3);
  const session = await LspSession.start(server, workDir);
  try {
    const uri = pathToFileURL(join(workDir, `diagram-${resources}.cloudarch.yaml`)).href;
    await session.open(uri, 'cloudarch', text);
    const ask = () => session.connection.sendRequest<DiagramResult | null>('cloudarch/diagram', { uri, theme: 'light' });
    let started = performance.now();
    const first = await ask();
    const firstMs = performance.now() - started;
    if (!first?.svg) throw new Error('the server drew no diagram');

    let lines = text.split('\n');
    let version = 1;
    const typeLine = lines.findIndex((line) => /^\s+instanceType: /.test(line));
    const timedEdit = async (
      range: { start: { line: number; character: number }; end: { line: number; character: number } },
      replacement: string,
    ): Promise<number> => {
      version++;
      started = performance.now();
      await session.change(uri, version, range, replacement);
      const answer = await ask();
      if (!answer || answer.version !== version || answer.pictureVersion !== version)
        throw new Error(`expected the picture of version ${version}`);
      return performance.now() - started;
    };

    // A property value: the structure is the same, so the layout is reused and only redrawn.
    const valueSamples: number[] = [];
    for (let run = 0; run < runs + 3; run++) {
      const line = lines[typeLine]!;
      const value = line.includes('t3.medium') ? 't3.large' : 't3.medium';
      const replaced = line.replace(/instanceType: \S+/, `instanceType: ${value}`);
      const ms = await timedEdit({ start: { line: typeLine, character: 0 }, end: { line: typeLine, character: line.length } }, replaced);
      lines[typeLine] = replaced;
      if (run >= 3) valueSamples.push(ms);
    }
    // A resource added at the end: a new node, laid out again from the previous positions.
    const structureSamples: number[] = [];
    for (let run = 0; run < runs + 3; run++) {
      const end = lines.length - 1;
      const added = `  extra-bucket-${run}:\n    type: aws.s3.bucket\n`;
      const ms = await timedEdit(
        { start: { line: end, character: lines[end]!.length }, end: { line: end, character: lines[end]!.length } },
        `\n${added}`,
      );
      lines = [...lines.slice(0, end), `${lines[end]}`, ...added.split('\n')];
      lines = lines.join('\n').split('\n');
      if (run >= 3) structureSamples.push(ms);
    }
    return { resources, firstMs: Math.round(firstMs), valueEdit: stats(valueSamples), structureEdit: stats(structureSamples) };
  } finally {
    await session.stop();
  }
}

if (require.main === module) {
  void (async () => {
    for (const resources of [100, 500]) {
      const figures = await measureDiagramPanel(resources);
      console.log(
        `diagram panel [${resources} resources]: first picture ${figures.firstMs} ms; value edit -> picture median ${figures.valueEdit.median} ms, p95 ${figures.valueEdit.p95} ms; resource added -> picture median ${figures.structureEdit.median} ms, p95 ${figures.structureEdit.p95} ms`,
      );
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

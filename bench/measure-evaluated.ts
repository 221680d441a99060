/**
 * The benchmark's "edit -> diagnostics with evaluations" alone, for comparing builds of the server
 * side by side on a loaded machine: each round starts every given server in turn (alternating the
 * order from one round to the next), opens the generated file, makes the plain edits `npm run bench`
 * makes before this figure (so the server's heap is in the same state), then times one-digit edits
 * mid-file until the publication that carries the evaluations' findings of the edited version has
 * arrived and been parsed (the same method as bench/run.ts, through bench/lsp-session.ts).
 *
 *   npm run build && cp -r dist /tmp/old-dist    # the build to compare against, then change and rebuild
 *   npx tsx bench/measure-evaluated.ts --servers=/tmp/old-dist/server/main.js,dist/server/main.js \
 *     [--size=1000] [--rounds=4] [--edits=40]
 *
 * Prints each run's median and p95 and, per server, the median and p95 of all its samples pooled.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateArchitecture } from './generate';
import { LspSession } from './lsp-session';

function option(name: string, fallback: string): string {
  const found = process.argv.find((argument) => argument.startsWith(`--${name}=`));
  return found === undefined ? fallback : found.slice(name.length + 3);
}

const root = resolve(__dirname, '..');
const servers = option('servers', join(root, 'dist/server/main.js')).split(',');
const size = Number(option('size', '1000'));
const rounds = Number(option('rounds', '4'));
const edits = Number(option('edits', '40'));

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function describe(samples: readonly number[]): string {
  return `median ${quantile(samples, 0.5).toFixed(1)} ms, p95 ${quantile(samples, 0.95).toFixed(1)} ms, max ${quantile(samples, 1).toFixed(1)} ms (${samples.length})`;
}

/** Waits until the server's summary counts findings: the document has been evaluated (2 minutes at most). */
async function evaluatedOnce(session: LspSession, uri: string): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    const summary = await session.connection.sendRequest<{ findings?: unknown } | null>('cloudarch/summary', { uri });
    if (summary?.findings !== undefined) return;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 200));
  }
  throw new Error(`${uri} was not evaluated within 2 minutes`);
}

async function measure(serverPath: string, file: string, text: string): Promise<number[]> {
  const session = await LspSession.start(
    { command: process.execPath, args: [serverPath, '--stdio'], configuration: () => ({}) },
    join(root, 'out/bench'),
  );
  try {
    const uri = pathToFileURL(file).href;
    await session.open(uri, 'cloudarch', text);
    // The first evaluation (the worker starts, parses and evaluates from scratch) is not timed; on a
    // loaded machine it can take longer than the session's 5 s guess allows, so it is awaited here.
    await evaluatedOnce(session, uri);
    const lines = text.split('\n');
    let line = Math.floor(lines.length / 2);
    while (!/^\s+sizeGB: \d/.test(lines[line]!)) line++;
    const character = /^(\s+sizeGB: )/.exec(lines[line]!)![1]!.length;
    let digit = Number(lines[line]!.charAt(character));
    let version = 1;
    const range = { start: { line, character }, end: { line, character: character + 1 } };
    const nextDigit = () => String((digit = digit === 9 ? 1 : digit + 1));
    // The plain edits bench/run.ts makes first (3 warm-ups and 30 runs).
    const plain: number[] = [];
    for (let index = 0; index < 33; index++) {
      version++;
      const published = session.nextDiagnostics(uri, version);
      const started = performance.now();
      await session.change(uri, version, range, nextDigit());
      await published;
      if (index >= 3) plain.push(performance.now() - started);
    }
    if (process.argv.includes('--plain')) console.log(`  plain edits: ${describe(plain)}`);
    await evaluatedOnce(session, uri);
    const samples: number[] = [];
    for (let index = 0; index < 3 + edits; index++) {
      version++;
      const evaluated = session.evaluatedDiagnostics(uri, version, 30_000);
      const started = performance.now();
      await session.change(uri, version, range, nextDigit());
      const arrived = await evaluated;
      if (index >= 3) samples.push(arrived.at - started);
    }
    return samples;
  } finally {
    await session.stop();
  }
}

async function main(): Promise<void> {
  const workDir = join(root, 'out/bench');
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, `evaluated-${size}.cloudarch.yaml`);
  const text = generateArchitecture(size);
  writeFileSync(file, text);
  const pooled = new Map<string, number[]>(servers.map((server) => [server, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const server of order) {
      const samples = await measure(server, file, text);
      pooled.get(server)!.push(...samples);
      console.log(`round ${round + 1} ${server}: ${describe(samples)}`);
    }
  }
  console.log('\npooled:');
  for (const [server, samples] of pooled) console.log(`  ${server}: ${describe(samples)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

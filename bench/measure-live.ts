/**
 * A measuring script, not a test: the evaluation worker's answer to one keystroke, in process. It
 * runs the `live` handler the worker runs (incremental parse, the evaluations with the previous
 * result, the diagnostics' JSON, the figures) on a generated file after one-digit edits of a
 * `sizeGB:` mid-file, as "edit → diagnostics with evaluations" makes them, and prints the CPU time
 * and wall time per edit. The text of each edit is flattened first, as a message from the server
 * thread arrives.
 *
 *   npx tsx bench/measure-live.ts [size] [edits]
 *
 * The machine is shared: wall and even CPU figures move with its load (the 10th percentile of the
 * CPU time moves least: compare builds by it, run alternately). For a figure the load does
 * not change, count instructions: bundle it (`npx esbuild bench/measure-live.ts --bundle
 * --platform=node --outfile=out/measure-live.js`) and run `valgrind --tool=cachegrind
 * --cache-sim=no --smc-check=all-non-file node out/measure-live.js 1000 40`, then with 80 edits:
 * the difference divided by 40 is the instructions per edit (the cold start cancels out). Add
 * `--cpu-prof` to node for a profile.
 */
import { generateArchitecture } from './generate';
import { createEngineLanguageService } from '../src/language/engine';
import { evaluationHandlers } from '../src/server/evaluation-handlers';
import type { LiveEvaluationMessage, LiveRequest } from '../src/server/evaluation-requests';
import { WorkerSession } from '../src/server/worker-session';

const size = Number(process.argv[2] ?? 1000);
const edits = Number(process.argv[3] ?? 200);
/** Edits made before the timed ones, so the timed ones run optimised code. */
const warmups = 20;

function quantile(values: readonly number[], fraction: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1))]!.toFixed(2);
}

function main(): void {
  let text = generateArchitecture(size);
  const session = new WorkerSession(createEngineLanguageService());
  const uri = 'file:///bench/arch.cloudarch.yaml';
  const at = text.indexOf('sizeGB: ', Math.floor(text.length / 2)) + 'sizeGB: '.length;
  // The lists the server holds, as the evaluation loader tracks them: named when unchanged.
  const held: { diagnostics?: number; parseDiagnostics?: number } = {};
  const live = (version: number): void => {
    const request: LiveRequest = { uri, version, text, minimumSeverity: 'low', held: { ...held } };
    // The live handler answers synchronously (its type allows a promise, as every kind's does).
    const answer = evaluationHandlers.live(request, session) as LiveEvaluationMessage;
    if ('serial' in answer.diagnostics) held.diagnostics = answer.diagnostics.serial;
    if ('serial' in answer.parseDiagnostics) held.parseDiagnostics = answer.parseDiagnostics.serial;
  };
  live(1);
  let digit = Number(text.charAt(at));
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let index = 0; index < warmups + edits; index++) {
    digit = digit === 9 ? 1 : digit + 1;
    text = Buffer.from(text.slice(0, at) + String(digit) + text.slice(at + 1)).toString();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    live(index + 2);
    if (index < warmups) continue;
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  console.log(
    `live answer at ${size} resources, ${edits} edits: CPU p10 ${quantile(cpu, 0.1)} ms, median ${quantile(cpu, 0.5)} ms, p95 ${quantile(cpu, 0.95)} ms; ` +
      `wall median ${quantile(wall, 0.5)} ms, p95 ${quantile(wall, 0.95)} ms`,
  );
}

main();

/**
 * A measuring script, not a test: the evaluation worker's answer to one keystroke, in process. It
 * runs the `live` handler the worker runs (incremental parse, the evaluations with the previous
 * result, the diagnostics' JSON, the figures) on a generated file after one-digit edits of a
 * `sizeGB:` mid-file, as "edit → diagnostics with evaluations" makes them, and prints the CPU time
 * and wall time per edit (bench/live-step.ts).
 *
 *   npx tsx bench/measure-live.ts [size] [edits]
 *
 * The machine is shared: wall and even CPU figures move with its load (the 10th percentile of the
 * CPU time moves least). To compare two builds, run them in one process, edit for edit:
 * bench/compare-live.mjs. For a figure the load does not change, count instructions: bundle it
 * (`npx esbuild bench/measure-live.ts --bundle --platform=node --outfile=out/measure-live.js`) and
 * run `valgrind --tool=cachegrind --cache-sim=no --smc-check=all-non-file node --predictable
 * out/measure-live.js 1000 40`, then with 80 edits: the difference divided by 40 is the
 * instructions per edit (the cold start cancels out; `--predictable` keeps V8's collections and
 * compilations from depending on time). Slow: minutes per run. Add `--cpu-prof` to node for a profile.
 */
import { createLiveStepper, sizeDigitEdit } from './live-step';

const size = Number(process.argv[2] ?? 1000);
const edits = Number(process.argv[3] ?? 200);
/** Edits made before the timed ones, so the timed ones run optimised code. */
const warmups = 20;

function quantile(values: readonly number[], fraction: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1))]!.toFixed(2);
}

function main(): void {
  const step = createLiveStepper(size);
  let digit = 1;
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let index = 0; index < warmups + edits; index++) {
    digit = digit === 9 ? 1 : digit + 1;
    const time = step(sizeDigitEdit(digit));
    if (index < warmups) continue;
    cpu.push(time.cpu);
    wall.push(time.wall);
  }
  console.log(
    `live answer at ${size} resources, ${edits} edits: CPU p10 ${quantile(cpu, 0.1)} ms, median ${quantile(cpu, 0.5)} ms, p95 ${quantile(cpu, 0.95)} ms; ` +
      `wall median ${quantile(wall, 0.5)} ms, p95 ${quantile(wall, 0.95)} ms`,
  );
}

main();

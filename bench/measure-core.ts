/**
 * A measuring script, not a test (mocha runs only `*.test.ts`): the core's cold and warm parse, an
 * incremental edit, and availability, as medians of repeated runs in this process. Run it with
 * `npx tsx bench/measure-core.ts [size] [runs]`; compare figures taken in the same minute,
 * because the machine is shared.
 */
import { generateArchitecture } from './generate';
import { parseArchitecture } from '../src/core/parse';
import type { ArchDocument } from '../src/core/document';
import { evaluateAvailabilityAfresh } from '../src/evaluate/availability';

const size = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]! * 10) / 10;
}

function time<T>(run: () => T): [number, T] {
  const started = performance.now();
  const result = run();
  return [performance.now() - started, result];
}

const text = generateArchitecture(size);
const [first, firstDoc] = time(() => parseArchitecture(text));
console.log(
  `${size} resources (${(text.length / 1024).toFixed(0)} KiB, ${firstDoc.resources.length} parsed, ${firstDoc.diagnostics.length} diagnostics)`,
);
console.log(`first parse in this process: ${first.toFixed(1)} ms`);

const fresh: number[] = [];
for (let run = 0; run < runs; run++) fresh.push(time(() => parseArchitecture(text))[0]);
console.log(`fresh parse (warm process): median ${median(fresh)} ms`);

// Edits: a digit typed in the middle, a line inserted near the start (every later piece moves).
const middle = text.indexOf('sizeGB: ', Math.floor(text.length / 2)) + 'sizeGB: '.length;
const edits: number[] = [];
let doc: ArchDocument = firstDoc;
let current = text;
for (let run = 0; run < Math.max(20, runs * 4); run++) {
  current = current.slice(0, middle) + String((run % 9) + 1) + current.slice(middle + 1);
  const [ms, next] = time(() => parseArchitecture(current, { previous: doc }));
  edits.push(ms);
  doc = next;
}
console.log(`edit (one digit mid-file): median ${median(edits)} ms, p95 ${p95(edits)} ms`);

const early = current.indexOf('\n', current.indexOf('resources:')) + 1;
const moves: number[] = [];
for (let run = 0; run < Math.max(20, runs * 4); run++) {
  current =
    run % 2 === 0
      ? current.slice(0, early) + '  # moved\n' + current.slice(early)
      : current.slice(0, early) + current.slice(early + '  # moved\n'.length);
  const [ms, next] = time(() => parseArchitecture(current, { previous: doc }));
  moves.push(ms);
  doc = next;
}
console.log(`edit (line added/removed at the top): median ${median(moves)} ms, p95 ${p95(moves)} ms`);

const availability: number[] = [];
const [availabilityFirst] = time(() => evaluateAvailabilityAfresh(firstDoc, { monteCarloSamples: 0 }));
for (let run = 0; run < runs; run++) availability.push(time(() => evaluateAvailabilityAfresh(firstDoc, { monteCarloSamples: 0 }))[0]);
console.log(`availability afresh: first ${availabilityFirst.toFixed(1)} ms, median ${median(availability)} ms`);

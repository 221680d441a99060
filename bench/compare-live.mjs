/**
 * Compares the evaluation worker's live answer of two builds on a loaded machine: both run in ONE
 * process, edit for edit (each on its own document, the order alternating), so every pair of
 * samples meets the same load. Prints each build's CPU time per edit (p10, median, p95) and the
 * median of the paired differences, which the load moves least.
 *
 *   git archive <commit> src bench | tar -x -C /tmp/old     # the other build's sources
 *   cp bench/live-step.ts /tmp/old/bench/                   # if that commit lacks it
 *   ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   (cd /tmp/old && npx esbuild bench/live-step.ts --bundle --platform=node --outfile=/tmp/old.js)
 *   npx esbuild bench/live-step.ts --bundle --platform=node --outfile=/tmp/new.js
 *   node bench/compare-live.mjs /tmp/old.js /tmp/new.js [size] [edits]
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const [oldBundle, newBundle, sizeArgument = '1000', editsArgument = '200'] = process.argv.slice(2);
if (oldBundle === undefined || newBundle === undefined) throw new Error('usage: node bench/compare-live.mjs old.js new.js [size] [edits]');
const size = Number(sizeArgument);
const edits = Number(editsArgument);
const warmups = 20;

const stepOld = require(resolve(oldBundle)).createLiveStepper(size);
const stepNew = require(resolve(newBundle)).createLiveStepper(size);
const { sizeDigitEdit } = require(resolve(newBundle));

const oldCpu = [];
const newCpu = [];
let digit = 1;
for (let index = 0; index < warmups + edits; index++) {
  digit = digit === 9 ? 1 : digit + 1;
  const oldFirst = index % 2 === 0;
  const first = (oldFirst ? stepOld : stepNew)(sizeDigitEdit(digit)).cpu;
  const second = (oldFirst ? stepNew : stepOld)(sizeDigitEdit(digit)).cpu;
  if (index < warmups) continue;
  oldCpu.push(oldFirst ? first : second);
  newCpu.push(oldFirst ? second : first);
}

function quantile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1))].toFixed(2);
}
const describe = (values) => `p10 ${quantile(values, 0.1)} ms, median ${quantile(values, 0.5)} ms, p95 ${quantile(values, 0.95)} ms`;
console.log(`CPU per live answer, ${size} resources, ${edits} edits each`);
console.log(`  old: ${describe(oldCpu)}`);
console.log(`  new: ${describe(newCpu)}`);
console.log(`  old - new, paired: median ${quantile(oldCpu.map((value, index) => value - newCpu[index]), 0.5)} ms`);

/**
 * A profiling driver, not a test: parses a generated file `runs` times from scratch (or, with
 * `edit`, applies line insertions at the top incrementally). Run under
 * `node --cpu-prof --import tsx bench/profile-parse.ts [size] [runs] [fresh|edit|digit|availability]`.
 */
import { generateArchitecture } from './generate';
import { parseArchitecture } from '../src/core/parse';
import { evaluateAvailabilityAfresh } from '../src/evaluate/availability';

const size = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 5);
const mode = process.argv[4] ?? 'fresh';
const text = generateArchitecture(size);
let doc = parseArchitecture(text);
const started = performance.now();
if (mode === 'fresh') for (let run = 0; run < runs; run++) doc = parseArchitecture(text);
else if (mode === 'availability') for (let run = 0; run < runs; run++) evaluateAvailabilityAfresh(doc, { monteCarloSamples: 0 });
else if (mode === 'digit') {
  let current = text;
  const middle = text.indexOf('sizeGB: ', Math.floor(text.length / 2)) + 'sizeGB: '.length;
  for (let run = 0; run < runs; run++) {
    current = current.slice(0, middle) + String((run % 9) + 1) + current.slice(middle + 1);
    doc = parseArchitecture(current, { previous: doc });
  }
} else {
  let current = text;
  const early = current.indexOf('\n', current.indexOf('resources:')) + 1;
  for (let run = 0; run < runs; run++) {
    current =
      run % 2 === 0
        ? current.slice(0, early) + '  # moved\n' + current.slice(early)
        : current.slice(0, early) + current.slice(early + '  # moved\n'.length);
    doc = parseArchitecture(current, { previous: doc });
  }
}
console.log(`${mode}: ${((performance.now() - started) / runs).toFixed(1)} ms per run`);

/**
 * A profiling driver, not a benchmark: generates an architecture, parses it, applies one-character
 * edits incrementally (with `previous`) and runs each evaluation after every edit, printing the
 * median of each step. Run it under `node --cpu-prof --import tsx bench/profile.ts [size] [edits]`
 * to see where the time goes; `npm run bench` remains the measurement of record.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { generateArchitecture } from './generate';
import { parseArchitecture } from '../src/core/parse';
import type { ArchDocument } from '../src/core/document';
import { evaluateAvailability } from '../src/evaluate/availability';
import { evaluateCost } from '../src/evaluate/cost';
import { evaluateSecurity } from '../src/evaluate/security';
import { evaluateAll } from '../src/evaluate/index';
import type { AvailabilityResult, CostResult, EvaluationResult, SecurityResult } from '../src/evaluate/types';

const size = Number(process.argv[2] ?? 1000);
const edits = Number(process.argv[3] ?? 30);
const only = process.argv[4];

function post(session: Session, method: string): Promise<unknown> {
  return new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 100) / 100;
}
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]! * 100) / 100;
}

async function main(): Promise<void> {
  let text = generateArchitecture(size);
  let started = performance.now();
  let doc: ArchDocument = parseArchitecture(text);
  console.log(`cold parse of ${doc.resources.length} resources: ${(performance.now() - started).toFixed(1)} ms`);
  const timings: Record<string, number[]> = { parse: [], availability: [], cost: [], security: [], all: [] };
  // Each evaluator is handed its previous result, as the evaluation worker does.
  const previous: { availability?: AvailabilityResult; cost?: CostResult; security?: SecurityResult; all?: EvaluationResult } = {};
  const evaluators: [string, (d: ArchDocument) => unknown][] = [
    [
      'availability',
      (d) =>
        (previous.availability = evaluateAvailability(d, {
          monteCarloSamples: 0,
          ...(previous.availability ? { previous: previous.availability } : {}),
        })),
    ],
    ['cost', (d) => (previous.cost = evaluateCost(d, previous.cost ? { previous: previous.cost } : {}))],
    ['security', (d) => (previous.security = evaluateSecurity(d, previous.security ? { previous: previous.security } : {}))],
    ['all', (d) => (previous.all = evaluateAll(d, { monteCarloSamples: 0, ...(previous.all ? { previous: previous.all } : {}) }))],
  ];
  for (const [name, evaluate] of evaluators) {
    if (only && only !== name && only !== 'eval') continue;
    started = performance.now();
    evaluate(doc);
    console.log(`cold ${name}: ${(performance.now() - started).toFixed(1)} ms`);
  }

  // The edit the LSP benchmark makes: change the first digit of a `sizeGB:` in the second half.
  const lines = text.split('\n');
  let target = -1;
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    if (/^\s+sizeGB: \d/.test(lines[line]!)) {
      target = lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + lines[line]!.indexOf(': ') + 2;
      break;
    }
  }
  const profileTo = process.env.PROFILE_EDITS;
  const session = profileTo ? new Session() : undefined;
  if (session) {
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.start');
  }
  for (let i = 0; i < edits; i++) {
    const digit = String((i % 9) + 1);
    text = text.slice(0, target) + digit + text.slice(target + 1);
    started = performance.now();
    doc = parseArchitecture(text, { previous: doc });
    timings.parse!.push(performance.now() - started);
    for (const [name, evaluate] of evaluators) {
      if (only && only !== name && only !== 'eval') continue;
      started = performance.now();
      evaluate(doc);
      timings[name]!.push(performance.now() - started);
    }
  }
  if (session && profileTo) {
    const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown };
    writeFileSync(profileTo, JSON.stringify(profile));
  }
  for (const [name, values] of Object.entries(timings)) {
    if (values.length > 0) console.log(`edit ${name}: median ${median(values)} ms, p95 ${p95(values)} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

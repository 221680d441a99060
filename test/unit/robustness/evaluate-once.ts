/**
 * Parses and evaluates one file and prints the CPU time it took, as JSON. Run in a child process by
 * termination.test.ts, so an evaluation that never ends can be stopped from outside: mocha's
 * timeout cannot interrupt synchronous code.
 */
import { readFileSync } from 'node:fs';
import { parseArchitecture } from '../../../src/core/parse';
import { evaluateAll } from '../../../src/evaluate/index';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: evaluate-once.ts FILE');
const text = readFileSync(file, 'utf8');
const started = process.cpuUsage();
const doc = parseArchitecture(text);
const result = evaluateAll(doc, { monteCarloSamples: 0 });
const used = process.cpuUsage(started);
process.stdout.write(
  `${JSON.stringify({ cpuMs: (used.user + used.system) / 1000, availability: result.availability?.percent ?? null, monthlyUSD: result.cost?.monthlyUSD ?? null })}\n`,
);

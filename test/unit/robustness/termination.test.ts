/**
 * Every evaluation terminates, and quickly: files whose availability model has very many zone and
 * region states (many regions, or many zone letters) are evaluated in a child process that is
 * stopped after a deadline, because a synchronous evaluation that never ends cannot be interrupted
 * from inside the test. Fixtures: test/fixtures/robustness/termination.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const folder = join(__dirname, '..', '..', 'fixtures', 'robustness', 'termination');
const script = join(__dirname, 'evaluate-once.ts');
/** CPU time one file may take to parse and evaluate. */
const budgetMs = 1000;
/** Wall time before the child is stopped: start-up included, and slack for a busy machine. */
const deadlineMs = 20_000;

describe('every evaluation terminates quickly', function () {
  this.timeout(deadlineMs + 10_000);
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.cloudarch.yaml'))
    .sort()) {
    it(`${file} is parsed and evaluated in under ${budgetMs} ms of CPU time`, () => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, join(folder, file)], { encoding: 'utf8', timeout: deadlineMs });
      assert.notEqual(run.signal, 'SIGTERM', `the evaluation did not finish within ${deadlineMs / 1000} s`);
      assert.equal(run.status, 0, run.stderr);
      const outcome = JSON.parse(run.stdout) as { cpuMs: number; availability: number | null; monthlyUSD: number | null };
      assert.ok(outcome.cpuMs < budgetMs, `parse and evaluation used ${outcome.cpuMs.toFixed(0)} ms of CPU time`);
      for (const value of [outcome.availability, outcome.monthlyUSD]) assert.ok(value === null || Number.isFinite(value));
    });
  }
});

/**
 * The benchmark figures the README and docs/benchmark.md publish are generated from the published
 * run (docs/bench.json) by `npm run bench:docs`: no figure is typed by hand. This fails when a table
 * differs from what that run gives, and checks that the tables say which ratio is which.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchFullTable, benchSummaryTable, benchTargetsTable, replaceGenerated, type BenchReport } from '../../scripts/bench-tables';

const root = join(__dirname, '..', '..');
const report = JSON.parse(readFileSync(join(root, 'docs', 'bench.json'), 'utf8')) as BenchReport;

describe('published benchmark tables', () => {
  const cases: [string, string, string][] = [
    ['docs/benchmark.md', 'bench-table', benchFullTable(report)],
    ['docs/benchmark.md', 'bench-targets', benchTargetsTable(report)],
    ['README.md', 'bench-summary', benchSummaryTable(report)],
  ];
  for (const [file, marker, table] of cases) {
    it(`${file} holds the ${marker} table of docs/bench.json (run npm run bench:docs)`, () => {
      const text = readFileSync(join(root, file), 'utf8');
      assert.equal(replaceGenerated(text, marker, table), text);
    });
  }

  it('compares with the peer both as shipped and without its validation wait, and names the machine and date', () => {
    const summary = benchSummaryTable(report);
    assert.match(summary, /peer as shipped \(or reference\) ÷ ours/);
    assert.match(summary, /peer without its wait ÷ ours/);
    assert.match(summary, /^Measured on \d{4}-\d{2}-\d{2} by `npm run bench` on \d+ × /m);
    const edit = report.measurements.find(
      (measurement) => measurement.name === 'edit -> diagnostics (CloudArch)' && measurement.size === 999,
    );
    assert.ok(
      edit?.ratio !== undefined && edit.engineRatio !== undefined,
      'the published run measured the peer both ways at 1,000 resources',
    );
  });

  it('fails on a missing marker instead of dropping a table', () => {
    assert.throws(() => replaceGenerated('no markers here', 'bench-table', 'x'), /markers/);
  });
});

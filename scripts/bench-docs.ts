/**
 * The benchmark's tables in docs/benchmark.md and README.md, generated from a benchmark result
 * (`out/bench.json`, written by `npm run bench`), so that no published figure is typed by hand.
 *
 *   npm run bench:docs              copy out/bench.json to docs/bench.json, then rewrite both tables
 *   npm run bench:docs -- --check   fail when the tables differ from what docs/bench.json gives
 *
 * docs/bench.json is the published run; test/unit/bench-docs.test.ts runs the check.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchFullTable, benchSummaryTable, benchTargetsTable, replaceGenerated, type BenchReport } from './bench-tables';

const root = resolve(__dirname, '..');
const published = join(root, 'docs/bench.json');
const check = process.argv.includes('--check');

function main(): number {
  if (!check) {
    const latest = join(root, 'out/bench.json');
    if (!existsSync(latest)) {
      console.error('out/bench.json is missing: run `npm run bench` first.');
      return 1;
    }
    copyFileSync(latest, published);
  }
  const report = JSON.parse(readFileSync(published, 'utf8')) as BenchReport;
  const targets: [string, string, string][] = [
    [join(root, 'docs/benchmark.md'), 'bench-table', benchFullTable(report)],
    [join(root, 'docs/benchmark.md'), 'bench-targets', benchTargetsTable(report)],
    [join(root, 'README.md'), 'bench-summary', benchSummaryTable(report)],
  ];
  let stale = 0;
  for (const [file, marker, table] of targets) {
    const before = readFileSync(file, 'utf8');
    const after = replaceGenerated(before, marker, table);
    if (after === before) continue;
    if (check) {
      console.error(`${file}: the ${marker} table is not what docs/bench.json gives; run \`npm run bench:docs\`.`);
      stale++;
    } else {
      writeFileSync(file, after);
      console.log(`updated ${file}`);
    }
  }
  return stale === 0 ? 0 : 1;
}

process.exit(main());

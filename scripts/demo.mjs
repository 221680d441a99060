// `npm run demo`: runs the built CLI on every example the way a user would, writes the outputs
// under out/demo/, prints a summary table, and exits non-zero when an example has errors.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'cloudarch.js');
const out = join(root, 'out', 'demo');
mkdirSync(out, { recursive: true });

function cloudarch(...args) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

const examples = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.cloudarch.yaml')).sort();
if (examples.length === 0) {
  console.error('demo: no examples/*.cloudarch.yaml found');
  process.exit(1);
}

const rows = [];
let failed = false;
for (const file of examples) {
  const path = join('examples', file);
  const name = basename(file, '.cloudarch.yaml');
  const json = cloudarch('validate', '--format', 'json', path);
  const text = cloudarch('validate', path);
  writeFileSync(join(out, `${name}.validate.json`), json.stdout);
  writeFileSync(join(out, `${name}.validate.txt`), text.stdout + text.stderr);
  let errors = '?';
  let warnings = '?';
  try {
    const parsed = JSON.parse(json.stdout);
    errors = parsed.errorCount;
    warnings = parsed.warningCount;
  } catch {
    failed = true;
  }
  if (json.status !== 0) failed = true;
  const row = { example: name, validate: json.status === 0 ? 'ok' : `exit ${json.status}`, errors, warnings };
  // The same evaluation in every format the CLI offers: the JSON feeds the summary table.
  const evaluation = cloudarch('evaluate', path, '--format', 'json');
  writeFileSync(join(out, `${name}.evaluate.json`), evaluation.stdout || evaluation.stderr);
  for (const [format, extension] of [['markdown', 'evaluate.md'], ['text', 'evaluate.txt'], ['sarif', 'security.sarif']]) {
    const report = cloudarch('evaluate', path, '--format', format);
    writeFileSync(join(out, `${name}.${extension}`), report.stdout || report.stderr);
    if (report.status !== 0) failed = true;
  }
  try {
    const report = JSON.parse(evaluation.stdout);
    row.availability = typeof report.availability?.percent === 'number' ? `${report.availability.percent.toFixed(4)}%` : '-';
    row.monthlyUSD = typeof report.cost?.monthlyUSD === 'number' ? `$${report.cost.monthlyUSD.toFixed(2)}` : '-';
    row.findings = Array.isArray(report.security?.findings) ? report.security.findings.length : '-';
  } catch {
    row.availability = `evaluate exit ${evaluation.status}`;
    failed = true;
  }
  rows.push(row);
}

const columns = Object.keys(rows[0]);
const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column] ?? '').length)));
const line = (values) => values.map((value, index) => String(value ?? '').padEnd(widths[index])).join('  ');
console.log(line(columns));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(columns.map((column) => row[column])));
console.log(`\nOutputs in ${out}`);
process.exit(failed ? 1 : 0);

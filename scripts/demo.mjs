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

const examples = readdirSync(join(root, 'examples'))
  .filter((name) => name.endsWith('.cloudarch.yaml'))
  .sort();
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
  for (const [format, extension] of [
    ['markdown', 'evaluate.md'],
    ['text', 'evaluate.txt'],
    ['sarif', 'security.sarif'],
  ]) {
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
  // The design-review outputs: the diagram (SVG, editable draw.io), the review document, the
  // CloudFormation template, and a week's simulation with a zone failing at the daily peak.
  const exports = [
    ['svg', `${name}.diagram.svg`],
    ['drawio', `${name}.drawio`],
    ['html', `${name}.review.html`],
    ['cloudformation', `${name}.template.yaml`],
  ];
  if (name === 'three-tier-web') exports.push(['png', `${name}.diagram.png`]);
  let exported = 0;
  for (const [format, output] of exports) {
    const result = cloudarch('export', path, '--to', format, '-o', join(out, output));
    if (result.status === 0) exported++;
    else {
      failed = true;
      writeFileSync(join(out, `${output}.error.txt`), result.stderr);
    }
  }
  row.exports = `${exported}/${exports.length}`;
  const zones = (() => {
    try {
      return Object.keys(JSON.parse(evaluation.stdout).availability?.zoneOutage ?? {});
    } catch {
      return [];
    }
  })();
  const failure = zones.length > 0 && /^[a-z]$/.test(zones[0]) ? ['--fail', `zone:${zones[0]}@1d14h+1h`] : [];
  const simulation = cloudarch('simulate', path, '--days', '7', ...failure, '--format', 'json');
  writeFileSync(join(out, `${name}.simulate.json`), simulation.stdout || simulation.stderr);
  try {
    const result = JSON.parse(simulation.stdout);
    const dropped = result.summary?.requestsDropped ?? result.requests?.dropped;
    row.simulated = typeof dropped === 'number' ? `${dropped.toLocaleString('en-US')} dropped` : 'ok';
  } catch {
    row.simulated = `simulate exit ${simulation.status}`;
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

// `node scripts/mutation-summary.mjs <scope>... [--survivors]`: the figures of the mutation reports
// (reports/mutation/<scope>.json, written by `npm run mutate -- <scope>`) as a Markdown table, one
// row per mutated file, and with --survivors the surviving and uncovered mutants, one per line,
// for the equivalence list in docs/testing.md.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const listSurvivors = args.includes('--survivors');
const scopes = args.filter((arg) => !arg.startsWith('--'));
if (scopes.length === 0) {
  console.error('usage: node scripts/mutation-summary.mjs <scope>... [--survivors]');
  process.exit(3);
}

const detected = new Set(['Killed', 'Timeout']);
const rows = [];
const survivors = [];
for (const scope of scopes) {
  const report = JSON.parse(readFileSync(`reports/mutation/${scope}.json`, 'utf8'));
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const count = (status) => mutants.filter((mutant) => mutant.status === status).length;
    const killed = mutants.filter((mutant) => detected.has(mutant.status)).length;
    const survived = count('Survived');
    const noCoverage = count('NoCoverage');
    const valid = killed + survived + noCoverage;
    rows.push({
      scope,
      file,
      all: mutants.length,
      ignored: count('Ignored'),
      rejected: count('CompileError'),
      valid,
      killed,
      survived,
      noCoverage,
      score: valid === 0 ? 100 : (100 * killed) / valid,
    });
    const lines = source.split('\n');
    for (const mutant of mutants.filter((each) => each.status === 'Survived' || each.status === 'NoCoverage')) {
      const { start, end } = mutant.location;
      const text = lines[start.line - 1] ?? '';
      const original = start.line === end.line ? text.slice(start.column - 1, end.column - 1) : `${text.slice(start.column - 1)}…`;
      survivors.push(
        `${file}:${start.line}:${start.column} ${mutant.status} ${mutant.mutatorName}: \`${original.trim().slice(0, 80)}\` → \`${String(
          mutant.replacement ?? '',
        )
          .replace(/\s+/g, ' ')
          .slice(0, 80)}\``,
      );
    }
  }
}

console.log('| file | mutants | ignored (static) | rejected by the type checker | tested | killed | survived | no coverage | score |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const total = { all: 0, ignored: 0, rejected: 0, valid: 0, killed: 0, survived: 0, noCoverage: 0 };
for (const row of rows) {
  console.log(
    `| \`${row.file}\` | ${row.all} | ${row.ignored} | ${row.rejected} | ${row.valid} | ${row.killed} | ${row.survived} | ${row.noCoverage} | ${row.score.toFixed(1)}% |`,
  );
  for (const key of Object.keys(total)) total[key] += row[key];
}
if (rows.length > 1) {
  const score = total.valid === 0 ? 100 : (100 * total.killed) / total.valid;
  console.log(
    `| all | ${total.all} | ${total.ignored} | ${total.rejected} | ${total.valid} | ${total.killed} | ${total.survived} | ${total.noCoverage} | ${score.toFixed(1)}% |`,
  );
}
if (listSurvivors) {
  console.log('');
  for (const line of survivors) console.log(`- ${line}`);
}

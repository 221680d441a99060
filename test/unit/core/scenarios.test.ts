/**
 * The `scenarios:` key as a user meets it (test/fixtures/scenarios/cases.yaml): what each scenario
 * reads to (the lens above it and `cloudarch simulate --scenario` run that), and every diagnostic
 * the file gets, with its full range and whole message, so that a mistake is underlined on the
 * exact list item or part of it.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArchitecture } from '../../../src/core';
import { readScenarios, type Scenario } from '../../../src/core/scenarios';

interface Case {
  readonly case: string;
  readonly resources?: string;
  readonly file: string;
  readonly read: readonly string[];
  readonly diagnostics: readonly string[];
}

const cases = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'scenarios', 'cases.yaml'), 'utf8')) as Case[];

const defaultResources = 'web:\n  type: aws.ec2.instance\n  instanceType: t3.micro\n  zones: [a]\n';

function header(resources: string): string {
  const indented = resources
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `cloudarch: "1"\nname: scenarios\nzones: [a, b]\nresources:\n${indented}\n`;
}

function describeScenario(scenario: Scenario, firstLine: number): string {
  const { start, end } = scenario.nameRange;
  const parts = [
    `${scenario.name} ${start.line - firstLine}:${start.character}-${end.line - firstLine}:${end.character}`,
    `days=${scenario.days}`,
  ];
  if (scenario.seed !== undefined) parts.push(`seed=${scenario.seed}`);
  if (scenario.description !== undefined) parts.push(`description=${JSON.stringify(scenario.description)}`);
  parts.push(`events=[${scenario.events.map((event) => event.text).join(', ')}]`);
  return parts.join(' ');
}

describe('scenarios', () => {
  it('reads none from an empty file, a file without them, or a key left empty', () => {
    for (const text of ['', 'cloudarch: "1"\nname: none\nresources: {}\n', 'cloudarch: "1"\nscenarios:\n'])
      assert.deepEqual(readScenarios(parseArchitecture(text).root, undefined).scenarios, [], JSON.stringify(text));
  });

  it('reports a bad spec in a file that has nothing but scenarios', () => {
    const doc = parseArchitecture('scenarios:\n  only: { failures: [zone:a@1x] }\n');
    assert.deepEqual(
      doc.diagnostics.filter((d) => d.code === 'invalid-scenario').map((d) => d.message),
      ['`zone:a@1x`: `1x` is not a time: write a number and a unit (d, h, m, s), such as 1d, 2d4h or 90m'],
    );
  });

  for (const c of cases) {
    it(c.case, () => {
      const head = header(c.resources ?? defaultResources);
      const firstLine = head.split('\n').length - 1;
      const doc = parseArchitecture(head + c.file);
      const diagnostics = doc.diagnostics.map(
        (d) =>
          `${d.severity} ${d.code} ${d.range.start.line - firstLine}:${d.range.start.character}-${d.range.end.line - firstLine}:${d.range.end.character} ${d.message}`,
      );
      assert.deepEqual(diagnostics, c.diagnostics);
      assert.deepEqual(
        doc.diagnostics.filter((d) => d.source !== 'cloudarch'),
        [],
        'every diagnostic says it comes from cloudarch',
      );
      const { scenarios } = readScenarios(doc.root, undefined);
      assert.deepEqual(
        scenarios.map((scenario) => describeScenario(scenario, firstLine)),
        c.read,
      );
    });
  }
});

/**
 * EBS volume limits at their bounds, per volume type (test/fixtures/volumes/cases.yaml): what the
 * editor underlines on the volume, with which words, and what its quick fix writes.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { parseArchitecture } from '../../../src/core';

interface Case {
  readonly volume: string;
  readonly says: readonly string[];
  readonly fixed?: string;
}

const cases = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'volumes', 'cases.yaml'), 'utf8')) as Case[];

/** The file around a volume; the volume's line is `volumeLine`. */
function fileWith(volume: string): string {
  return [
    'cloudarch: "1"',
    'name: volumes',
    'zones: [a, b]',
    'resources:',
    '  vm:',
    '    type: aws.ec2.instance',
    '    instanceType: m5.large',
    '    zones: [a]',
    '',
    `    volumes: [${volume}]`,
    '',
  ].join('\n');
}
const volumeLine = 9;

/** Every diagnostic on the volume's line, and the line after the first one's preferred fix. */
function volumeAnswer(volume: string): { says: string[]; fixed?: string } {
  const text = fileWith(volume);
  const doc = parseArchitecture(text);
  const onVolume = doc.diagnostics.filter((d) => d.range.start.line === volumeLine);
  const says = onVolume.map((d) => `${d.code} ${d.range.start.character}-${d.range.end.character}: ${d.message}`);
  const fixes = onVolume[0]?.fixes;
  const fix = fixes?.find((candidate) => candidate.isPreferred === true) ?? fixes?.[0];
  if (fix === undefined) return { says };
  const after = TextDocument.applyEdits(TextDocument.create('file:///v.cloudarch.yaml', 'cloudarch', 1, text), [...fix.edits]);
  return { says, fixed: `${fix.title}: ${after.split('\n').slice(volumeLine).join('\n').trimEnd()}` };
}

describe('EBS volume limits', () => {
  for (const c of cases) {
    it(c.volume, () => {
      const answer = volumeAnswer(c.volume);
      assert.deepEqual(answer.says, c.says ?? []);
      assert.equal(answer.fixed, c.fixed);
    });
  }
});

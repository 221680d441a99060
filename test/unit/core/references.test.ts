/**
 * What each way of writing a reference resolves to: target, port, optional flag, dependency role
 * and whether the name exists, compared in full for every case of
 * test/fixtures/references/resolution.yaml, with the diagnostics the case's resources get. The
 * availability model reads these fields (an optional reference is a soft dependency, a port decides
 * which security-group rules matter), so a qualifier lost or misread changes the verdicts.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArchitecture } from '../../../src/core';
import type { ReferenceOccurrence } from '../../../src/core';

interface Case {
  readonly case: string;
  readonly resources: string;
  readonly references: readonly string[];
  readonly codes?: readonly string[];
}

const cases = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'references', 'resolution.yaml'), 'utf8')) as Case[];

const others = [
  'db:',
  '  type: aws.rds.instance',
  '  engine: postgres',
  '  instanceClass: db.r5.large',
  'app-sg:',
  '  type: aws.ec2.security-group',
  'images:',
  '  type: aws.imagebuilder.pipeline',
];
const otherNames = new Set(['db', 'app-sg', 'images']);

function describeReference(reference: ReferenceOccurrence): string {
  const parts = [`${reference.from} ${reference.path.join('.')} -> ${reference.target}`];
  if (reference.port !== undefined) parts.push(`port=${reference.port}`);
  if (reference.optional !== undefined) parts.push(reference.optional ? 'optional' : 'optional=false');
  parts.push(`role=${reference.role}`);
  if (!reference.resolved) parts.push('unresolved');
  // Keys the line does not show must not exist either: a `port: undefined` is a defect too.
  const known = new Set(['from', 'path', 'target', 'range', 'port', 'optional', 'role', 'resolved']);
  for (const key of Object.keys(reference)) if (!known.has(key)) parts.push(`${key}?`);
  if ('port' in reference && reference.port === undefined) parts.push('port=undefined');
  return parts.join(' ');
}

describe('reference resolution', () => {
  for (const item of cases) {
    it(item.case, () => {
      const resources = [...item.resources.replace(/\s+$/, '').split('\n'), ...others];
      const text = ['cloudarch: "1"', 'name: references', 'resources:', ...resources.map((line) => `  ${line}`)].join('\n') + '\n';
      const doc = parseArchitecture(text);
      const own = doc.references.filter((reference) => !otherNames.has(reference.from));
      assert.deepEqual(own.map(describeReference), [...item.references]);
      const codes = doc.diagnostics
        .filter((diagnostic) => diagnostic.resource === undefined || !otherNames.has(diagnostic.resource))
        .map((diagnostic) => diagnostic.code);
      assert.deepEqual(
        codes,
        [...(item.codes ?? [])],
        doc.diagnostics.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`).join('\n'),
      );
    });
  }
});

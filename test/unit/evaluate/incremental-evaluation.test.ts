/**
 * Property: evaluating edit after edit, each evaluation handed the previous result (`previous`:
 * the recent results it reuses by content) and the caches kept by resource and document objects,
 * with the parser reusing the previous parse, gives exactly what a fresh parse evaluated with
 * nothing handed on gives. The edits are the ones typing makes: property
 * values, renames, references, inserted and removed lines, added and removed resources, zones.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateArchitecture } from '../../../bench/generate';
import { parseArchitecture, type ArchDocument, type ScalarNode, type ValueNode } from '../../../src/core';
import { evaluateAll } from '../../../src/evaluate';
import type { EvaluationResult } from '../../../src/evaluate/types';

const examples = join(__dirname, '..', '..', '..', 'examples');
const bases: readonly string[] = [
  generateArchitecture(30),
  readFileSync(join(examples, 'three-tier-web.cloudarch.yaml'), 'utf8'),
  readFileSync(join(examples, 'dr-two-region.cloudarch.yaml'), 'utf8'),
  readFileSync(join(examples, 'serverless-api.cloudarch.yaml'), 'utf8'),
  readFileSync(join(examples, 'ecs-services.cloudarch.yaml'), 'utf8'),
];

/** What a fresh parse evaluated with nothing handed on gives. */
function freshEvaluation(text: string): EvaluationResult {
  return evaluateAll(parseArchitecture(text), { monteCarloSamples: 0 });
}

/** Scalar values an edit may write: numbers, flags, enum-like words, names, zone lists. */
const values = [
  '0',
  '1',
  '2',
  '3',
  '5',
  '250',
  '99.5',
  'true',
  'false',
  'gp2',
  'gp3',
  'io2',
  'simple',
  'failover',
  'internet-facing',
  'internal',
  'public',
  'private',
  '[a]',
  '[a, b, c]',
  '[b]',
  '0.0.0.0/0',
  'on-demand',
  'reserved-1y',
  'x',
  'us-east-1',
  'us-west-2',
  'eu-west-1',
];

/** Whole resources an edit may add, referring to names that may or may not exist. */
function newResource(name: string, other: string): string {
  const pool = [
    `  ${name}:\n    type: aws.ec2.instance\n    instanceType: t3.micro\n    zones: [a]\n    connectsTo: [${other}]\n`,
    `  ${name}:\n    type: aws.s3.bucket\n    sizeGB: 10\n    publicAccess: public\n`,
    `  ${name}:\n    type: aws.rds.instance\n    engine: postgres\n    instanceClass: db.t3.micro\n    multiAZ: false\n    publiclyAccessible: true\n`,
    `  ${name}:\n    type: aws.elb.application\n    scheme: internet-facing\n    targets: [${other}]\n`,
    `  ${name}:\n    type: external.users\n    connectsTo: [${other}]\n`,
    `  ${name}:\n    type: aws.ebs.volume\n    sizeGB: 50\n    zones: [b]\n    attachedTo: [${other}]\n`,
  ];
  return pool[name.length % pool.length]!;
}

/** The scalars written in a value, depth first. */
function scalarsOf(node: ValueNode | undefined, out: ScalarNode[]): ScalarNode[] {
  if (node === undefined) return out;
  if (node.kind === 'scalar') out.push(node);
  else if (node.kind === 'map') for (const entry of node.entries) scalarsOf(entry.value, out);
  else for (const item of node.items) scalarsOf(item, out);
  return out;
}

function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let current = 0; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

function replaceRange(
  text: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
  replacement: string,
): string {
  return (
    text.slice(0, offsetOf(text, range.start.line, range.start.character)) +
    replacement +
    text.slice(offsetOf(text, range.end.line, range.end.character))
  );
}

type Edit = readonly [kind: number, pick: number, choice: number];

const editKinds = 9;

/** Applies one edit, chosen by numbers so fast-check can shrink it, to the text of `doc`. */
function apply(doc: ArchDocument, [kind, pick, choice]: Edit): string {
  const text = doc.text;
  const resources = doc.resources;
  if (resources.length === 0) return text;
  const resource = resources[pick % resources.length]!;
  const someName = resources[choice % resources.length]!.name;
  const lines = text.split('\n');
  switch (kind % editKinds) {
    case 0: {
      // A property value.
      const scalars = scalarsOf(resource.body, []);
      if (scalars.length === 0) return text;
      return replaceRange(text, scalars[choice % scalars.length]!.range, values[(pick + choice) % values.length]!);
    }
    case 1:
      // A rename, sometimes to a name that exists already.
      return replaceRange(text, resource.nameRange, choice % 3 === 0 ? someName : `${resource.name}-${choice % 7}`);
    case 2: {
      // A reference pointed elsewhere, or at nothing.
      if (doc.references.length === 0) return text;
      const reference = doc.references[(pick + choice) % doc.references.length]!;
      return replaceRange(text, reference.range, choice % 4 === 0 ? 'nowhere' : someName);
    }
    case 3:
      // A comment line above everything below it.
      lines.splice(pick % (lines.length + 1), 0, '  # a comment');
      return lines.join('\n');
    case 4:
      // A line removed, whatever it held.
      lines.splice(pick % lines.length, 1);
      return lines.join('\n');
    case 5:
      // A resource added after another one.
      lines.splice(resource.range.end.line + 1, 0, newResource(`added-${choice % 5}`, someName).trimEnd());
      return lines.join('\n');
    case 6:
      // A resource removed, all its lines.
      lines.splice(resource.nameRange.start.line, resource.range.end.line - resource.nameRange.start.line + 1);
      return lines.join('\n');
    case 7: {
      // The file's zones or region.
      const zones = lines.findIndex((line) => line.startsWith('zones:'));
      const region = lines.findIndex((line) => line.startsWith('region:'));
      if (choice % 2 === 0 && zones >= 0) lines[zones] = ['zones: [a, b]', 'zones: [a, b, c]', 'zones: [a]', 'zones: [b, c]'][pick % 4]!;
      else if (region >= 0) lines[region] = ['region: us-east-1', 'region: eu-west-1', 'region: us-west-2'][pick % 3]!;
      return lines.join('\n');
    }
    default: {
      // One character typed into a value, as the benchmark does.
      const scalars = scalarsOf(resource.body, []).filter((scalar) => typeof scalar.value === 'number');
      if (scalars.length === 0) return text;
      const scalar = scalars[choice % scalars.length]!;
      return replaceRange(
        text,
        { start: scalar.range.start, end: { line: scalar.range.start.line, character: scalar.range.start.character + 1 } },
        String((pick % 9) + 1),
      );
    }
  }
}

const editArbitrary = fc.tuple(fc.nat({ max: editKinds - 1 }), fc.nat({ max: 10_000 }), fc.nat({ max: 10_000 }));

/** Evaluates `edits` one after another incrementally and compares each result with a fresh one. */
function checkSequence(base: string, edits: readonly Edit[]): void {
  let doc = parseArchitecture(base);
  let previous = evaluateAll(doc, { monteCarloSamples: 0 });
  for (const edit of edits) {
    const text = apply(doc, edit);
    doc = parseArchitecture(text, { previous: doc });
    const incremental = evaluateAll(doc, { monteCarloSamples: 0, previous });
    assert.deepEqual(incremental, freshEvaluation(text));
    previous = incremental;
  }
}

describe('incremental evaluation (property)', () => {
  it('equals a fresh evaluation of a fresh parse after any sequence of edits', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (which, edits) =>
        checkSequence(bases[which]!, edits),
      ),
      { numRuns: 80, seed: 20250611 },
    );
  });

  it('equals a fresh evaluation when an edit is undone and redone (results remembered by content)', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), editArbitrary, (which, edit) => {
        const base = bases[which]!;
        const edited = apply(parseArchitecture(base), edit);
        let doc = parseArchitecture(base);
        let previous = evaluateAll(doc, { monteCarloSamples: 0 });
        for (const text of [edited, base, edited, base]) {
          doc = parseArchitecture(text, { previous: doc });
          const incremental = evaluateAll(doc, { monteCarloSamples: 0, previous });
          assert.deepEqual(incremental, freshEvaluation(text));
          previous = incremental;
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('applies edits that change something, so the comparison above has something to compare', () => {
    // Guard against a generator that quietly produces no-op edits.
    const base = bases[0]!;
    const doc = parseArchitecture(base);
    let changed = 0;
    for (let kind = 0; kind < editKinds; kind++) if (apply(doc, [kind, 5, 3]) !== base) changed++;
    assert.equal(changed, editKinds);
  });
});

/**
 * The availability result of an edited document, handed the previous result (`previous`, as the
 * language server and `evaluateAll` do): each edit that changes one thing the result depends on
 * (a unit figure, a count, a placement, a zone, a region, a dependency, an entry point, an
 * assumption, the Monte Carlo options) gives exactly what a fresh evaluation of a fresh parse
 * gives, and is computed again; an edit that changes none of them (a comment, a size, a tag)
 * reuses the previous result. Reuse is seen by identity: a reused result shares its tables with
 * the result it came from.
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture, type ArchDocument } from '../../../../src/core';
import { evaluateAvailability, evaluateAvailabilityAfresh, reliabilityModelFromDocument } from '../../../../src/evaluate/availability';
import type { AvailabilityOptions } from '../../../../src/evaluate/availability';
import type { AvailabilityResult } from '../../../../src/evaluate/types';

const base = `cloudarch: "1"
name: reuse
region: us-east-1
zones: [a, b, c]
assumptions:
  zoneAvailability: 99.9
  regionAvailability: 99.99
resources:
  users:
    type: external.users
    connectsTo: [dns]
  partner:
    type: external.onprem-server
  dns:
    type: aws.route53.zone
    domain: example.com
    routing: failover
    # standby is not in the file (yet): the zone fails over between east and west only.
    targets: [east, west, standby]
  status:
    type: aws.route53.zone
    domain: status.example.com
    routing: failover
    targets: [later]
  east:
    type: aws.ec2.instance
    instanceType: t3.micro
    count: 2
    zones: [a, b]
    availability: 99.5
    connectsTo: [table]
  west:
    type: aws.ec2.instance
    instanceType: t3.micro
    region: us-west-2
    zones: [a]
    availability: 99.5
    connectsTo: [table]
  spare:
    type: aws.ec2.instance
    instanceType: t3.micro
    count: 3
  vol-a:
    type: aws.ebs.volume
    sizeGB: 1
    attachedTo: [spare]
  vol-b:
    type: aws.ebs.volume
    sizeGB: 1
    availability: 99
  archive:
    type: aws.s3.bucket
    region: eu-west-1
  table:
    type: aws.s3.bucket
    availability: 99.9
    sizeGB: 10
  workers:
    type: aws.autoscaling.group
    instanceType: t3.micro
    min: 3
    zones: [a, b, c]
`;

/** Replaces the one occurrence of `search` (it must occur exactly once). */
function edit(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  assert.ok(at >= 0 && text.indexOf(search, at + 1) < 0, `"${search}" occurs once`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

const noSamples: AvailabilityOptions = { monteCarloSamples: 0 };

interface Step {
  readonly doc: ArchDocument;
  readonly result: AvailabilityResult;
}

function first(text: string, options: AvailabilityOptions = noSamples): Step {
  const doc = parseArchitecture(text);
  return { doc, result: evaluateAvailability(doc, options) };
}

/** The next version of the text, parsed and evaluated incrementally, checked against a fresh evaluation. */
function next(step: Step, text: string, options: AvailabilityOptions = noSamples): Step {
  const doc = parseArchitecture(text, { previous: step.doc });
  const result = evaluateAvailability(doc, { ...options, previous: step.result });
  const { previous: _handedOn, ...fresh } = options;
  assert.deepEqual(result, evaluateAvailabilityAfresh(parseArchitecture(text), fresh), 'the same as a fresh evaluation');
  return { doc, result };
}

function reused(after: AvailabilityResult, before: AvailabilityResult): boolean {
  return after.byResource === before.byResource;
}

/** Edits that change one thing the result depends on (each changes the figures or the tables). */
const changing: readonly (readonly [what: string, search: string, replacement: string])[] = [
  ['a unit figure', 'availability: 99.9\n', 'availability: 99.5\n'],
  ['a number of units', 'count: 2', 'count: 3'],
  ['the units that must be up', 'min: 3\n', 'min: 3\n    minHealthy: 2\n'],
  [
    'a placement (a bucket becomes a global resource)',
    '    type: aws.s3.bucket\n    availability: 99.9\n',
    '    type: aws.cloudfront.distribution\n    availability: 99.9\n',
  ],
  [
    'the region of a regional resource',
    '    availability: 99.9\n    sizeGB: 10',
    '    availability: 99.9\n    region: eu-west-1\n    sizeGB: 10',
  ],
  ['a resource region', 'region: us-west-2', 'region: eu-west-1'],
  ['the zones of a resource', 'zones: [a, b]\n', 'zones: [a]\n'],
  [
    'a hard dependency',
    '    availability: 99.5\n    connectsTo: [table]\n  west',
    '    availability: 99.5\n    connectsTo: [table, spare]\n  west',
  ],
  ['a name nothing refers to', '  partner:', '  partner-2:'],
  ['the groups of alternatives (DNS targets removed)', '    targets: [east, west, standby]\n', ''],
  ['a member of alternatives', 'targets: [east, west, standby]', 'targets: [east, spare, standby]'],
  ['the entry points (an external resource becomes an unknown type)', 'type: external.users', 'type: nonsense.users'],
  ['the file region', 'region: us-east-1', 'region: eu-west-1'],
  ['the file zones (for a resource that names none)', 'zones: [a, b, c]\nassumptions', 'zones: [a, b]\nassumptions'],
  [
    'the volumes attached to an untouched instance',
    '    availability: 99\n  archive',
    '    availability: 99\n    attachedTo: [spare]\n  archive',
  ],
  [
    'which volume an untouched instance has',
    '    attachedTo: [spare]\n  vol-b:\n    type: aws.ebs.volume\n    sizeGB: 1\n    availability: 99\n',
    '  vol-b:\n    type: aws.ebs.volume\n    sizeGB: 1\n    availability: 99\n    attachedTo: [spare]\n',
  ],
  ['the alternatives of an untouched DNS zone (a target renamed)', '  west:\n', '  west-2:\n'],
  [
    'the alternatives of an untouched DNS zone (a target added to the file)',
    '  table:\n',
    '  standby:\n    type: aws.s3.bucket\n    region: eu-west-1\n  table:\n',
  ],
  [
    'the first alternatives of an untouched DNS zone (its only target added to the file)',
    '  table:\n',
    '  later:\n    type: aws.s3.bucket\n  table:\n',
  ],
  [
    'the resources (one added at the end, connected to nothing)',
    '    zones: [a, b, c]\n',
    '    zones: [a, b, c]\n  extra:\n    type: aws.s3.bucket\n',
  ],
  ['the zone figure', 'zoneAvailability: 99.9', 'zoneAvailability: 99.5'],
  ['the region figure', 'regionAvailability: 99.99', 'regionAvailability: 99.9'],
];

/** Edits that change nothing the result depends on. */
const neutral: readonly (readonly [what: string, search: string, replacement: string])[] = [
  ['a comment', 'resources:\n', '# the services\nresources:\n'],
  ['a size', 'sizeGB: 10', 'sizeGB: 20'],
  ['a tag', '    sizeGB: 10\n', '    sizeGB: 10\n    tags: { team: data }\n'],
];

describe('availability of an edited document, reusing the previous result', () => {
  for (const [what, search, replacement] of changing) {
    it(`is computed again when an edit changes ${what}`, () => {
      const before = first(base);
      const after = next(before, edit(base, search, replacement));
      assert.ok(!reused(after.result, before.result), 'computed again');
      assert.notDeepEqual(after.result, before.result, 'the edit changes what a user sees');
    });
  }

  for (const [what, search, replacement] of neutral) {
    it(`reuses the previous result when an edit changes ${what}`, () => {
      const before = first(base);
      const after = next(before, edit(base, search, replacement));
      assert.ok(reused(after.result, before.result), 'reused');
    });
  }

  it('keeps the model of every resource an edit leaves as it was, with its dependencies', () => {
    const before = parseArchitecture(base);
    const after = parseArchitecture(edit(base, 'sizeGB: 10', 'sizeGB: 20'), { previous: before });
    const { components } = reliabilityModelFromDocument(before).model;
    const again = reliabilityModelFromDocument(after).model.components;
    const kept = again.filter((component, index) => component === components[index]).map((component) => component.name);
    assert.deepEqual(
      kept,
      again.map((component) => component.name).filter((name) => name !== 'table'),
      'every component but the edited bucket is the same object',
    );
  });

  it('reuses the result from before an edit when the edit is undone, after edits that change nothing', () => {
    const original = first(base);
    const edited = next(original, edit(base, 'count: 2', 'count: 3'));
    let text = edit(base, 'count: 2', 'count: 3');
    let step = edited;
    for (const comment of ['# one\n', '# two\n', '# three\n']) {
      text = comment + text;
      step = next(step, text);
      assert.ok(reused(step.result, edited.result), 'a comment reuses the edited result');
    }
    const undone = next(step, base);
    assert.ok(reused(undone.result, original.result), 'the undo reuses the result from before the edit');
  });

  it('remembers the four most recent models, and computes an older one again', () => {
    const counts = ['count: 2', 'count: 3', 'count: 4', 'count: 5', 'count: 6'];
    const texts = counts.map((count) => edit(base, 'count: 2', count));
    const steps = [first(texts[0]!)];
    for (const text of texts.slice(1)) steps.push(next(steps.at(-1)!, text));
    const last = steps.at(-1)!;
    // The last result remembers its own model and the three before it (count: 3 to 6), not count: 2.
    assert.ok(reused(next(last, texts[1]!).result, steps[1]!.result), 'the oldest of the four is reused');
    assert.ok(!reused(next(last, texts[0]!).result, steps[0]!.result), 'the one before them is computed again');
  });

  it('is computed again when the Monte Carlo samples, the seed or the exact work budget change', () => {
    const before = first(base, { monteCarloSamples: 1_000, seed: 1 });
    const moreSamples = next(before, base, { monteCarloSamples: 2_000, seed: 1 });
    assert.equal(moreSamples.result.monteCarlo.samples, 2_000);
    const otherSeed = next(moreSamples, base, { monteCarloSamples: 2_000, seed: 2 });
    assert.equal(otherSeed.result.monteCarlo.seed, 2);
    const sameAgain = next(otherSeed, base, { monteCarloSamples: 2_000, seed: 2 });
    assert.ok(reused(sameAgain.result, otherSeed.result), 'the same options reuse the result');
    // This model needs little work: another budget gives the same figures, but is not assumed to.
    const otherBudget = next(sameAgain, base, { monteCarloSamples: 2_000, seed: 2, exactWorkBudget: 1_000 });
    assert.ok(!reused(otherBudget.result, sameAgain.result), 'another work budget is computed again');
  });
});

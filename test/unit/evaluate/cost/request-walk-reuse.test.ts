/**
 * The request shares of the previous version are reused only when the edit left alone everything
 * the walk reads (src/evaluate/cost/request-path.ts): each case makes an edit that keeps the number
 * of resources and references but changes what the walk reads (a zone's routing, a distribution's
 * hit ratio, a resource's type or name, the kind of a reference) and checks that pricing the edited
 * file with the previous result handed on gives exactly what a fresh pricing gives, and that the
 * probe API's requests changed (so the comparison has something to compare). A last case checks
 * the other side: an edit the walk does not read keeps the shares, and the probe's line items.
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateCost } from '../../../../src/evaluate/cost';
import type { CostResult } from '../../../../src/evaluate/types';

interface Case {
  readonly name: string;
  readonly before: string;
  /** `[text, replacement]`, applied once. */
  readonly edit: readonly [string, string];
  /** The HTTP API whose requests change with the edit (or, with `same`, do not). */
  readonly probe: string;
  /** The edit leaves the shares alone: the probe's line items are the previous objects. */
  readonly same?: boolean;
  /** The probe's name before the edit, when the edit renames it: it keeps its requests under the new name. */
  readonly renamedFrom?: string;
}

const header = ['cloudarch: "1"', 'name: walk', 'workload:', '  requestsPerSecond: 10', 'resources:'];
const api = (name: string, ...more: string[]) => [`  ${name}:`, '    type: aws.apigateway.api', '    kind: http', ...more];

const cases: readonly Case[] = [
  {
    name: "a zone's routing changes from weighted to failover (the zone edited in place)",
    before: [
      ...header,
      '  users:',
      '    type: external.users',
      '    connectsTo: [dns]',
      '  dns:',
      '    type: aws.route53.zone',
      '    domain: app.example.com',
      '    routing: weighted',
      '    targets: [a, b]',
      '    weights: [1, 1]',
      ...api('a'),
      ...api('b'),
      '',
    ].join('\n'),
    edit: ['routing: weighted', 'routing: failover'],
    probe: 'a',
  },
  {
    name: "a distribution's cache hit ratio changes",
    before: [
      ...header,
      '  users:',
      '    type: external.users',
      '    connectsTo: [cdn]',
      '  cdn:',
      '    type: aws.cloudfront.distribution',
      '    cacheHitRatio: 80',
      '    origins: [origin]',
      ...api('origin'),
      '',
    ].join('\n'),
    edit: ['cacheHitRatio: 80', 'cacheHitRatio: 50'],
    probe: 'origin',
  },
  {
    name: 'a distribution in the middle of the path becomes an API (another type, the same name and references)',
    before: [
      ...header,
      '  users:',
      '    type: external.users',
      '    connectsTo: [hop]',
      '  hop:',
      '    type: aws.cloudfront.distribution',
      '    connectsTo: [origin]',
      ...api('origin'),
      '',
    ].join('\n'),
    edit: ['    type: aws.cloudfront.distribution', '    type: aws.apigateway.api'],
    probe: 'origin',
  },
  {
    name: 'a resource of a type the catalog lacks becomes an external one (the same catalog entry: none)',
    before: [
      ...header,
      '  users:',
      '    type: external.users',
      '    connectsTo: [dns]',
      '  dns:',
      '    type: aws.route53.zone',
      '    domain: app.example.com',
      '    routing: weighted',
      '    targets: [hop, other]',
      '    weights: [1, 1]',
      '  hop:',
      '    type: acme.box',
      '    connectsTo: [inner]',
      ...api('inner'),
      ...api('other'),
      '',
    ].join('\n'),
    edit: ['type: acme.box', 'type: external.box'],
    probe: 'inner',
  },
  {
    name: 'a resource nothing refers to is renamed (no external resource: it is where requests start)',
    before: [...header, ...api('alone'), ...api('front', '    connectsTo: [back]'), ...api('back'), ''].join('\n'),
    edit: ['  alone:', '  solo:'],
    probe: 'solo',
    renamedFrom: 'alone',
  },
  {
    name: "a zone's targets become its dependencies (the same resources referenced under another key)",
    before: [
      ...header,
      '  users:',
      '    type: external.users',
      '    connectsTo: [dns]',
      '  dns:',
      '    type: aws.route53.zone',
      '    domain: app.example.com',
      '    targets: [a, b]',
      ...api('a'),
      ...api('b'),
      '',
    ].join('\n'),
    edit: ['    targets: [a, b]', '    dependsOn: [a, b]'],
    probe: 'a',
  },
  {
    name: "an API's reference points at another API (the holder is no zone or distribution)",
    before: [
      ...header,
      '  users:',
      '    type: external.users',
      '    connectsTo: [front]',
      ...api('front', '    connectsTo: [one]'),
      ...api('one'),
      ...api('two'),
      '',
    ].join('\n'),
    edit: ['connectsTo: [one]', 'connectsTo: [two]'],
    probe: 'two',
  },
  {
    name: 'a reference moves to another holder with a smaller share (as many references, another holder)',
    before: [
      ...header,
      '  users:',
      '    type: external.users',
      '    connectsTo: [dns]',
      '  dns:',
      '    type: aws.route53.zone',
      '    domain: app.example.com',
      '    routing: weighted',
      '    targets: [big, small]',
      '    weights: [3, 1]',
      ...api('big', '    connectsTo: [deep]'),
      ...api('small', '    connectsTo: []'),
      ...api('deep'),
      '',
    ].join('\n'),
    edit: [
      '    connectsTo: [deep]\n  small:\n    type: aws.apigateway.api\n    kind: http\n    connectsTo: []',
      '    connectsTo: []\n  small:\n    type: aws.apigateway.api\n    kind: http\n    connectsTo: [deep]',
    ],
    probe: 'deep',
  },
  {
    name: 'an API is added that nothing refers to (more resources, as many references)',
    before: [...header, ...api('front', '    connectsTo: [back]'), ...api('back'), '  # More below.', ''].join('\n'),
    edit: ['  # More below.', api('extra').join('\n')],
    probe: 'extra',
  },
  {
    name: 'an API gains a second reference (as many resources, more references)',
    before: [
      ...header,
      '  users:',
      '    type: external.users',
      '    connectsTo: [front]',
      ...api('front', '    connectsTo: [one]'),
      ...api('one'),
      ...api('two'),
      '',
    ].join('\n'),
    edit: ['connectsTo: [one]', 'connectsTo: [one, two]'],
    probe: 'two',
  },
  {
    name: "an API's own setting changes (nothing the walk reads: the shares are reused)",
    before: [
      ...header,
      '  users:',
      '    type: external.users',
      '    connectsTo: [dns]',
      '  dns:',
      '    type: aws.route53.zone',
      '    domain: app.example.com',
      '    routing: weighted',
      '    targets: [a, b]',
      '    weights: [3, 1]',
      ...api('a'),
      ...api('b', '    cache: false'),
      '',
    ].join('\n'),
    edit: ['cache: false', 'cache: true '],
    probe: 'a',
    same: true,
  },
];

/** The probe's request line: what it says and the object itself. */
function requestLine(result: CostResult, probe: string) {
  return result.lineItems.find((line) => line.resource === probe && line.priceKey === 'apigateway:http');
}

describe('cost: request shares reused across edits only when the walk reads the same', () => {
  for (const item of cases) {
    it(`gives a fresh pricing's result when ${item.name}`, () => {
      assert.equal(item.before.split(item.edit[0]).length, 2, 'the edit text occurs once');
      const first = parseArchitecture(item.before);
      const before = evaluateCost(first);
      const afterText = item.before.replace(item.edit[0], item.edit[1]);
      const reused = evaluateCost(parseArchitecture(afterText, { previous: first }), { previous: before });
      const fresh = evaluateCost(parseArchitecture(afterText));
      assert.deepStrictEqual(reused, fresh);
      const probeBefore = requestLine(before, item.renamedFrom ?? item.probe);
      const probeAfter = requestLine(reused, item.probe);
      if (item.renamedFrom !== undefined) {
        assert.ok(probeAfter !== undefined, `${item.probe} is priced under its new name`);
        assert.equal(probeAfter.quantity, probeBefore?.quantity, `${item.probe} keeps the requests of ${item.renamedFrom}`);
      } else if (item.same) {
        assert.ok(probeBefore !== undefined && probeBefore === probeAfter, `${item.probe}'s request line is the previous object`);
      } else {
        assert.notEqual(probeAfter?.quantity, probeBefore?.quantity, `${item.probe}'s requests change with the edit`);
      }
    });
  }
});

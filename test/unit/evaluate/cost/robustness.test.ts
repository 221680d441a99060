/**
 * Hostile numbers never reach a total: every number of every cost fixture is replaced in turn by
 * extreme values (zero, negative, huge, tiny, not a number), and the evaluation must still return
 * finite figures without throwing. Validation reports such values upstream; this is the defence
 * in depth that keeps NaN and Infinity away from reports.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateCost } from '../../../../src/evaluate/cost';

const fixtures = join(__dirname, '../../../fixtures/cost');
const extremes = ['0', '-1', '1e308', '1e-12', '.nan', '.inf', '99999999999'];

function assertFinite(value: unknown, path: string): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} = ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
}

describe('cost: robustness', () => {
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.cloudarch.yaml'))) {
    it(`stays finite when any number of ${file} is extreme`, () => {
      const text = readFileSync(join(fixtures, file), 'utf8');
      const numbers = [...text.matchAll(/(?<=: |\[|, )\d+(\.\d+)?(?=\s|,|\]|\})/g)];
      assert.ok(numbers.length > 0);
      for (const match of numbers) {
        for (const value of extremes) {
          const mutated = text.slice(0, match.index) + value + text.slice(match.index! + match[0].length);
          const cost = evaluateCost(parseArchitecture(mutated));
          assertFinite(cost, `${file} with ${match[0]} -> ${value}: cost`);
          assert.ok(cost.monthlyUSD >= 0);
        }
      }
    });
  }

  it('survives a file that is not an architecture at all', () => {
    for (const text of [
      '',
      'resources: 5',
      'cloudarch: "1"\nname: x\nresources:\n  a: 3\n  b:\n    type: 7\n',
      'cloudarch: "1"\nname: x\nassumptions:\n  hoursPerMonth: -5\n  prices: { "ec2:t3.medium": -1 }\nresources:\n  vm:\n    type: aws.ec2.instance\n    instanceType: t3.medium\n',
    ]) {
      const cost = evaluateCost(parseArchitecture(text));
      assertFinite(cost, 'cost');
    }
  });

  it('lists types named after Object.prototype members as unknown, never as free', () => {
    const cost = evaluateCost(
      parseArchitecture(
        'cloudarch: "1"\nname: x\nresources:\n  a:\n    type: constructor\n  b:\n    type: __proto__\n  c:\n    type: toString\n',
      ),
    );
    assert.deepEqual(
      cost.unpriced.map((u) => [u.resource, u.reason]),
      [
        ['a', 'unknown resource type'],
        ['b', 'unknown resource type'],
        ['c', 'unknown resource type'],
      ],
    );
  });
});

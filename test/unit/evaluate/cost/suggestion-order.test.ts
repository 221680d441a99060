/**
 * The order of cost suggestions (the report's table and the quick fixes): the largest saving first,
 * then by resource name, and, when an edit leaves most resources alone, the previous order kept and
 * only the new suggestions inserted, which must give the very order a full sort gives.
 */
import { strict as assert } from 'node:assert';
import { sortAlternatives, sortedAlternatives } from '../../../../src/evaluate/cost/alternatives';
import type { CostAlternative } from '../../../../src/evaluate/types';

function suggestion(resource: string, savingUSD: number, change = 'purchase: reserved-1y'): CostAlternative {
  return { resource, change, monthlyUSD: 100 - savingUSD, savingUSD };
}

const shown = (list: readonly CostAlternative[]) => list.map((item) => `${item.resource} ${item.change} ${item.savingUSD}`);

describe('cost: the order of suggestions', () => {
  it('puts the largest saving first, then orders by resource name, keeping a resource’s own order', () => {
    const sorted = sortAlternatives([
      suggestion('b', 5),
      suggestion('a', 5, 'volumeType: gp3'),
      suggestion('c', 20),
      suggestion('a', 5, 'purchase: savings-plan-1y'),
      suggestion('a', 1),
    ]);
    assert.deepEqual(shown(sorted), [
      'c purchase: reserved-1y 20',
      'a volumeType: gp3 5',
      'a purchase: savings-plan-1y 5',
      'b purchase: reserved-1y 5',
      'a purchase: reserved-1y 1',
    ]);
  });

  it('inserts the suggestions of changed resources into the previous order as a full sort would place them', () => {
    const positions = ['a', 'b', 'c', 'd', 'e'];
    const positionOf = (name: string) => positions.indexOf(name);
    const a = [suggestion('a', 10), suggestion('a', 3, 'volumeType: gp3')];
    const b = [suggestion('b', 7)];
    const c = [suggestion('c', 3)];
    const first = sortedAlternatives([a, b, c], positionOf);
    assert.deepEqual(shown(first.sorted), [
      'a purchase: reserved-1y 10',
      'b purchase: reserved-1y 7',
      'a volumeType: gp3 3',
      'c purchase: reserved-1y 3',
    ]);
    // b changed (a new list), d is new, c is gone; a is the same list as before.
    const newB = [suggestion('b', 3), suggestion('b', 12, 'volumeType: gp3')];
    const d = [suggestion('d', 3)];
    const second = sortedAlternatives([a, newB, [], d], positionOf, first);
    const full = sortAlternatives([...a, ...newB, ...d]);
    assert.deepEqual(shown(second.sorted), shown(full));
    assert.deepEqual(shown(second.sorted), [
      'b volumeType: gp3 12',
      'a purchase: reserved-1y 10',
      'a volumeType: gp3 3',
      'b purchase: reserved-1y 3',
      'd purchase: reserved-1y 3',
    ]);
    assert.deepEqual([...second.lists], [a, newB, d]);
    // Unchanged lists again: the same order, and nothing is lost.
    const third = sortedAlternatives([a, newB, d], positionOf, second);
    assert.deepEqual(shown(third.sorted), shown(full));
  });

  it('sorts in full when many suggestions are new', () => {
    const many = Array.from({ length: 70 }, (_, index) => [suggestion(`r${String(index).padStart(2, '0')}`, index % 7)]);
    const first = sortedAlternatives([[suggestion('keep', 4)]], () => 0);
    const second = sortedAlternatives([...many, [...first.sorted]], () => 0, first);
    assert.deepEqual(shown(second.sorted), shown(sortAlternatives([...many.flat(), ...first.sorted])));
  });
});

/**
 * The decisions of the name table that a parse makes before it reuses anything
 * (src/core/name-table.ts): whether the names are unchanged, which names changed, whether the
 * dependency graph is the same, which resources at the ends are kept, whether moved resources line
 * up, and the did-you-mean answers carried across a rename. A wrong "unchanged" answer shows as a
 * stale document (the editing sessions catch that); a wrong "changed" one only re-does work, which
 * no document shows, so each decision is checked here case by case.
 */
import { strict as assert } from 'node:assert';
import type { ResourceNode } from '../../../src/core';
import type { CrossState } from '../../../src/core/cross-checks';
import {
  isAttachment,
  keptEnds,
  movedFrom,
  nameTable,
  propertyName,
  sameGraph,
  suggester,
  type Resolution,
} from '../../../src/core/name-table';
import type { ReferenceDraft } from '../../../src/core/references';

/** A resource as these functions read it: its name and type (`name:type`, the type `fn` by default). */
function resource(spec: string): ResourceNode {
  const [name, type = 'fn'] = spec.split(':');
  return { name, type } as unknown as ResourceNode;
}
const resources = (specs: string): ResourceNode[] => (specs === '' ? [] : specs.split(' ').map(resource));

/** The state of a previous parse as `nameTable` and `suggester` read it. */
function stateOf(list: readonly ResourceNode[], previous?: CrossState): CrossState {
  const table = nameTable(list, previous);
  const suggest = suggester(table, previous, new Map(list.map((each) => [each.name, each])));
  return { resources: list, table, suggestions: suggest.memo } as unknown as CrossState;
}

/** The names changed between the previous table and this one, sorted; 'same table' or 'no ancestors'. */
function changedSince(before: string, after: string): string {
  const previous = stateOf(resources(before));
  const table = nameTable(resources(after), previous);
  if (table === previous.table) return 'same table';
  if (table.ancestors.length === 0) return 'no ancestors';
  assert.equal(table.ancestors[0]!.version, previous.table.version);
  assert.notEqual(table.version, previous.table.version);
  assert.deepEqual(
    table.names,
    resources(after).map((each) => each.name),
  );
  return [...table.ancestors[0]!.changed].sort().join(' ');
}

describe('the name table: which names changed', () => {
  const cases: [string, string, string, string][] = [
    ['nothing changed', 'a b c', 'a b c', 'same table'],
    ['a type changed in place keeps nothing', 'a b c', 'a b:bucket c', 'b'],
    ['a rename at the start', 'a b c', 'x b c', 'a x'],
    ['a rename at the end', 'a b c', 'a b x', 'c x'],
    ['a rename in the middle', 'a b c d', 'a x c d', 'b x'],
    ['a resource added at the start', 'a b', 'x a b', 'x'],
    ['a resource added at the end', 'a b', 'a b x', 'x'],
    ['a resource added in the middle', 'a b', 'a x b', 'x'],
    ['a resource removed at the start', 'a b c', 'b c', 'a'],
    ['a resource removed at the end', 'a b c', 'a b', 'c'],
    ['a resource removed in the middle', 'a b c', 'a c', 'b'],
    ['two resources swapped keep their names', 'a b c d', 'a c b d', ''],
    ['a resource moved to another type and place', 'a b c d', 'a c b:bucket d', 'b'],
    ['every resource removed', 'a b', '', 'a b'],
    ['the first resources added', '', 'a b', 'a b'],
    ['a duplicate name added', 'a b', 'a b a', 'a'],
    ['the same names, one of them retyped at the end', 'a b', 'a b:bucket', 'b'],
    ['the same names, one of them retyped at the start', 'a b', 'a:bucket b', 'a'],
  ];
  for (const [what, before, after, expected] of cases) it(what, () => assert.equal(changedSince(before, after), expected));

  it('keeps the very table while names and types are unchanged, even when the resources are new objects', () => {
    const previous = stateOf(resources('a b'));
    assert.equal(nameTable(resources('a b'), previous), previous.table);
    assert.equal(nameTable(previous.resources, previous), previous.table);
    assert.notEqual(nameTable(resources('a b:bucket'), previous), previous.table);
    assert.notEqual(nameTable(resources('a'), previous), previous.table);
  });

  it('starts without ancestors on a first parse, and when too many resources changed to list', () => {
    assert.deepEqual(nameTable(resources('a b'), undefined).ancestors, []);
    const many = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => resource(`${prefix}${index}`));
    // 128 renamed resources are 256 names, the most worth listing; one more and everything is resolved again.
    const listed = nameTable(many('x', 128), stateOf(many('y', 128)));
    assert.equal(listed.ancestors[0]!.changed.size, 256);
    assert.deepEqual(nameTable(many('x', 129), stateOf(many('y', 128))).ancestors, []);
    assert.deepEqual(nameTable(many('x', 128), stateOf(many('y', 129))).ancestors, []);
  });

  it('remembers sixteen earlier tables, each with every name changed since', () => {
    let state = stateOf(resources('a b c'));
    const versions = [state.table.version];
    for (let step = 1; step <= 20; step++) {
      state = stateOf(resources(`a b c${step}`), state);
      versions.push(state.table.version);
    }
    const ancestors = state.table.ancestors;
    assert.equal(ancestors.length, 16);
    ancestors.forEach((ancestor, depth) => {
      assert.equal(ancestor.version, versions[19 - depth]);
      // The table of step 19 - depth; the names renamed since: c(19 - depth) to c20.
      const names: string[] = [];
      for (let step = 19 - depth; step <= 20; step++) names.push(step === 0 ? 'c' : `c${step}`);
      assert.deepEqual([...ancestor.changed].sort(), names.sort(), `depth ${depth}`);
    });
  });
});

describe('the name table: whether the dependency graph is the same', () => {
  // Each side: resources as `name=key` (the key the resource's edges make, empty for none).
  const side = (spec: string): { list: ResourceNode[]; keys: string[] } => {
    const items = spec === '' ? [] : spec.split(' ');
    return { list: items.map((item) => resource(item.split('=')[0]!)), keys: items.map((item) => item.split('=')[1] ?? '') };
  };
  const cases: [string, string, string, boolean][] = [
    ['the same resources and edges', 'a=>b b c=>a', 'a=>b b c=>a', true],
    ['an edge changed', 'a=>b b c=>a', 'a=>c b c=>a', false],
    ['an edge added to the last resource', 'a=>b b c', 'a=>b b c=>a', false],
    ['a resource with edges renamed', 'a=>b b c', 'x=>b b c', false],
    ['a resource without edges renamed', 'a=>b b c=>a', 'a=>b x c=>a', true],
    ['a resource without edges added in the middle', 'a=>b b c=>a', 'a=>b b x c=>a', true],
    ['a resource with edges added in the middle', 'a=>b b c=>a', 'a=>b b x=>a c=>a', false],
    ['a resource without edges added at the start', 'a=>b b', 'x a=>b b', true],
    ['a resource with edges added at the start', 'a=>b b', 'x=>a a=>b b', false],
    ['a resource without edges added at the end', 'a=>b b', 'a=>b b x', true],
    ['a resource with edges added at the end', 'a=>b b', 'a=>b b x=>a', false],
    ['a resource with edges removed at the start', 'x=>a a=>b b', 'a=>b b', false],
    ['a resource with edges removed at the end', 'a=>b b x=>b', 'a=>b b', false],
    ['a resource without edges removed in the middle', 'a=>b x b=>a', 'a=>b b=>a', true],
    ['a resource with edges renamed while another is added', 'a=>b b', 'x=>b b c', false],
    ['a resource with edges renamed at the end while another is added', 'a b=>a', 'c a x=>a', false],
    ['resources without edges renamed while another is added', 'a b c=>a', 'x y z c=>a', true],
    ['the last resource keeps its edges and name while one is added before it', 'a b=>a', 'a x b=>a', true],
    ['every resource removed', 'a=>b b', '', false],
    ['resources without edges, all removed', 'a b', '', true],
    ['the first resources, without edges', '', 'a b', true],
    ['the first resources, with edges', '', 'a=>b b', false],
  ];
  for (const [what, before, after, same] of cases)
    it(what, () => {
      const then = side(before);
      const now = side(after);
      assert.equal(sameGraph(now.list, now.keys, then.list, then.keys), same);
      assert.equal(sameGraph(then.list, then.keys, now.list, now.keys), same, 'the other way round');
    });
});

describe('the name table: the resources kept at both ends', () => {
  const a = resource('a');
  const b = resource('b');
  const c = resource('c');
  const d = resource('d');
  const drafts = [[], [], [], []] as ReferenceDraft[][];
  const resolution = (index: number, cacheable = true): Resolution => ({ cacheable, drafts: drafts[index]! }) as unknown as Resolution;
  const all = [resolution(0), resolution(1), resolution(2), resolution(3)];
  it('keeps every resource of an unchanged list at the start', () => {
    assert.deepEqual(keptEnds([a, b, c, d], [a, b, c, d], drafts, all), { head: 4, tail: 0 });
  });
  it('keeps the resources around the one edited', () => {
    assert.deepEqual(keptEnds([a, resource('b'), c, d], [a, b, c, d], drafts, all), { head: 1, tail: 2 });
    assert.deepEqual(keptEnds([resource('a'), b, c, d], [a, b, c, d], drafts, all), { head: 0, tail: 3 });
    assert.deepEqual(keptEnds([a, b, c, resource('d')], [a, b, c, d], drafts, all), { head: 3, tail: 0 });
  });
  it('resolves again a resource whose resolution may not be kept, or whose drafts changed', () => {
    assert.deepEqual(keptEnds([a, b, c, d], [a, b, c, d], drafts, [resolution(0), resolution(1, false), resolution(2), resolution(3)]), {
      head: 1,
      tail: 2,
    });
    assert.deepEqual(keptEnds([a, b, c, d], [a, b, c, d], [[], [], [], []], all), { head: 0, tail: 0 });
    assert.deepEqual(keptEnds([a, b, c, d], [a, b, c, d], [drafts[0]!, drafts[1]!, [], drafts[3]!], all), { head: 2, tail: 1 });
  });
  it('answers nothing when the lists differ in length', () => {
    assert.equal(keptEnds([a, b, c], [a, b, c, d], drafts, all), undefined);
    assert.equal(keptEnds([a, b, c, d], [a, b, c, d], drafts, all.slice(0, 3)), undefined);
  });
});

describe('the name table: whether moved resources line up with the previous parse', () => {
  const list = (count: number) => Array.from({ length: count }, (_, index) => resource(`r${index}`));
  const previous = (count: number, resolved = count) =>
    ({ resources: list(count), resolutions: new Array(resolved).fill({}) }) as unknown as CrossState;
  const input = (count: number, moved?: { start: number; previousStart: number; lines: number }) =>
    ({ resources: list(count), moved }) as unknown as Parameters<typeof movedFrom>[0];
  const cases: [string, ReturnType<typeof input>, CrossState, boolean][] = [
    ['lines added above every resource', input(3, { start: 0, previousStart: 0, lines: 2 }), previous(3), true],
    ['lines removed above the last two', input(3, { start: 1, previousStart: 1, lines: -1 }), previous(3), true],
    ['a resource added above the moved ones', input(4, { start: 2, previousStart: 1, lines: 3 }), previous(3), true],
    ['nothing moved', input(3), previous(3), false],
    ['moved by no lines', input(3, { start: 0, previousStart: 0, lines: 0 }), previous(3), false],
    ['no start', input(3, { start: -1, previousStart: 0, lines: 2 }), previous(3), false],
    ['no previous start', input(3, { start: 0, previousStart: -1, lines: 2 }), previous(3), false],
    ['more moved resources than before', input(4, { start: 0, previousStart: 0, lines: 2 }), previous(3), false],
    ['fewer moved resources than before', input(3, { start: 1, previousStart: 0, lines: 2 }), previous(3), false],
    ['a previous parse without its resolutions', input(3, { start: 0, previousStart: 0, lines: 2 }), previous(3, 2), false],
  ];
  for (const [what, now, before, lines] of cases) it(what, () => assert.equal(movedFrom(now, before), lines ? now.moved : undefined));
});

describe('the name table: did-you-mean answers across parses', () => {
  it('answers the closest three names, closest first, and remembers them for the same table', () => {
    const state = stateOf(resources('cache1 cache22 cachex cach db'));
    const names = new Map(state.resources.map((each) => [each.name, each]));
    const suggest = suggester(state.table, state, names);
    assert.equal(suggest.memo, state.suggestions);
    assert.deepEqual(suggest('caches'), ['cache1', 'cachex', 'cach']);
    assert.deepEqual(
      state.suggestions.answers.get('caches')?.map((match) => match.candidate),
      ['cache1', 'cachex', 'cach', 'cache22'],
    );
    assert.deepEqual(suggest('dbx'), ['db']);
    assert.deepEqual(suggest('zzz'), []);
  });
  it('after a rename, drops the old name and scores the new one among the earlier answer', () => {
    const before = stateOf(resources('cache1 other cachex'));
    const first = suggester(before.table, undefined, new Map(before.resources.map((each) => [each.name, each])));
    assert.deepEqual(first('cache'), ['cache1', 'cachex']);
    const renamed = resources('cache1 cach cachey');
    const table = nameTable(renamed, { ...before, suggestions: first.memo } as CrossState);
    const present = new Map(renamed.map((each) => [each.name, each]));
    const suggest = suggester(table, { ...before, suggestions: first.memo } as CrossState, present);
    assert.notEqual(suggest.memo, first.memo);
    assert.deepEqual(suggest('cache'), ['cach', 'cache1', 'cachey']);
    // The earlier answer is kept as it was: the next parse of the old table would still read it.
    assert.deepEqual(first('cache'), ['cache1', 'cachex']);
  });
  it('after a rename that only removes a close name, keeps the rest of the earlier answer in order', () => {
    const before = stateOf(resources('cachb cachea cachex'));
    const first = suggester(before.table, undefined, new Map(before.resources.map((each) => [each.name, each])));
    assert.deepEqual(first('cache'), ['cachb', 'cachea', 'cachex']);
    const renamed = resources('cachb cachea far');
    const state = { ...before, suggestions: first.memo } as CrossState;
    const suggest = suggester(nameTable(renamed, state), state, new Map(renamed.map((each) => [each.name, each])));
    assert.deepEqual(suggest('cache'), ['cachb', 'cachea']);
  });
});

describe('the name table: attachments and property names', () => {
  const cases: [string, string, string | number | undefined, boolean][] = [
    ['aws.ebs.volume', 'aws.ec2.instance', 'attachedTo', true],
    ['aws.ebs.volume', 'aws.autoscaling.group', 'attachedTo', false],
    ['aws.lambda.function', 'aws.ec2.instance', 'attachedTo', false],
    ['aws.ec2.instance', 'aws.ebs.volume', 'volumes', true],
    ['aws.autoscaling.group', 'aws.ebs.volume', 'volumes', true],
    ['aws.lambda.function', 'aws.ebs.volume', 'volumes', false],
    ['aws.ec2.instance', 'aws.s3.bucket', 'volumes', false],
    ['aws.ec2.instance', 'aws.ebs.volume', 'dependsOn', false],
    ['aws.ebs.volume', 'aws.ec2.instance', undefined, false],
  ];
  for (const [from, to, property, attaches] of cases)
    it(`${from} → ${to} by ${String(property)}: ${attaches ? 'an attachment' : 'not one'}`, () =>
      assert.equal(isAttachment(resource(`x:${from}`), resource(`y:${to}`), property), attaches));
  it('names a property by its keys, without list positions', () => {
    assert.equal(propertyName({ path: ['ingress', 2, 'from'] } as unknown as ReferenceDraft), 'ingress.from');
    assert.equal(propertyName({ path: ['dependsOn', 0] } as unknown as ReferenceDraft), 'dependsOn');
  });
});

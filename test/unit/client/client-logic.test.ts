/**
 * The client's logic that needs no editor: when to give up restarting a crashing server, the
 * New Architecture file name, and the snippet tab-stop shift.
 */
import * as assert from 'node:assert/strict';
import { architectureFileName, architectureTemplate } from '../../../src/client/architecture-template';
import { CRASH_WINDOW_MS, decideAfterDeath } from '../../../src/client/restart-policy';
import { shiftTabStops } from '../../../scripts/generate-snippets';
import { parseArchitecture } from '../../../src/core/parse';

describe('restart policy', () => {
  it('restarts after the first death and gives up after a second one soon after', () => {
    const deaths: number[] = [];
    assert.equal(decideAfterDeath(deaths, 1_000), 'restart');
    assert.equal(decideAfterDeath(deaths, 5_000), 'give-up');
  });

  it('restarts again when the earlier death is older than the window', () => {
    const deaths: number[] = [];
    assert.equal(decideAfterDeath(deaths, 0), 'restart');
    assert.equal(decideAfterDeath(deaths, CRASH_WINDOW_MS + 1), 'restart');
    assert.equal(decideAfterDeath(deaths, CRASH_WINDOW_MS + 2), 'give-up');
  });
});

describe('new architecture', () => {
  const names: [string, string][] = [
    ['My Shop', 'my-shop.cloudarch.yaml'],
    ['  ', 'architecture.cloudarch.yaml'],
    ['prod.cloudarch.yaml', 'prod.cloudarch.yaml'],
    ['Ünïcode & spaces!', 'n-code-spaces.cloudarch.yaml'],
  ];
  for (const [name, expected] of names) {
    it(`names the file for ${JSON.stringify(name)} ${expected}`, () => assert.equal(architectureFileName(name), expected));
  }

  it('starts users from a file without errors or warnings', () => {
    const problems = parseArchitecture(architectureTemplate('Shop')).diagnostics.filter(
      (diagnostic) => diagnostic.severity === 'error' || diagnostic.severity === 'warning',
    );
    assert.deepEqual(
      problems.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`),
      [],
    );
  });

  it('quotes the name so any text stays a YAML string', () => {
    assert.match(architectureTemplate('a: b # c'), /^name: "a: b # c"$/m);
  });
});

describe('snippet tab stops', () => {
  it('shifts numbered stops by one and keeps $0', () => {
    assert.equal(shiftTabStops('a: ${1:x}\nb: $2\nc: ${3|p,q|}\nd: $0'), 'a: ${2:x}\nb: $3\nc: ${4|p,q|}\nd: $0');
  });
});

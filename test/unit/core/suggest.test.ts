/**
 * Did-you-mean (src/core/suggest.ts): which names are offered for a misspelt one, in which order,
 * and how the offer reads in a message ("did you mean `api` or `app`?").
 */
import { strict as assert } from 'node:assert';
import { closestMatches, editDistance, orList, parseArchitecture } from '../../../src/core';
import { andList, DistanceRows } from '../../../src/core/suggest';

describe('did-you-mean', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    const distances: [string, string, number][] = [
      ['', '', 0],
      ['', 'abc', 3],
      ['abc', '', 3],
      ['web', 'web', 0],
      ['web', 'webs', 1],
      ['webs', 'web', 1],
      ['web', 'wab', 1],
      ['web', 'ewb', 1],
      ['abcd', 'badc', 2],
      ['ca', 'abc', 3],
      ['kitten', 'sitting', 3],
      ['database', 'datbase', 1],
      ['database', 'databsae', 1],
    ];
    assert.deepEqual(
      distances.map(([a, b]) => [a, b, editDistance(a, b)]),
      distances,
    );
  });

  it('stops at the limit, answering one past it', () => {
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('a', 'abcdef', 2), 3);
    assert.equal(editDistance('abc', 'abd', 1), 1);
    assert.equal(editDistance('abcdef', 'abcxyz', 3), 3);
    assert.equal(editDistance('abcdef', 'abcxyz', 2), 3);
  });

  it('measures names longer than its first rows', () => {
    const rows = new DistanceRows();
    const long = 'a'.repeat(100);
    assert.equal(editDistance('short', 'shirt', 4, rows), 1);
    assert.equal(editDistance(long, `${long}b`, 4, rows), 1);
    assert.equal(editDistance(`${long}xy`, `${long}yx`, 4, rows), 1);
    assert.equal(editDistance('short', 'shrt', 4, rows), 1);
  });

  it('offers the closest names first, then alphabetically, at most three, ignoring case', () => {
    const names = ['api', 'app', 'apx', 'db', 'API-gateway', 'ap', 'apis'];
    assert.deepEqual(closestMatches('apu', names), ['ap', 'api', 'app']);
    assert.deepEqual(closestMatches('apu', names, 5), ['ap', 'api', 'app', 'apx'], '`apis` is two edits away');
    assert.deepEqual(closestMatches('Apx', ['apa', 'APX']), ['APX', 'apa'], 'closer first, case aside');
    assert.deepEqual(closestMatches('Database', ['database', 'data', 'databases']), ['database', 'databases']);
    assert.deepEqual(closestMatches('api', ['api']), [], 'the word itself is not offered');
  });

  it('allows one edit for short names, a third of the length for longer ones, at most four', () => {
    assert.deepEqual(closestMatches('ab', ['xy', 'ax']), ['ax']);
    assert.deepEqual(closestMatches('abcdef', ['abcdxy', 'abxyzf']), ['abcdxy']);
    assert.deepEqual(closestMatches('abcdefghi', ['abcdefxyz', 'abcdewxyz']), ['abcdefxyz']);
    const long = 'abcdefghijklmnopqrstu';
    assert.deepEqual(closestMatches(long, [`${long.slice(0, -4)}wxyz`, `${long.slice(0, -5)}vwxyz`]), [`${long.slice(0, -4)}wxyz`]);
    assert.deepEqual(closestMatches('abcdef', ['abcdefgh', 'abcdefghi']), ['abcdefgh'], 'lengths three apart are too far');
  });

  it('lists names in running text', () => {
    assert.equal(orList([]), '');
    assert.equal(orList(['a']), '`a`');
    assert.equal(orList(['a', 'b']), '`a` or `b`');
    assert.equal(orList(['a', 'b', 'c']), '`a`, `b` or `c`');
    assert.equal(andList([]), '');
    assert.equal(andList(['a']), '`a`');
    assert.equal(andList(['a', 'b']), '`a` and `b`');
    assert.equal(andList(['a', 'b', 'c']), '`a`, `b` and `c`');
  });

  it('says so in the unknown-reference message, with a fix for each name offered', () => {
    const doc = parseArchitecture(
      [
        'cloudarch: "1"',
        'name: suggest',
        'resources:',
        '  api: { type: aws.lambda.function }',
        '  app: { type: aws.lambda.function }',
        '  web:',
        '    type: aws.lambda.function',
        '    dependsOn: [apx]',
        '',
      ].join('\n'),
    );
    const unknown = doc.diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-reference');
    assert.deepEqual(
      unknown.map((diagnostic) => [
        diagnostic.message,
        diagnostic.fixes?.map((fix) => [fix.title, fix.isPreferred, fix.edits[0]!.newText]),
      ]),
      [
        [
          'No resource is named `apx`; did you mean `api` or `app`?',
          [
            ['Change to `api`', true, 'api'],
            ['Change to `app`', false, 'app'],
          ],
        ],
      ],
    );
  });
});

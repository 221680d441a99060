/**
 * Every test file is run by `npm test`: a suite that nothing runs cannot fail, and so protects
 * nothing (test/property once sat unrun). Unit, property and protocol tests are found by the
 * globs of `test:unit`; the in-editor suites are imported by test/e2e/index.ts; the UI tests are
 * every test/ui/*.test.mjs, which `test:ui` runs.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = join(__dirname, '..', '..');

function* files(folder: string): Generator<string> {
  for (const name of readdirSync(folder)) {
    const full = join(folder, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield relative(root, full).split(sep).join('/');
  }
}

/** A glob of the form `dir/**\/*.test.ts` as a regular expression. */
function globPattern(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .split('**/')
    .map((part) => part.replace(/\*/g, '[^/]*'))
    .join('(?:.*/)?');
  return new RegExp(`^${escaped}$`);
}

describe('test files', () => {
  it('are all run by npm test', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.ok(
      scripts.test!.includes('test:unit') && scripts.test!.includes('test:e2e') && scripts.test!.includes('test:ui'),
      'npm test runs the unit, e2e and UI tests',
    );
    const unitGlobs = [...scripts['test:unit']!.matchAll(/"([^"]+)"/g)].map((match) => globPattern(match[1]!));
    assert.ok(unitGlobs.length >= 3, `test:unit globs: ${scripts['test:unit']}`);
    const e2eIndex = readFileSync(join(root, 'test', 'e2e', 'index.ts'), 'utf8');
    const unrun: string[] = [];
    for (const file of files(join(root, 'test'))) {
      if (!/\.test\.(ts|mjs)$/.test(file)) continue;
      if (unitGlobs.some((pattern) => pattern.test(file))) continue;
      if (
        file.startsWith('test/e2e/suites/') &&
        e2eIndex.includes(`'./suites/${file.slice('test/e2e/suites/'.length).replace(/\.ts$/, '')}'`)
      )
        continue;
      if (/^test\/ui\/[^/]+\.test\.mjs$/.test(file)) continue;
      unrun.push(file);
    }
    assert.deepEqual(unrun, [], 'test files that no npm script runs');
  });

  it('tells a file the globs run from one they do not (the checker itself works)', () => {
    const pattern = globPattern('test/unit/**/*.test.ts');
    assert.ok(pattern.test('test/unit/a.test.ts') && pattern.test('test/unit/x/y/a.test.ts'));
    assert.ok(!pattern.test('test/property/a.test.ts') && !pattern.test('test/unit/a.ts'));
  });
});

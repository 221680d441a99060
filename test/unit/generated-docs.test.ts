/**
 * Generated documentation must match its source: docs/catalog.md is written from the catalog, and a
 * stale copy would tell users about properties that no longer exist (or hide new ones).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('generated documentation', () => {
  it('docs/catalog.md is current (`npm run generate` regenerates every generated file)', function () {
    this.timeout(60_000);
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/generate-catalog-docs.ts', '--check'],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(
      result.status,
      0,
      `docs/catalog.md is stale or the generator failed (run \`npm run generate\`):\n${result.stdout}\n${result.stderr}`,
    );
  });
});

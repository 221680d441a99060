/**
 * The built CLI, run as a child process the way users run it: stdout, stderr and exit statuses of
 * `cloudarch validate` on fixtures (evaluation.md, "Command line").
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const bin = join(root, 'bin', 'cloudarch.js');
const fixtures = join(root, 'test', 'fixtures', 'validate');

function cloudarch(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cloudarch validate (built CLI)', function () {
  this.timeout(60_000);
  before(function () {
    if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
  });

  it('exits 0 and prints a summary for a file without errors', () => {
    const result = cloudarch('validate', join(root, 'examples', 'three-tier-web.cloudarch.yaml'));
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /three-tier-web\.cloudarch\.yaml: 0 errors/);
  });

  it('exits 1 and prints file:line:col: severity code: message (1-based)', () => {
    const file = join(fixtures, 'unknown-reference.cloudarch.yaml');
    const result = cloudarch('validate', file);
    assert.equal(result.status, 1);
    assert.ok(
      result.stdout.includes(`${file}:7:18: error unknown-reference: No resource is named \`web-lbb\`; did you mean \`web-lb\`?`),
      result.stdout,
    );
    assert.equal(result.stderr, '');
  });

  it('prints JSON with LSP (0-based) ranges', () => {
    const file = join(fixtures, 'unknown-type.cloudarch.yaml');
    const result = cloudarch('validate', '--format', 'json', file);
    assert.equal(result.status, 1);
    const output = JSON.parse(result.stdout) as {
      files: {
        file: string;
        errorCount: number;
        diagnostics: { code: string; range: { start: { line: number; character: number } }; fixes?: unknown[] }[];
      }[];
      errorCount: number;
    };
    assert.equal(output.errorCount, 1);
    const diagnostic = output.files[0]!.diagnostics[0]!;
    assert.equal(diagnostic.code, 'unknown-type');
    assert.deepEqual(diagnostic.range.start, { line: 5, character: 10 });
    assert.ok(diagnostic.fixes && diagnostic.fixes.length > 0);
  });

  it('validates several files and fails when any has errors', () => {
    const result = cloudarch(
      'validate',
      join(root, 'examples', 'static-site.cloudarch.yaml'),
      join(fixtures, 'self-reference.cloudarch.yaml'),
    );
    assert.equal(result.status, 1);
    assert.match(result.stdout, /static-site\.cloudarch\.yaml: 0 errors/);
    assert.match(result.stdout, /self-reference\.cloudarch\.yaml: 1 error/);
  });

  it('exits 0 when there are only warnings', () => {
    const result = cloudarch('validate', join(fixtures, 'spot-stateful.cloudarch.yaml'));
    assert.equal(result.status, 0);
    assert.match(result.stdout, /warning spot-stateful:/);
  });

  it('exits 3 with a message on stderr for a missing file', () => {
    const result = cloudarch('validate', 'no-such-file.cloudarch.yaml');
    assert.equal(result.status, 3);
    assert.match(result.stderr, /cannot read 'no-such-file\.cloudarch\.yaml': no such file/);
    assert.equal(result.stdout, '');
  });

  it('exits 3 for an unknown flag, a bad format and no file', () => {
    assert.equal(cloudarch('validate', '--strict', 'x.yaml').status, 3);
    const badFormat = cloudarch('validate', '--format', 'xml', 'x.yaml');
    assert.equal(badFormat.status, 3);
    assert.match(badFormat.stderr, /must be one of text, json/);
    assert.equal(cloudarch('validate').status, 3);
  });

  it('exits 3 for an unknown command and offers every command there is', () => {
    const result = cloudarch('frobnicate', 'x.yaml');
    assert.equal(result.status, 3);
    assert.match(result.stderr, /unknown command 'frobnicate'/);
    const help = cloudarch('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /validate/);
    for (const command of ['validate', 'evaluate', 'simulate', 'import', 'export'])
      assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'));
    assert.doesNotMatch(help.stdout, /frobnicate/);
  });

  it('prints the version', () => {
    const result = cloudarch('--version');
    assert.equal(result.status, 0);
    assert.match(result.stdout.trim(), /^\d+\.\d+\.\d+/);
  });

  it('survives hostile files', () => {
    const result = cloudarch(
      'validate',
      join(root, 'test', 'fixtures', 'hostile', 'billion-laughs.yaml'),
      join(root, 'test', 'fixtures', 'hostile', 'nul.yaml'),
    );
    assert.equal(result.status, 1);
    assert.match(result.stdout, /too-many-aliases/);
    assert.match(result.stdout, /invalid-character/);
  });
});

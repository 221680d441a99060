/**
 * The language server's process is started without `NODE_EXTRA_CA_CERTS` (src/client/server-environment.ts):
 * Node would read that file as the process starts, and the server never connects anywhere.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverEnvironment } from '../../../src/client/server-environment';

/** Starts a Node process with `env` and returns what it printed: the variable as it sees it, and its warnings. */
function startWith(env: Record<string, string | undefined>): { seen: string; warnings: string } {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.env.NODE_EXTRA_CA_CERTS))'], {
    env,
    encoding: 'utf8',
  });
  return { seen: result.stdout, warnings: result.stderr };
}

describe('the language server process environment', () => {
  const editorEnvironment = { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/extra-certificates.pem', CLOUDARCH_PROBE: 'kept' };

  it('is the editor environment without the extra CA certificates, which Node would load at start-up', () => {
    const env = serverEnvironment(editorEnvironment);
    assert.equal('NODE_EXTRA_CA_CERTS' in env, false);
    assert.equal(env.CLOUDARCH_PROBE, 'kept');
    assert.equal(env.PATH, process.env.PATH);
    const server = startWith(env);
    assert.equal(server.seen, 'undefined');
    assert.doesNotMatch(server.warnings, /extra certs/i);
    // The same process with the editor's environment reads the file as it starts (and warns, since it is missing).
    const unchanged = startWith(editorEnvironment);
    assert.equal(unchanged.seen, '/nonexistent/extra-certificates.pem');
    assert.match(unchanged.warnings, /Ignoring extra certs from `\/nonexistent\/extra-certificates\.pem`, load failed/);
  });
});

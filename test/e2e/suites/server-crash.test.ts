/**
 * When the language server dies, the extension restarts it once on its own; when it dies again soon
 * after, it stops trying and tells the user, whose "Restart Language Server" brings it back.
 * The test kills the real server process the language client started.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, openFixture, positionOf, waitFor, type CloudArchApi } from '../helpers';

/** The pid of the language server: the extension host's child running dist/server/main.js. */
function serverPid(): number | undefined {
  // `ps` rather than /proc, so the test also runs under @vscode/test-electron on macOS.
  const listing = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  for (const line of listing.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (match && Number(match[2]) === process.pid && (match[3] ?? '').includes('dist/server/main.js')) return Number(match[1]);
  }
  return undefined;
}

async function hoverWorks(document: vscode.TextDocument): Promise<boolean> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    positionOf(document, 'aws.rds.instance', 5),
  );
  return hovers.length > 0;
}

describe('language server crashes', () => {
  let api: CloudArchApi;
  before(async () => {
    api = await activeApi();
  });
  after(closeAllEditors);

  it('restarts a server that died once, and gives up with a message after a second death', async () => {
    const { document } = await openFixture('shop.cloudarch.yaml');
    const first = await waitFor('the language server process', serverPid);
    process.kill(first, 'SIGKILL');
    const second = await waitFor('a restarted language server', () => {
      const pid = serverPid();
      return pid !== undefined && pid !== first && api.isServerRunning() ? pid : undefined;
    });
    await waitFor('hover from the restarted server', async () => ((await hoverWorks(document)) ? true : undefined));

    process.kill(second, 'SIGKILL');
    await waitFor('the client to give up', () => (!api.isServerRunning() && serverPid() === undefined ? true : undefined));
    // Stay stopped: no third server appears on its own.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(serverPid(), undefined);

    await vscode.commands.executeCommand('cloudarch.restartServer');
    assert.equal(api.isServerRunning(), true);
    assert.ok(serverPid() !== undefined);
    await waitFor('hover after the manual restart', async () => ((await hoverWorks(document)) ? true : undefined));
  });
});

// Starts code-server in a scratch world of its own (user data, extensions, config, workspace) and
// opens its workbench in Debian's Chromium through playwright-core. Shared by the extension-host
// test run and the UI tests, so both see the same editor a user would.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { progress } from './install-code-server.mjs';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * User settings that keep the workbench quiet and the tests stable: newer workbenches open the
 * Chat view at startup and take the focus, and the welcome page would cover the editor.
 */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'git.enabled': false,
  'editor.inlayHints.enabled': 'on',
  'files.autoSave': 'off',
};

/** Asks the kernel for a free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Creates a scratch folder tree for one run and copies the example files into its workspace. */
export function createScratch(root, label) {
  const base = mkdtempSync(join(tmpdir(), `cloudarch-e2e-${label}-`));
  const folders = {
    base,
    userData: join(base, 'user-data'),
    extensions: join(base, 'extensions'),
    config: join(base, 'config'),
    workspace: join(base, 'workspace'),
  };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  mkdirSync(join(folders.userData, 'User'), { recursive: true });
  writeFileSync(join(folders.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const examples = join(root, 'examples');
  if (existsSync(examples)) {
    for (const name of readdirSync(examples)) {
      if (/\.cloudarch\.ya?ml$/.test(name)) cpSync(join(examples, name), join(folders.workspace, name));
    }
  }
  const fixtures = join(root, 'test', 'fixtures', 'e2e');
  if (existsSync(fixtures)) cpSync(fixtures, join(folders.workspace, 'fixtures'), { recursive: true });
  return folders;
}

function scratchEnvironment(folders) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: folders.config,
    XDG_DATA_HOME: join(folders.base, 'data'),
    XDG_CACHE_HOME: join(folders.base, 'cache'),
    // The extension under test must not inherit a parent VS Code's IPC hooks or test settings.
    VSCODE_IPC_HOOK_CLI: '',
    ELECTRON_RUN_AS_NODE: '',
  };
}

/** Installs a packaged extension into the scratch extensions folder with code-server's own CLI. */
export function installVsix(binary, folders, vsixPath) {
  progress(`installing ${vsixPath} into code-server`);
  execFileSync(
    process.execPath,
    [binary, '--user-data-dir', folders.userData, '--extensions-dir', folders.extensions, '--install-extension', vsixPath],
    { stdio: 'inherit', env: scratchEnvironment(folders) },
  );
}

/**
 * Starts code-server in its own process group (setsid), bound to loopback with no auth, and
 * resolves once it answers HTTP. `stop()` ends the whole group: extension hosts and file watchers
 * outlive the main process otherwise.
 */
export async function startCodeServer(binary, folders, { verbose = false } = {}) {
  const port = await freePort();
  const args = [
    process.execPath,
    binary,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    folders.userData,
    '--extensions-dir',
    folders.extensions,
    folders.workspace,
  ];
  const child = spawn('setsid', args, { env: scratchEnvironment(folders), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output += chunk.toString();
    if (verbose) process.stderr.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const stop = () => {
    // setsid makes the child the leader of a new group whose id is its pid.
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
      if (signal === 'SIGTERM') {
        const until = Date.now() + 1500;
        while (Date.now() < until && groupAlive(child.pid)) execFileSync('sleep', ['0.1']);
      }
    }
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up:\n${output}`);
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer on ${origin} within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { port, origin, host: `127.0.0.1:${port}`, stop, output: () => output };
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The workbench URL. code-server has no `--extensionTestsPath` flag, but its web workbench reads a
 * `payload` query parameter: a JSON list of pairs, with vscode-remote URIs of this machine's files.
 */
export function workbenchUrl(server, folders, { developmentPath, testsPath, file } = {}) {
  const remote = (path) => `vscode-remote://${server.host}${path}`;
  const payload = [];
  if (developmentPath) payload.push(['extensionDevelopmentPath', remote(developmentPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  if (file) payload.push(['openFile', remote(file)]);
  const query = new URLSearchParams({ folder: folders.workspace });
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${query.toString()}`;
}

/** Launches Debian's Chromium headless. */
export async function launchBrowser() {
  const executablePath = process.env.CLOUDARCH_E2E_CHROMIUM ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}

/** Removes a scratch tree unless the caller asked to keep it for debugging. */
export function removeScratch(folders) {
  if (process.env.CLOUDARCH_E2E_KEEP) {
    progress(`kept scratch folder ${folders.base}`);
    return;
  }
  rmSync(folders.base, { recursive: true, force: true });
}

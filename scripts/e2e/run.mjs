// The real-editor test harness: runs the extension inside a real VS Code (code-server 4.100.3, whose
// workbench is VS Code 1.100.3 with a real Node extension host) opened in headless Chromium.
//
//   node scripts/e2e/run.mjs            extension-host suite twice: development path, then the .vsix
//   node scripts/e2e/run.mjs --dev      only the development-path run
//   node scripts/e2e/run.mjs --vsix     only the run against the packaged, installed .vsix
//   node scripts/e2e/run.mjs --ui       playwright UI tests (test/ui/*.mjs), screenshots in out/ui/
//   --verbose                           also print code-server's and the browser's own logs
//   --grep <text>                       run only the in-host tests whose title contains <text>
//   --only <text>                       with --ui, run only the test/ui files whose name contains <text>
//                                       (--grep does the same with --ui when --only is not given)
//
// Exit code: 0 when every run passed. See docs/testing.md, "Real-editor tests".
import { packageVsix } from '../package.mjs';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleSuite } from './bundle-suite.mjs';
import { ensureCodeServer, progress } from './install-code-server.mjs';
import { createScratch, installVsix, launchBrowser, removeScratch, startCodeServer, workbenchUrl } from './code-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const verbose = flag('--verbose');
/** Workbench errors that only say the machine is offline (extension gallery, marketplace look-ups). */
const OFFLINE_NOISE = /ENOTFOUND|open-vsx\.org|marketplace|gallery|ERR_INTERNET_DISCONNECTED/i;
const RUN_TIMEOUT_MS = Number(process.env.CLOUDARCH_E2E_TIMEOUT_MS ?? 5 * 60_000);

/** Stops everything we started when the harness itself is interrupted. */
const cleanups = new Set();
function runCleanups() {
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // Best effort: we are on the way out.
    }
  }
  cleanups.clear();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    runCleanups();
    process.exit(130);
  });
}

function run(command, commandArgs) {
  execFileSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
}

/** What `vsce package` needs from the repository besides the bundles it builds. */
const PACKAGE_INPUTS = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  '.vscodeignore',
  'language-configuration.json',
  'schemas',
  'snippets',
  'syntaxes',
  'media',
];

/**
 * Packages the extension as `npm run package` does (the production build, then vsce without
 * dependencies, since everything is bundled), but in a staging folder: other work in the same tree
 * may rebuild dist/ at any moment, and the packaged bundles must be the production ones. vsce needs
 * absolute base URLs to rewrite the README's relative links when the repository is not on GitHub;
 * they are derived from package.json.
 */
function packageExtension() {
  progress('packaging the extension (production build + vsce package, in a staging folder)');
  const staging = mkdtempSync(join(tmpdir(), 'cloudarch-package-'));
  try {
    for (const name of PACKAGE_INPUTS) {
      if (existsSync(join(root, name))) cpSync(join(root, name), join(staging, name), { recursive: true });
    }
    for (const name of ['src', 'webview', 'node_modules', 'tsconfig.json']) {
      if (existsSync(join(root, name))) symlinkSync(join(root, name), join(staging, name));
    }
    execFileSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: staging, stdio: 'inherit' });
    const vsix = packageVsix({ cwd: staging, out: join(root, 'out', 'cloudarch.vsix'), quiet: !verbose });
    return vsix;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The workbench runs `extensionTestsPath` only in an extension-development window. For the run
 * against the installed .vsix, the development extension is this empty stand-in, so the CloudArch
 * extension that is loaded is the installed one.
 */
function testRunnerStandIn(folder) {
  const path = join(folder, 'test-runner');
  mkdirSync(path, { recursive: true });
  writeFileSync(
    join(path, 'package.json'),
    JSON.stringify(
      { name: 'cloudarch-e2e-runner', publisher: 'cloudarch-tests', version: '0.0.0', engines: { vscode: '^1.100.0' } },
      null,
      2,
    ),
  );
  return path;
}

/** Prints what the in-host suite appends to its log file while it runs. */
function followLog(path) {
  let printed = 0;
  const flush = () => {
    if (!existsSync(path)) return;
    const text = readFileSync(path, 'utf8');
    if (text.length > printed) {
      process.stdout.write(text.slice(printed));
      printed = text.length;
    }
  };
  const timer = setInterval(flush, 200);
  return () => {
    clearInterval(timer);
    flush();
  };
}

/**
 * One extension-host run: start code-server, open the workbench with the test payload, wait for
 * `codeAutomationExit`, and return mocha's exit code.
 */
async function runSuite(binary, { label, vsix, suitePath }) {
  const started = Date.now();
  progress(`--- extension-host suite (${label}) ---`);
  const folders = createScratch(root, label);
  const logPath = join(folders.base, 'mocha.log');
  process.env.CLOUDARCH_E2E_LOG = logPath;
  process.env.CLOUDARCH_E2E_WORKSPACE = folders.workspace;
  process.env.CLOUDARCH_E2E_MODE = label;
  // Where the suite leaves figures for `npm run bench` (activation time, measured in the real host).
  process.env.CLOUDARCH_E2E_RESULTS = join(root, 'out', 'e2e');
  const grep = option('--grep');
  if (grep) process.env.CLOUDARCH_E2E_GREP = grep;
  if (vsix) installVsix(binary, folders, vsix);

  const server = await startCodeServer(binary, folders, { verbose });
  cleanups.add(server.stop);
  const browser = await launchBrowser();
  const closeBrowser = () => void browser.close().catch(() => undefined);
  cleanups.add(closeBrowser);
  const stopFollowing = followLog(logPath);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    if (verbose) page.on('console', (message) => console.log(`[browser] ${message.text()}`));
    const exitCode = new Promise((resolveExit) => {
      void page.exposeFunction('codeAutomationLog', (level, message) => {
        // Gallery look-ups fail offline by design; everything else the workbench reports is shown.
        if (verbose || (level === 'error' && !OFFLINE_NOISE.test(String(message)))) console.log(`[workbench ${level}] ${message}`);
      });
      void page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    });
    const developmentPath = vsix ? testRunnerStandIn(folders.base) : root;
    const url = workbenchUrl(server, folders, { developmentPath, testsPath: suitePath });
    if (verbose) progress(`opening ${url}`);
    await page.goto(url);
    let timer;
    const timeout = new Promise((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout('timeout'), RUN_TIMEOUT_MS);
    });
    const outcome = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      mkdirSync(join(root, 'out', 'e2e'), { recursive: true });
      const shot = join(root, 'out', 'e2e', `timeout-${label}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.error(`[e2e] the ${label} run did not finish within ${RUN_TIMEOUT_MS / 1000} s (screenshot: ${shot})`);
      if (!verbose) console.error(server.output().slice(-4000));
      return 1;
    }
    progress(`${label} run finished with exit code ${outcome} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return outcome;
  } finally {
    stopFollowing();
    await browser.close().catch(() => undefined);
    cleanups.delete(closeBrowser);
    server.stop();
    cleanups.delete(server.stop);
    removeScratch(folders);
  }
}

/** Runs every test/ui/*.mjs module against one code-server with the development extension. */
async function runUiTests(binary) {
  const started = Date.now();
  const uiFolder = join(root, 'test', 'ui');
  const only = option('--only') ?? option('--grep');
  const files = existsSync(uiFolder)
    ? readdirSync(uiFolder)
        .filter((name) => name.endsWith('.test.mjs') && (only === undefined || name.includes(only)))
        .sort()
    : [];
  if (files.length === 0)
    throw new Error(only === undefined ? 'no UI tests found under test/ui/' : `no UI test file under test/ui/ matches '${only}'`);
  const { runUiSuite } = await import(pathToFileURL(join(uiFolder, 'driver.mjs')).href);
  const folders = createScratch(root, 'ui');
  const server = await startCodeServer(binary, folders, { verbose });
  cleanups.add(server.stop);
  const browser = await launchBrowser();
  const screenshots = join(root, 'out', 'ui');
  mkdirSync(screenshots, { recursive: true });
  try {
    const failures = await runUiSuite({
      browser,
      files: files.map((name) => join(uiFolder, name)),
      url: (file) => workbenchUrl(server, folders, { developmentPath: root, file: file ? join(folders.workspace, file) : undefined }),
      workspace: folders.workspace,
      screenshots,
      verbose,
    });
    progress(`UI tests finished in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${screenshots}`);
    return failures === 0 ? 0 : 1;
  } finally {
    await browser.close().catch(() => undefined);
    server.stop();
    cleanups.delete(server.stop);
    removeScratch(folders);
  }
}

async function main() {
  const binary = ensureCodeServer(root);
  progress('building the extension (npm run build)');
  run('npm', ['run', '--silent', 'build']);
  if (!existsSync(join(root, 'dist', 'client', 'extension.js'))) throw new Error('dist/client/extension.js was not built');

  if (flag('--ui')) return runUiTests(binary);

  const suitePath = await bundleSuite(root);
  const wantDev = flag('--dev') || !flag('--vsix');
  const wantVsix = flag('--vsix') || !flag('--dev');
  let failed = 0;
  if (wantDev) {
    if ((await runSuite(binary, { label: 'dev', suitePath })) !== 0) failed += 1;
  }
  if (wantVsix) {
    const vsix = packageExtension();
    progress(`packaged ${vsix}: ${(statSync(vsix).size / 1024).toFixed(0)} KiB`);
    if ((await runSuite(binary, { label: 'vsix', vsix, suitePath })) !== 0) failed += 1;
  }
  return failed === 0 ? 0 : 1;
}

const started = Date.now();
main()
  .then((code) => {
    runCleanups();
    progress(`${code === 0 ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(code);
  })
  .catch((error) => {
    runCleanups();
    console.error(`[e2e] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });

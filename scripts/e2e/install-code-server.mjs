// Installs code-server 4.100.3 (VS Code 1.100.3, the last release that runs on Node 20) into a
// folder of its own, `.e2e/code-server/`, only when it is not there yet. It is deliberately not a
// dependency of the project: its install needs Debian build packages, environment variables and a
// ripgrep cache trick, and a user's plain `npm ci` must stay small and work offline.
// See /work/shared/notes/vscode-e2e.md (copied into docs/testing.md) for why each step exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_CACHE_FOLDER = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Debian packages code-server's native modules need to build, plus ripgrep and the browser. */
const DEBIAN_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'ripgrep', 'chromium'];

/** Prints one progress line, prefixed so that it stands out among the tools' own output. */
export function progress(message) {
  console.log(`[e2e] ${message}`);
}

/** The path of code-server's launcher inside the cached install folder. */
export function codeServerBinary(root) {
  return join(root, '.e2e', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Installs the Debian packages that are missing; `apt-get update` first, as a fresh machine needs. */
export function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((name) => !debianPackageInstalled(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages (${missing.join(', ')}); install them as root: apt-get install ${missing.join(' ')}`);
  }
  progress(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

/**
 * Puts a tarball of Debian's `rg` where @vscode/ripgrep's post-install looks before it tries to
 * download one, because that download cannot succeed offline.
 */
function ensureRipgrepCache() {
  const cacheFolder = join(tmpdir(), RIPGREP_CACHE_FOLDER);
  const tarball = join(cacheFolder, RIPGREP_TARBALL);
  if (existsSync(tarball)) return;
  progress(`placing a ripgrep tarball at ${tarball}`);
  mkdirSync(cacheFolder, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'cloudarch-rg-'));
  try {
    copyFileSync('/usr/bin/rg', join(staging, 'rg'));
    chmodSync(join(staging, 'rg'), 0o755);
    execFileSync('tar', ['-czf', tarball, '-C', staging, 'rg']);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Ensures code-server is installed under `<root>/.e2e/code-server`; returns its launcher path. */
export function ensureCodeServer(root) {
  ensureDebianPackages();
  const binary = codeServerBinary(root);
  if (existsSync(binary)) {
    progress(`code-server ${CODE_SERVER_VERSION} already installed`);
    return binary;
  }
  ensureRipgrepCache();
  const prefix = join(root, '.e2e', 'code-server');
  mkdirSync(prefix, { recursive: true });
  progress(`installing code-server ${CODE_SERVER_VERSION} into ${prefix} (about a minute, about 300 MB)`);
  const started = Date.now();
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--loglevel=error',
      `code-server@${CODE_SERVER_VERSION}`,
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        // node-pty's post-install runs `npx node-gyp`; as root npm needs both of these to proceed.
        npm_config_unsafe_perm: 'true',
        npm_config_yes: 'true',
      },
    },
  );
  if (!existsSync(binary)) throw new Error(`code-server installed but ${binary} is missing`);
  progress(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return binary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureCodeServer(process.cwd());
}

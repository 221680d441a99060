// `npm run package`: the .vsix, from the production bundles (built first by the npm script).
// vsce rewrites the README's relative links to absolute ones; outside GitHub it needs the base URLs,
// which are derived from package.json's repository so there is one place to change them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages the extension found in `cwd` (default: this repository) into `out`, without
 * dependencies (everything the extension needs is bundled). Returns the .vsix path.
 */
export function packageVsix({ cwd = root, out = join(root, 'out', 'cloudarch.vsix'), quiet = false } = {}) {
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  const repository = String(pkg.repository?.url ?? 'https://example.invalid/cloudarch').replace(/\.git$/, '');
  mkdirSync(dirname(out), { recursive: true });
  execFileSync(
    join(root, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--baseContentUrl', `${repository}/blob/HEAD`, '--baseImagesUrl', `${repository}/raw/HEAD`, '-o', out],
    { cwd, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' },
  );
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const vsix = packageVsix();
  console.log(`${vsix}: ${(statSync(vsix).size / 1024).toFixed(0)} KiB`);
}

/** Helpers the CLI's end-to-end tests share: building the CLI and running it the way users do. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const cli = join(root, 'bin/cloudarch.js');

/** What one run of the CLI gave: `status` is -1 when the run was killed (by its timeout). */
export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Bundles dist/ (esbuild.mjs), so that bin/cloudarch.js runs the sources under test. */
export function buildCli(): void {
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'pipe' });
}

/** A runner of `cloudarch <args>` from the repository root (paths in `args` are relative to it). */
export function cliRunner(timeoutMs: number): (...args: string[]) => CliRun {
  return (...args) => {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: timeoutMs });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
}

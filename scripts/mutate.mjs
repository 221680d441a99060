// `npm run mutate -- <scope>... [--stryker-option...]`: runs StrykerJS on each named scope
// (stryker/config.mjs lists them: security, security-network, references, availability, cost, core...),
// one after the other. Arguments starting with `--` go to Stryker as they are, for example
// `--ignoreStatic` (skip the mutants that only module loading reaches; see docs/testing.md) or
// `--concurrency 1` on a busy machine.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const optionsStart = args.findIndex((arg) => arg.startsWith('--'));
const scopes = optionsStart < 0 ? args : args.slice(0, optionsStart);
const strykerOptions = optionsStart < 0 ? [] : args.slice(optionsStart);
if (scopes.length === 0) {
  console.error(
    'usage: npm run mutate -- <scope>... [--stryker-option...] (scopes in stryker/config.mjs: security, references, availability, cost, core...)',
  );
  process.exit(3);
}
for (const scope of scopes) {
  const result = spawnSync('npx', ['stryker', 'run', 'stryker/config.mjs', ...strykerOptions], {
    stdio: 'inherit',
    env: { ...process.env, CLOUDARCH_MUTATE_SCOPE: scope },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// `npm run mutate -- <scope> [...]`: runs StrykerJS on each named scope (stryker/config.mjs lists
// them), one after the other.
import { spawnSync } from 'node:child_process';

const scopes = process.argv.slice(2);
if (scopes.length === 0) {
  console.error('usage: npm run mutate -- <scope>... (stryker/config.mjs lists the scopes)');
  process.exit(3);
}
for (const scope of scopes) {
  const result = spawnSync('npx', ['stryker', 'run', 'stryker/config.mjs'], { stdio: 'inherit', env: { ...process.env, CLOUDARCH_MUTATE_SCOPE: scope } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

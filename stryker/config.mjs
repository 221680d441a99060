// Mutation testing with StrykerJS, one scope at a time: `npm run mutate -- <scope>` (see
// docs/testing.md). Each scope mutates one part of the code and runs only the tests that exercise
// it, so that a run fits a 2-core machine; incremental mode reuses the results of unchanged code
// and tests from reports/mutation/<scope>.incremental.json.
const securityTests = ['test/unit/evaluate/security/**/*.test.ts'];
// The type checker of a scope need not check the whole project: the scope's code, its tests and their imports suffice.
const securityTsconfig = 'stryker/tsconfig.security.json';
const scopes = {
  // The whole security folder is about 4,200 mutants: half a day on two cores. Its parts, one by one.
  security: { mutate: ['src/evaluate/security/**/*.ts', '!src/evaluate/security/sarif.ts'], spec: securityTests, tsconfig: securityTsconfig },
  'security-network': { mutate: ['src/evaluate/security/rules/network.ts', 'src/evaluate/security/security-group-rules.ts'], spec: securityTests, tsconfig: securityTsconfig },
  'security-exposure': { mutate: ['src/evaluate/security/exposure.ts'], spec: securityTests, tsconfig: securityTsconfig },
  'security-rules': { mutate: ['src/evaluate/security/rule.ts', 'src/evaluate/security/fixes.ts', 'src/evaluate/security/index.ts'], spec: securityTests, tsconfig: securityTsconfig },
  // One scope per rules file (and the small shared modules), so that each run takes minutes, not hours.
  ...Object.fromEntries(
    ['analytics', 'compute', 'coverage', 'databases', 'edge-and-apps', 'exposure-rules', 'storage', 'severity-rationale'].map((file) => [
      `security-rules-${file}`,
      { mutate: [`src/evaluate/security/rules/${file}.ts`], spec: securityTests, tsconfig: securityTsconfig },
    ]),
  ),
  'security-tables': { mutate: ['src/evaluate/security/registry.ts', 'src/evaluate/security/rule-table.ts'], spec: securityTests, tsconfig: securityTsconfig },
  references: {
    mutate: ['src/core/references.ts'],
    spec: ['test/unit/core/references.test.ts', 'test/unit/core/reference-ranges.test.ts', 'test/unit/core/validate-fixtures.test.ts', 'test/unit/language/**/*.test.ts'],
  },
  availability: {
    mutate: ['src/evaluate/availability/**/*.ts'],
    spec: ['test/unit/evaluate/availability/**/*.test.ts'],
  },
  cost: {
    mutate: ['src/evaluate/cost/**/*.ts'],
    spec: ['test/unit/evaluate/cost/**/*.test.ts'],
  },
  core: {
    mutate: ['src/core/**/*.ts', '!src/core/generated/**', '!src/core/references.ts'],
    spec: ['test/unit/core/**/*.test.ts', 'test/unit/hostile.test.ts'],
  },
};

const scope = process.env.CLOUDARCH_MUTATE_SCOPE ?? 'references';
const chosen = scopes[scope];
if (chosen === undefined) throw new Error(`unknown mutation scope '${scope}'; scopes: ${Object.keys(scopes).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  mochaOptions: { spec: chosen.spec, require: ['tsx/cjs'], extension: ['ts'] },
  checkers: ['typescript'],
  tsconfigFile: chosen.tsconfig ?? 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: chosen.mutate,
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `reports/mutation/${scope}.incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  htmlReporter: { fileName: `reports/mutation/${scope}.html` },
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: `.stryker-tmp/${scope}`,
  cleanTempDir: 'always',
  ignorePatterns: ['out', 'dist', '.e2e', 'reports', 'node_modules', '.stryker-tmp'],
};

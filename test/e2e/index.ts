/**
 * The in-host test entry point: the extension host loads this module (bundled to out/e2e/index.js)
 * and calls `run()`, exactly as `@vscode/test-electron` and code-server's `payload` test mode do.
 * The suites are bundled in; mocha is loaded from node_modules.
 */
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';

interface MochaRunner {
  run(done: (failures: number) => void): void;
}
interface MochaInstance {
  suite: { emit(event: string, context: object, file: string, mocha: MochaInstance): void };
  grep(pattern: string): MochaInstance;
  run(done: (failures: number) => void): MochaRunner;
}
type MochaConstructor = new (options: object) => MochaInstance;

/**
 * mocha 11 is ESM-first: under Node 20 `require('mocha')` can hand back a namespace object whose
 * constructor is its `default` export, so accept both shapes.
 */
function loadMocha(): MochaConstructor {
  const loaded = require('mocha') as MochaConstructor | { default: MochaConstructor };
  return typeof loaded === 'function' ? loaded : loaded.default;
}

/**
 * Mirrors the reporter's output into the file the harness follows, because the remote extension
 * host's console is not the harness's terminal. The extension host locks `console.log` against
 * reassignment, so the hook is mocha's own `Base.consoleLog`, which every built-in reporter calls.
 */
function mirrorReporterOutput(Mocha: MochaConstructor, path: string | undefined): void {
  const base = (Mocha as unknown as { reporters: { Base: { consoleLog: (...parts: unknown[]) => void } } }).reporters.Base;
  const original = base.consoleLog;
  base.consoleLog = (...parts: unknown[]): void => {
    original(...parts);
    if (!path) return;
    try {
      appendFileSync(path, `${format(...parts)}\n`);
    } catch {
      // The harness removed its scratch folder; nothing is listening any more.
    }
  };
}

/** Called by the extension host; resolves when every test passed, rejects otherwise. */
export async function run(): Promise<void> {
  const Mocha = loadMocha();
  mirrorReporterOutput(Mocha, process.env.CLOUDARCH_E2E_LOG);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.CLOUDARCH_E2E_GREP;
  if (grep) mocha.grep(grep);
  // Installs describe/it on the global object, as mocha does before it loads each spec file.
  mocha.suite.emit('pre-require', globalThis, 'cloudarch-e2e', mocha);
  await import('./suites/activation.test');
  await import('./suites/language-features.test');
  await import('./suites/evaluations.test');
  await import('./suites/commands.test');
  await import('./suites/cloudformation.test');
  await import('./suites/diagram.test');
  await import('./suites/diagram-layout.test');
  await import('./suites/export.test');
  await import('./suites/simulate.test');
  await import('./suites/server-crash.test');

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}

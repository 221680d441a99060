/**
 * `cloudarch export` from a cold start, for `npm run bench` (and on its own:
 * `npx tsx bench/export.ts [--quick]`): the built CLI is spawned on a generated 100-resource file
 * for each diagram format, and the wall time of the whole process is recorded (node start, bundle
 * load, parse, evaluation, layout, render, and for PNG the WebAssembly compile, font load,
 * rasterising and encoding). `cloudarch validate` on the same file is the floor: what any command
 * pays to start. Where `/usr/bin/time` exists the child's CPU time is recorded too, which the load
 * of other processes on a shared machine changes far less than the wall clock.
 *
 * Targets (issue 12): SVG < 1 s and PNG < 2 s from a cold start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Recorder } from './diagram';
import { generateArchitecture, generatedResourceCount } from './generate';

const root = resolve(__dirname, '..');
const cli = join(root, 'bin', 'cloudarch.js');
const timeTool = '/usr/bin/time';

/** Runs the CLI once; wall and (where measurable) CPU milliseconds of the child process. */
function runOnce(args: readonly string[]): { wallMs: number; cpuMs?: number } {
  const withTime = existsSync(timeTool);
  const command = withTime ? timeTool : process.execPath;
  const commandArgs = withTime ? ['-f', 'cpu %U %S', process.execPath, cli, ...args] : [cli, ...args];
  const started = performance.now();
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`cloudarch ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  return cpu ? { wallMs, cpuMs: (Number(cpu[1]) + Number(cpu[2])) * 1000 } : { wallMs };
}

export async function measureExport(record: Recorder, quick: boolean): Promise<void> {
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js is missing: run `npm run build` first.');
  console.log('\nExport (the built CLI, one process per run, cold)');
  const folder = mkdtempSync(join(tmpdir(), 'cloudarch-bench-export-'));
  try {
    const size = generatedResourceCount(100);
    const file = join(folder, 'arch-100.cloudarch.yaml');
    writeFileSync(file, generateArchitecture(100));
    const runs = quick ? 3 : 7;
    const cases: [string, string[], string][] = [
      ['cloudarch validate (start-up floor)', ['validate', file], ''],
      ['cloudarch export --to svg, cold', ['export', file, '--to', 'svg', '-o', join(folder, 'd.svg')], 'target < 1 s'],
      ['cloudarch export --to png (scale 2), cold', ['export', file, '--to', 'png', '-o', join(folder, 'd.png')], 'target < 2 s'],
      ['cloudarch export --to drawio, cold', ['export', file, '--to', 'drawio', '-o', join(folder, 'd.drawio')], ''],
      [
        'cloudarch export --to html, cold',
        ['export', file, '--to', 'html', '-o', join(folder, 'd.html')],
        'with the Monte Carlo cross-check',
      ],
    ];
    mkdirSync(folder, { recursive: true });
    for (const [name, args, note] of cases) {
      runOnce(args); // warms the file-system cache, not the process
      const samples = Array.from({ length: runs }, () => runOnce(args));
      record(
        `${name}, wall`,
        size,
        'ms',
        samples.map((s) => s.wallMs),
        note,
      );
      const cpu = samples.flatMap((s) => (s.cpuMs !== undefined ? [s.cpuMs] : []));
      if (cpu.length > 0) record(`${name}, CPU`, size, 'ms', cpu, note);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  void measureExport((name, size, unit, samples, note) => {
    const row = { median: median(samples) };
    console.log(
      `  ${name} (${size ?? '-'}): median ${row.median.toFixed(0)} ${unit}, min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)}${note ? ` (${note})` : ''}`,
    );
    return row;
  }, quick);
}

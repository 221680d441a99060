/**
 * Traces the webview's main thread while it shows a 500-resource picture sent by message (as
 * bench/first-picture.ts measures it), and prints what the tasks over 50 ms spent their time on.
 * `npm run build && npx tsx bench/trace-long-task.ts [runs]`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { webviewDiagram, type DiagramResult, type WebviewMessage } from '../src/protocol/diagram';
import { launchBrowser, openDiagramPage } from '../test/unit/webview/browser-page';
import { generateArchitecture } from './generate';
import { builtServer, LspSession } from './lsp-session';

/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const window: any;
const root = resolve(__dirname, '..');
const workDir = join(root, 'out', 'bench');
const server = builtServer;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const traced = !process.argv.includes('--untraced');
  mkdirSync(workDir, { recursive: true });
  const browser = await launchBrowser();
  const text = generateArchitecture(500, 1, { regions: 4 });
  for (let run = 0; run < runs; run++) {
    const session = await LspSession.start(server, workDir);
    const uri = pathToFileURL(join(workDir, `trace-${run}.cloudarch.yaml`)).href;
    const evaluated = session.evaluatedDiagnostics(uri, 1);
    await session.open(uri, 'cloudarch', text);
    await evaluated;
    const diagram = await session.connection.sendRequest<DiagramResult | null>('cloudarch/diagram', {
      uri,
      version: 1,
      theme: 'light',
      layers: [],
    });
    if (!diagram?.svg) throw new Error('no picture');
    const page = await openDiagramPage(browser, 'light', undefined, undefined);
    const ready = (await (
      await page.page.waitForFunction(() => (window.__posted as WebviewMessage[]).find((message) => message.type === 'ready'), undefined, {
        polling: 'raf',
      })
    ).jsonValue()) as Extract<WebviewMessage, { type: 'ready' }>;
    const tracePath = join(workDir, `trace-${run}.json`);
    if (traced)
      await browser.startTracing(page.page, {
        path: tracePath,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8',
          'blink',
          'toplevel',
          'disabled-by-default-v8.gc',
          'v8.execute',
        ],
      });
    const before = (await page.longTasks()).length;
    await page.send({ type: 'diagram', requestId: ready.requestId, diagram: webviewDiagram(diagram), canExport: false });
    await page.page.waitForFunction(() => window.document.querySelector('svg.diagram') !== null, undefined, { polling: 'raf' });
    await page.page.waitForTimeout(100);
    const longTasks = (await page.longTasks()).slice(before).map((task) => task.duration);
    if (traced) await browser.stopTracing();
    await page.page.close();
    await session.stop();
    console.log(
      `run ${run}: svg ${diagram.svg.length} chars; long tasks ${JSON.stringify(longTasks.map(Math.round))}; load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`,
    );
    if (!traced) continue;
    const events = (JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    const mainThread = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
    if (!mainThread) continue;
    const onMain = events.filter((event) => event.tid === mainThread.tid && event.pid === mainThread.pid && event.ph === 'X');
    const tasks = onMain.filter(
      (event) => (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask') && (event.dur ?? 0) > 30_000,
    );
    for (const task of tasks) {
      const inside = onMain.filter(
        (event) => event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= task.ts + (task.dur ?? 0),
      );
      const byName = new Map<string, number>();
      for (const event of inside) byName.set(event.name, (byName.get(event.name) ?? 0) + (event.dur ?? 0));
      const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12);
      console.log(
        `  task ${((task.dur ?? 0) / 1000).toFixed(1)} ms: ${top.map(([name, dur]) => `${name} ${(dur / 1000).toFixed(1)}`).join(', ')}`,
      );
      const direct = inside.filter((event) => (event.dur ?? 0) > 3000).slice(0, 15);
      for (const event of direct)
        console.log(
          `     ${((event.ts - task.ts) / 1000).toFixed(1)}+${((event.dur ?? 0) / 1000).toFixed(1)} ${event.name} ${JSON.stringify(event.args?.data ?? {}).slice(0, 120)}`,
        );
    }
  }
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

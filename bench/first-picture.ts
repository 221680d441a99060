/**
 * The first diagram, from the command to the picture in the webview, for `npm run bench` (and on
 * its own: `npm run build && npx tsx bench/first-picture.ts`). Inside VS Code the path is: the
 * command creates the panel; the panel asks the language server for the picture at once
 * (`cloudarch/diagram`, src/client/diagram-panel.ts) while the webview loads its script and says
 * `ready`; the answer is posted to the webview, which parses the SVG, puts it in its page, measures
 * and fits it. This measures that path with the real pieces except VS Code itself: the built
 * language server over stdio (a fresh process per run, so the worker draws its first picture: the
 * diagram code is loaded, nothing is warm), and the built webview page (dist/webview, the page
 * `diagramPageHtml` makes, with its CSP) in headless Chromium, Debian's, started once like VS
 * Code's renderer, a new page per run. The clock starts when the command would run (the file open
 * and its diagnostics published, as when a user opens the file and then the command) and stops
 * when the picture's SVG is in the webview's DOM, measured and fitted (`svg.diagram`). Chromium's
 * creation of the page (a new browser context and renderer) stands for VS Code's creation of the
 * webview and is included; VS Code's workbench work around the panel is not (`npm run test:e2e`
 * sees it in code-server).
 *
 * Also, at 500 resources, the longest task of the webview's main thread while it shows the
 * picture (PerformanceObserver `longtask` entries, from the message's arrival to the picture fitted).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { firstPictureWaitMs } from '../src/client/diagram-page';
import { webviewDiagram, type DiagramResult, type WebviewMessage } from '../src/protocol/diagram';
import { browserAvailable, launchBrowser, openDiagramPage } from '../test/unit/webview/browser-page';
import type { Recorder } from './diagram';
import { generateArchitecture, generatedResourceCount } from './generate';
import { builtServer, LspSession } from './lsp-session';

const root = resolve(__dirname, '..');
const workDir = join(root, 'out', 'bench');
const server = builtServer;

// Functions given to `page.evaluate` run in the page; the bench's tsconfig has no DOM library.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const window: any;

interface FirstPicture {
  /** Command -> the SVG in the webview's DOM, measured and fitted. */
  readonly totalMs: number;
  /** Command -> the server's answer (runs alongside the webview's load). */
  readonly answerMs: number;
  /** Command -> the webview's `ready` (its page and script loaded). */
  readonly readyMs: number;
  /** The answer posted -> the picture fitted: the webview's own share. */
  readonly showMs: number;
  /**
   * Long tasks (ms) of the webview's main thread that started once the picture was posted (from
   * the page's start when it came in the page).
   */
  readonly longTasks: readonly number[];
  /** Long tasks (ms) that started before the picture was posted (the page loading while the server drew), by message only. */
  readonly longTasksBefore: readonly number[];
  /** Whether the picture came in the page's HTML (else by message after `ready`). */
  readonly inPage: boolean;
  /** Command -> the frame after the one that first held the whole picture, when it came in the page. */
  readonly paintedMs?: number;
}

async function firstPicture(browser: Browser, text: string, name: string): Promise<FirstPicture> {
  mkdirSync(workDir, { recursive: true });
  const session = await LspSession.start(server, workDir);
  try {
    const uri = pathToFileURL(join(workDir, `${name}.cloudarch.yaml`)).href;
    const evaluated = session.evaluatedDiagnostics(uri, 1);
    await session.open(uri, 'cloudarch', text);
    // The file is open and evaluated (its findings published), as when a user opens it, reads it, then runs the command.
    await evaluated;
    // The command: the panel asks for the picture and VS Code creates the webview at the same
    // moment; the panel sets the page when the answer comes (with the picture in it, when it is
    // small enough) or after `firstPictureWaitMs` (src/client/diagram-panel.ts, `open`). The
    // browser's request for the page waits for that, as the webview's content waits for the panel.
    const started = performance.now();
    const startedAt = performance.timeOrigin + started;
    let answerMs = 0;
    const answer = session.connection
      .sendRequest<DiagramResult | null>('cloudarch/diagram', { uri, version: 1, theme: 'light', layers: [] })
      .then((result) => {
        answerMs = performance.now() - started;
        return result;
      });
    const pageContent = Promise.race([
      answer.then((result) => (result?.svg !== undefined ? { diagram: webviewDiagram(result), canExport: false } : undefined)),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), firstPictureWaitMs)),
    ]);
    const page = await openDiagramPage(browser, 'light', undefined, pageContent);
    // The page's ready message, polled every frame in the page's own world and returned by the poll.
    const ready = (await (
      await page.page.waitForFunction(() => (window.__posted as WebviewMessage[]).find((message) => message.type === 'ready'), undefined, {
        polling: 'raf',
      })
    ).jsonValue()) as Extract<WebviewMessage, { type: 'ready' }>;
    const readyMs = performance.now() - started;
    const diagram = await answer;
    if (!diagram?.svg) throw new Error('the server drew no diagram');
    const inPage = ready.showing !== undefined;
    // On the page's clock: a long task is the picture's when it starts once the picture is posted.
    // A task that ended just before may be delivered to the observer later, so tasks are told
    // apart by their start, not by when they were reported.
    const postedOnPageClock = inPage ? 0 : await page.now();
    const posted = performance.now();
    // A page without its picture is sent it, as the panel does on `ready` (the answer without the resources' ranges).
    if (!inPage) await page.send({ type: 'diagram', requestId: ready.requestId, diagram: webviewDiagram(diagram), canExport: false });
    // Polled every frame in the page's own world, as \`ready\` is. A locator would first install
    // Playwright's selector engine in a world of its own (tens of milliseconds in every new page,
    // and more on a busy machine), which nothing in VS Code stands for.
    // The stop is the frame after the one in which the picture first stood in the page: frame
    // callbacks run before that frame's style, layout and paint, so the picture has been painted
    // once when the next one runs. Stopping when the element appears would leave its styling and
    // painting out of the figure.
    await page.page.waitForFunction(
      () => {
        const state = window as unknown as { pictureSeenInFrame?: boolean };
        if (state.pictureSeenInFrame) return true;
        state.pictureSeenInFrame = window.document.querySelector('svg.diagram') !== null;
        return false;
      },
      undefined,
      { polling: 'raf' },
    );
    const shown = performance.now();
    // The picture painted whole, on the same clock (test/unit/webview/browser-page.ts records the
    // frame after the first one holding it): with the picture in the page's HTML, the browser
    // paints it, fitted by CSS, before the script has taken it over.
    const wholePaintedAt = (await page.page.evaluate(() => window.__wholePicturePaintedAt)) as number | undefined;
    // Long tasks are reported after they end; give the observer a frame to deliver them.
    await page.page.waitForTimeout(100);
    const allLongTasks = await page.longTasks();
    const longTasks = allLongTasks.filter((task) => task.start >= postedOnPageClock).map((task) => task.duration);
    const longTasksBefore = allLongTasks.filter((task) => task.start < postedOnPageClock).map((task) => task.duration);
    await page.page.close();
    return {
      totalMs: shown - started,
      answerMs,
      readyMs,
      showMs: shown - posted,
      longTasks,
      longTasksBefore,
      inPage,
      ...(inPage && wholePaintedAt !== undefined ? { paintedMs: wholePaintedAt - startedAt } : {}),
    };
  } finally {
    await session.stop();
  }
}

export async function measureFirstPicture(record: Recorder, quick: boolean): Promise<void> {
  console.log('\nFirst diagram: command -> picture in the webview (built server over stdio + built webview in headless Chromium)');
  if (!browserAvailable()) {
    console.log('  not measured: needs /usr/bin/chromium and a built dist/webview');
    return;
  }
  const browser = await launchBrowser();
  try {
    // A first page and a first server warm the machine's file cache, as an editor that is running.
    await firstPicture(browser, generateArchitecture(20), 'warm-up');
    const runs = quick ? 3 : 7;
    const results: FirstPicture[] = [];
    const text = generateArchitecture(100);
    for (let run = 0; run < runs; run++) results.push(await firstPicture(browser, text, `first-picture-${run}`));
    const size = generatedResourceCount(100);
    const inPageRuns = results.filter((result) => result.inPage);
    const note = `fresh server per run; the webview is created while the panel waits for the answer (up to ${firstPictureWaitMs} ms); ${
      inPageRuns.length === results.length
        ? 'the picture came in the page in every run'
        : `the picture came in the page in ${inPageRuns.length} of ${results.length} runs, by message after ready in the others`
    }; stops in the frame after svg.diagram is in the DOM (taken over by the script), fitted`;
    record(
      'diagram: command -> first picture in the webview',
      size,
      'ms',
      results.map((result) => result.totalMs),
      note,
    );
    record(
      "diagram: command -> the server's first picture answered",
      size,
      'ms',
      results.map((result) => result.answerMs),
      'worker: diagram code loaded, graph, layout and SVG for the first time',
    );
    record(
      'diagram: command -> the webview ready (page and script loaded)',
      size,
      'ms',
      results.map((result) => result.readyMs),
    );
    const painted = inPageRuns.flatMap((result) => (result.paintedMs !== undefined ? [result.paintedMs] : []));
    if (painted.length > 0)
      record(
        "diagram: command -> the whole picture painted (in the page's HTML)",
        size,
        'ms',
        painted,
        'the frame after the first frame holding the whole picture (the parser past it), fitted by CSS, before the script takes it over; runs where the picture came in the page',
      );
    const byMessage = results.filter((result) => !result.inPage);
    if (byMessage.length > 0)
      record(
        'diagram: picture posted -> shown in the webview',
        size,
        'ms',
        byMessage.map((result) => result.showMs),
        'runs where the picture came by message after ready',
      );
    if (inPageRuns.length > 0)
      record(
        'diagram webview (first picture in the page): longest main-thread task while loading',
        size,
        'ms',
        inPageRuns.map((result) => Math.max(0, ...result.longTasks)),
        "PerformanceObserver longtask entries (tasks over 50 ms; 0 = none) from the page's start to the picture taken over by the script",
      );

    // The webview's main thread while it shows a big picture: its longest task.
    const big = generateArchitecture(500, 1, { regions: 4 });
    const longest: number[] = [];
    for (let run = 0; run < (quick ? 2 : 5); run++) {
      const result = await firstPicture(browser, big, `long-tasks-${run}`);
      longest.push(Math.max(0, ...result.longTasks));
      if (result.longTasksBefore.length > 0)
        console.log(
          `  (run ${run}: long tasks before the picture was posted, not counted: ${result.longTasksBefore.map(Math.round).join(', ')} ms)`,
        );
    }
    record(
      'diagram webview: longest main-thread task while showing a picture',
      generatedResourceCount(500),
      'ms',
      longest,
      'PerformanceObserver longtask entries (tasks over 50 ms; 0 = none) that start once the picture is posted, to the picture fitted, 45 containers',
    );
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  const recorder: Recorder = (name, size, unit, samples, note) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
    const row = { median: Math.round(at(0.5) * 10) / 10, p95: Math.round(at(0.95) * 10) / 10 };
    console.log(
      `  ${name}${size ? ` [${size}]` : ''}: median ${row.median} ${unit}, p95 ${row.p95} ${unit} (${samples.length} runs: ${samples.map((sample) => Math.round(sample)).join(', ')})${note ? ` — ${note}` : ''}`,
    );
    return row;
  };
  measureFirstPicture(recorder, process.argv.includes('--quick')).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

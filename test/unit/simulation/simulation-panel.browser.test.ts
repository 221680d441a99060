/**
 * The built simulation panel page (dist/webview/simulation.js) in Debian's headless Chromium, driven
 * by playwright-core: the page VS Code shows (`simulationPageHtml`, with its content security
 * policy), served from a fake origin that stands for `webview.cspSource`, with a stubbed
 * `acquireVsCodeApi`. It is sent a real result (`simulate()` of an example with a zone failure at the
 * daily peak and a surge) and checked for what a user sees: the four charts drawn, the injected
 * events on the timeline, the summary beside the analytic figures, and no CSP violation.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { simulationPageHtml } from '../../../src/client/simulation-page';
import { parseArchitecture } from '../../../src/core/parse';
import { parseSimulationSpec, type SimulationSpec } from '../../../src/core/simulation-spec';
import { simulate } from '../../../src/evaluate/simulate';
import type { SimulationHostMessage, SimulationResult } from '../../../src/protocol/simulation';
import { chromiumPath, launchBrowser } from '../webview/browser-page';

// Functions given to `page.evaluate` run in the page; the tests' tsconfig has no DOM library.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const document: any, window: any;

const root = join(__dirname, '..', '..', '..');
const origin = 'https://webview.cloudarch.test';
const nonce = 'TestNonce0123456789abcdefABCDEF0';
const darkTheme: Record<string, string> = {
  '--vscode-foreground': '#cccccc',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-errorForeground': '#f85149',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-lines': 'rgba(204, 204, 204, 0.5)',
  '--vscode-font-family': 'sans-serif',
  '--vscode-font-size': '13px',
};

interface OpenedPage {
  readonly page: Page;
  posted(): Promise<unknown[]>;
  send(message: SimulationHostMessage): Promise<void>;
  violations(): Promise<string[]>;
}

async function openSimulationPage(browser: Browser): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      problems.push(`remote request: ${url.href}`);
      await route.abort();
      return;
    }
    if (url.pathname === '/index.html') {
      const html = simulationPageHtml({
        scriptUri: `${origin}/dist/webview/simulation.js`,
        styleUri: `${origin}/dist/webview/simulation.css`,
        cspSource: origin,
        nonce,
        title: 'Simulation',
      });
      await route.fulfill({ contentType: 'text/html', body: html });
      return;
    }
    // Only the built webview folder is served, as `localResourceRoots` allows in VS Code.
    const file = join(root, url.pathname);
    if (!url.pathname.startsWith('/dist/webview/') || !existsSync(file)) {
      await route.fulfill({ status: 404, body: '' });
      return;
    }
    await route.fulfill({
      contentType: url.pathname.endsWith('.css') ? 'text/css' : url.pathname.endsWith('.map') ? 'application/json' : 'text/javascript',
      body: readFileSync(file),
    });
  });
  // A string, not a function: tsx's transform adds helper calls to functions that the page lacks.
  await page.addInitScript({
    content: `
      window.__posted = [];
      window.__violations = [];
      window.acquireVsCodeApi = function () {
        return { postMessage: function (message) { window.__posted.push(JSON.parse(JSON.stringify(message))); }, getState: function () {}, setState: function () {} };
      };
      document.addEventListener('securitypolicyviolation', function (event) { window.__violations.push(event.violatedDirective + ': ' + event.blockedURI); });
      new MutationObserver(function (changes, observer) {
        if (!document.body) return;
        observer.disconnect();
        const variables = ${JSON.stringify(darkTheme)};
        for (const name of Object.keys(variables)) document.documentElement.style.setProperty(name, variables[name]);
        document.body.classList.add('vscode-dark');
      }).observe(document, { childList: true, subtree: true });
    `,
  });
  await page.goto(`${origin}/index.html`);
  return {
    page,
    posted: () => page.evaluate(() => window.__posted as unknown[]),
    send: async (message) => {
      await page.evaluate((data) => window.postMessage(data, '*'), message);
    },
    violations: async () => [...problems, ...(await page.evaluate(() => window.__violations as string[]))],
  };
}

function specs(...texts: string[]): SimulationSpec[] {
  return texts.map((text) => parseSimulationSpec(text) as SimulationSpec);
}

describe('simulation panel in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let result: SimulationResult;

  before(async function () {
    if (!existsSync(chromiumPath) || !existsSync(join(root, 'dist', 'webview', 'simulation.js'))) {
      // The page is built by `npm run build`; Chromium comes from Debian (`apt-get install chromium`).
      console.warn('    (skipped: needs /usr/bin/chromium and a built dist/webview/simulation.js; run `npm run build`)');
      this.skip();
    }
    const doc = parseArchitecture(readFileSync(join(root, 'examples', 'three-tier-web.cloudarch.yaml'), 'utf8'));
    result = simulate(doc, { days: 3, seed: 1, events: specs('zone:a@1d14h+2h', 'surge:2x@2d14h+1h') });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it('says it is ready, then draws the four charts, the injected events, the timeline and the summary, with no CSP violation', async () => {
    const opened = await openSimulationPage(browser);
    await opened.page.waitForFunction(() => window.__posted.length > 0);
    assert.deepEqual(await opened.posted(), [{ type: 'ready' }]);
    await opened.send({ type: 'simulation', title: 'three-tier-web.cloudarch.yaml — zone a at peak', result });
    await opened.page.locator('.chart-cost canvas').waitFor();

    const charts = await opened.page.evaluate(() =>
      [...document.querySelectorAll('section.chart')].map(
        (section: { className: string; querySelector(selector: string): { width: number; height: number } | null }) => {
          const canvas = section.querySelector('canvas');
          return { chart: section.className.replace('chart ', ''), width: canvas?.width ?? 0, height: canvas?.height ?? 0 };
        },
      ),
    );
    assert.deepEqual(
      charts.map((chart) => chart.chart),
      ['chart-load', 'chart-zones', 'chart-dropped', 'chart-cost'],
    );
    for (const chart of charts)
      assert.ok(chart.width > 100 && chart.height > 100, `${chart.chart} is drawn on a ${chart.width}x${chart.height} canvas`);
    const zoneLegend = await opened.page.locator('.chart-zones .u-legend').innerText();
    assert.match(zoneLegend, /zone a/);
    assert.match(zoneLegend, /zone b/);

    const timeline = await opened.page.locator('table.timeline').innerText();
    assert.match(timeline, /day 2 14:00:00\s+injected-start/);
    assert.match(timeline, /zone:a@1d14h\+2h/);
    assert.match(timeline, /day 3 14:00:00\s+injected-start/);
    assert.match(timeline, /surge:2x@2d14h\+1h/);
    const injected = await opened.page.locator('table.injected').innerText();
    assert.match(injected, /zone:a@1d14h\+2h/);
    assert.ok(result.injected[0]!.droppedRequests > 0);
    assert.match(injected, new RegExp(new Intl.NumberFormat('en-US').format(result.injected[0]!.droppedRequests)));

    const summary = await opened.page.locator('table.summary').innerText();
    assert.match(
      summary,
      new RegExp(
        `Availability\\s+${result.availability.observedPercent
          .toFixed(4)
          .replace(/\.?0+$/, '')
          .replace('.', '\\.')}%`,
      ),
    );
    assert.match(
      summary,
      new RegExp(
        `${result.availability
          .analyticPercent!.toFixed(4)
          .replace(/\.?0+$/, '')
          .replace('.', '\\.')}%`,
      ),
    );
    assert.match(summary, /static estimate/);
    assert.match(summary, /Requests dropped\s+[\d,]+ \(/);

    assert.deepEqual(await opened.violations(), []);
    await opened.page.screenshot({ path: join(root, 'out', 'simulation-panel.png'), fullPage: true }).catch(() => undefined);
    await opened.page.close();
  });

  it('ignores a message that is not a valid result, and shows an error message it is sent', async () => {
    const opened = await openSimulationPage(browser);
    await opened.page.waitForFunction(() => window.__posted.length > 0);
    await opened.page.evaluate(() => window.postMessage({ type: 'simulation', title: 'x', result: { days: 'many' } }, '*'));
    // A result whose series lengths disagree would draw a wrong chart: refused too.
    const mismatched = { ...result, series: { ...result.series, load: result.series.load.slice(1) } };
    await opened.send({ type: 'simulation', title: 'x', result: mismatched });
    await opened.page.evaluate(() => window.postMessage({ type: 'reveal', title: 'x' }, '*'));
    await opened.page.waitForTimeout(100);
    assert.match(await opened.page.locator('#app').innerText(), /Simulating…/);
    await opened.send({ type: 'error', title: 'shop.cloudarch.yaml', message: '`zone:q@1d`: no zone `q` in this architecture' });
    assert.match(await opened.page.locator('p.error').innerText(), /no zone `q`/);
    assert.deepEqual(await opened.violations(), []);
    await opened.page.close();
  });
});

/**
 * Loads the built diagram webview (dist/webview) in Debian's headless Chromium, the way VS Code
 * shows it: the page from `diagramPageHtml` with its content security policy, served from a fake
 * origin that stands for `webview.cspSource`, and a stubbed `acquireVsCodeApi` that records what the
 * page posts. It also records every CSP violation and every long task of the page's main thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { diagramPageHtml } from '../../../src/client/diagram-page';
import type { FirstDiagramData, HostMessage, WebviewMessage } from '../../../src/protocol/diagram';

// Functions passed to `page.evaluate`/`addInitScript` run in the page, not in Node. The tests'
// tsconfig has no DOM library (the pure core must not see one), so the page's globals are declared
// here, loosely, for this module only.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
/* eslint-enable @typescript-eslint/no-explicit-any */

export const chromiumPath = '/usr/bin/chromium';
const root = join(__dirname, '..', '..', '..');
const origin = 'https://webview.cloudarch.test';
const nonce = 'TestNonce0123456789abcdefABCDEF0';

export type ThemeKind = 'light' | 'dark' | 'high-contrast';

/** Colours VS Code sets on a webview's <html> for each kind of theme (a few of them: enough to look right). */
const themeVariables: Record<ThemeKind, Record<string, string>> = {
  light: {
    '--vscode-settings-checkboxBackground': '#f8f8f8',
    '--vscode-settings-checkboxBorder': '#cecece',
    '--vscode-settings-checkboxForeground': '#3b3b3b',
    '--vscode-button-secondaryBackground': '#e5e5e5',
    '--vscode-button-secondaryForeground': '#3b3b3b',
    '--vscode-button-secondaryHoverBackground': '#cccccc',
    '--vscode-editorHoverWidget-background': '#f8f8f8',
    '--vscode-editorHoverWidget-foreground': '#3b3b3b',
    '--vscode-editorHoverWidget-border': '#c8c8c8',
    '--vscode-foreground': '#3b3b3b',
    '--vscode-editor-background': '#ffffff',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-errorForeground': '#f85149',
    '--vscode-button-background': '#005fb8',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-font-family': 'sans-serif',
    '--vscode-font-size': '13px',
  },
  dark: {
    '--vscode-settings-checkboxBackground': '#313131',
    '--vscode-settings-checkboxBorder': '#3c3c3c',
    '--vscode-settings-checkboxForeground': '#cccccc',
    '--vscode-button-secondaryBackground': '#313131',
    '--vscode-button-secondaryForeground': '#cccccc',
    '--vscode-button-secondaryHoverBackground': '#3c3c3c',
    '--vscode-editorHoverWidget-background': '#202020',
    '--vscode-editorHoverWidget-foreground': '#cccccc',
    '--vscode-editorHoverWidget-border': '#454545',
    '--vscode-foreground': '#cccccc',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-errorForeground': '#f85149',
    '--vscode-button-background': '#0078d4',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-font-family': 'sans-serif',
    '--vscode-font-size': '13px',
  },
  'high-contrast': {
    '--vscode-settings-checkboxBackground': '#000000',
    '--vscode-settings-checkboxBorder': '#6fc3df',
    '--vscode-settings-checkboxForeground': '#ffffff',
    '--vscode-button-secondaryBackground': '#000000',
    '--vscode-button-secondaryForeground': '#ffffff',
    '--vscode-editorHoverWidget-background': '#0c141f',
    '--vscode-editorHoverWidget-foreground': '#ffffff',
    '--vscode-editorHoverWidget-border': '#6fc3df',
    '--vscode-foreground': '#ffffff',
    '--vscode-editor-background': '#000000',
    '--vscode-panel-border': '#6fc3df',
    '--vscode-focusBorder': '#f38518',
    '--vscode-errorForeground': '#f48771',
    '--vscode-button-background': '#000000',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-font-family': 'sans-serif',
    '--vscode-font-size': '13px',
  },
};
const bodyClass: Record<ThemeKind, string> = { light: 'vscode-light', dark: 'vscode-dark', 'high-contrast': 'vscode-high-contrast' };

export interface DiagramPage {
  readonly page: Page;
  /** Messages the webview posted, in order. */
  posted(): Promise<WebviewMessage[]>;
  /** Sends a message to the webview as the extension would. */
  send(message: HostMessage): Promise<void>;
  /** Content security policy violations reported so far. */
  violations(): Promise<string[]>;
  /** The main thread's long tasks so far: start (ms, the page's `performance.now()` clock) and duration (ms). */
  longTasks(): Promise<LongTask[]>;
  /** The page's `performance.now()`: the clock of `longTasks`' starts. */
  now(): Promise<number>;
  waitForPosted(predicate: (message: WebviewMessage) => boolean): Promise<WebviewMessage>;
}

export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function browserAvailable(): boolean {
  return existsSync(chromiumPath) && existsSync(join(root, 'dist', 'webview', 'main.js'));
}

/**
 * `first`: the page comes with this picture in it (as a panel sets it, src/client/diagram-panel.ts);
 * a promise is awaited when the browser asks for the page, as VS Code creates the webview while
 * the panel waits for the server's answer.
 */
export async function openDiagramPage(
  browser: Browser,
  theme: ThemeKind = 'light',
  viewport = { width: 1200, height: 800 },
  first?: FirstDiagramData | Promise<FirstDiagramData | undefined>,
  { script = true }: { script?: boolean } = {},
): Promise<DiagramPage> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.route(`${origin}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') {
      const html = diagramPageHtml(
        {
          scriptUri: `${origin}/dist/webview/main.js`,
          styleUri: `${origin}/dist/webview/main.css`,
          cspSource: origin,
          nonce,
          title: 'Diagram',
        },
        await first,
      );
      await route.fulfill({ contentType: 'text/html', body: html });
      return;
    }
    const file = join(root, path);
    // Only the built webview folder is served, as `localResourceRoots` allows in VS Code.
    // Without its script (`script: false`), the page shows what its HTML and CSS alone paint.
    if (!path.startsWith('/dist/webview/') || !existsSync(file) || (!script && path.endsWith('.js'))) {
      await route.fulfill({ status: 404, body: '' });
      return;
    }
    await route.fulfill({ contentType: path.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file) });
  });
  // A string, not a function: tsx's transform adds helper calls to functions that the page lacks.
  await page.addInitScript({
    content: `
      window.__posted = [];
      window.__violations = [];
      window.__longTasks = [];
      window.acquireVsCodeApi = function () {
        return {
          postMessage: function (message) { window.__posted.push(JSON.parse(JSON.stringify(message))); },
          getState: function () { return window.__state; },
          setState: function (value) { window.__state = value; },
        };
      };
      document.addEventListener('securitypolicyviolation', function (event) { window.__violations.push(event.violatedDirective + ': ' + event.blockedURI); });
      new PerformanceObserver(function (list) { for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration }); }).observe({ type: 'longtask', buffered: true });
      // The frame after the first frame in which the page holds a whole picture, on the page's
      // clock: a picture in the page's HTML is whole once the parser has passed it (the data
      // block that follows it is in the document), one by message once the script has shown it.
      // Frame callbacks run before that frame's paint, so by the next one it has been painted.
      (function watchForWholePicture() {
        requestAnimationFrame(function () {
          const whole = document.querySelector('.canvas svg') && (document.getElementById('first-diagram') || document.querySelector('svg.diagram'));
          if (!whole) return watchForWholePicture();
          requestAnimationFrame(function () { window.__wholePicturePaintedAt = performance.timeOrigin + performance.now(); });
        });
      })();
      new MutationObserver(function (changes, observer) {
        if (!document.body) return;
        observer.disconnect();
        const variables = ${JSON.stringify(themeVariables[theme])};
        for (const name of Object.keys(variables)) document.documentElement.style.setProperty(name, variables[name]);
        document.body.classList.add(${JSON.stringify(bodyClass[theme])});
      }).observe(document, { childList: true, subtree: true });
    `,
  });
  await page.goto(`${origin}/index.html`);
  const diagramPage: DiagramPage = {
    page,
    posted: () => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted),
    send: async (message) => {
      await page.evaluate((data) => window.postMessage(data, '*'), message);
    },
    violations: async () => [...problems, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))],
    longTasks: () => page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks),
    now: () => page.evaluate(() => performance.now()),
    waitForPosted: async (predicate) => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const found = (await diagramPage.posted()).find(predicate);
        if (found) return found;
        await page.waitForTimeout(50);
      }
      throw new Error(`The webview did not post the expected message; it posted ${JSON.stringify(await diagramPage.posted())}`);
    },
  };
  return diagramPage;
}

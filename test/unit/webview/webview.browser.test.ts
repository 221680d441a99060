/**
 * The built diagram webview in headless Chromium (Debian's, driven by playwright-core): the page VS
 * Code shows, with its content security policy and a stubbed `acquireVsCodeApi`, sent the diagrams
 * the server makes of the examples. It checks what a user sees and does: every resource drawn, a
 * click asks for the YAML, the editor's selection highlights the node, zoom, fit and a zone down,
 * and that the page reports no CSP violation and no long task over 50 ms. Screenshots of every
 * example, light, dark and high contrast, go to out/screenshots/.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { parseArchitecture } from '../../../src/core/parse';
import { exportArchitecture } from '../../../src/diagram/export';
import {
  parseWebviewMessage,
  webviewDiagram,
  type DiagramResult,
  type FirstDiagramData,
  type WebviewMessage,
} from '../../../src/protocol/diagram';
import { fitTransform } from '../../../webview/geometry';
import { exportViewParams } from '../../../src/protocol/export';
import { browserAvailable, launchBrowser, openDiagramPage, type DiagramPage } from './browser-page';
import { generateArchitecture } from '../../../bench/generate';
import { diagramOf, exampleFiles, exampleText } from './example-diagrams';

// Functions given to `page.evaluate` run in the page; the tests' tsconfig has no DOM library.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const document: any, window: any;

const screenshots = join(__dirname, '..', '..', '..', 'out', 'screenshots');

describe('diagram webview in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  const diagrams = new Map<string, DiagramResult>();

  before(async function () {
    if (!browserAvailable()) {
      // The webview is built by `npm run build` and Chromium comes from Debian (`apt-get install chromium`).
      console.warn('    (skipped: needs /usr/bin/chromium and a built dist/webview; run `npm run build`)');
      this.skip();
    }
    browser = await launchBrowser();
    for (const file of exampleFiles) diagrams.set(file, await diagramOf(exampleText(file), { key: `file:///${file}` }));
  });

  after(async () => {
    await browser?.close();
  });

  async function shown(file: string, theme: 'light' | 'dark' = 'light'): Promise<DiagramPage> {
    const page = await openDiagramPage(browser, theme);
    const ready = await page.waitForPosted((message) => message.type === 'ready');
    // What the panel posts: the answer without the resources' ranges (webviewDiagram).
    await page.send({ type: 'diagram', requestId: ready.requestId, diagram: webviewDiagram(diagrams.get(file)!), canExport: false });
    await page.page.locator('svg.diagram').waitFor();
    return page;
  }

  it('says it is ready before it is sent anything, with the theme it shows', async () => {
    const page = await openDiagramPage(browser, 'light');
    const ready = await page.waitForPosted((message) => message.type === 'ready');
    assert.equal(ready.type === 'ready' && ready.theme, 'light');
    await page.page.close();
  });

  it('draws every resource of every example, light, dark and high contrast, with no CSP violation', async function () {
    // Three pictures of every example, each made by the server's code and shown in a fresh page.
    this.timeout(480_000);
    mkdirSync(screenshots, { recursive: true });
    for (const file of exampleFiles) {
      for (const theme of ['light', 'dark', 'high-contrast'] as const) {
        const diagram = await diagramOf(exampleText(file), { key: `file:///${file}`, theme });
        const page = await openDiagramPage(browser, theme);
        const ready = await page.waitForPosted((message) => message.type === 'ready');
        await page.send({ type: 'diagram', requestId: ready.requestId, diagram: webviewDiagram(diagram), canExport: false });
        await page.page.locator('svg.diagram').waitFor();
        const drawn = await page.page.evaluate(() => [
          ...new Set(
            [...document.querySelectorAll('svg.diagram [data-resource]')].map((node: { getAttribute(name: string): string }) =>
              node.getAttribute('data-resource'),
            ),
          ),
        ]);
        const expected = diagram.resources.map((resource) => resource.name);
        assert.ok(expected.length > 0, `${file} has resources`);
        for (const name of expected) assert.ok(drawn.includes(name), `${file}: ${name} is drawn`);
        await page.page.screenshot({ path: join(screenshots, `${file.replace('.cloudarch.yaml', '')}-${theme}.png`) });
        assert.deepEqual(await page.violations(), [], `${file} (${theme}): no CSP violation`);
        await page.page.close();
      }
    }
  });

  // How long the page blocks its main thread is a speed target, measured by `npm run bench`
  // (bench/first-picture.ts, at 500 resources), not by a timed unit test on a shared machine.
  it('shows a 100-resource diagram with its overview, paints the overlays, zooms and selects', async () => {
    const diagram = await diagramOf(generateArchitecture(100, 7), { key: 'file:///generated-100.cloudarch.yaml' });
    const page = await openDiagramPage(browser, 'light');
    const ready = await page.waitForPosted((message) => message.type === 'ready');
    await page.send({ type: 'diagram', requestId: ready.requestId, diagram, canExport: false });
    await page.page.locator('svg.diagram').waitFor();
    // A picture this big gets an overview with a rectangle per node.
    assert.ok(await page.page.locator('.minimap').isVisible(), 'the overview is shown');
    assert.equal(await page.page.locator('.minimap .minimap-node').count(), diagram.resources.length);
    for (const overlay of ['cost', 'findings', 'spof']) await page.page.locator(`#overlay-${overlay}`).click();
    await page.page.locator('#zoom-in').click();
    await page.send({ type: 'select', resource: diagram.resources[50]!.name });
    await page.page.locator('.ca-selection').first().waitFor();
    await page.page.close();
  });

  /**
   * Every element as tag, hook and text, in document order: the server's SVG (its style sheet
   * aside, which the page re-adds with its nonce) parsed as XML, against the page's picture (its
   * overlays aside), and how many pictures the page holds.
   */
  async function pictureSignatures(page: DiagramPage, svg: string): Promise<{ expected: string[]; shown: string[]; roots: number }> {
    return (await page.page.evaluate(`(() => {
      const signature = (root) => [...root.querySelectorAll('*')]
        .filter((node) => !node.closest('style, g.ca-overlays'))
        .map((node) => [node.localName, node.getAttribute('data-node') || node.getAttribute('data-edge') || node.getAttribute('data-container') || '',
          node.getAttribute('transform') || '', node.children.length === 0 ? node.textContent : ''].join('|'));
      const markup = ${JSON.stringify(svg.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, ''))};
      const expected = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
      const shownRoots = document.querySelectorAll('.canvas svg');
      return { expected: signature(expected), shown: signature(shownRoots[0]), roots: shownRoots.length };
    })()`)) as { expected: string[]; shown: string[]; roots: number };
  }

  /**
   * Shows the picture of a generated file and returns in how many tasks elements were added to the
   * picture while it was being built, after checking that what the page shows at the end is the
   * server's picture, every element in its place (tag, hook, transform and text, in document order).
   */
  async function buildOf(resources: number): Promise<{ tasks: number; bytes: number }> {
    const diagram = await diagramOf(generateArchitecture(resources, 7), { key: `file:///generated-${resources}.cloudarch.yaml` });
    const page = await openDiagramPage(browser, 'light');
    const ready = await page.waitForPosted((message) => message.type === 'ready');
    // Counts the tasks in which the picture's root, or elements of a picture still being built, were added.
    await page.page.evaluate(`
      window.__buildTasks = 0;
      const building = (node) => node.closest && node.closest('svg.pending');
      const isRoot = (node) => node.localName === 'svg';
      new MutationObserver((changes) => {
        if (changes.some((change) => building(change.target) || [...change.addedNodes].some(isRoot))) window.__buildTasks++;
      }).observe(document.querySelector('.canvas'), { childList: true, subtree: true });
    `);
    await page.send({ type: 'diagram', requestId: ready.requestId, diagram: webviewDiagram(diagram), canExport: false });
    await page.page.locator('svg.diagram').waitFor();
    const tasks = (await page.page.evaluate('window.__buildTasks')) as number;
    const signatures = await pictureSignatures(page, diagram.svg!);
    assert.equal(signatures.roots, 1, 'one picture in the page');
    assert.ok(signatures.expected.length > 1_000, `${signatures.expected.length} elements compared`);
    assert.deepEqual(signatures.shown, signatures.expected);
    assert.equal(await page.page.locator('svg.diagram [data-resource]').count(), diagram.svg!.match(/data-resource="/g)!.length);
    // A big picture's pieces are hidden while they come in and shown a share per frame once all are
    // in (webview/main.ts, revealElements): at the end every resource is visible, nothing is left hidden.
    const seen = (await page.page.evaluate(`(() => {
      const picture = document.querySelector('svg.diagram');
      const resources = [...picture.querySelectorAll('[data-resource]')];
      return {
        visible: resources.filter((node) => getComputedStyle(node).visibility === 'visible' && node.getBoundingClientRect().width > 0).length,
        resources: resources.length,
        hiddenElements: [...picture.querySelectorAll('*')].filter((node) => getComputedStyle(node).visibility !== 'visible').length,
        visibilityAttributes: picture.querySelectorAll('[visibility]').length,
      };
    })()`)) as { visible: number; resources: number; hiddenElements: number; visibilityAttributes: number };
    assert.equal(seen.visible, seen.resources, 'every resource is drawn and visible');
    assert.equal(seen.hiddenElements, 0, 'no element of the picture is left hidden');
    assert.equal(seen.visibilityAttributes, (diagram.svg!.match(/ visibility="/g) ?? []).length);
    assert.deepEqual(await page.violations(), []);
    await page.page.close();
    return { tasks, bytes: diagram.svg!.length };
  }

  // The webview inserts a big picture a slice per frame (webview/main.ts, buildSvg), so that no
  // task of the page grows past 50 ms; what it shows at the end must be the server's picture.
  it('builds a big picture over several frames and ends with every element of the SVG the server drew, in order', async () => {
    const { tasks, bytes } = await buildOf(200);
    assert.ok(bytes > 250_000, `the picture (${bytes} bytes) is big enough to be cut into slices`);
    assert.ok(tasks > 3, `the picture was inserted over several tasks (${tasks})`);
  });

  // A picture of about 100 resources is parsed whole and inserted in one task: slicing it cost more
  // frames than it spared (webview/main.ts, wholePictureBytes).
  it('shows a 100-resource picture in one insertion, every element of the SVG the server drew, in order', async () => {
    const { tasks, bytes } = await buildOf(100);
    assert.ok(bytes > 100_000, `a picture of ${bytes} bytes`);
    assert.equal(tasks, 1, 'the picture was inserted in one task');
  });

  it('shows the newest picture when a second arrives while the first is being built, and only that one', async () => {
    // Big enough to be built in slices (a picture of 100 resources is shown whole, in one task).
    const big = await diagramOf(generateArchitecture(200, 7), { key: 'file:///generated-200.cloudarch.yaml' });
    const small = await diagramOf(exampleText('static-site.cloudarch.yaml'), { key: 'file:///generated-200.cloudarch.yaml', version: 2 });
    const page = await openDiagramPage(browser, 'light');
    const ready = await page.waitForPosted((message) => message.type === 'ready');
    await page.send({ type: 'diagram', requestId: ready.requestId, diagram: big, canExport: false });
    await page.page.locator('svg.pending').waitFor({ state: 'attached' });
    await page.send({ type: 'diagram', diagram: { ...small, pictureVersion: 2 }, canExport: false });
    await page.page.locator('svg.diagram').waitFor();
    await page.page.waitForTimeout(300);
    assert.equal(await page.page.locator('.canvas svg').count(), 1);
    const drawn = (await page.page.evaluate(
      `[...new Set([...document.querySelectorAll('svg.diagram [data-resource]')].map((node) => node.getAttribute('data-resource')))].sort()`,
    )) as string[];
    assert.deepEqual(drawn, [...new Set(small.resources.map((resource) => resource.name))].sort());
    await page.page.close();
  });

  // Issue 12: an export from the panel is the picture the panel shows. The panel's export message
  // carries its view; the extension turns it into the export's parameters (exportViewParams) and
  // the export is made by the same code as the server's (exportArchitecture).
  it('exports what the panel shows: the layer toggled on and the overlays and zone chosen', async () => {
    const file = 'three-tier-web.cloudarch.yaml';
    const text = exampleText(file);
    const page = await openDiagramPage(browser, 'dark');
    const ready = await page.waitForPosted((message) => message.type === 'ready');
    await page.send({
      type: 'diagram',
      requestId: ready.requestId,
      diagram: await diagramOf(text, { key: `file:///${file}`, theme: 'dark' }),
      canExport: true,
    });
    await page.page.locator('svg.diagram').waitFor();
    const exportOf = async (): Promise<{ panel: number; exported: string }> => {
      const before = (await page.posted()).length;
      await page.page.locator('#export').click();
      const message = await page.waitForPosted((posted) => posted.type === 'export' && posted.requestId >= before);
      const checked = parseWebviewMessage(message);
      assert.ok(checked?.type === 'export' && checked.view, 'the export message carries the view');
      const params = exportViewParams(checked.view, 'shown');
      const exported = await exportArchitecture(
        parseArchitecture(text),
        'svg',
        {},
        {
          ...(params.theme !== undefined ? { theme: params.theme } : {}),
          ...(params.overlays !== undefined ? { overlays: params.overlays } : {}),
          ...(params.layers !== undefined ? { layers: params.layers } : {}),
        },
      );
      const panel = (await page.page.evaluate(`document.querySelectorAll('svg.diagram .ca-sg-badge').length`)) as number;
      return { panel, exported: exported.text ?? '' };
    };
    const badges = (svg: string): number => svg.match(/<g class="ca-sg-badge">/g)?.length ?? 0;
    // The security-groups layer is off: neither the panel nor the export draws the badges.
    const off = await exportOf();
    assert.equal(off.panel, 0);
    assert.equal(badges(off.exported), 0);
    assert.match(off.exported, /ca-theme-dark/);
    assert.doesNotMatch(off.exported, /class="ca-spof-marker"/);
    // Turned on: the panel asks for a picture with them, shows it, and the export has the same badges.
    await page.page.locator('#layer-security-groups').click();
    const options = await page.waitForPosted((message) => message.type === 'options');
    assert.ok(options.type === 'options');
    await page.send({
      type: 'diagram',
      requestId: options.requestId,
      diagram: await diagramOf(text, { key: `file:///${file}`, theme: 'dark', layers: options.layers, version: 2 }),
      canExport: true,
    });
    await page.page.waitForFunction(`document.querySelectorAll('svg.diagram .ca-sg-badge').length > 0`);
    await page.page.locator('#overlay-spof').click();
    await page.page.locator('#zone-a').click();
    const on = await exportOf();
    assert.ok(on.panel > 0);
    assert.equal(badges(on.exported), on.panel, 'the export draws the badges the panel shows');
    assert.match(on.exported, /class="ca-spof-marker"/);
    assert.match(on.exported, /<g class="ca-container ca-container-zone ca-zone-down"/);
    // Told to the extension as they change too, for an export from the command palette.
    const lastView = (await page.posted()).filter((message) => message.type === 'view').at(-1);
    assert.deepEqual(lastView?.type === 'view' ? lastView.view : undefined, {
      theme: 'dark',
      layers: ['security-groups'],
      overlays: ['spof'],
      zoneDown: 'a',
    });
    await page.page.close();
  });

  it("shows a resource's summary when the pointer rests on its node", async () => {
    const page = await shown('three-tier-web.cloudarch.yaml');
    await page.page.locator('svg.diagram [data-resource="db"]').first().hover();
    const tooltip = page.page.locator('.tooltip');
    await tooltip.waitFor();
    const text = await tooltip.innerText();
    assert.match(text, /^db\naws\.rds\.instance\nCost: \$[\d,.]+\/mo\nAvailability: 99\.\d+%\nFindings: /);
    await page.page.close();
  });

  it('makes the README picture', async () => {
    const page = await openDiagramPage(browser, 'light', { width: 1400, height: 1000 });
    const ready = await page.waitForPosted((message) => message.type === 'ready');
    await page.send({
      type: 'diagram',
      requestId: ready.requestId,
      diagram: diagrams.get('three-tier-web.cloudarch.yaml')!,
      canExport: false,
    });
    await page.page.locator('svg.diagram').waitFor();
    await page.page.locator('#overlay-spof').click();
    await page.page.locator('#overlay-findings').click();
    await page.page.locator('svg.diagram [data-resource="web"]').first().hover();
    await page.page.locator('.tooltip').waitFor();
    await page.page.screenshot({ path: join(screenshots, 'readme-diagram.png') });
    assert.deepEqual(await page.violations(), []);
    await page.page.close();
  });

  it('asks the extension to reveal the YAML of a clicked node', async () => {
    const page = await shown('three-tier-web.cloudarch.yaml');
    await page.page.locator('svg.diagram [data-resource="web-lb"]').first().click();
    const reveal = await page.waitForPosted((message) => message.type === 'reveal');
    assert.deepEqual({ ...reveal, requestId: 0 }, { type: 'reveal', requestId: 0, resource: 'web-lb' });
    await page.page.close();
  });

  it('highlights the node of the resource selected in the editor, and only that one', async () => {
    const page = await shown('three-tier-web.cloudarch.yaml');
    await page.send({ type: 'select', resource: 'db' });
    await page.page.locator('.ca-selection[data-overlay-for="db"]').first().waitFor();
    const selected = await page.page.evaluate(() =>
      [...document.querySelectorAll('.ca-selected')].map((node: { getAttribute(name: string): string }) =>
        node.getAttribute('data-resource'),
      ),
    );
    assert.ok(selected.length > 0 && selected.every((name: string) => name === 'db'), `selected: ${selected.join(', ')}`);
    await page.send({ type: 'select', resource: null });
    await page.page.waitForFunction(() => document.querySelectorAll('.ca-selected').length === 0);
    await page.page.close();
  });

  it('zooms in and out with the buttons and fits the picture back into view', async () => {
    const page = await shown('dr-two-region.cloudarch.yaml');
    const scale = () => page.page.evaluate(() => Number(document.querySelector('.viewport').dataset.scale));
    const fitted = await scale();
    await page.page.locator('#zoom-in').click();
    assert.ok(Math.abs((await scale()) - fitted * 1.25) < 1e-3, 'zoom in enlarges by a quarter');
    await page.page.locator('#zoom-out').click();
    await page.page.locator('#zoom-out').click();
    assert.ok((await scale()) < fitted, 'zoom out shrinks');
    await page.page.locator('#fit').click();
    assert.equal(await scale(), fitted);
    // Fitted, the whole picture is inside the viewport.
    const inside = await page.page.evaluate(() => {
      const picture = document.querySelector('svg.diagram').getBoundingClientRect();
      const view = document.querySelector('.viewport').getBoundingClientRect();
      return (
        picture.left >= view.left - 1 && picture.top >= view.top - 1 && picture.right <= view.right + 1 && picture.bottom <= view.bottom + 1
      );
    });
    assert.ok(inside, 'the fitted picture lies inside the viewport');
    await page.page.close();
  });

  it('greys out what stops with a zone down, says whether the system keeps working, and offers to simulate that outage', async () => {
    const file = 'three-tier-web.cloudarch.yaml';
    const diagram = diagrams.get(file)!;
    const zone = diagram.zones.find((candidate) => candidate.stopped.length > 0) ?? diagram.zones[0];
    assert.ok(zone, 'the example has zones');
    const page = await shown(file);
    await page.page.locator(`vscode-checkbox[data-zone="${zone.zone}"]`).click();
    await page.page.locator('.zone-status').waitFor();
    const status = await page.page.locator('.zone-status').innerText();
    assert.match(status, new RegExp(`Zone ${zone.zone} down: the system ${zone.works ? 'keeps working' : 'stops'}`));
    const greyed = await page.page.evaluate(() =>
      [
        ...new Set(
          [...document.querySelectorAll('[data-resource].ca-down')].map((node: { getAttribute(name: string): string }) =>
            node.getAttribute('data-resource'),
          ),
        ),
      ].sort(),
    );
    assert.deepEqual(greyed, [...zone.stopped].filter((name) => diagram.resources.some((resource) => resource.name === name)).sort());
    // The zone down offers to simulate that outage: the button asks the extension to run the simulator on that zone.
    await page.page.locator('#simulate-outage').click();
    const simulate = await page.waitForPosted((message) => message.type === 'simulateOutage');
    assert.deepEqual({ ...simulate, requestId: 0 }, { type: 'simulateOutage', requestId: 0, zone: zone.zone });
    await page.page.locator(`vscode-checkbox[data-zone="${zone.zone}"]`).click();
    await page.page.locator('.zone-status').waitFor({ state: 'hidden' });
    assert.ok(await page.page.locator('#simulate-outage').isHidden(), 'no zone down, no offer');
    await page.page.close();
  });

  it('asks for the network details when their layer is turned on, and draws the implied gateways as parts that reveal nothing', async () => {
    const file = 'network-inspection.cloudarch.yaml';
    const page = await shown(file);
    const toggle = page.page.locator('#layer-network');
    assert.ok(await toggle.isVisible(), 'the server can draw the layer, so its toggle is shown');
    await toggle.click();
    const options = (await page.waitForPosted((message) => message.type === 'options')) as Extract<WebviewMessage, { type: 'options' }>;
    assert.deepEqual(options.layers, ['network']);
    // The extension answers with the picture drawn with the layer, as the server would.
    const detailed = await diagramOf(exampleText(file), { key: `file:///${file}`, version: 2, layers: ['network'] });
    await page.send({ type: 'diagram', requestId: options.requestId, diagram: detailed, canExport: false });
    await page.page.locator('svg.diagram [data-implied="internet-gateway"]').waitFor();
    assert.match(
      (await page.page.locator('svg.diagram [data-container="subnet:eu-west-1a:private"] .ca-container-route').textContent()) ?? '',
      /0\.0\.0\.0\/0 → nat-a/,
    );
    mkdirSync(screenshots, { recursive: true });
    await page.page.screenshot({ path: join(screenshots, 'network-inspection-network-details-light.png') });
    const before = (await page.posted()).length;
    await page.page.locator('svg.diagram [data-implied="internet-gateway"]').click();
    await page.page.waitForTimeout(150);
    assert.deepEqual((await page.posted()).slice(before), [], 'a click on an implied gateway asks for no YAML');
    assert.deepEqual(await page.violations(), []);
    // Turned off again, the layer is left out of the next request.
    await toggle.click();
    const off = (await page.posted()).filter((message) => message.type === 'options').at(-1) as Extract<
      WebviewMessage,
      { type: 'options' }
    >;
    assert.deepEqual(off.layers, []);
    await page.page.close();
  });

  it('walks the nodes with the keyboard and reveals the focused one with Enter', async () => {
    const page = await shown('serverless-api.cloudarch.yaml');
    await page.page.locator('.viewport').focus();
    await page.page.keyboard.press('Tab');
    await page.page.keyboard.press('ArrowRight');
    await page.page.keyboard.press('Enter');
    const reveal = (await page.waitForPosted((message) => message.type === 'reveal')) as Extract<WebviewMessage, { type: 'reveal' }>;
    assert.ok(diagrams.get('serverless-api.cloudarch.yaml')!.resources.some((resource) => resource.name === reveal.resource));
    await page.page.close();
  });

  it('keeps the picture and names the first error when the text does not parse', async () => {
    const page = await shown('static-site.cloudarch.yaml');
    const good = diagrams.get('static-site.cloudarch.yaml')!;
    const parseError = {
      message: 'A block sequence may not be used as an implicit map key.',
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } },
    };
    await page.send({ type: 'diagram', diagram: { ...good, version: good.version + 1, parseError }, canExport: false });
    await page.page.locator('.notice').waitFor();
    assert.match(await page.page.locator('.notice').innerText(), /Line 5: A block sequence .* Showing the last picture that parsed/);
    assert.equal(await page.page.locator('svg.diagram').count(), 1);
    await page.page.close();
  });

  it('says why the picture is the channel layout when the elkjs layout could not be used, and clears it with the next picture', async () => {
    const page = await shown('static-site.cloudarch.yaml');
    const good = diagrams.get('static-site.cloudarch.yaml')!;
    const layoutNotice =
      'elkjs could not lay out this diagram (elkjs did not finish within 8 s); it is drawn with the channel layout instead.';
    await page.send({
      type: 'diagram',
      diagram: { ...good, version: good.version + 1, layout: 'channels', layoutNotice },
      canExport: false,
    });
    await page.page.locator('.notice').waitFor();
    assert.equal(await page.page.locator('.notice').innerText(), layoutNotice);
    assert.equal(await page.page.locator('svg.diagram').count(), 1, 'the picture is shown under the notice');
    await page.send({ type: 'diagram', diagram: { ...good, version: good.version + 2, layout: 'elkjs' }, canExport: false });
    await page.page.locator('.notice').waitFor({ state: 'hidden' });
    await page.page.close();
  });

  it('ignores messages that are not well formed', async () => {
    const page = await shown('static-site.cloudarch.yaml');
    await page.page.evaluate(() =>
      window.postMessage(
        { type: 'diagram', diagram: { svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>forged</text></svg>' }, canExport: true },
        '*',
      ),
    );
    await page.page.waitForTimeout(100);
    assert.equal(await page.page.locator('text=forged').count(), 0);
    assert.ok(await page.page.locator('#export').isHidden(), 'the export button stays hidden when the command is unavailable');
    await page.page.close();
  });

  // The panel puts a small first picture in the page itself (src/client/diagram-page.ts): the
  // browser paints it as the page loads, and the script takes it over instead of waiting for a message.
  describe('a page that comes with its first picture', () => {
    const firstOf = (diagram: DiagramResult, canExport = false) => ({ diagram: webviewDiagram(diagram), canExport });

    it('shows every example from its HTML, element for element the SVG the server drew, and says so when ready', async function () {
      this.timeout(180_000);
      for (const file of exampleFiles) {
        // Every example in the light theme; the dark one's markup differs in colours only, so one example suffices.
        for (const theme of file === 'three-tier-web.cloudarch.yaml' ? (['light', 'dark'] as const) : (['light'] as const)) {
          const diagram = await diagramOf(exampleText(file), { key: `file:///${file}`, theme, version: 4 });
          const page = await openDiagramPage(browser, theme, undefined, firstOf(diagram));
          const ready = await page.waitForPosted((message) => message.type === 'ready');
          assert.deepEqual(
            ready.type === 'ready' && ready.showing,
            { version: 4, pictureVersion: 4 },
            `${file} (${theme}): ready says what it shows`,
          );
          await page.page.locator('svg.diagram').waitFor();
          const signatures = await pictureSignatures(page, diagram.svg!);
          assert.equal(signatures.roots, 1, `${file}: one picture`);
          assert.deepEqual(signatures.shown, signatures.expected, `${file} (${theme}): the HTML parser built the SVG's tree`);
          const focusable = (await page.page.evaluate(
            `document.querySelectorAll('svg.diagram .ca-node[data-resource][tabindex="-1"]').length`,
          )) as number;
          assert.equal(focusable, diagram.svg!.match(/data-resource="/g)!.length, `${file}: every node is marked`);
          assert.equal(await page.page.locator('.canvas.first-picture').count(), 0, 'the script took the picture over');
          assert.equal(await page.page.locator('.placeholder').count(), 0, 'no placeholder');
          assert.deepEqual(await page.violations(), [], `${file} (${theme}): no CSP violation`);
          await page.page.close();
        }
      }
    });

    it('fits the picture by CSS before the script runs, where the script then puts it', async () => {
      const diagram = diagrams.get('dr-two-region.cloudarch.yaml')!;
      const viewportSize = { width: 900, height: 700 };
      // Without its script: what the browser paints from the HTML and the style sheet alone.
      const bare = await openDiagramPage(browser, 'light', viewportSize, firstOf(diagram), { script: false });
      const natural = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(diagram.svg!)!.slice(1).map(Number) as [number, number];
      const painted = (await bare.page.evaluate(`(() => {
        const box = document.querySelector('.canvas svg').getBoundingClientRect();
        const content = document.querySelector('.canvas svg').getScreenCTM();
        return { left: box.left, top: box.top, width: box.width, height: box.height, scale: content.a, x: content.e, y: content.f };
      })()`)) as { left: number; top: number; width: number; height: number; scale: number; x: number; y: number };
      const expected = fitTransform({ width: natural[0], height: natural[1] }, viewportSize);
      assert.ok(expected.scale < 1, 'the picture is bigger than the view');
      assert.ok(Math.abs(painted.scale - expected.scale) < 0.002, `painted at ${painted.scale}, fitted at ${expected.scale}`);
      assert.ok(Math.abs(painted.x - expected.x) < 1.5 && Math.abs(painted.y - expected.y) < 1.5, `placed at ${painted.x},${painted.y}`);
      assert.deepEqual(await bare.violations(), []);
      await bare.page.close();
      // With it: the same fit, now the canvas's transform in the viewport below the toolbar.
      const page = await openDiagramPage(browser, 'light', viewportSize, firstOf(diagram));
      await page.page.locator('svg.diagram').waitFor();
      const adopted = (await page.page.evaluate(`(() => {
        const view = document.querySelector('.viewport').getBoundingClientRect();
        const content = document.querySelector('svg.diagram').getScreenCTM();
        return { width: view.width, height: view.height, left: view.left, top: view.top, scale: content.a, x: content.e, y: content.f, shownScale: Number(document.querySelector('.viewport').dataset.scale) };
      })()`)) as { width: number; height: number; left: number; top: number; scale: number; x: number; y: number; shownScale: number };
      const refitted = fitTransform({ width: natural[0], height: natural[1] }, { width: adopted.width, height: adopted.height });
      assert.ok(
        Math.abs(adopted.scale - refitted.scale) < 0.002 && Math.abs(adopted.shownScale - refitted.scale) < 0.001,
        JSON.stringify({ adopted, refitted }),
      );
      assert.ok(
        Math.abs(adopted.x - adopted.left - refitted.x) < 1.5 && Math.abs(adopted.y - adopted.top - refitted.y) < 1.5,
        JSON.stringify({ adopted, refitted }),
      );
      await page.page.close();
    });

    it('links the adopted picture both ways, hovers it, and replaces it with the next picture', async () => {
      const diagram = diagrams.get('three-tier-web.cloudarch.yaml')!;
      const page = await openDiagramPage(browser, 'light', undefined, firstOf(diagram, true));
      await page.page.locator('svg.diagram').waitFor();
      assert.ok(await page.page.locator('#export').isVisible(), 'the export button shows when the page says the command exists');
      await page.page.locator('svg.diagram [data-resource="web-lb"]').first().click();
      const reveal = await page.waitForPosted((message) => message.type === 'reveal');
      assert.deepEqual({ ...reveal, requestId: 0 }, { type: 'reveal', requestId: 0, resource: 'web-lb' });
      await page.send({ type: 'select', resource: 'db' });
      await page.page.locator('.ca-selection[data-overlay-for="db"]').first().waitFor();
      await page.page.locator('svg.diagram [data-resource="db"]').first().hover();
      assert.match(await page.page.locator('.tooltip').innerText(), /^db\naws\.rds\.instance\n/);
      // The zone toggles come from the picture's data block.
      await page.page.locator('#zone-a').click();
      await page.page.locator('.zone-status:not([hidden])').waitFor();
      const next = await diagramOf(exampleText('static-site.cloudarch.yaml'), { key: diagram.uri, version: 2 });
      await page.send({ type: 'diagram', diagram: webviewDiagram({ ...next, pictureVersion: 2 }), canExport: true });
      await page.page.waitForFunction(`!document.querySelector('svg.diagram [data-resource="web-lb"]')`);
      assert.equal(await page.page.locator('.canvas svg').count(), 1, 'the first picture is gone');
      assert.deepEqual(await page.violations(), []);
      await page.page.close();
    });

    it('shows a hostile title from the page as text and runs nothing', async () => {
      const name = '</script><script>window.__pwned = 1</script></svg><img src=x onerror="window.__pwned = 2">';
      const text = `cloudarch: "1"\nname: ${JSON.stringify(name)}\nresources:\n  site:\n    type: aws.s3.bucket\n`;
      const diagram = await diagramOf(text, { key: 'file:///hostile.cloudarch.yaml' });
      const page = await openDiagramPage(browser, 'light', undefined, firstOf(diagram));
      await page.page.locator('svg.diagram').waitFor();
      assert.equal(await page.page.evaluate('window.__pwned'), undefined);
      assert.equal(await page.page.locator('img').count(), 0);
      assert.equal(await page.page.evaluate(`document.querySelector('svg.diagram > title').textContent`), name);
      assert.equal(await page.page.evaluate(`document.querySelectorAll('script').length`), 1, "only the page's own script is left");
      assert.deepEqual(await page.violations(), []);
      await page.page.close();
    });

    it('drops a first picture whose data does not check out, and waits for one', async () => {
      const diagram = diagrams.get('static-site.cloudarch.yaml')!;
      const forged = {
        diagram: { ...webviewDiagram(diagram), resources: [{ name: 'site' }] },
        canExport: false,
      } as unknown as FirstDiagramData;
      const page = await openDiagramPage(browser, 'light', undefined, forged);
      const ready = await page.waitForPosted((message) => message.type === 'ready');
      assert.equal(ready.type === 'ready' && ready.showing, undefined);
      assert.equal(await page.page.locator('.canvas svg').count(), 0);
      assert.equal(await page.page.locator('.placeholder').innerText(), 'Drawing the diagram…');
      await page.send({ type: 'diagram', requestId: ready.requestId, diagram: webviewDiagram(diagram), canExport: false });
      await page.page.locator('svg.diagram').waitFor();
      await page.page.close();
    });
  });
});

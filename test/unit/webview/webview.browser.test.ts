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
import type { DiagramResult, WebviewMessage } from '../../../src/protocol/diagram';
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
    await page.send({ type: 'diagram', requestId: ready.requestId, diagram: diagrams.get(file)!, canExport: false });
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
        await page.send({ type: 'diagram', requestId: ready.requestId, diagram, canExport: false });
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
});

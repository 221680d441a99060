/**
 * The diagram panel's page (src/client/diagram-page.ts) as HTML text: with its first picture in it,
 * the SVG sits in the canvas with the page's nonce on its style sheet, and the rest of the answer
 * is a JSON data block that nothing in it can end early. What the browser makes of the page is
 * checked in Chromium (webview.browser.test.ts).
 */
import * as assert from 'node:assert/strict';
import { diagramPageHtml, fitsInPage, jsonForScriptBlock, svgForPage } from '../../../src/client/diagram-page';
import {
  firstDiagramElementId,
  parseFirstDiagramData,
  webviewDiagram,
  wholePictureBytes,
  type DiagramResult,
} from '../../../src/protocol/diagram';
import { diagramOf, exampleText } from './example-diagrams';

const options = {
  scriptUri: 'https://w.test/main.js',
  styleUri: 'https://w.test/main.css',
  cspSource: 'https://w.test',
  nonce: 'N0nce',
  title: 'Diagram',
};

/** The text of the page's first-picture data block, read back as the page's script reads it. */
function dataBlockOf(html: string): unknown {
  const match = new RegExp(`<script type="application/json" id="${firstDiagramElementId}">([\\s\\S]*?)</script>`).exec(html);
  assert.ok(match, 'the page has the data block');
  return JSON.parse(match[1]!);
}

describe('diagram page HTML', () => {
  let picture: DiagramResult;
  before(async () => {
    picture = await diagramOf(exampleText('three-tier-web.cloudarch.yaml'), { key: 'file:///three-tier-web.cloudarch.yaml', version: 3 });
  });

  it('has only the mount point and the script when it comes without a picture', () => {
    const html = diagramPageHtml(options);
    assert.match(html, /<body>\n<div id="app"><\/div>\n<script nonce="N0nce" src="https:\/\/w\.test\/main\.js"><\/script>\n<\/body>/);
    assert.doesNotMatch(html, /<svg/);
  });

  it('carries its first picture in the canvas and the rest of the answer as data, without the SVG twice', () => {
    const html = diagramPageHtml(options, { diagram: webviewDiagram(picture), canExport: true });
    const canvasStart = html.indexOf('<div id="app"><div class="viewport"><div class="canvas first-picture"><svg ');
    assert.ok(canvasStart > 0, 'the picture is in the canvas');
    assert.equal(html.match(/<svg /g)?.length, 1, 'one picture');
    // The page's script comes after the picture and its data, so the browser can paint the picture first.
    assert.ok(html.indexOf(`id="${firstDiagramElementId}"`) > canvasStart);
    assert.ok(html.indexOf('<script nonce="N0nce" src=') > html.indexOf(`id="${firstDiagramElementId}"`));
    const { svg: _svg, ...rest } = webviewDiagram(picture);
    assert.deepEqual(dataBlockOf(html), { diagram: rest, canExport: true });
    assert.deepEqual(parseFirstDiagramData(dataBlockOf(html)), { diagram: rest, canExport: true });
    assert.ok(html.includes(svgForPage(picture.svg!, 'N0nce')));
  });

  it("gives the picture's style sheet the page's nonce and drops an XML declaration", () => {
    assert.equal(
      svgForPage('<?xml version="1.0" encoding="UTF-8"?>\n<svg><style>.a{}</style><g><style media="print">.b{}</style></g></svg>', 'Q'),
      '<svg><style nonce="Q">.a{}</style><g><style nonce="Q" media="print">.b{}</style></g></svg>',
    );
    const html = diagramPageHtml(options, { diagram: webviewDiagram(picture), canExport: false });
    assert.ok(
      html.match(/<style\b[^>]*>/g)!.every((tag) => tag.includes('nonce="N0nce"')),
      'every style element has the nonce',
    );
  });

  it('writes JSON that no text in it can close early, and that reads back unchanged', () => {
    const hostile = { title: '</script><script>alert(1)</script>', note: '<!-- x', lines: 'a\u2028b\u2029c', plain: 'a > b & c' };
    const written = jsonForScriptBlock(hostile);
    assert.doesNotMatch(written, /</);
    assert.doesNotMatch(written, /[\u2028\u2029]/);
    assert.deepEqual(JSON.parse(written), hostile);
    const html = diagramPageHtml(options, { diagram: { ...webviewDiagram(picture), title: hostile.title }, canExport: false });
    // The only script elements are the data block and the page's own script.
    assert.equal(html.match(/<script\b/g)?.length, 2);
    assert.equal((dataBlockOf(html) as { diagram: { title: string } }).diagram.title, hostile.title);
  });

  it('leaves a picture the webview would build a slice at a time out of the page', () => {
    const big = { ...webviewDiagram(picture), svg: `<svg>${'<g/>'.repeat(wholePictureBytes / 4)}</svg>` };
    assert.equal(fitsInPage(big.svg), false);
    assert.equal(fitsInPage(picture.svg!), true);
    const html = diagramPageHtml(options, { diagram: big, canExport: false });
    assert.doesNotMatch(html, /<svg|first-diagram/);
    assert.match(html, /<div id="app"><\/div>/);
  });
});

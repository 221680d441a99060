/**
 * The HTML of the diagram webview: the shared page shell (`webview-page.ts`, its CSP and nonce) with
 * the diagram's mount point. Constructed style sheets of the controls and the overlay's inline
 * geometry need no more than that policy allows.
 *
 * A page can come with its first picture (`first`): the SVG is put in the page's canvas, so the
 * browser paints it while the page loads, fitted by CSS (main.css, `.first-picture`), before the
 * script has even arrived; the rest of the answer rides along as JSON in a data block the script
 * reads when it runs. Without it, the first picture takes the page's script, the `ready`
 * handshake, a message of the whole answer and a parse in the page, one after the other.
 */
import {
  firstDiagramElementId,
  firstPictureClass,
  wholePictureBytes,
  type FirstDiagramData,
  type WebviewDiagram,
} from '../protocol/diagram';
import { webviewPageHtml, type WebviewPageOptions } from './webview-page';

/**
 * How long a panel that opens waits for the server's first picture before it sets its page
 * without one (the picture then comes by message, as every later one does). VS Code creates the
 * webview meanwhile, which takes longer than the server's answer at 100 resources (bench: about
 * 130 ms for the answer), so the wait usually costs nothing; a server still busy, or a big file,
 * does not hold the page back for more than this.
 */
export const firstPictureWaitMs = 500;

/** `scriptUri` is `dist/webview/main.js`, `styleUri` `dist/webview/main.css`. */
export function diagramPageHtml(options: WebviewPageOptions, first?: FirstDiagramData): string {
  const svg = first?.diagram.svg;
  if (svg === undefined || !fitsInPage(svg)) return webviewPageHtml(options, '<div id="app"></div>');
  const { svg: _inPage, ...rest } = first!.diagram;
  const data: FirstDiagramData = { diagram: rest as WebviewDiagram, canExport: first!.canExport };
  // The viewport and canvas the script would create (webview/main.ts takes them over), holding the picture.
  const body =
    `<div id="app"><div class="viewport"><div class="canvas ${firstPictureClass}">${svgForPage(svg, options.nonce)}</div></div></div>\n` +
    `<script type="application/json" id="${firstDiagramElementId}">${jsonForScriptBlock(data)}</script>`;
  return webviewPageHtml(options, body);
}

/**
 * Whether a picture goes in the page's HTML: only one the webview would also show whole
 * (`wholePictureBytes`). The browser styles, lays out and paints a page's picture in one frame, so a
 * bigger one would block the page's main thread past 50 ms; it comes by message, a slice per frame.
 */
export function fitsInPage(svg: string): boolean {
  return svg.length <= wholePictureBytes;
}

/**
 * The renderer's SVG as markup inside the HTML page. It is well-formed XML whose text is escaped
 * (src/diagram/render: no name or label can open an element) and uses SVG elements only, so the
 * HTML parser builds the same tree as an XML parser would. Its `<style>` elements get this page's
 * nonce (the policy admits no other inline style); an XML declaration, meaningless in HTML, is dropped.
 */
export function svgForPage(svg: string, nonce: string): string {
  return svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').replace(/<style\b/g, `<style nonce="${nonce}"`);
}

/**
 * JSON that cannot end or escape the `<script type="application/json">` block it sits in: every
 * `<` is written `\u003c` (so no `</script>` or `<!--` appears), and the line separators U+2028
 * and U+2029 are escaped as well. `JSON.parse` reads it back unchanged.
 */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

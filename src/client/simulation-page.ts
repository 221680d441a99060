/**
 * The HTML of the simulation panel. Free of `vscode` so that the browser test loads exactly the page
 * the panel shows. The content security policy allows nothing by default: the one script comes from
 * the extension's `dist/webview` folder with this page's nonce, the style sheets from that folder too
 * (uPlot's own and the panel's, bundled into one by esbuild); no remote resource, no inline code.
 */

export interface SimulationPageOptions {
  /** URI of `dist/webview/simulation.js` as the webview sees it. */
  readonly scriptUri: string;
  /** URI of `dist/webview/simulation.css` as the webview sees it. */
  readonly styleUri: string;
  /** `webview.cspSource`: the origin the webview loads the extension's files from. */
  readonly cspSource: string;
  /** A fresh random value per page load. */
  readonly nonce: string;
  readonly title: string;
}

export function simulationPageHtml(options: SimulationPageOptions): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${options.nonce}'`,
    `style-src ${options.cspSource} 'nonce-${options.nonce}'`,
    `img-src ${options.cspSource} data:`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeText(options.title)}</title>
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}" nonce="${options.nonce}">
</head>
<body>
<main id="app"><p class="waiting">Simulating…</p></main>
<script nonce="${options.nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}

/** 32 random alphanumeric characters (the nonce must not be guessable by content). */
export function simulationNonce(random: (size: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...random(32)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

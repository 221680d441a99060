/**
 * The HTML of the diagram webview. Free of `vscode` so that the browser tests load exactly the page
 * the panel shows. The content security policy allows nothing by default: the one script and the
 * one style sheet come from the extension's `dist/webview` folder, the script only with this page's
 * nonce; constructed style sheets of the controls and the overlay's inline geometry need no more.
 */

export interface DiagramPageOptions {
  /** URI of `dist/webview/main.js` as the webview sees it. */
  readonly scriptUri: string;
  /** URI of `dist/webview/main.css` as the webview sees it. */
  readonly styleUri: string;
  /** `webview.cspSource`: the origin the webview loads the extension's files from. */
  readonly cspSource: string;
  /** A fresh random value per page load. */
  readonly nonce: string;
  readonly title: string;
}

export function diagramPageHtml(options: DiagramPageOptions): string {
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
<div id="app"></div>
<script nonce="${options.nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}

/** 32 random alphanumeric characters (the nonce must not be guessable by content). */
export function createNonce(random: (size: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...random(32)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

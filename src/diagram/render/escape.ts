/**
 * Text that goes into the SVG. Everything a user wrote (names, labels, descriptions) passes
 * through here: it ends up as character data or a quoted attribute value, never as markup.
 */

/**
 * Characters XML 1.0 does not allow at all (C0 controls other than tab, newline and carriage
 * return; U+FFFE and U+FFFF) and lone surrogate halves, which would make the whole SVG unreadable
 * to an XML parser. Replaced by U+FFFD so the reader still sees that something was there.
 */

const notXmlCharacters =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Anything `escapeXml` would change; most names and labels have none, and are returned as they are. */
const needsEscaping = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF&<>"']/;

/** Escapes text for character data and for attribute values in either quote style. */
export function escapeXml(text: string): string {
  // One test instead of six replacements: the renderer escapes thousands of strings per picture.
  if (!needsEscaping.test(text)) return text;
  return text
    .replace(notXmlCharacters, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Shortens text to at most `maxCharacters` user-perceived characters (code points, so an emoji
 * or a surrogate pair is never cut in half), ending with an ellipsis when it was cut.
 */
export function truncate(text: string, maxCharacters: number): { readonly text: string; readonly truncated: boolean } {
  const limit = Math.max(1, Math.floor(maxCharacters));
  // Line breaks would be collapsed by SVG anyway; make them visible as spaces before measuring.
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  // A string no longer in UTF-16 units than the limit is no longer in code points either.
  if (flat.length <= limit) return { text: flat, truncated: flat !== text };
  const characters = Array.from(flat);
  if (characters.length <= limit) return { text: flat, truncated: flat !== text };
  return { text: `${characters.slice(0, Math.max(1, limit - 1)).join('')}…`, truncated: true };
}

/** A number for an SVG attribute: finite, at most two decimals, never `NaN` or `1e21`. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

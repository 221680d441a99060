/**
 * Inline code in report text. Finding messages and remediations name resources, keys and values
 * between backticks (`Bucket \`images\` has no lifecycle configuration`), as Markdown does. The
 * Markdown and HTML renderers show those as code instead of printing the backticks; the plain-text
 * renderer keeps the text as written.
 */
export interface InlineSegment {
  readonly code: boolean;
  readonly text: string;
}

/**
 * Only plain content counts as code: no markup character, no backtick, no line break. A hostile
 * resource name such as `<script>` cannot be escaped inside a Markdown code span (backslashes
 * show there as written), so such a span stays prose and is escaped like any other text.
 */
const plainCode = /^[^<>&|\r\n`]+$/;

/** Splits `text` into prose and code segments; an unpaired backtick stays in the prose. */
export function inlineSegments(text: string): InlineSegment[] {
  const segments: InlineSegment[] = [];
  let prose = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('`', at);
    if (open < 0) break;
    const close = text.indexOf('`', open + 1);
    if (close < 0) break;
    const inner = text.slice(open + 1, close);
    if (plainCode.test(inner)) {
      prose += text.slice(at, open);
      if (prose !== '') segments.push({ code: false, text: prose });
      prose = '';
      segments.push({ code: true, text: inner });
      at = close + 1;
    } else {
      // Not code: both backticks of the pair stay in the prose, as written.
      prose += text.slice(at, close + 1);
      at = close + 1;
    }
  }
  prose += text.slice(at);
  if (prose !== '') segments.push({ code: false, text: prose });
  return segments;
}

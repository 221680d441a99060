/**
 * Cuts an SVG document's text into pieces the webview can parse and insert a few at a time, so that
 * no single task of the page's main thread parses, styles, lays out and paints a whole big picture
 * (a 500-resource diagram is about 700 KB of SVG: parsed and shown at once, that is one task of
 * 100 ms or more). No DOM here: the cutting is text only, and tested in Node.
 *
 * The tree of pieces mirrors the document: an element whose text is small is one leaf piece (parsed
 * whole); a bigger element with children is cut open: its start tag, its children (cut the same
 * way) and its end tag. The root is always cut open. The input must be well-formed XML without a
 * prolog, comments, CDATA or processing instructions (what the renderer writes, its `<style>` taken
 * out); anything else gives `undefined`, and the caller parses the document whole instead.
 */

/** One element: whole (`markup`) or cut open (`start`, `children`, `end`). */
export type SvgPiece =
  | { readonly kind: 'whole'; readonly markup: string }
  | { readonly kind: 'open'; readonly start: string; readonly end: string; readonly children: readonly SvgPiece[] };

/** Markup shorter than this is parsed as one piece (about a dozen resource boxes). */
export const defaultPieceBytes = 8 * 1024;

interface Tag {
  readonly kind: 'start' | 'end' | 'empty';
  readonly from: number;
  readonly to: number;
}

/** A start tag with its quoted attributes (XML forbids `<` in values, but not `>`), or an end tag. */
const tagPattern = /<(?:\/([A-Za-z_][\w:.-]*)\s*|([A-Za-z_][\w:.-]*)(?:\s+[^\s=/>"']+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?))>/y;

/** Every tag of the text in order, or `undefined` when the text is not the simple XML described above. */
function scanTags(text: string): Tag[] | undefined {
  const tags: Tag[] = [];
  let at = text.indexOf('<');
  while (at >= 0) {
    tagPattern.lastIndex = at;
    const match = tagPattern.exec(text);
    if (!match) return undefined;
    const to = at + match[0].length;
    tags.push({ kind: match[1] !== undefined ? 'end' : match[3] === '/' ? 'empty' : 'start', from: at, to });
    at = text.indexOf('<', to);
  }
  return tags;
}

/**
 * The document cut into pieces, or `undefined` when it cannot be cut safely (then parse it whole).
 * Only text outside the root element and whitespace between elements are dropped.
 */
export function cutSvg(text: string, pieceBytes = defaultPieceBytes): SvgPiece | undefined {
  const tags = scanTags(text);
  if (!tags || tags.length === 0 || tags[0]!.kind !== 'start') return undefined;
  let next = 0;
  // Text between elements must be whitespace only: the pieces drop it.
  const onlySpace = (from: number, to: number): boolean => /^\s*$/.test(text.slice(from, to));
  const element = (cutOpen: boolean): SvgPiece | undefined => {
    const start = tags[next++]!;
    if (start.kind === 'empty') return { kind: 'whole', markup: text.slice(start.from, start.to) };
    if (start.kind !== 'start') return undefined;
    // Find the matching end tag (well-formedness is the parser's to check; depth is enough here).
    let depth = 1;
    let index = next;
    for (; index < tags.length && depth > 0; index++) {
      const tag = tags[index]!;
      if (tag.kind === 'start') depth++;
      else if (tag.kind === 'end') depth--;
    }
    if (depth !== 0) return undefined;
    const end = tags[index - 1]!;
    const hasChildren = index - 1 > next;
    if (!cutOpen && (end.to - start.from <= pieceBytes || !hasChildren)) {
      next = index;
      return { kind: 'whole', markup: text.slice(start.from, end.to) };
    }
    // Cut open: every child is an element, with only whitespace around (no mixed text content).
    // An element that cannot be cut (text beside its children) is one piece, however big.
    const wholeElement = (): SvgPiece | undefined => {
      if (cutOpen) return undefined;
      next = index;
      return { kind: 'whole', markup: text.slice(start.from, end.to) };
    };
    const children: SvgPiece[] = [];
    let position = start.to;
    while (next < index - 1) {
      const child = tags[next]!;
      if (child.kind === 'end' || !onlySpace(position, child.from)) return wholeElement();
      const piece = element(false);
      if (!piece) return wholeElement();
      children.push(piece);
      position = tags[next - 1]!.to;
    }
    if (!onlySpace(position, end.from)) return wholeElement();
    next = index;
    return { kind: 'open', start: text.slice(start.from, start.to), end: text.slice(end.from, end.to), children };
  };
  const root = element(true);
  if (!root || next !== tags.length) return undefined;
  return root;
}

/** A piece's text as it was in the document (whitespace between elements aside). */
export function pieceMarkup(piece: SvgPiece): string {
  return piece.kind === 'whole' ? piece.markup : piece.start + piece.children.map(pieceMarkup).join('') + piece.end;
}

/** One step of building the picture: open an element (parsed from its start and end tags), close it, or add children. */
export type BuildStep =
  { readonly kind: 'open'; readonly markup: string } | { readonly kind: 'close' } | { readonly kind: 'children'; readonly markup: string };

/**
 * The steps that build a cut-open element's content in document order: consecutive whole pieces
 * are batched into `children` steps of about `batchBytes` (one parse each); an element cut open is
 * opened, filled the same way, and closed.
 */
export function buildSteps(root: SvgPiece & { kind: 'open' }, batchBytes = defaultPieceBytes): BuildStep[] {
  const steps: BuildStep[] = [];
  const fill = (children: readonly SvgPiece[]): void => {
    let batch = '';
    const flush = (): void => {
      if (batch.length > 0) steps.push({ kind: 'children', markup: batch });
      batch = '';
    };
    for (const child of children) {
      if (child.kind === 'whole') {
        if (batch.length > 0 && batch.length + child.markup.length > batchBytes) flush();
        batch += child.markup;
        continue;
      }
      flush();
      steps.push({ kind: 'open', markup: child.start + child.end });
      fill(child.children);
      steps.push({ kind: 'close' });
    }
    flush();
  };
  fill(root.children);
  return steps;
}

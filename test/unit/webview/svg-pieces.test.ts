/**
 * Cutting the server's SVG into slices the webview inserts one frame at a time (webview/svg-pieces.ts),
 * and reading a node's position from its attributes (webview/geometry.ts `translationOf`). The
 * browser test checks the picture built from the slices in Chromium; these check the cutting itself
 * on the server's own pictures and on text it must refuse.
 */
import * as assert from 'node:assert/strict';
import { translationOf } from '../../../webview/geometry';
import { buildSteps, cutSvg, pieceMarkup, type BuildStep, type SvgPiece } from '../../../webview/svg-pieces';
import { generateArchitecture } from '../../../bench/generate';
import { diagramOf } from './example-diagrams';

const withoutStyle = (svg: string): string => svg.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '');

/** The document the steps build, as text: what the webview's DOM holds once every step is done. */
function rebuilt(root: SvgPiece & { kind: 'open' }, steps: readonly BuildStep[]): string {
  const ends: string[] = [];
  let text = root.start;
  for (const step of steps) {
    if (step.kind === 'children') text += step.markup;
    else if (step.kind === 'open') {
      const endAt = step.markup.lastIndexOf('</');
      text += step.markup.slice(0, endAt);
      ends.push(step.markup.slice(endAt));
    } else text += ends.pop();
  }
  assert.equal(ends.length, 0, 'every element opened is closed');
  return text + root.end;
}

describe('webview: cutting a picture into slices', () => {
  it("cuts a 100-resource picture into small pieces that rebuild the server's SVG exactly", async () => {
    const svg = withoutStyle((await diagramOf(generateArchitecture(100, 7))).svg!);
    const root = cutSvg(svg, 4096);
    assert.ok(root && root.kind === 'open');
    assert.equal(pieceMarkup(root), svg);
    const steps = buildSteps(root, 4096);
    assert.equal(rebuilt(root, steps), svg);
    const batches = steps.filter((step) => step.kind === 'children');
    assert.ok(batches.length > 20, `${batches.length} batches`);
    // A batch is one piece or several up to the limit; only a single piece bigger than the limit exceeds it.
    for (const batch of batches) if (batch.markup.length > 4096) assert.equal(cutSvg(`<svg>${batch.markup}</svg>`, 1e9)?.kind, 'open');
    // Every resource box is whole in some batch (none is split across two parses).
    const nodes = svg.match(/data-node="/g)?.length ?? 0;
    assert.equal(
      batches.reduce((total, batch) => total + (batch.markup.match(/data-node="/g)?.length ?? 0), 0),
      nodes,
    );
  });

  it('keeps a small picture in one batch after the root', async () => {
    const svg = withoutStyle((await diagramOf('name: tiny\nresources:\n  site:\n    type: aws.s3.bucket\n')).svg!);
    const root = cutSvg(svg);
    assert.ok(root && root.kind === 'open');
    const steps = buildSteps(root);
    assert.equal(steps.length, 1);
    assert.equal(rebuilt(root, steps), svg);
  });

  it('reads quoted attributes that hold ">" and self-closing tags', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><g a="x>y" b=\'1\'><rect/><text>a &gt; b</text></g><path d="M0 0"/></svg>';
    const root = cutSvg(svg, 1);
    assert.ok(root && root.kind === 'open');
    assert.equal(pieceMarkup(root), svg);
    assert.equal(root.children.length, 2);
  });

  it('keeps an element whole when text sits beside its children', () => {
    const svg = `<svg><text x="1">${'long label '.repeat(50)}<title>tip</title></text></svg>`;
    const root = cutSvg(svg, 16);
    assert.ok(root && root.kind === 'open');
    assert.deepEqual(root.children, [{ kind: 'whole', markup: svg.slice(5, -6) }]);
  });

  for (const [what, svg] of [
    ['a comment', '<svg><!-- note --><g/></svg>'],
    ['CDATA', '<svg><text><![CDATA[x]]></text></svg>'],
    ['an XML declaration', '<?xml version="1.0"?><svg><g/></svg>'],
    ['an unclosed element', '<svg><g><rect/></svg>'],
    ['a stray end tag', '<svg></g></svg>'],
    ['text beside the root children', '<svg>stray<g/></svg>'],
    ['two roots', '<svg/><svg/>'],
    ['no element', 'just text'],
    ['a tag cut off', '<svg><g class="a></svg>'],
  ] as const) {
    it(`refuses to cut ${what} (the webview then parses the text whole)`, () => {
      assert.equal(cutSvg(svg, 1), undefined);
    });
  }
});

describe('webview: positions read from attributes', () => {
  it('reads plain translations and refuses every other transform', () => {
    assert.deepEqual(translationOf(null), { x: 0, y: 0 });
    assert.deepEqual(translationOf(''), { x: 0, y: 0 });
    assert.deepEqual(translationOf('translate(20,54)'), { x: 20, y: 54 });
    assert.deepEqual(translationOf(' translate( -3.5 , 1e-2 ) '), { x: -3.5, y: 0.01 });
    assert.deepEqual(translationOf('translate(7 8)'), { x: 7, y: 8 });
    assert.deepEqual(translationOf('translate(7)'), { x: 7, y: 0 });
    assert.equal(translationOf('scale(2)'), undefined);
    assert.equal(translationOf('translate(1,2) scale(0.38)'), undefined);
    assert.equal(translationOf('rotate(90)'), undefined);
    assert.equal(translationOf('translate(1.2.3,4)'), undefined);
  });
});

/**
 * The SVG renderer: well-formed XML in every theme, every resource and container findable by its
 * data attribute, hostile text shown as text (never markup), no script, no event handler, no
 * external reference, and the overlays drawn where they belong.
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture } from '../../../src/core/parse';
import { evaluateAll } from '../../../src/evaluate';
import {
  buildDiagramGraph,
  layoutDiagram,
  renderDiagramSvg,
  truncate,
  type DiagramTheme,
  type LaidOutDiagram,
  type RenderOptions,
} from '../../../src/diagram';
import { exampleFiles, readExample, realElk } from './helpers';
import { elements, parseXml, type XmlElement } from './export/xml';

/** The text of an element and its descendants, without `<title>` tooltips. */
function visibleText(node: XmlElement): string {
  return (
    node.text +
    node.children
      .filter((child) => child.name !== 'title')
      .map(visibleText)
      .join('')
  );
}

const allOverlays: RenderOptions['overlays'] = { costHeat: true, findings: true, spof: true, availability: true };

async function laidOutOf(text: string, withEvaluation = true): Promise<LaidOutDiagram> {
  const doc = parseArchitecture(text);
  const laidOut = await layoutDiagram(buildDiagramGraph(doc, withEvaluation ? evaluateAll(doc, { monteCarloSamples: 0 }) : undefined), {
    elk: realElk(),
  });
  assert.equal(laidOut.status, 'ok', laidOut.error);
  return laidOut;
}

/** What no diagram may contain, whatever its input. */
function assertSafe(root: XmlElement): void {
  for (const element of elements(root)) {
    assert.ok(!['script', 'foreignObject', 'iframe', 'image', 'use', 'a'].includes(element.name), `<${element.name}> in the SVG`);
    for (const [name, value] of Object.entries(element.attributes)) {
      assert.ok(!/^on/i.test(name), `event handler attribute ${name}`);
      if (name === 'xmlns') continue;
      assert.ok(
        !/(https?:|javascript:|data:)/i.test(value) || name === 'aria-label' || name.startsWith('data-'),
        `external reference in ${name}="${value}"`,
      );
      if (/href$/i.test(name)) assert.fail(`link attribute ${name}`);
      const url = /url\(([^)]*)\)/.exec(value);
      if (url) assert.match(url[1]!, /^#ca-/, `url() to something other than the SVG's own markers: ${value}`);
    }
  }
}

describe('diagram SVG renderer', function () {
  this.timeout(300_000);

  for (const file of exampleFiles()) {
    it(`${file}: well-formed in every theme, every resource and container tagged, nothing unsafe`, async () => {
      const doc = parseArchitecture(readExample(file));
      const laidOut = await laidOutOf(readExample(file));
      for (const theme of ['light', 'dark', 'high-contrast', 'print'] as DiagramTheme[]) {
        const svg = renderDiagramSvg(laidOut, { theme, overlays: allOverlays, title: { date: '2026-12-03' } });
        const root = parseXml(svg);
        assert.equal(root.children[0]!.name, 'svg');
        assertSafe(root);
        const tagged = new Set(
          [...elements(root)].map((element) => element.attributes['data-resource']).filter((name) => name !== undefined),
        );
        for (const resource of doc.resources) {
          if (resource.type === 'aws.ec2.security-group') continue;
          assert.ok(tagged.has(resource.name), `${theme}: no element with data-resource="${resource.name}"`);
        }
        const containers = new Set([...elements(root)].map((element) => element.attributes['data-container']));
        for (const container of laidOut.graph.containers) assert.ok(containers.has(container.id), container.id);
      }
    });
  }

  it('shows hostile names and labels as text, cut with an ellipsis and the full text in a tooltip', async () => {
    const long = 'x'.repeat(10_000);
    const labels = [
      '<script>alert(1)</script>',
      '</text><foreignObject><div>hi</div></foreignObject>',
      `"&'<>`,
      'مخزن البيانات الرئيسي',
      '🚀🔥 déploiement 👩‍💻',
      long,
    ];
    const resources = labels
      .map((label, index) => `  bucket-${index}:\n    type: aws.s3.bucket\n    label: ${JSON.stringify(label)}\n`)
      .join('');
    const text = `cloudarch: "1"\nname: ${JSON.stringify('<script>alert("title")</script> & co')}\nresources:\n${resources}`;
    const laidOut = await laidOutOf(text, false);
    const svg = renderDiagramSvg(laidOut, { overlays: allOverlays });
    assert.ok(!svg.includes('<script'), 'no script element, even escaped as a tag');
    assert.ok(!svg.includes('<foreignObject'));
    const root = parseXml(svg);
    assertSafe(root);
    const nodes = [...elements(root)].filter((element) => element.attributes.class?.split(' ').includes('ca-node'));
    for (const [index, label] of labels.entries()) {
      const node = nodes.find((element) => element.attributes['data-resource'] === `bucket-${index}`)!;
      assert.ok(node, `bucket-${index} drawn`);
      const labelElement = [...elements(node)].find((element) => element.attributes.class?.includes('ca-node-label'))!;
      const shown = visibleText(labelElement);
      if (Array.from(label).length > 15) {
        assert.ok(shown.endsWith('…'), `label ${index} cut visibly: ${shown}`);
        const tooltip = labelElement.children.find((child) => child.name === 'title')!;
        assert.equal(tooltip.text, label, 'the full text, exactly, in the tooltip');
      } else {
        assert.equal(shown, label);
      }
    }
    const title = [...elements(root)].find((element) => element.attributes.class?.split(' ').includes('ca-title'))!;
    assert.equal(visibleText(title), '<script>alert("title")</script> & co');
  });

  it('never cuts an emoji or a surrogate pair in half', () => {
    const cut = truncate('👩‍💻🚀🚀🚀🚀', 3).text;
    assert.ok(!/[\uD800-\uDBFF]$/.test(cut.slice(0, -1)), 'no lone high surrogate before the ellipsis');
    assert.equal(truncate('🚀🚀🚀', 5).text, '🚀🚀🚀');
  });

  it('keeps characters XML forbids out of the SVG', async () => {
    const laidOut = await laidOutOf(`cloudarch: "1"\nname: "bell\\u0007 and \\uFFFF"\nresources:\n  a:\n    type: aws.s3.bucket\n`, false);
    parseXml(renderDiagramSvg(laidOut));
  });

  it('greys out what stops when a zone is down, and says what it does to the system', async () => {
    const text = readExample('three-tier-web.cloudarch.yaml');
    const laidOut = await laidOutOf(text);
    const state = laidOut.graph.overlay.zonesDown.find((zone) => zone.stopped.length > 0)!;
    assert.ok(state, 'some zone stops something (the bastion lives in one zone)');
    const root = parseXml(renderDiagramSvg(laidOut, { overlays: { zonesDown: [state.zone] } }));
    const down = new Set(
      [...elements(root)]
        .filter((element) => element.attributes.class?.split(' ').includes('ca-down') && element.attributes['data-resource'])
        .map((element) => element.attributes['data-resource']),
    );
    assert.deepEqual([...down].sort(), [...state.stopped].sort());
    const zone = [...elements(root)].find((element) => element.attributes['data-container'] === `zone:${state.fullZone}`)!;
    assert.ok(zone.attributes.class!.includes('ca-zone-down'));
    const summary = [...elements(root)].find((element) => element.attributes.class?.includes('ca-zone-down-summary'))!;
    assert.match(visibleText(summary), new RegExp(`Zone ${state.zone} down`));
  });

  it('draws the badges only for the overlays asked for', async () => {
    const laidOut = await laidOutOf(readExample('three-tier-web.cloudarch.yaml'));
    const plain = renderDiagramSvg(laidOut, { overlays: {} });
    assert.ok(!plain.includes('ca-cost-badge') && !plain.includes('ca-finding ') && !plain.includes('ca-spof-marker'));
    const full = renderDiagramSvg(laidOut, { overlays: allOverlays });
    assert.ok(full.includes('ca-cost-badge') && full.includes('ca-finding ') && full.includes('ca-availability-badge'));
    assert.equal(full.includes('ca-spof-marker'), laidOut.graph.overlay.totals.spofCount > 0);
  });

  it('puts the date in the title block only when given one (the core never reads the clock)', async () => {
    const laidOut = await laidOutOf(readExample('static-site.cloudarch.yaml'), false);
    assert.ok(renderDiagramSvg(laidOut, { title: { date: '2026-12-03' } }).includes('2026-12-03'));
    assert.ok(!/20\d\d-\d\d-\d\d/.test(renderDiagramSvg(laidOut)));
  });

  it('renders a failed layout as a notice, still well-formed', () => {
    const graph = buildDiagramGraph(parseArchitecture(readExample('static-site.cloudarch.yaml')));
    const failed: LaidOutDiagram = {
      status: 'error',
      error: 'TypeError: <boom>',
      graph,
      nodes: [],
      containers: [],
      edges: [],
      width: 0,
      height: 0,
      reused: false,
      profile: 'fast',
    };
    const root = parseXml(renderDiagramSvg(failed));
    const notice = [...elements(root)].find((element) => element.attributes.class === 'ca-layout-error')!;
    assert.match(visibleText(notice), /could not be laid out: TypeError: <boom>/);
  });
});

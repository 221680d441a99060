/**
 * Every example exported to every format, and hostile text through every format. What is checked
 * is what a user opening the file would see: the SVG is well-formed XML with every resource; the
 * PNG decodes at the size the scale asks for and has its text drawn; the draw.io file is a
 * consistent mxGraph model (parents exist, connectors join vertices, children inside their
 * groups); Mermaid's own parser reads the Mermaid text; the review documents carry the figures
 * the evaluation computed.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { parseArchitecture } from '../../../../src/core/parse';
import type { ArchDocument } from '../../../../src/core/document';
import { buildDiagramGraph, layoutDiagram, renderDiagramSvg, type ElkLike, type LaidOutDiagram } from '../../../../src/diagram';
import {
  diagramNameBeside,
  exportArchitecture,
  exportFormats,
  toDrawio,
  toMermaid,
  type ExportFormatId,
  type ExportOutput,
} from '../../../../src/diagram/export';
import { evaluateAll } from '../../../../src/evaluate';
import { pct, qty, usd } from '../../../../src/evaluate/report/model';
import { rasterisePng } from '../../../../src/node/rasterise-png';
import { exampleFiles, readExample, realElk, repositoryRoot } from '../helpers';
import { allText, elements, parseXml, type XmlElement } from './xml';

const hostileText = readFileSync(join(repositoryRoot, 'test', 'fixtures', 'export', 'hostile.cloudarch.yaml'), 'utf8');
const services = { rasterise: rasterisePng };

async function exportTo(
  doc: ArchDocument,
  format: ExportFormatId,
  options: Parameters<typeof exportArchitecture>[3] = {},
): Promise<ExportOutput> {
  return exportArchitecture(doc, format, services, { date: '2026-12-03', ...options });
}

function parsed(text: string): ArchDocument {
  const doc = parseArchitecture(text);
  assert.deepEqual(
    doc.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    [],
  );
  return doc;
}

/** How many colours a sample of the pixels holds (every 7th pixel). */
function distinctColours(rgba: Buffer): number {
  const colours = new Set<number>();
  for (let i = 0; i + 4 <= rgba.length; i += 4 * 7) colours.add(rgba.readUInt32BE(i));
  return colours.size;
}

async function mermaidParse(
  text: string,
): Promise<{ groups: { id: string }[]; services: { id: string; title?: string; in?: string }[]; edges: unknown[] }> {
  const { parse } = await import('@mermaid-js/parser');
  return (await parse('architecture', text)) as unknown as {
    groups: { id: string }[];
    services: { id: string; title?: string; in?: string }[];
    edges: unknown[];
  };
}

/** Checks the mxGraph model's structure; returns the cells by id. */
function checkDrawio(xml: string): Map<string, XmlElement> {
  const root = parseXml(xml);
  const cells = [...elements(root)].filter((e) => e.name === 'mxCell');
  const byId = new Map(cells.map((c) => [c.attributes.id!, c]));
  assert.equal(byId.size, cells.length, 'cell ids are unique');
  const geometry = (cell: XmlElement) => {
    const g = cell.children.find((c) => c.name === 'mxGeometry')!;
    return {
      x: Number(g.attributes.x ?? 0),
      y: Number(g.attributes.y ?? 0),
      width: Number(g.attributes.width ?? 0),
      height: Number(g.attributes.height ?? 0),
    };
  };
  for (const cell of cells) {
    const id = cell.attributes.id!;
    if (id === '0') continue;
    const parent = byId.get(cell.attributes.parent ?? '');
    assert.ok(parent, `the parent of ${id} exists`);
    if (cell.attributes.vertex === '1') {
      const box = geometry(cell);
      for (const value of Object.values(box)) assert.ok(Number.isFinite(value), `${id} has a finite geometry`);
      if (parent.attributes.vertex === '1') {
        const outer = geometry(parent);
        assert.ok(
          box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= outer.width + 0.5 && box.y + box.height <= outer.height + 0.5,
          `${id} lies inside its group ${parent.attributes.id}`,
        );
      }
    }
    if (cell.attributes.edge === '1') {
      for (const end of ['source', 'target']) {
        const other = byId.get(cell.attributes[end] ?? '');
        assert.ok(other && other.attributes.vertex === '1', `the ${end} of ${id} is a vertex`);
      }
    }
  }
  return byId;
}

describe('diagram exports: every example to every format', function () {
  this.timeout(300_000);

  for (const name of exampleFiles()) {
    describe(name, () => {
      const doc = parsed(readExample(name));
      const resources = doc.resources.map((r) => r.name);

      it('svg: well-formed, every resource drawn, nothing active', async () => {
        const svg = (await exportTo(doc, 'svg')).text!;
        const root = parseXml(svg);
        const drawn = new Set([...elements(root)].map((e) => e.attributes['data-resource']).filter((r) => r !== undefined));
        const expected = buildDiagramGraph(doc).nodes.map((n) => n.resource);
        for (const resource of expected) assert.ok(drawn.has(resource), `${resource} is drawn`);
        for (const element of elements(root)) {
          assert.notEqual(element.name, 'script');
          assert.notEqual(element.name, 'foreignObject');
          for (const [attribute, value] of Object.entries(element.attributes)) {
            assert.ok(!/^on/i.test(attribute), `no ${attribute} handler`);
            if (/href$/i.test(attribute)) assert.ok(value.startsWith('#'), `only local references (${value})`);
          }
        }
      });

      it('png: decodes at the size the scale asks for, not blank', async () => {
        const output = await exportTo(doc, 'png', { scale: 1 });
        const svg = (await exportTo(doc, 'svg')).text!;
        const png = PNG.sync.read(Buffer.from(output.bytes!));
        assert.equal(png.width, Math.round(Number(/width="(\d+)"/.exec(svg)![1])));
        assert.equal(png.height, Math.round(Number(/height="(\d+)"/.exec(svg)![1])));
        assert.ok(distinctColours(png.data) > 20, 'more than the background is drawn');
      });

      it('drawio: a consistent mxGraph model with one AWS 4 vertex per drawn resource', async () => {
        const xml = (await exportTo(doc, 'drawio')).text!;
        const cells = checkDrawio(xml);
        const graph = buildDiagramGraph(doc);
        const vertices = [...cells.values()].filter((c) => c.attributes.vertex === '1' && c.attributes.id!.startsWith('node-'));
        assert.equal(vertices.length, graph.nodes.length);
        const edges = [...cells.values()].filter((c) => c.attributes.edge === '1');
        assert.equal(edges.length, graph.edges.length);
        const groups = [...cells.values()].filter((c) => c.attributes.id!.startsWith('group-'));
        assert.equal(groups.length, graph.containers.length);
        for (const vertex of vertices) assert.match(vertex.attributes.style!, /shape=mxgraph\.aws4\.|rounded=1/);
        // Region, VPC and the AWS Cloud are draw.io's own AWS group shapes.
        for (const [kind, icon] of [
          ['region', 'group_region'],
          ['vpc', 'group_vpc2'],
        ] as const) {
          const styled = groups.filter((g) => g.attributes.style!.includes(`shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.${icon};`));
          assert.equal(styled.length, graph.containers.filter((c) => c.kind === kind).length, `${kind} groups`);
        }
      });

      it("mermaid: read by Mermaid's own parser, every resource a named service", async () => {
        const text = (await exportTo(doc, 'mermaid')).text!;
        const result = await mermaidParse(text);
        const graph = buildDiagramGraph(doc);
        assert.equal(result.services.length, graph.nodes.length);
        assert.equal(result.groups.length, graph.containers.length);
        const titles = result.services.map((s) => s.title ?? '').join('\n');
        for (const node of graph.nodes) assert.ok(titles.includes(node.label), `${node.label} is named`);
        assert.ok(result.edges.length > 0 || graph.edges.length === 0);
      });

      it("markdown and html reviews carry the evaluation's figures", async () => {
        const evaluation = evaluateAll(doc);
        const markdown = await exportTo(doc, 'markdown', { outputName: 'review.md' });
        const htmlText = (await exportTo(doc, 'html')).text!;
        assert.deepEqual(
          markdown.attachments.map((a) => a.name),
          ['review.diagram.svg'],
        );
        assert.match(markdown.text!, /!\[Architecture diagram of [^\]]*\]\(<review\.diagram\.svg>\)/);
        parseXml(markdown.attachments[0]!.text);
        assert.ok(htmlText.includes('<svg'), 'the diagram is inline');
        assert.ok(!/<script/i.test(htmlText));
        for (const text of [markdown.text!, htmlText]) {
          if (evaluation.availability) {
            assert.ok(text.includes(pct(evaluation.availability.percent)), 'availability figure');
            for (const zone of Object.keys(evaluation.availability.zoneOutage)) assert.ok(text.includes(zone), `zone ${zone}`);
          }
          if (evaluation.availability)
            assert.ok(
              text.includes(
                `about ${qty(Math.round(evaluation.availability.downtimeMinutesPerYear * 10) / 10)} minutes of downtime a year`,
              ),
              'downtime a year',
            );
          if (evaluation.cost) assert.ok(text.includes(usd(evaluation.cost.monthlyUSD)), 'monthly cost');
          for (const alternative of evaluation.cost?.alternatives ?? [])
            assert.ok(text.includes(usd(alternative.savingUSD)), `saving of ${alternative.resource}`);
          for (const target of evaluation.targets)
            assert.ok(
              new RegExp(`${target.target}[^\\n]*(${target.met ? 'yes' : 'NO'})`).test(text),
              `target ${target.target} ${target.met ? 'met' : 'missed'}`,
            );
          for (const path of evaluation.security?.exposurePaths ?? []) {
            assert.match(text, /internet (->|-\\>|-&gt;) /, 'an exposure path is written out');
            for (const name of [path.dataStore, ...path.hops.map((h) => h.resource)])
              assert.ok(text.includes(name), `exposure path to ${path.dataStore} names ${name}`);
          }
          for (const finding of evaluation.security?.findings ?? []) assert.ok(text.includes(finding.ruleId), `finding ${finding.ruleId}`);
        }
        // The names a finding puts between backticks read as code, not as backticks.
        for (const finding of evaluation.security?.findings ?? []) {
          const name = /`([A-Za-z0-9._-]+)`/.exec(finding.message)?.[1];
          if (name === undefined) continue;
          assert.ok(htmlText.includes(`<code>${name}</code>`), `${finding.ruleId}: ${name} as code in HTML`);
          assert.ok(
            markdown.text!.includes(`\`${name}\``) && !markdown.text!.includes(`\\\`${name}\\\``),
            `${finding.ruleId}: ${name} as code in Markdown`,
          );
        }
        for (const spof of evaluation.availability?.spof ?? [])
          assert.ok(markdown.text!.includes(spof.replace(/([*_`<>[\]#!~&])/g, '\\$1')), `SPOF ${spof}`);
        assert.ok(resources.length > 0);
      });
    });
  }
});

describe('diagram exports: png', function () {
  this.timeout(300_000);
  const doc = parsed(readExample('three-tier-web.cloudarch.yaml'));

  it('decodes at the size the scale asks for, with its text drawn', async () => {
    const laidOut = await layoutDiagram(buildDiagramGraph(doc, evaluateAll(doc, { monteCarloSamples: 0 })), {});
    const svg = renderDiagramSvg(laidOut, { omitStyle: true, title: { date: '2026-12-03' } });
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    for (const scale of [1, 2]) {
      const image = await rasterisePng(svg, scale);
      const png = PNG.sync.read(Buffer.from(image.png));
      assert.equal(png.width, Math.round(width * scale));
      assert.equal(png.height, Math.round(height * scale));
      assert.equal(image.scale, scale);
    }
    // Text is drawn: the same picture without its text differs where the labels are.
    const withText = PNG.sync.read(Buffer.from((await rasterisePng(svg, 1)).png));
    const withoutText = PNG.sync.read(Buffer.from((await rasterisePng(svg.replace(/<text\b[\s\S]*?<\/text>/g, ''), 1)).png));
    let differing = 0;
    for (let i = 0; i < withText.data.length; i += 4) if (withText.data[i] !== withoutText.data[i]) differing++;
    assert.ok(differing > 2000, `labels change ${differing} pixels`);
    // Not a blank picture: the background is not the only colour.
    const colours = new Set<number>();
    for (let i = 0; i < withText.data.length; i += 4 * 97) colours.add(withText.data.readUInt32BE(i));
    assert.ok(colours.size > 20);
  });

  it('the export pipeline writes a PNG; a picture too large for the pixel budget is scaled down, not cut', async () => {
    const output = await exportTo(doc, 'png', { scale: 1 });
    const png = PNG.sync.read(Buffer.from(output.bytes!));
    assert.ok(png.width > 500 && png.height > 300);
    const huge =
      '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="12000" viewBox="0 0 20000 12000"><rect width="20000" height="12000" fill="#fff"/><rect x="19900" y="11900" width="100" height="100" fill="#f00"/></svg>';
    const image = await rasterisePng(huge, 2);
    assert.ok(image.scale < 1 && image.width <= 16_000 && image.width * image.height <= 32_000_000);
    const decoded = PNG.sync.read(Buffer.from(image.png));
    const last = (decoded.width * decoded.height - 1) * 4;
    assert.deepEqual([...decoded.data.subarray(last, last + 3)], [255, 0, 0], 'the far corner is still in the picture');
  });
});

describe('diagram exports: hostile text', function () {
  this.timeout(300_000);
  const doc = parsed(hostileText);
  const markupFree = (text: string) => {
    assert.ok(!/<script/i.test(text), 'no script element');
    assert.ok(!/<foreignObject/i.test(text), 'no foreignObject element');
    assert.ok(!/<[a-z]+[^>]*\son[a-z]+=/i.test(text), 'no event handler attribute');
  };

  for (const format of Object.keys(exportFormats) as ExportFormatId[]) {
    it(`${format}: hostile names and labels stay text`, async () => {
      const output = await exportTo(doc, format, { outputName: 'review.md' });
      if (format === 'png') {
        const png = PNG.sync.read(Buffer.from(output.bytes!));
        assert.ok(png.width > 100);
        assert.ok(distinctColours(png.data) > 20, 'the picture is drawn, not blank');
        return;
      }
      const text = output.text!;
      if (format === 'svg' || format === 'drawio') {
        const root = parseXml(text);
        for (const element of elements(root)) {
          assert.ok(!['script', 'foreignObject', 'body', 'div'].includes(element.name), `no ${element.name} element`);
          for (const attribute of Object.keys(element.attributes)) assert.ok(!/^on/i.test(attribute), `no ${attribute} handler`);
        }
        const shown = format === 'svg' ? allText(root) : [...elements(root)].map((e) => e.attributes.value ?? '').join('\n');
        assert.ok(shown.includes('<script>alert'), 'the hostile label is shown as written');
        if (format === 'drawio') checkDrawio(text);
      }
      if (format === 'mermaid') {
        const result = await mermaidParse(text);
        assert.equal(result.services.length, buildDiagramGraph(doc).nodes.length);
        assert.ok(!/[<>]/.test(result.services.map((s) => s.title ?? '').join('')));
      }
      if (format === 'markdown') {
        assert.ok(!/(^|[^\\])<(script|foreignObject|div|b)\b/im.test(text), 'every < of the hostile text is escaped');
        assert.ok(text.includes('\\<script\\>'), 'escaped, not dropped');
        markupFree(output.attachments[0]!.text);
      }
      if (format === 'html') {
        const body = text.slice(text.indexOf('<body>'));
        markupFree(body);
        assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
        assert.ok(body.includes('🚀') && body.includes('שלום'), 'emoji and right-to-left text kept');
      }
    });
  }

  it('10,000-character labels are cut in draw.io and Mermaid, and the files stay valid', async () => {
    const laidOut: LaidOutDiagram = await layoutDiagram(buildDiagramGraph(doc), {});
    const long = 'x<&>"'.repeat(2000);
    const graph = {
      ...laidOut.graph,
      nodes: laidOut.graph.nodes.map((n) => ({ ...n, label: long })),
      edges: laidOut.graph.edges.map((e) => ({ ...e, label: long })),
    };
    const drawio = toDrawio({ ...laidOut, graph });
    checkDrawio(drawio);
    assert.ok(drawio.length < 200_000, `draw.io file size ${drawio.length}`);
    const mermaid = toMermaid(graph);
    const result = await mermaidParse(mermaid);
    assert.ok(result.services.every((s) => (s.title ?? '').length <= 120));
  });

  it("names a review's diagram after the document", () => {
    assert.equal(diagramNameBeside('design review.md'), 'design review.diagram.svg');
    assert.equal(diagramNameBeside('x.html'), 'x.diagram.svg');
  });
});

describe('diagram exports: the elkjs layout', function () {
  this.timeout(120_000);
  const doc = () => parseArchitecture(readExample('three-tier-web.cloudarch.yaml'));

  it('lays the picture out with the elkjs given, with nothing to note', async () => {
    const asked: string[] = [];
    const elk: ElkLike = {
      layout: (graph) => {
        asked.push(graph.id);
        return realElk().layout(graph);
      },
    };
    const output = await exportArchitecture(doc(), 'drawio', { elk }, { layoutProfile: 'fast' });
    assert.deepEqual(asked, ['__root__']);
    assert.deepEqual(output.notes, []);
    checkDrawio(output.text!);
  });

  it('exports the channel layout and says why when elkjs fails', async () => {
    const elk = { layout: () => Promise.reject(new Error('elkjs stopped (exit code 1)')) };
    const output = await exportArchitecture(doc(), 'svg', { elk }, { layoutProfile: 'fast' });
    assert.ok(output.text!.includes('data-resource="web-lb"'));
    assert.deepEqual(output.notes, [
      'elkjs could not lay out this diagram (elkjs stopped (exit code 1)); it is drawn with the channel layout instead.',
    ]);
  });
});

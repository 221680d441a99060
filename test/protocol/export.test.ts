/**
 * `cloudarch/export` over stdio: the built server exports an open document in its worker (the
 * client only writes what it gets), refuses a document with errors with a message naming the
 * first one, and rejects bad parameters.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { exportDocumentHasErrors, exportRequestMethod, type ExportResult } from '../../src/protocol/export';
import { ServerProcess, documentUri, repositoryRoot } from './server-process';

const example = readFileSync(join(repositoryRoot, 'examples', 'static-site.cloudarch.yaml'), 'utf8');

describe('language server: cloudarch/export', function () {
  this.timeout(120_000);
  let server: ServerProcess;
  const uri = documentUri('static-site.cloudarch.yaml');
  const webUri = documentUri('three-tier-web.cloudarch.yaml');

  before(async () => {
    server = new ServerProcess();
    await server.initialize();
    await server.open(uri, example);
    await server.open(webUri, readFileSync(join(repositoryRoot, 'examples', 'three-tier-web.cloudarch.yaml'), 'utf8'));
  });
  after(async () => {
    await server.stop();
  });

  it('exports SVG, draw.io and a Markdown review with its diagram as an attachment', async () => {
    const svg = await server.request<ExportResult>(exportRequestMethod, {
      uri,
      format: 'svg',
      theme: 'dark',
      overlays: { costHeat: true },
    });
    assert.equal(svg.encoding, 'utf8');
    assert.match(svg.data, /^<svg [^>]*ca-theme-dark/);
    assert.equal(svg.version, 1);
    const drawio = await server.request<ExportResult>(exportRequestMethod, { uri, format: 'drawio' });
    assert.match(drawio.data, /resIcon=mxgraph\.aws4\.cloudfront/);
    const review = await server.request<ExportResult>(exportRequestMethod, {
      uri,
      format: 'markdown',
      outputName: 'site review.md',
      date: '2026-12-03',
    });
    assert.match(review.data, /^# Design review: Static website/);
    assert.deepEqual(
      review.attachments.map((a) => a.name),
      ['site review.diagram.svg'],
    );
  });

  it('exports PNG as base64 that decodes', async () => {
    const png = await server.request<ExportResult>(exportRequestMethod, { uri, format: 'png', scale: 1 });
    assert.equal(png.encoding, 'base64');
    const image = PNG.sync.read(Buffer.from(png.data, 'base64'));
    assert.ok(image.width > 300 && image.height > 100);
  });

  it('refuses a document with errors, naming the first', async () => {
    const broken = documentUri('broken.cloudarch.yaml');
    await server.open(broken, 'cloudarch: "1"\nname: x\nresources:\n  a:\n    type: aws.nope.thing\n');
    await assert.rejects(
      server.request(exportRequestMethod, { uri: broken, format: 'svg' }),
      (error: { code?: number; message?: string }) => {
        assert.equal(error.code, exportDocumentHasErrors);
        assert.match(error.message ?? '', /has errors.*Line 5/);
        return true;
      },
    );
  });

  it("draws the layers the diagram panel's toggles name, and only those", async () => {
    const svgOf = async (layers?: readonly string[]): Promise<string> =>
      (await server.request<ExportResult>(exportRequestMethod, { uri: webUri, format: 'svg', ...(layers ? { layers } : {}) })).data;
    const badges = (svg: string): number => svg.match(/<g class="ca-sg-badge">/g)?.length ?? 0;
    const gateways = (svg: string): number => svg.match(/data-implied="internet-gateway"/g)?.length ?? 0;
    const unchosen = await svgOf();
    assert.ok(badges(unchosen) > 0, 'without layers, the badges are drawn as before');
    assert.equal(gateways(unchosen), 0);
    const none = await svgOf([]);
    assert.equal(badges(none) + gateways(none), 0);
    const network = await svgOf(['network']);
    assert.equal(badges(network), 0);
    assert.equal(gateways(network), 1);
    const both = await svgOf(['security-groups', 'network']);
    assert.equal(badges(both), badges(unchosen));
    assert.equal(gateways(both), 1);
    // draw.io is drawn from the same picture: the implied gateway is a vertex there too.
    const drawio = await server.request<ExportResult>(exportRequestMethod, { uri: webUri, format: 'drawio', layers: ['network'] });
    assert.match(drawio.data, /Internet gateway/);
    await assert.rejects(server.request(exportRequestMethod, { uri: webUri, format: 'svg', layers: ['roads'] }), /layers must be a list/);
  });

  it('rejects bad parameters and answers null for an unknown document', async () => {
    await assert.rejects(server.request(exportRequestMethod, { uri, format: 'pdf' }));
    await assert.rejects(server.request(exportRequestMethod, { uri, format: 'png', scale: 100 }));
    assert.equal(await server.request(exportRequestMethod, { uri: documentUri('never-opened.cloudarch.yaml'), format: 'svg' }), null);
  });
});

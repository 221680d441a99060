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

  before(async () => {
    server = new ServerProcess();
    await server.initialize();
    await server.open(uri, example);
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

  it('rejects bad parameters and answers null for an unknown document', async () => {
    await assert.rejects(server.request(exportRequestMethod, { uri, format: 'pdf' }));
    await assert.rejects(server.request(exportRequestMethod, { uri, format: 'png', scale: 100 }));
    assert.equal(await server.request(exportRequestMethod, { uri: documentUri('never-opened.cloudarch.yaml'), format: 'svg' }), null);
  });
});

/**
 * `cloudarch.diagram.layout` through the built server over stdio: elkjs is loaded only when a
 * diagram (or an export) first asks for the elkjs layout, never at start-up nor for the channel
 * layout, and only once; the server's own `diagram.layout` setting is the default of a request that
 * does not say. The server logs each load of elkjs on stderr ("elkjs loaded for the diagram
 * layout in N ms"), which is what this test counts.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagramRequestMethod, type DiagramResult } from '../../src/protocol/diagram';
import { exportRequestMethod, type ExportResult } from '../../src/protocol/export';
import { ServerProcess, documentUri, repositoryRoot } from './server-process';

const example = readFileSync(join(repositoryRoot, 'examples', 'three-tier-web.cloudarch.yaml'), 'utf8');
const elkLoaded = /elkjs loaded for the diagram layout in \d+ ms/g;

describe('language server: the diagram layout setting, elkjs loaded on demand', function () {
  // elkjs loads and lays out in a second or two; a loaded two-core machine makes that several.
  this.timeout(120_000);
  let server: ServerProcess;
  const uri = documentUri('layout.cloudarch.yaml');
  const elkLoads = () => server.stderr.join('').match(elkLoaded)?.length ?? 0;

  before(async () => {
    server = new ServerProcess();
    // The user chose elkjs: a request that names no layout gets it.
    await server.initialize({ settings: { diagram: { layout: 'elkjs' } } });
    await server.open(uri, example, 1);
    await server.diagnosticsFor(uri, 1);
  });

  after(async () => {
    await server.stop();
  });

  it('loads elkjs neither at start-up nor for the channel layout', async () => {
    const channels = await server.request<DiagramResult>(diagramRequestMethod, { uri, layout: 'channels' });
    assert.equal(channels.layout, 'channels');
    assert.equal(channels.layoutNotice, undefined);
    assert.match(channels.svg!, /data-resource="web-lb"/);
    assert.equal(elkLoads(), 0, server.stderr.join(''));
  });

  it('loads elkjs on the first elkjs diagram (the setting, as the request names none), and only once', async () => {
    const first = await server.request<DiagramResult>(diagramRequestMethod, { uri });
    assert.equal(first.layout, 'elkjs', first.layoutNotice);
    assert.equal(first.layoutNotice, undefined);
    assert.match(first.svg!, /data-resource="web-lb"/);
    await server.until(() => elkLoads() === 1, 10_000, 'the log line of the elkjs load');
    // A new structure (the bastion removed) is laid out by elkjs again, in the same thread.
    await server.change(uri, 2, [{ text: example.replace(/\n {2}bastion:\n(?: {4}.*\n)+/, '\n') }]);
    const second = await server.request<DiagramResult>(diagramRequestMethod, { uri, layout: 'elkjs' });
    assert.equal(second.version, 2);
    assert.equal(second.layout, 'elkjs');
    assert.ok(!second.svg!.includes('data-resource="bastion"'));
    const exported = await server.request<ExportResult>(exportRequestMethod, { uri, format: 'svg', layout: 'elkjs' });
    assert.match(exported.data, /data-resource="web-lb"/);
    assert.deepEqual(exported.notes, []);
    assert.equal(elkLoads(), 1, 'elkjs stays loaded for the next elkjs layout');
  });

  it('rejects a layout it does not know', async () => {
    await assert.rejects(server.request(diagramRequestMethod, { uri, layout: 'graphviz' }), /layout must be one of channels, elkjs/);
  });
});

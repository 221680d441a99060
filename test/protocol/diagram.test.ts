/**
 * `cloudarch/diagram` from the built server over stdio, as any editor would ask it: the SVG with a
 * `data-resource` element per resource and the figures for its overlays, kept (with the first
 * error) while the text does not parse, and elkjs loaded only when a diagram is first asked for.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagramRequestMethod, isDiagramResult, type DiagramResult } from '../../src/protocol/diagram';
import { ServerProcess, documentUri, repositoryRoot } from './server-process';

const example = readFileSync(join(repositoryRoot, 'examples', 'three-tier-web.cloudarch.yaml'), 'utf8');

describe('language server: cloudarch/diagram', function () {
  this.timeout(60_000);
  let server: ServerProcess;
  const uri = documentUri('diagram.cloudarch.yaml');

  before(async () => {
    server = new ServerProcess();
    const initialized = await server.initialize();
    assert.ok(JSON.stringify(initialized.capabilities.experimental).includes(diagramRequestMethod), 'the server lists the request');
    await server.open(uri, example, 1);
  });

  after(async () => {
    await server.stop();
  });

  it('answers the SVG with every resource drawn and the figures of each', async () => {
    const diagram = await server.request<DiagramResult>(diagramRequestMethod, { uri, theme: 'dark' });
    assert.ok(isDiagramResult(diagram), 'the answer has the protocol shape');
    assert.equal(diagram.version, 1);
    assert.equal(diagram.pictureVersion, 1);
    assert.match(diagram.svg!, /^<svg[\s>]/);
    for (const name of ['users', 'dns', 'cdn', 'web-lb', 'web', 'db', 'bastion', 'assets']) {
      assert.ok(diagram.svg!.includes(`data-resource="${name}"`), `${name} is drawn`);
      assert.ok(
        diagram.resources.some((resource) => resource.name === name),
        `${name} has figures`,
      );
    }
    const db = diagram.resources.find((resource) => resource.name === 'db')!;
    assert.equal(db.type, 'aws.rds.instance');
    assert.ok(db.monthlyUSD! > 0 && db.availabilityPercent! > 99);
    assert.deepEqual(
      diagram.zones.map((zone) => zone.zone),
      ['a', 'b'],
    );
    assert.ok(
      diagram.zones.every((zone) => zone.works),
      'the shop survives either zone (its comment says so)',
    );
    assert.equal(diagram.parseError, undefined);
    assert.ok(!/<script|\son\w+=/i.test(diagram.svg!), 'no script, no event attribute');
  });

  it('keeps the last good picture and names the first error while the text does not parse', async () => {
    const before = await server.request<DiagramResult>(diagramRequestMethod, { uri });
    await server.change(uri, 2, [{ text: `${example}\n  broken: [unclosed\n` }]);
    const broken = await server.request<DiagramResult>(diagramRequestMethod, { uri });
    assert.equal(broken.version, 2);
    assert.equal(broken.pictureVersion, 1);
    assert.equal(broken.svg, before.svg);
    assert.ok(broken.parseError, 'the first error is reported');
    assert.ok(
      broken.parseError.range.start.line >= example.split('\n').length - 1,
      `the error is at the edit (line ${broken.parseError.range.start.line})`,
    );
    await server.change(uri, 3, [
      {
        text: example
          .replace('  db:\n', '  database:\n')
          .replace(/\[db\]/g, '[database]')
          .replace(/db-sg/g, 'db-sg'),
      },
    ]);
    const fixed = await server.request<DiagramResult>(diagramRequestMethod, { uri });
    assert.equal(fixed.pictureVersion, 3);
    assert.equal(fixed.parseError, undefined);
  });

  it('answers null for a document it does not have, and rejects a malformed request', async () => {
    assert.equal(await server.request(diagramRequestMethod, { uri: documentUri('never-opened.cloudarch.yaml') }), null);
    await assert.rejects(server.request(diagramRequestMethod, { uri, theme: 'sepia' }));
  });
});

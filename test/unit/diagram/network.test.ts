/**
 * The network-details layer (src/diagram/network.ts): what it adds to the graph (implied gateways,
 * subnet routes, ports, public addresses), that it adds nothing when off, that every example still
 * lays out without a quality violation with it on, and how the renderer draws it.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../src/core/parse';
import { buildDiagramGraph, checkLayoutQuality, layoutDiagram, renderDiagramSvg, type DiagramGraph } from '../../../src/diagram';
import { diagramFixtures, exampleFiles, readExample, realElk } from './helpers';

function fixtureText(name: string): string {
  return readFileSync(join(diagramFixtures, name), 'utf8');
}

/** The layer's additions, as the expectation file writes them. */
function describeNetwork(graph: DiagramGraph): Record<string, string[]> {
  return {
    routes: graph.containers.filter((container) => container.route !== undefined).map((container) => `${container.id}: ${container.route}`),
    implied: graph.nodes.filter((node) => node.implied !== undefined).map((node) => `${node.id} in ${node.container}`),
    public: graph.nodes.filter((node) => node.publicAddress === true).map((node) => node.id),
    edges: graph.edges
      .filter((edge) => edge.kind === 'route' || edge.kind === 'traffic')
      .map(
        (edge) =>
          `${edge.kind}: ${edge.source} -> ${edge.target}${edge.label ? ` [${edge.label}${edge.portInferred === true ? ', inferred' : ''}]` : ''}`,
      ),
  };
}

describe('diagram network-details layer', function () {
  this.timeout(300_000);

  it('adds gateways, subnet routes, ports and public addresses as the expectation file says (network fixture)', () => {
    const doc = parseArchitecture(fixtureText('network.cloudarch.yaml'));
    assert.deepEqual(
      doc.diagnostics.filter((d) => d.severity === 'error'),
      [],
      'the fixture itself is valid',
    );
    const expected = JSON.parse(fixtureText('network.expected.json')) as Record<string, unknown>;
    delete expected._comment;
    assert.deepEqual(describeNetwork(buildDiagramGraph(doc, undefined, { network: true })), expected);
  });

  it('adds nothing when the layer is off', () => {
    const doc = parseArchitecture(fixtureText('network.cloudarch.yaml'));
    const graph = buildDiagramGraph(doc);
    assert.deepEqual(describeNetwork(graph).routes, []);
    assert.deepEqual(describeNetwork(graph).implied, []);
    assert.deepEqual(describeNetwork(graph).public, []);
    assert.ok(!graph.edges.some((edge) => edge.kind === 'route' || edge.portInferred === true));
  });

  it('changes the layout key when it is turned on, and keeps the graph deterministic', () => {
    const text = readExample('network-inspection.cloudarch.yaml');
    const off = buildDiagramGraph(parseArchitecture(text));
    const on = buildDiagramGraph(parseArchitecture(text), undefined, { network: true });
    assert.notEqual(on.structureKey, off.structureKey);
    assert.deepEqual(buildDiagramGraph(parseArchitecture(text), undefined, { network: true }), on);
  });

  it('routes each private subnet through the NAT gateway of its own zone (network-inspection example)', () => {
    const graph = buildDiagramGraph(parseArchitecture(readExample('network-inspection.cloudarch.yaml')), undefined, { network: true });
    const routes = Object.fromEntries(
      graph.containers.filter((container) => container.kind === 'private-subnet').map((container) => [container.zone, container.route]),
    );
    assert.deepEqual(routes, { 'eu-west-1a': '0.0.0.0/0 → nat-a', 'eu-west-1b': '0.0.0.0/0 → nat-b' });
  });

  it('draws no internet gateway for a design without public subnets or NAT gateways (serverless example)', () => {
    const graph = buildDiagramGraph(parseArchitecture(readExample('serverless-api.cloudarch.yaml')), undefined, { network: true });
    assert.ok(!graph.nodes.some((node) => node.implied === 'internet-gateway'));
  });

  for (const file of exampleFiles()) {
    it(`${file}: with network details, zero layout-quality violations and implied parts never taken for resources`, async () => {
      const doc = parseArchitecture(readExample(file));
      const laidOut = await layoutDiagram(buildDiagramGraph(doc, undefined, { network: true }), { elk: realElk() });
      assert.equal(laidOut.status, 'ok', laidOut.error);
      assert.deepEqual(checkLayoutQuality(laidOut), []);
      const svg = renderDiagramSvg(laidOut, { theme: 'dark' });
      const resourceNames = new Set(doc.resources.map((resource) => resource.name));
      for (const [, name] of svg.matchAll(/data-resource="([^"]*)"/g))
        assert.ok(resourceNames.has(name!), `data-resource="${name}" names a resource of the file`);
      const implied = laidOut.graph.nodes.filter((node) => node.implied !== undefined).length;
      assert.equal([...svg.matchAll(/data-implied="/g)].length, implied);
    });
  }

  it('writes each subnet\'s route under its title, the link on each route edge and a "public" badge on internet-reachable nodes', async () => {
    const laidOut = await layoutDiagram(
      buildDiagramGraph(parseArchitecture(fixtureText('network.cloudarch.yaml')), undefined, { network: true }),
      { elk: realElk() },
    );
    const svg = renderDiagramSvg(laidOut);
    assert.match(
      svg,
      /<g class="ca-container ca-container-private-subnet" data-container="subnet:us-east-1b:private">.*?class="ca-muted ca-container-route"[^>]*>no route to the internet</,
    );
    assert.match(svg, /data-container="subnet:us-east-1a:private">.*?ca-container-route[^>]*>0\.0\.0\.0\/0 → nat-a</);
    assert.match(
      svg,
      /<g class="ca-edge ca-edge-route" data-edge="legacy-&gt;vgw:us-east-1#route"[^>]*><title>Network route: legacy → vgw:us-east-1 \(VPN 10\.30\.0\.0\/16\)<\/title>/,
    );
    assert.match(svg, /<title>Traffic \(port\): app → db on port 5432 \(the port it listens on; the reference gives none\)/);
    const nodeMarkup = (name: string): string => {
      const start = svg.indexOf(`data-resource="${name}"`);
      const next = svg.indexOf('data-resource="', start + 1);
      return svg.slice(start, next < 0 ? undefined : next);
    };
    assert.ok(nodeMarkup('bastion').includes('class="ca-public-badge"'), 'the instance with a public IP has the badge');
    assert.ok(!nodeMarkup('db').includes('ca-public-badge'), 'the private database has no public badge');
    assert.match(svg, /<g class="ca-node ca-cat-networking ca-implied" data-implied="internet-gateway" data-node="igw:us-east-1"/);
  });
});

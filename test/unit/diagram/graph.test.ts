/**
 * Architecture -> diagram graph: where each resource is drawn, which boxes exist, which edges,
 * and that the same architecture always gives the same graph (the layout is keyed by it).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../src/core/parse';
import { evaluateAll } from '../../../src/evaluate';
import { buildDiagramGraph, zoneDownStates } from '../../../src/diagram';
import { generateArchitecture } from '../../../bench/generate';
import { describeGraph, diagramFixtures, exampleFiles, readExample } from './helpers';

function fixture(name: string): string {
  return readFileSync(join(diagramFixtures, name), 'utf8');
}

describe('diagram graph', () => {
  it('places every resource as the expectation file says (placement fixture)', () => {
    const doc = parseArchitecture(fixture('placement.cloudarch.yaml'));
    assert.deepEqual(
      doc.diagnostics.filter((d) => d.severity === 'error'),
      [],
      'the fixture itself is valid',
    );
    const expected = JSON.parse(fixture('placement.expected.json')) as Record<string, unknown>;
    delete expected._comment;
    assert.deepEqual(describeGraph(buildDiagramGraph(doc)), expected);
  });

  it('draws a resource spread over zones once per zone, every copy with the same resource name and source range', () => {
    const doc = parseArchitecture(fixture('placement.cloudarch.yaml'));
    const graph = buildDiagramGraph(doc);
    const copies = graph.nodes.filter((node) => node.resource === 'web');
    assert.deepEqual(
      copies.map((node) => node.zone),
      ['us-east-1a', 'us-east-1b'],
    );
    for (const copy of copies) {
      assert.equal(copy.label, 'Web tier');
      assert.deepEqual(copy.range, doc.resourceByName.get('web')!.range);
      assert.equal(copy.copies, 2);
    }
  });

  it('shows security groups as badges, never as nodes', () => {
    const graph = buildDiagramGraph(parseArchitecture(fixture('placement.cloudarch.yaml')));
    assert.ok(!graph.nodes.some((node) => node.type === 'aws.ec2.security-group'));
    assert.ok(!graph.edges.some((edge) => edge.property === 'securityGroups' || edge.property === 'ingress'));
  });

  it('gives the same graph, in the same order, for the same text, and the same structure key after a property edit', () => {
    const text = readExample('three-tier-web.cloudarch.yaml');
    const first = buildDiagramGraph(parseArchitecture(text));
    const second = buildDiagramGraph(parseArchitecture(text));
    assert.deepEqual(second, first);
    const edited = text.replace('instanceType: t3.medium', 'instanceType: m5.large');
    assert.notEqual(edited, text);
    assert.equal(buildDiagramGraph(parseArchitecture(edited)).structureKey, first.structureKey);
  });

  it('changes the structure key when a resource is added', () => {
    const text = readExample('three-tier-web.cloudarch.yaml');
    const added = `${text.trimEnd()}\n  extra-bucket:\n    type: aws.s3.bucket\n`;
    const before = buildDiagramGraph(parseArchitecture(text));
    const after = buildDiagramGraph(parseArchitecture(added));
    assert.ok(after.nodes.some((node) => node.resource === 'extra-bucket'));
    assert.notEqual(after.structureKey, before.structureKey);
  });

  it('puts the regions of a multi-region design side by side in the cloud', () => {
    const graph = buildDiagramGraph(parseArchitecture(readExample('dr-two-region.cloudarch.yaml')));
    const regions = graph.containers.filter((container) => container.kind === 'region');
    assert.ok(regions.length >= 2, `regions: ${regions.map((r) => r.id).join(', ')}`);
    for (const region of regions) assert.equal(region.parent, 'cloud');
  });

  for (const file of exampleFiles()) {
    it(`${file}: every resource but security groups is drawn, every node's container exists, edge ends exist, ids are unique`, () => {
      const doc = parseArchitecture(readExample(file));
      const graph = buildDiagramGraph(doc);
      const drawn = new Set(graph.nodes.map((node) => node.resource));
      for (const resource of doc.resources) {
        assert.equal(drawn.has(resource.name), resource.type !== 'aws.ec2.security-group', resource.name);
      }
      const containers = new Set(graph.containers.map((container) => container.id));
      const nodeIds = new Set(graph.nodes.map((node) => node.id));
      assert.equal(nodeIds.size, graph.nodes.length);
      for (const node of graph.nodes) if (node.container !== undefined) assert.ok(containers.has(node.container), node.container);
      for (const edge of graph.edges) assert.ok(nodeIds.has(edge.source) && nodeIds.has(edge.target), edge.id);
      assert.equal(new Set(graph.edges.map((edge) => edge.id)).size, graph.edges.length);
    });
  }
});

describe('diagram overlay data', () => {
  it('carries each resource figure from the evaluation, unchanged', () => {
    const doc = parseArchitecture(readExample('three-tier-web.cloudarch.yaml'));
    const evaluation = evaluateAll(doc, { monteCarloSamples: 0 });
    const graph = buildDiagramGraph(doc, evaluation);
    for (const [name, figures] of Object.entries(graph.overlay.byResource)) {
      assert.equal(figures.monthlyUSD, evaluation.cost!.byResource[name], name);
      assert.equal(figures.availabilityPercent, evaluation.availability!.byResource[name], name);
      assert.equal(figures.spof, evaluation.availability!.spof.includes(name), name);
      const findings = evaluation.security!.findings.filter((finding) => finding.resource === name);
      assert.equal(figures.findings.high, findings.filter((finding) => finding.severity === 'high').length, name);
    }
    assert.equal(graph.overlay.totals.monthlyUSD, evaluation.cost!.monthlyUSD);
  });

  it("says, for each zone, what stops and whether the system works, agreeing with the evaluation's zone-outage table", () => {
    for (const file of exampleFiles()) {
      const doc = parseArchitecture(readExample(file));
      const evaluation = evaluateAll(doc, { monteCarloSamples: 0 });
      const graph = buildDiagramGraph(doc, evaluation);
      const table = evaluation.availability!.zoneOutage;
      assert.deepEqual(graph.overlay.zonesDown.map((state) => state.zone).sort(), Object.keys(table).sort(), file);
      for (const state of graph.overlay.zonesDown) {
        assert.equal(state.systemWorks, table[state.zone]!.works, `${file}: zone ${state.zone}`);
        assert.ok(state.availabilityPercent >= 0 && state.availabilityPercent <= 100);
        if (!state.systemWorks) assert.equal(state.availabilityPercent, 0, `${file}: a system that stops has no availability`);
        // Losing a zone never helps: the figure with it down is at most the usual one.
        else assert.ok(state.availabilityPercent <= evaluation.availability!.percent + 1e-9, `${file}: zone ${state.zone}`);
      }
    }
  });

  it('greys out the zonal resource that lives only in the zone that is down, and keeps the spread ones', () => {
    const doc = parseArchitecture(fixture('placement.cloudarch.yaml'));
    const graph = buildDiagramGraph(doc, evaluateAll(doc, { monteCarloSamples: 0 }));
    const zoneB = graph.overlay.zonesDown.find((state) => state.zone === 'b')!;
    assert.ok(zoneB.stopped.includes('admin'), `stopped: ${zoneB.stopped.join(', ')}`);
    assert.ok(zoneB.stopped.includes('data-vol'));
    assert.ok(!zoneB.stopped.includes('web'));
    assert.ok(!zoneB.stopped.includes('db'), 'the Multi-AZ database fails over to zone a');
    const zoneA = graph.overlay.zonesDown.find((state) => state.zone === 'a')!;
    assert.ok(!zoneA.stopped.includes('admin'));
  });

  it('reuses the zone-down states after an edit the availability model does not see, and recomputes them after one it does', () => {
    const text = fixture('placement.cloudarch.yaml');
    // As in the editor: each parse builds on the previous one, which keeps unchanged resources' objects.
    const doc = parseArchitecture(text);
    const first = zoneDownStates(doc);
    const tagged = zoneDownStates(parseArchitecture(text.replace('    memoryMB: 512', '    memoryMB: 1024'), { previous: doc }));
    assert.equal(tagged, first, 'the same result object: no engine run');
    const moved = zoneDownStates(
      parseArchitecture(text.replace('    zones: [b]\n    subnet: public', '    zones: [a]\n    subnet: public'), { previous: doc }),
    );
    assert.notEqual(moved, first);
    assert.ok(moved.find((state) => state.zone === 'a')!.stopped.includes('admin'), 'the admin instance now stops with zone a');
  });

  it('builds the graph of a generated 500-resource file', () => {
    const graph = buildDiagramGraph(parseArchitecture(generateArchitecture(500)));
    assert.ok(graph.nodes.length > 400, `nodes: ${graph.nodes.length}`);
    assert.ok(graph.edges.length > 300, `edges: ${graph.edges.length}`);
  });
});

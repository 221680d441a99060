/**
 * The worker's diagram maker and `cloudarch.diagram.layout`: the layout a request asks for is the
 * one that draws the picture, elkjs is made only when a request asks for it, and whatever elkjs does
 * (fail, time out) the answer is a picture, the channel layout's, with a notice saying why.
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture } from '../../../src/core/parse';
import type { ElkGraphNode } from '../../../src/diagram';
import { evaluateAll } from '../../../src/evaluate';
import { ElkTimeoutError, type ElkRunner } from '../../../src/node/elk-runner';
import type { DiagramLayoutChoice } from '../../../src/protocol/diagram';
import { createDiagramMaker, type DiagramRequestOptions } from '../../../src/server/diagram-maker';
import { readExample, realElk } from '../diagram/helpers';

const example = readExample('three-tier-web.cloudarch.yaml');

/** An elkjs runner that counts what it is asked and answers with `answer` (the real elkjs by default). */
function countingRunner(answer: (graph: ElkGraphNode) => Promise<ElkGraphNode> = (graph) => realElk().layout(graph)) {
  const runner = {
    layouts: 0,
    timeouts: 0,
    threadsStarted: 0,
    layout(graph: ElkGraphNode) {
      runner.layouts++;
      return answer(graph);
    },
    dispose: () => Promise.resolve(),
  };
  return runner satisfies ElkRunner;
}

function setUp(runner: ElkRunner) {
  let loads = 0;
  const maker = createDiagramMaker({
    loadElk: () => {
      loads++;
      return runner;
    },
  });
  let version = 0;
  const draw = (text: string, layout?: DiagramLayoutChoice) => {
    const doc = parseArchitecture(text);
    const options: DiagramRequestOptions = { theme: 'light', layers: [], overlays: [], ...(layout !== undefined ? { layout } : {}) };
    return maker.make('file:///shop.cloudarch.yaml', ++version, doc, evaluateAll(doc, { monteCarloSamples: 0 }), options);
  };
  return { maker, draw, loads: () => loads };
}

/** The x position of each resource's first box in an SVG (the layouts place them differently). */
function resourcePositions(svg: string): string[] {
  return [...svg.matchAll(/data-resource="([^"]+)"[^>]*transform="translate\(([^)]+)\)"/g)].map((match) => `${match[1]}@${match[2]}`);
}

describe('diagram maker: the layout setting reaches the layout', function () {
  // elkjs lays out the example in a few hundred milliseconds, seconds on a loaded machine.
  this.timeout(120_000);

  it('draws with the channel layout by default and never makes elkjs', async () => {
    const runner = countingRunner();
    const { draw, loads } = setUp(runner);
    for (const layout of [undefined, 'channels'] as const) {
      const result = await draw(example, layout);
      assert.equal(result.layout, 'channels');
      assert.equal(result.layoutNotice, undefined);
      assert.match(result.svg!, /data-resource="web-lb"/);
    }
    assert.equal(loads(), 0);
    assert.equal(runner.layouts, 0);
  });

  it('draws with elkjs when asked, makes it once, and reuses its layout while the structure is unchanged', async () => {
    const runner = countingRunner();
    const { draw, loads } = setUp(runner);
    const channels = await draw(example, 'channels');
    const elk = await draw(example, 'elkjs');
    assert.equal(elk.layout, 'elkjs');
    assert.equal(elk.layoutNotice, undefined);
    assert.equal(loads(), 1);
    assert.equal(runner.layouts, 1);
    assert.match(elk.svg!, /data-resource="web-lb"/);
    assert.notDeepEqual(resourcePositions(elk.svg!), resourcePositions(channels.svg!), 'elkjs places the boxes differently');
    // A property value edited: same structure, elkjs is not asked again.
    const edited = await draw(example.replace('desired: 2', 'desired: 3'), 'elkjs');
    assert.equal(edited.layout, 'elkjs');
    assert.equal(runner.layouts, 1);
    assert.deepEqual(resourcePositions(edited.svg!), resourcePositions(elk.svg!));
    // Back to the channel layout: the picture is the channel layout's again.
    const back = await draw(example, 'channels');
    assert.equal(back.layout, 'channels');
    assert.deepEqual(resourcePositions(back.svg!), resourcePositions(channels.svg!));
    assert.equal(loads(), 1);
  });

  it('draws the channel layout with a notice when elkjs fails, and does not ask it again for the same structure', async () => {
    const runner = countingRunner(() => Promise.reject(new Error('elkjs stopped: TypeError: escaped the promise')));
    const { draw } = setUp(runner);
    const result = await draw(example, 'elkjs');
    assert.equal(result.layout, 'channels');
    assert.match(result.svg!, /data-resource="web-lb"/);
    assert.equal(
      result.layoutNotice,
      'elkjs could not lay out this diagram (elkjs stopped: TypeError: escaped the promise); it is drawn with the channel layout instead.',
    );
    const again = await draw(example.replace('desired: 2', 'desired: 3'), 'elkjs');
    assert.equal(runner.layouts, 1);
    assert.equal(again.layoutNotice, result.layoutNotice);
  });

  it('after a timeout, stops asking elkjs for diagrams as large, until the diagram is smaller or the file is reopened', async () => {
    const runner = countingRunner(() => {
      runner.timeouts++;
      return Promise.reject(new ElkTimeoutError(8_000));
    });
    const { draw, maker } = setUp(runner);
    const first = await draw(example, 'elkjs');
    assert.equal(first.layout, 'channels');
    assert.match(first.layoutNotice!, /^elkjs could not lay out this diagram \(elkjs did not finish within 8 s\)/);
    // A resource added: a larger diagram, which elkjs is not given.
    const larger = `${example.trimEnd()}\n  extra-bucket:\n    type: aws.s3.bucket\n`;
    const skipped = await draw(larger, 'elkjs');
    assert.equal(runner.layouts, 1);
    assert.equal(skipped.layout, 'channels');
    assert.match(skipped.svg!, /data-resource="extra-bucket"/);
    assert.match(
      skipped.layoutNotice!,
      /elkjs did not lay out this diagram within 8 s at \d+ boxes; .* tried again when the diagram has fewer boxes/,
    );
    // A smaller diagram (the bastion removed) is given to elkjs again.
    const smaller = example.replace(/\n {2}bastion:\n(?: {4}.*\n| {6}.*\n)+/, '\n');
    assert.notEqual(smaller, example);
    await draw(smaller, 'elkjs');
    assert.equal(runner.layouts, 2);
    // The file closed and reopened: elkjs is tried again.
    maker.forget('file:///shop.cloudarch.yaml');
    await draw(larger, 'elkjs');
    assert.equal(runner.layouts, 3);
  });
});

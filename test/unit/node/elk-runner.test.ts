/**
 * The elkjs runner (src/node/elk-runner.ts): elkjs is loaded only by the first layout, in a thread
 * of its own, and nothing elkjs does there (a hang, an exception that escapes its promise, a
 * rejection) reaches the caller as anything but a rejected layout; a later layout works again.
 * Misbehaving elkjs builds are small CommonJS files written to a temporary folder.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElkRunner, ElkTimeoutError, type ElkRunner } from '../../../src/node/elk-runner';
import type { ElkGraphNode } from '../../../src/diagram';

/** Two boxes and an edge: enough for elkjs to place and route something. */
function smallGraph(): ElkGraphNode {
  return {
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered' },
    children: [
      { id: 'a', width: 40, height: 20 },
      { id: 'b', width: 40, height: 20 },
    ],
    edges: [{ id: 'a-b', sources: ['a'], targets: ['b'] }],
  };
}

describe('elkjs runner: a thread of its own, started by the first layout', function () {
  // Starting a thread and loading elkjs takes a few hundred milliseconds on a loaded machine.
  this.timeout(60_000);
  let folder: string;
  const runners: ElkRunner[] = [];
  const runner = (options: Parameters<typeof createElkRunner>[0] = {}): ElkRunner => {
    const created = createElkRunner(options);
    runners.push(created);
    return created;
  };
  /** A stand-in for elkjs whose `layout` runs `body`. */
  const fakeElk = (name: string, body: string): string => {
    const path = join(folder, `${name}.js`);
    writeFileSync(path, `module.exports = class FakeElk { layout(graph) { ${body} } };\n`);
    return path;
  };

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'cloudarch-elk-runner-'));
  });
  after(async () => {
    await Promise.all(runners.map((created) => created.dispose()));
    rmSync(folder, { recursive: true, force: true });
  });

  it('loads nothing until asked, then lays out with the real elkjs in one thread it keeps', async () => {
    const loads: number[] = [];
    const elk = runner({ onLoaded: (ms) => loads.push(ms) });
    assert.equal(elk.threadsStarted, 0);
    const first = await elk.layout(smallGraph());
    const second = await elk.layout(smallGraph());
    assert.equal(elk.threadsStarted, 1);
    assert.equal(loads.length, 1);
    for (const laidOut of [first, second]) {
      const [a, b] = laidOut.children!;
      assert.ok(a!.x !== undefined && b!.x !== undefined && b!.x > a!.x, 'the edge runs left to right: b is placed right of a');
      assert.ok(laidOut.edges![0]!.sections!.length > 0, 'the edge is routed');
    }
  });

  it('gives up on a layout that hangs past the timeout, and lays the next one out in a fresh thread', async () => {
    const elk = runner({
      timeoutMs: 300,
      elkPath: fakeElk('hangs', "if (graph.id === 'hang') { for (;;) {} } return Promise.resolve({ ...graph, width: 99 });"),
    });
    await assert.rejects(
      elk.layout({ ...smallGraph(), id: 'hang' }),
      (error: unknown) => error instanceof ElkTimeoutError && /within 0.3 s/.test(error.message),
    );
    assert.equal(elk.timeouts, 1);
    const next = await elk.layout(smallGraph());
    assert.equal(next.width, 99);
    assert.equal(elk.threadsStarted, 2, 'the hung thread was terminated and another started');
  });

  it('turns an exception that escapes elkjs (it ends the thread) into a rejected layout, not a crash', async () => {
    const elk = runner({
      elkPath: fakeElk('escapes', "setTimeout(() => { throw new TypeError('escaped the promise'); }, 0); return new Promise(() => {});"),
    });
    await assert.rejects(elk.layout(smallGraph()), /elkjs stopped: TypeError: escaped the promise/);
    assert.equal(elk.timeouts, 0);
  });

  it('passes a rejection on with its reason, and keeps the thread for the next layout', async () => {
    const elk = runner({ elkPath: fakeElk('rejects', "return Promise.reject(new RangeError('no room'));") });
    await assert.rejects(elk.layout(smallGraph()), /RangeError: no room/);
    await assert.rejects(elk.layout(smallGraph()), /RangeError: no room/);
    assert.equal(elk.threadsStarted, 1);
  });

  it('rejects when the elkjs file cannot be loaded', async () => {
    const elk = runner({ elkPath: join(folder, 'missing.js') });
    await assert.rejects(elk.layout(smallGraph()), /elkjs stopped/);
  });
});

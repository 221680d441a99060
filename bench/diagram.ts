/**
 * The diagram's figures for `npm run bench` (and on their own: `npx tsx bench/diagram.ts [--quick]`):
 * on generated architectures of 100 and 500 resources, the graph build, the first (cold) layout,
 * layout + render warm with our settings and with elkjs's default hierarchical layout (the ratio
 * is default ÷ ours), an edit that changes no structure (graph + reused layout + render), and the
 * mean displacement of the other nodes after adding one resource.
 */
import { parseArchitecture } from '../src/core/parse';
import { evaluateAll } from '../src/evaluate';
import { buildDiagramGraph, layoutDiagram, meanDisplacement, renderDiagramSvg, type ElkLike, type LaidOutDiagram, type LayoutProfile } from '../src/diagram';
import { generateArchitecture, generatedResourceCount } from './generate';

/** How the bench's table records one figure; returns the row so a ratio can be set on it. */
export type Recorder = (name: string, size: number | undefined, unit: string, samples: readonly number[], note?: string) => { ratio?: number; readonly median: number };

interface ElkConstructor {
  new (): ElkLike;
}

function loadElk(): ElkLike {
  const ELK = require('elkjs/lib/elk.bundled.js') as ElkConstructor;
  return new ELK();
}

const renderOptions = { theme: 'light', overlays: { costHeat: true, findings: true, spof: true, availability: true }, title: { date: '2026-12-03' } } as const;

/**
 * Wall-clock and CPU milliseconds of one layout and render. The CPU figure is this process's own
 * time, which the load of other processes on a shared machine changes far less than the wall clock.
 */
async function layoutAndRender(elk: ElkLike, graph: Parameters<typeof layoutDiagram>[0], profile: LayoutProfile, previous?: LaidOutDiagram): Promise<{ laidOut: LaidOutDiagram; ms: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const laidOut = await layoutDiagram(graph, { elk, profile, ...(previous ? { previous } : {}) });
  renderDiagramSvg(laidOut, renderOptions);
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - started;
  if (laidOut.status !== 'ok') throw new Error(`layout failed: ${laidOut.error}`);
  return { laidOut, ms, cpuMs: (used.user + used.system) / 1000 };
}

export async function measureDiagram(record: Recorder, quick: boolean): Promise<void> {
  const loadStarted = performance.now();
  const elk = loadElk();
  const loadMs = performance.now() - loadStarted;
  console.log('\nDiagram (elkjs, in process)');
  record('diagram: load elkjs and create an instance', undefined, 'ms', [loadMs], 'require of elk.bundled.js and new ELK(), first time in this process');
  let first = true;
  for (const requested of [100, 500]) {
    const size = generatedResourceCount(requested);
    const text = generateArchitecture(requested);
    const doc = parseArchitecture(text);
    const evaluation = evaluateAll(doc, { monteCarloSamples: 0 });
    const graphSamples: number[] = [];
    let graph = buildDiagramGraph(doc, evaluation);
    for (let i = 0; i < (quick ? 3 : 8); i++) {
      const started = performance.now();
      graph = buildDiagramGraph(doc, evaluation);
      graphSamples.push(performance.now() - started);
    }
    const shape = `${graph.nodes.length} nodes, ${graph.containers.length} containers, ${graph.edges.length} edges`;
    record('diagram: graph build with overlay data and zone-down states', size, 'ms', graphSamples, shape);

    const cold = await layoutAndRender(elk, graph, 'fast');
    record(first ? 'diagram: first layout + render in the process (cold)' : 'diagram: first layout + render of this size', size, 'ms', [cold.ms], shape);
    first = false;

    // Warm: ours and the reference alternately, so a change in the machine's load hits both.
    const runs = quick ? 3 : requested >= 500 ? 8 : 15;
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const reference: number[] = [];
    const referenceCpu: number[] = [];
    await layoutAndRender(elk, graph, 'elk-default-hierarchical');
    for (let i = 0; i < runs; i++) {
      const mine = await layoutAndRender(elk, graph, 'fast');
      ours.push(mine.ms);
      oursCpu.push(mine.cpuMs);
      const theirs = await layoutAndRender(elk, graph, 'elk-default-hierarchical');
      reference.push(theirs.ms);
      referenceCpu.push(theirs.cpuMs);
    }
    const ourRow = record('diagram: layout + render, warm (our settings)', size, 'ms', ours, `${shape}; every edge routed`);
    const referenceRow = record('diagram: layout + render, warm (elkjs default hierarchical)', size, 'ms', reference, 'elk.hierarchyHandling INCLUDE_CHILDREN, every other option default');
    ourRow.ratio = Math.round((referenceRow.median / Math.max(ourRow.median, 0.01)) * 100) / 100;
    const ourCpuRow = record('diagram: layout + render, warm, CPU time (our settings)', size, 'ms', oursCpu);
    const referenceCpuRow = record('diagram: layout + render, warm, CPU time (elkjs default hierarchical)', size, 'ms', referenceCpu);
    ourCpuRow.ratio = Math.round((referenceCpuRow.median / Math.max(ourCpuRow.median, 0.01)) * 100) / 100;

    // An edit that changes no node and no edge: the layout is reused, only the graph and SVG are made.
    const edited = text.replace(/desired: (\d)/, (_, digit: string) => `desired: ${digit === '9' ? 8 : Number(digit) + 1}`);
    const editedDoc = parseArchitecture(edited, { previous: doc });
    const editSamples: number[] = [];
    for (let i = 0; i < (quick ? 3 : 10); i++) {
      const started = performance.now();
      const editedGraph = buildDiagramGraph(editedDoc, evaluation);
      const laidOut = await layoutDiagram(editedGraph, { elk, previous: cold.laidOut });
      if (!laidOut.reused) throw new Error('a property edit did not reuse the layout');
      renderDiagramSvg(laidOut, renderOptions);
      editSamples.push(performance.now() - started);
    }
    record('diagram: property edit -> picture (graph, reused layout, render)', size, 'ms', editSamples, 'the evaluation is the one already computed for the edit');

    // Stability: one bucket added at the end of the file.
    const added = `${text.trimEnd()}\n  zz-added-bucket:\n    type: aws.s3.bucket\n`;
    const addedGraph = buildDiagramGraph(parseArchitecture(added));
    const after = await layoutDiagram(addedGraph, { elk, previous: cold.laidOut });
    const seeded = await layoutDiagram(addedGraph, { elk, previous: cold.laidOut, seedFromPrevious: true });
    const diagonal = Math.hypot(cold.laidOut.width, cold.laidOut.height);
    record('diagram: mean displacement of the other nodes after adding a resource', size, 'units', [meanDisplacement(cold.laidOut, after)], `diagram ${Math.round(cold.laidOut.width)} x ${Math.round(cold.laidOut.height)} units (diagonal ${Math.round(diagonal)})`);
    record('diagram: the same, seeded from the previous positions (interactive crossing minimisation)', size, 'units', [meanDisplacement(cold.laidOut, seeded)], 'not the default; see docs/diagram.md');
  }
}

if (require.main === module) {
  const rows: { name: string; size?: number; unit: string; median: number; p95: number; ratio?: number; note?: string }[] = [];
  const recorder: Recorder = (name, size, unit, samples, note) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
    const row: { name: string; size?: number; unit: string; median: number; p95: number; ratio?: number; note?: string } = {
      name,
      ...(size !== undefined ? { size } : {}),
      unit,
      median: Math.round(at(0.5) * 100) / 100,
      p95: Math.round(at(0.95) * 100) / 100,
      ...(note ? { note } : {}),
    };
    rows.push(row);
    console.log(`  ${name}${size ? ` [${size}]` : ''}: median ${row.median} ${unit}, p95 ${row.p95} ${unit} (${samples.length} runs)${note ? ` — ${note}` : ''}`);
    return row;
  };
  measureDiagram(recorder, process.argv.includes('--quick'))
    .then(() => {
      for (const row of rows) if (row.ratio !== undefined) console.log(`  ${row.name} [${row.size}]: default ÷ ours = ${row.ratio}×`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

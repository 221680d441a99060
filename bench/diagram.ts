/**
 * The diagram's figures for `npm run bench` (and on their own: `npx tsx bench/diagram.ts [--quick]`):
 * on generated architectures of 100 resources (one region, 9 containers) and 500 resources (four
 * regions, 45 containers), the graph build, the first (cold) layout, layout + render warm with our
 * channel layout, with elkjs's hierarchical layout under our former settings, and with elkjs's
 * default hierarchical layout (the ratio is default ÷ ours), an edit that changes no structure
 * (graph + reused layout + render), and the mean displacement of the other nodes after adding one
 * resource. Every layout measured is checked with `checkLayoutQuality`: a violation stops the run.
 */
import { parseArchitecture } from '../src/core/parse';
import { evaluateAll } from '../src/evaluate';
import {
  buildDiagramGraph,
  checkLayoutQuality,
  layoutDiagram,
  meanDisplacement,
  renderDiagramSvg,
  type ElkLike,
  type LaidOutDiagram,
  type LayoutProfile,
} from '../src/diagram';
import { generateArchitecture, generatedResourceCount } from './generate';

/** How the bench's table records one figure; returns the row so a ratio can be set on it. */
export type Recorder = (
  name: string,
  size: number | undefined,
  unit: string,
  samples: readonly number[],
  note?: string,
) => { ratio?: number; readonly median: number };

interface ElkConstructor {
  new (): ElkLike;
}

function loadElk(): ElkLike {
  const ELK = require('elkjs/lib/elk.bundled.js') as ElkConstructor;
  return new ELK();
}

const renderOptions = {
  theme: 'light',
  overlays: { costHeat: true, findings: true, spof: true, availability: true },
  title: { date: '2026-12-03' },
} as const;

/**
 * Wall-clock and CPU milliseconds of one layout and render. The CPU figure is this process's own
 * time, which the load of other processes on a shared machine changes far less than the wall clock.
 */
async function layoutAndRender(
  elk: ElkLike,
  graph: Parameters<typeof layoutDiagram>[0],
  profile: LayoutProfile,
  previous?: LaidOutDiagram,
): Promise<{ laidOut: LaidOutDiagram; ms: number; cpuMs: number }> {
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
  record(
    'diagram: load elkjs and create an instance',
    undefined,
    'ms',
    [loadMs],
    'require of elk.bundled.js and new ELK(), first time in this process',
  );
  let first = true;
  // The issue's shapes: 100 resources as one region's file, 500 resources with about 40 containers.
  for (const [requested, regions] of [
    [100, 1],
    [500, 4],
  ] as const) {
    const size = generatedResourceCount(requested);
    const text = generateArchitecture(requested, 1, { regions });
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

    const cold = await layoutAndRender(elk, graph, 'channels');
    const violations = checkLayoutQuality(cold.laidOut);
    if (violations.length > 0)
      throw new Error(
        `layout-quality violations at ${size} resources: ${violations
          .slice(0, 3)
          .map((violation) => violation.message)
          .join(' ')}`,
      );
    record(
      first ? 'diagram: first layout + render in the process (cold)' : 'diagram: first layout + render of this size',
      size,
      'ms',
      [cold.ms],
      `${shape}; channel layout`,
    );
    first = false;

    // Warm: ours and the two elkjs layouts in turn, so a change in the machine's load hits all three.
    const runs = quick ? 3 : requested >= 500 ? 10 : 20;
    const samples: Record<LayoutProfile, { wall: number[]; cpu: number[] }> = {
      channels: { wall: [], cpu: [] },
      fast: { wall: [], cpu: [] },
      'elk-default-hierarchical': { wall: [], cpu: [] },
    };
    const profiles: readonly LayoutProfile[] = ['channels', 'fast', 'elk-default-hierarchical'];
    for (const profile of profiles) await layoutAndRender(elk, graph, profile);
    for (let i = 0; i < runs; i++) {
      for (const profile of profiles) {
        const run = await layoutAndRender(elk, graph, profile);
        // Checked once per profile: the ELK profiles are measured as they are, ours must be sound.
        if (i === 0 && profile === 'channels' && checkLayoutQuality(run.laidOut).length > 0)
          throw new Error('the channel layout broke a layout rule');
        samples[profile].wall.push(run.ms);
        samples[profile].cpu.push(run.cpuMs);
      }
    }
    // Channel layout = ours, the default; `fast` = elkjs INCLUDE_CHILDREN with the settings used before it.
    const ourRow = record(
      'diagram: layout + render, warm (ours: channel layout)',
      size,
      'ms',
      samples.channels.wall,
      `${shape}; every edge routed, zero layout-quality violations`,
    );
    const formerRow = record(
      'diagram: layout + render, warm (elkjs hierarchical, our former settings)',
      size,
      'ms',
      samples.fast.wall,
      'INCLUDE_CHILDREN, ordered crossing minimisation (layout.ts fastRootOptions)',
    );
    const referenceRow = record(
      'diagram: layout + render, warm (elkjs default hierarchical)',
      size,
      'ms',
      samples['elk-default-hierarchical'].wall,
      'elk.hierarchyHandling INCLUDE_CHILDREN, every other option default',
    );
    ourRow.ratio = Math.round((referenceRow.median / Math.max(ourRow.median, 0.01)) * 100) / 100;
    formerRow.ratio = Math.round((referenceRow.median / Math.max(formerRow.median, 0.01)) * 100) / 100;
    const ourCpuRow = record('diagram: layout + render, warm, CPU time (ours: channel layout)', size, 'ms', samples.channels.cpu);
    const referenceCpuRow = record(
      'diagram: layout + render, warm, CPU time (elkjs default hierarchical)',
      size,
      'ms',
      samples['elk-default-hierarchical'].cpu,
    );
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
    record(
      'diagram: property edit -> picture (graph, reused layout, render)',
      size,
      'ms',
      editSamples,
      'the evaluation is the one already computed for the edit',
    );

    // Stability: one bucket added at the end of the file.
    const added = `${text.trimEnd()}\n  zz-added-bucket:\n    type: aws.s3.bucket\n`;
    const addedGraph = buildDiagramGraph(parseArchitecture(added));
    const after = await layoutDiagram(addedGraph, { elk, previous: cold.laidOut });
    const coldFast = await layoutDiagram(graph, { elk, profile: 'fast' });
    const seeded = await layoutDiagram(addedGraph, { elk, profile: 'fast', previous: coldFast, seedFromPrevious: true });
    const diagonal = Math.hypot(cold.laidOut.width, cold.laidOut.height);
    record(
      'diagram: mean displacement of the other nodes after adding a resource',
      size,
      'units',
      [meanDisplacement(cold.laidOut, after)],
      `diagram ${Math.round(cold.laidOut.width)} x ${Math.round(cold.laidOut.height)} units (diagonal ${Math.round(diagonal)})`,
    );
    record(
      'diagram: mean displacement after adding a resource (elkjs, our former settings, seeded from the previous positions)',
      size,
      'units',
      [meanDisplacement(coldFast, seeded)],
      'not the default; see docs/diagram.md',
    );
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
    console.log(
      `  ${name}${size ? ` [${size}]` : ''}: median ${row.median} ${unit}, p95 ${row.p95} ${unit} (${samples.length} runs)${note ? ` — ${note}` : ''}`,
    );
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

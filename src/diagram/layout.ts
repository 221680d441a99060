/**
 * Diagram graph -> positions and routes: the channel layout (channel-layout.ts, the default), or
 * elkjs (injected: the core never loads it) for the `fast` profile behind the user's
 * `cloudarch.diagram.layout: elkjs` and for the benchmark's reference. `layoutWithFallback` is what
 * the views call: whatever elkjs does, they get a sound picture.
 *
 * One hierarchical layered layout (`INCLUDE_CHILDREN`), because an architecture diagram's edges
 * cross container boundaries (a load balancer in a public subnet sends to a group in a private one)
 * and ELK routes those only when it lays out the hierarchy as a whole. See docs/diagram.md for
 * the settings and the measurements behind them.
 *
 * Two things ELK can do to a process are ruled out by design:
 * - model-order options (`considerModelOrder`, `forceNodeModelOrder`) are never set: together with
 *   INCLUDE_CHILDREN they throw inside ELK, and the error escaped the promise in the measurements
 *   (../shared/notes/elkjs.md). Model order is obtained another way: ELK's interactive crossing
 *   minimisation keeps the order of the positions it is given, and each node is given its place in
 *   the graph's stable order. Adding a resource then moves only what comes after it in its layer,
 *   and the costly layer-sweep crossing minimisation is skipped.
 * - every call is guarded: a throw or a rejection becomes a `status: 'error'` result.
 */
import type {
  DiagramGraph,
  ElkGraphEdge,
  ElkGraphNode,
  ElkLike,
  LaidOutContainer,
  LaidOutDiagram,
  LaidOutEdge,
  LaidOutNode,
  LayoutProfile,
  Point,
} from './types';
import { channelLayout } from './channel-layout';
import { checkLayoutQuality } from './quality';

export interface LayoutOptions {
  /** elkjs, needed only by the ELK profiles (`fast`, `elk-default-hierarchical`); the default needs none. */
  readonly elk?: ElkLike;
  /** The last layout shown: an identical structure reuses it, a changed one is seeded from it. */
  readonly previous?: LaidOutDiagram;
  /** `channels` (ours, the default: channel-layout.ts), `fast` (elkjs with our settings) or `elk-default-hierarchical` (the benchmark's reference). */
  readonly profile?: LayoutProfile;
  /**
   * Order the layers by `previous`'s positions instead of by the graph's order when the structure
   * changed (new nodes keep their place in the graph's order). Off by default: the graph's order
   * already keeps the others in place (measured mean displacement 0 after adding a resource at the
   * end of a generated 100- or 500-resource file), and previous positions are in a different
   * coordinate range than the order of new nodes.
   */
  readonly seedFromPrevious?: boolean;
}

/** Room at the top of a container for its title. */
export const containerHeaderHeight = 28;
const containerPadding = 14;
/** Estimated width of one character of an edge label (11 px sans-serif), for ELK's label boxes. */
const labelCharWidth = 6.5;
const labelHeight = 14;

/**
 * The fast profile. Measured on generated architectures (bench/diagram.ts, docs/diagram.md): the
 * interactive (ordered) crossing minimisation set in `toElkGraph` is what saves time (CPU 1,227 ->
 * 678 ms at 100 resources, 2,521 -> 2,016 ms at 500); thoroughness 1 and no greedy switch
 * matter only if the layer sweep is used; the other placers and layerers changed nothing measurable.
 */
const fastRootOptions: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.thoroughness': '1',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.crossingMinimization.greedySwitchHierarchical.type': 'OFF',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '44',
  'elk.spacing.edgeNode': '16',
  'elk.spacing.edgeEdge': '8',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.spacing.edgeLabel': '4',
  'elk.edgeLabels.inline': 'false',
  'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
  'elk.spacing.componentComponent': '40',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'ROOT',
  'elk.randomSeed': '1',
  'elk.padding': '[top=20,left=20,bottom=20,right=20]',
};

/** ELK's defaults with the hierarchy laid out as a whole: the reference the benchmark compares with. */
const defaultHierarchicalRootOptions: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'ROOT',
};

const containerOptions: Readonly<Record<string, string>> = {
  'elk.padding': `[top=${containerHeaderHeight + 6},left=${containerPadding},bottom=${containerPadding},right=${containerPadding}]`,
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
  'elk.nodeSize.minimum': '(160,60)',
};

/** Turns a diagram graph into ELK's JSON graph (containers as compound nodes, every edge at the root). */
export function toElkGraph(
  graph: DiagramGraph,
  profile: Exclude<LayoutProfile, 'channels'> = 'fast',
  seedFrom?: LaidOutDiagram,
): ElkGraphNode {
  const fast = profile === 'fast';
  const previousNodes = new Map<string, LaidOutNode>();
  if (fast && seedFrom?.status === 'ok') for (const node of seedFrom.nodes) previousNodes.set(node.id, node);

  const root: ElkGraphNode = {
    id: '__root__',
    layoutOptions: { ...(fast ? fastRootOptions : defaultHierarchicalRootOptions) },
    children: [],
    edges: [],
  };
  // Model order without the model-order options (which crash with INCLUDE_CHILDREN): interactive
  // crossing minimisation keeps the order of the positions it is given, and each node is given
  // its place in the graph's stable order (or, when seeding, its previous position). Set on every
  // level: ELK rejects a hierarchy whose levels disagree on the crossing minimiser.
  const ordered = fast;
  const seedOptions: Record<string, string> = ordered ? { 'elk.layered.crossingMinimization.strategy': 'INTERACTIVE' } : {};
  Object.assign(root.layoutOptions!, seedOptions);
  const elkNodeOf = new Map<string, ElkGraphNode>();
  for (const container of graph.containers) {
    const node: ElkGraphNode = { id: container.id, layoutOptions: { ...(fast ? containerOptions : {}), ...seedOptions }, children: [] };
    elkNodeOf.set(container.id, node);
    const parent = container.parent === undefined ? root : elkNodeOf.get(container.parent)!;
    parent.children!.push(node);
  }
  graph.nodes.forEach((node, index) => {
    const elkNode: ElkGraphNode = { id: node.id, width: node.width, height: node.height };
    const before = previousNodes.get(node.id);
    // Interactive crossing minimisation reads the positions of the input (absolute, as the output).
    if (before) {
      elkNode.x = before.x;
      elkNode.y = before.y;
    } else if (ordered) {
      elkNode.x = 0;
      elkNode.y = index * 10;
    }
    const parent = node.container === undefined ? root : elkNodeOf.get(node.container)!;
    parent.children!.push(elkNode);
  });
  if (ordered) placeContainersAtFirstChild(root);
  for (const edge of graph.edges) {
    const elkEdge: ElkGraphEdge = { id: edge.id, sources: [edge.source], targets: [edge.target] };
    if (edge.label !== undefined && edge.label.length > 0) {
      elkEdge.labels = [{ text: edge.label, width: Math.ceil(edge.label.length * labelCharWidth) + 6, height: labelHeight }];
    }
    root.edges!.push(elkEdge);
  }
  return root;
}

/** A container's position for interactive ordering: that of its first-placed descendant. */
function placeContainersAtFirstChild(node: ElkGraphNode): { x: number; y: number } | undefined {
  let first: { x: number; y: number } | undefined;
  for (const child of node.children ?? []) {
    const position =
      child.children !== undefined
        ? placeContainersAtFirstChild(child)
        : child.y !== undefined
          ? { x: child.x ?? 0, y: child.y }
          : undefined;
    if (position && (!first || position.y < first.y)) first = position;
  }
  if (first && node.id !== '__root__') {
    node.x = first.x;
    node.y = first.y;
  }
  return first;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function failed(graph: DiagramGraph, profile: LayoutProfile, message: string): LaidOutDiagram {
  return { status: 'error', error: message, graph, nodes: [], containers: [], edges: [], width: 0, height: 0, reused: false, profile };
}

/**
 * Lays out a diagram graph. Never throws and never rejects: an ELK failure becomes a result with
 * `status: 'error'` and the reason. A graph with the same structure as `previous` takes its
 * positions without calling ELK.
 */
export async function layoutDiagram(graph: DiagramGraph, options: LayoutOptions): Promise<LaidOutDiagram> {
  const profile = options.profile ?? 'channels';
  const previous = options.previous;
  if (previous && previous.status === 'ok' && previous.profile === profile && previous.graph.structureKey === graph.structureKey) {
    return { ...previous, graph, reused: true };
  }
  if (profile === 'channels') {
    try {
      return channelLayout(graph);
    } catch (error) {
      return failed(graph, profile, `The diagram layout failed: ${errorMessage(error)}`);
    }
  }
  const elk = options.elk;
  if (!elk) return failed(graph, profile, `The ${profile} layout needs elkjs, and none was given.`);
  let input: ElkGraphNode;
  try {
    input = toElkGraph(graph, profile, options.seedFromPrevious === true ? previous : undefined);
  } catch (error) {
    return failed(graph, profile, `The diagram could not be prepared for layout: ${errorMessage(error)}`);
  }
  let output: ElkGraphNode;
  try {
    // `Promise.resolve().then` also catches a synchronous throw of `layout` itself.
    output = await Promise.resolve().then(() => elk.layout(input));
  } catch (error) {
    return failed(graph, profile, `The diagram layout failed (elkjs): ${errorMessage(error)}`);
  }
  try {
    return readLayout(graph, output, profile);
  } catch (error) {
    return failed(graph, profile, `The diagram layout returned an unusable result: ${errorMessage(error)}`);
  }
}

/** A layout with the channel layout as its safety net: what `layoutWithFallback` answers. */
export interface ChosenLayout {
  /** Always `status: 'ok'` unless the channel layout itself failed. */
  readonly laidOut: LaidOutDiagram;
  /**
   * Present when the profile asked for could not give a sound picture and the channel layout was
   * drawn instead: why, in words for the user (the panel shows it, the CLI prints it).
   */
  readonly notice?: string;
}

/**
 * Lays out with the profile asked for, and never gives a worse picture than the channel layout: an
 * elkjs failure (a throw, a rejection, a timeout its caller enforces, an unusable answer) or an
 * elkjs picture that fails `checkLayoutQuality` (an edge through a box, an overlap) is replaced by
 * the channel layout, with a notice saying why. The channel layout is sound by construction and is
 * not checked again here (its tests check it). Never throws.
 */
export async function layoutWithFallback(graph: DiagramGraph, options: LayoutOptions): Promise<ChosenLayout> {
  const profile = options.profile ?? 'channels';
  const laidOut = await layoutDiagram(graph, options);
  if (profile === 'channels') return { laidOut };
  if (laidOut.status === 'ok') {
    // A reused layout passed this check when it was made.
    const violations = laidOut.reused ? [] : checkLayoutQuality(laidOut);
    if (violations.length === 0) return { laidOut };
    const count = violations.length === 1 ? 'a layout problem' : `${violations.length} layout problems`;
    return channelsInstead(graph, options, `elkjs's layout of this diagram had ${count} (${violations[0]!.message})`);
  }
  // The error as layoutDiagram words it, less the prefixes that only repeat "elkjs failed".
  const detail = (laidOut.error ?? 'no reason given')
    .replace(/^The diagram layout failed \(elkjs\): /, '')
    .replace(/^(ElkTimeout)?Error: /, '');
  return channelsInstead(graph, options, `elkjs could not lay out this diagram (${detail.replace(/\.$/, '')})`);
}

async function channelsInstead(graph: DiagramGraph, options: LayoutOptions, why: string): Promise<ChosenLayout> {
  const previous = options.previous?.profile === 'channels' ? options.previous : undefined;
  const laidOut = await layoutDiagram(graph, { profile: 'channels', ...(previous ? { previous } : {}) });
  return { laidOut, notice: `${why}; it is drawn with the channel layout instead.` };
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

/** Reads ELK's answer (absolute coordinates: `elk.json.*Coords: ROOT`) into the diagram's shapes. */
function readLayout(graph: DiagramGraph, output: ElkGraphNode, profile: Exclude<LayoutProfile, 'channels'>): LaidOutDiagram {
  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
  const edgesById = new Map<string, ElkGraphEdge>();
  // The reference profile keeps ELK's default coordinate mode, where shapes are relative to their
  // parent; the offsets are accumulated here so both profiles give absolute positions.
  const absolute = output.layoutOptions?.['elk.json.shapeCoords'] === 'ROOT';
  const stack: { node: ElkGraphNode; dx: number; dy: number }[] = [{ node: output, dx: 0, dy: 0 }];
  while (stack.length > 0) {
    const { node, dx, dy } = stack.pop()!;
    for (const edge of node.edges ?? []) edgesById.set(edge.id, edge);
    for (const child of node.children ?? []) {
      const x = finiteOr(child.x, 0) + (absolute ? 0 : dx);
      const y = finiteOr(child.y, 0) + (absolute ? 0 : dy);
      boxes.set(child.id, { x, y, width: finiteOr(child.width, 0), height: finiteOr(child.height, 0) });
      stack.push({ node: child, dx: x, dy: y });
    }
  }
  const nodes: LaidOutNode[] = graph.nodes.map((node) => {
    const box = boxes.get(node.id);
    if (!box) throw new Error(`ELK returned no position for node ${node.id}`);
    return { id: node.id, ...box };
  });
  const containers: LaidOutContainer[] = graph.containers.map((container) => {
    const box = boxes.get(container.id);
    if (!box) throw new Error(`ELK returned no position for container ${container.id}`);
    return { id: container.id, ...box };
  });
  const edges: LaidOutEdge[] = graph.edges.map((edge) => {
    const elkEdge = edgesById.get(edge.id);
    const points: Point[] = [];
    for (const section of elkEdge?.sections ?? []) {
      const sectionPoints = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      for (const point of sectionPoints) {
        const last = points[points.length - 1];
        if (last && last.x === point.x && last.y === point.y) continue;
        points.push({ x: point.x, y: point.y });
      }
    }
    const labels = (elkEdge?.labels ?? []).map((label) => ({
      text: label.text ?? '',
      x: finiteOr(label.x, 0),
      y: finiteOr(label.y, 0),
      width: finiteOr(label.width, 0),
      height: finiteOr(label.height, 0),
    }));
    return { id: edge.id, points, labels };
  });
  return {
    status: 'ok',
    graph,
    nodes,
    containers,
    edges,
    width: finiteOr(output.width, 0),
    height: finiteOr(output.height, 0),
    reused: false,
    profile,
  };
}

/**
 * Mean distance (diagram units) that the nodes present in both layouts moved between them, for the
 * benchmark's stability figure. Nodes added or removed are not counted.
 */
export function meanDisplacement(before: LaidOutDiagram, after: LaidOutDiagram): number {
  const beforeById = new Map(before.nodes.map((node) => [node.id, node]));
  let total = 0;
  let count = 0;
  for (const node of after.nodes) {
    const old = beforeById.get(node.id);
    if (!old) continue;
    total += Math.hypot(node.x - old.x, node.y - old.y);
    count++;
  }
  return count === 0 ? 0 : total / count;
}

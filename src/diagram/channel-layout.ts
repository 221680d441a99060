/**
 * The diagram's own layout: containers laid out bottom-up, each one's content in layered columns
 * (left to right, in the graph's stable order), and every edge routed orthogonally through
 * channels kept free of nodes. Written for this one kind of graph because elkjs's hierarchical
 * layout cost about 0.6 ms per node warm and seconds cold (docs/diagram.md has the measurements),
 * while this takes a few milliseconds and never needs elkjs loaded.
 *
 * How a container is laid out (the root is laid out the same way, without a border):
 * - Its items are its child containers (already laid out, so their size is known) and its own
 *   nodes. An edge between two nodes whose lowest common container is this one is "lifted" to the
 *   two items that hold its ends; the items are put in columns by longest path over those lifted
 *   edges (a cycle is broken at the edge that closes it, in the graph's order). Within a column
 *   the items keep the graph's order, stacked top to bottom, left-aligned.
 * - Between two columns, and left of the first and right of the last, is a vertical *channel*;
 *   above the content a *top band*, below it a *bottom band*. Nothing but edges ever lies in a
 *   channel or a band, and each edge that runs along one gets a track of its own there, so
 *   parallel edges never lie on top of each other. Channel and band sizes follow their tracks.
 * - An edge leaves a node on its right side and enters on its left (each edge at its own height
 *   on the side). Leaving a container, it runs from the item that holds its source to the channel
 *   right of that item's column, down to the bottom band and along it to the container's right
 *   border (straight across the right channel when the item is in the last column). Entering, it
 *   mirrors that through the top band and the channel left of the target item's column. In the
 *   lowest common container it goes from the source item's channel straight to the target item
 *   when that is in the next column, through the gap between the source and its neighbour when
 *   both items are in one column (stacked zones; a gap holds nothing but edges, and grows with
 *   its tracks), and otherwise through the bottom band.
 *
 * By construction every node lies inside each of its containers, no two items overlap, no
 * segment crosses a node that is not one of its ends (segments run only in channels, bands, the
 * free part of a column beside the item they start or end at, and across borders at such places),
 * and every edge has a route. `checkLayoutQuality` checks all of it on every example anyway.
 */
import type { Box, DiagramGraph, LaidOutContainer, LaidOutDiagram, LaidOutEdge, LaidOutLabel, LaidOutNode, Point } from './types';

/** Room at the top of a container for its title (the renderer writes it there). */
const headerHeight = 34;
const padding = 14;
const rootMargin = 20;
/** Between two items stacked in a column. */
const itemGap = 28;
/** A stack of zones taller than this (about two screens of the picture at 100%) may be laid side by side instead. */
const tallZoneStack = 1600;
/** Between two columns when no edge runs there. */
const minChannelWidth = 44;
/** Between two parallel edges in a channel or a band. */
const trackSpacing = 8;
const minContainerWidth = 160;
const minContainerHeight = 60;
/** Estimated width of one character of an edge label (11 px sans-serif), as the ELK profiles assume. */
const labelCharWidth = 6.5;
const labelHeight = 14;

const rootId = '';

interface Item {
  readonly id: string;
  readonly isNode: boolean;
  /** The graph's order: a node's index, a container's first node's index. */
  readonly order: number;
  width: number;
  height: number;
  /** Relative to its level's top-left corner. */
  x: number;
  y: number;
  column: number;
  /**
   * Availability zones: the zones of a VPC are drawn as one column, one above the other in the
   * graph's order and equally wide, as AWS's own diagrams draw them, so that the same tier sits at
   * the same place in every zone; when that stack would be a tall strip (a large design), side by
   * side in the same order instead. An edge between two zones (a database's standby, a replica)
   * never decides where a zone goes.
   */
  readonly stacked: boolean;
}

/** What one edge does at one level: leaves it, enters it, or joins its two items there. */
interface Passage {
  readonly edge: number;
  /** The item holding the source (exits, joins) and the item holding the target (entries, joins). */
  readonly from?: Item;
  readonly to?: Item;
}

interface Level {
  readonly id: string;
  readonly items: Item[];
  readonly exits: Passage[];
  readonly entries: Passage[];
  readonly joins: Passage[];
  columns: number;
  /** Channel c (from -1 to columns - 1) is at index c + 1: its left x and width. */
  channelX: number[];
  channelWidth: number[];
  channelTracks: number[];
  topBandY: number;
  topBandHeight: number;
  topTracks: number;
  bottomBandY: number;
  bottomBandHeight: number;
  bottomTracks: number;
  width: number;
  height: number;
  /** Track numbers, per edge: in a channel (keyed `edge:channel`), in the top band, in the bottom band. */
  readonly channelTrackOf: Map<string, number>;
  readonly topTrackOf: Map<number, number>;
  readonly bottomTrackOf: Map<number, number>;
  /**
   * Gaps between two items of a column, keyed `column:position` (the gap above the item at that
   * position of its column, counted from 1): how many edges run through each, each edge's gap and
   * track, and each gap's top and height once the column is stacked.
   */
  readonly gapTracks: Map<string, number>;
  readonly gapTrackOf: Map<number, { readonly gap: string; readonly track: number }>;
  readonly gapTop: Map<string, number>;
  readonly gapHeight: Map<string, number>;
  /** Where each leaving / entering edge crosses the right / left border, relative to the level's top. */
  readonly exitY: Map<number, number>;
  readonly entryY: Map<number, number>;
}

function newLevel(id: string): Level {
  return {
    id,
    items: [],
    exits: [],
    entries: [],
    joins: [],
    columns: 0,
    channelX: [],
    channelWidth: [],
    channelTracks: [],
    topBandY: 0,
    topBandHeight: 0,
    topTracks: 0,
    bottomBandY: 0,
    bottomBandHeight: 0,
    bottomTracks: 0,
    width: 0,
    height: 0,
    channelTrackOf: new Map(),
    topTrackOf: new Map(),
    bottomTrackOf: new Map(),
    gapTracks: new Map(),
    gapTrackOf: new Map(),
    gapTop: new Map(),
    gapHeight: new Map(),
    exitY: new Map(),
    entryY: new Map(),
  };
}

/** Columns by longest path over the lifted edges; the edge that closes a cycle (in DFS order from the graph's order) is ignored. */
function assignColumns(level: Level, zonesInRow: boolean): void {
  // Stacked, the zones of a level share one column: they stand for one item (the first of them).
  // In a row, each zone is the column after the one before it, whatever the edges between them.
  const zones = level.items.filter((item) => item.stacked);
  const representative = (item: Item) => (item.stacked && !zonesInRow ? zones[0]! : item);
  const successors = new Map<Item, Item[]>();
  const follow = (from: Item, to: Item) => {
    const list = successors.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    successors.set(from, list);
  };
  for (const join of level.joins) {
    const from = representative(join.from!);
    const to = representative(join.to!);
    if (from === to || (zonesInRow && from.stacked && to.stacked)) continue;
    follow(from, to);
  }
  if (zonesInRow) zones.forEach((zone, index) => index > 0 && follow(zones[index - 1]!, zone));
  for (const list of successors.values()) list.sort((a, b) => a.order - b.order);
  const state = new Map<Item, 'open' | 'done'>();
  const postOrder: Item[] = [];
  const forward = new Map<Item, Item[]>();
  for (const start of level.items) {
    if (state.has(start) || representative(start) !== start) continue;
    // Iterative DFS: a stack of (item, next successor index).
    const stack: [Item, number][] = [[start, 0]];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [item, index] = top;
      const next = successors.get(item)?.[index];
      if (next === undefined) {
        stack.pop();
        state.set(item, 'done');
        postOrder.push(item);
        continue;
      }
      top[1] = index + 1;
      const seen = state.get(next);
      if (seen === 'open') continue; // closes a cycle: not used for columns
      const list = forward.get(item) ?? [];
      list.push(next);
      forward.set(item, list);
      if (seen === undefined) {
        state.set(next, 'open');
        stack.push([next, 0]);
      }
    }
  }
  for (const item of level.items) item.column = 0;
  for (let index = postOrder.length - 1; index >= 0; index--) {
    const item = postOrder[index]!;
    for (const next of forward.get(item) ?? []) next.column = Math.max(next.column, item.column + 1);
  }
  if (!zonesInRow) for (const item of level.items) if (item.stacked) item.column = zones[0]!.column;
  level.columns = level.items.reduce((max, item) => Math.max(max, item.column + 1), 0);
}

/** A y spread evenly over a side for the index-th of `count` edges on it. */
function sideY(height: number, index: number, count: number): number {
  return Math.round((height * (index + 1)) / (count + 1));
}

/**
 * Lays out a diagram graph with the channel layout. Pure and synchronous; throws only on a graph
 * that names a container it does not declare (the caller turns that into an error result).
 */
export function channelLayout(graph: DiagramGraph): LaidOutDiagram {
  // --- The tree: a level per container and one for the root; an item per child.
  const levels = new Map<string, Level>([[rootId, newLevel(rootId)]]);
  const parentOf = new Map<string, string>();
  for (const container of graph.containers) {
    levels.set(container.id, newLevel(container.id));
    parentOf.set(container.id, container.parent ?? rootId);
  }
  const containerOrder = new Map<string, number>();
  graph.nodes.forEach((node, index) => {
    for (let id = node.container; id !== undefined && id !== rootId; id = parentOf.get(id)) {
      if (!levels.has(id)) throw new Error(`node ${node.id} is in an undeclared container ${id}`);
      if (!containerOrder.has(id)) containerOrder.set(id, index);
    }
  });
  const itemOf = new Map<string, Item>();
  for (const container of graph.containers) {
    const item: Item = {
      id: container.id,
      isNode: false,
      order: containerOrder.get(container.id) ?? graph.nodes.length,
      width: 0,
      height: 0,
      x: 0,
      y: 0,
      column: 0,
      stacked: container.kind === 'zone',
    };
    itemOf.set(container.id, item);
    const parent = levels.get(parentOf.get(container.id)!);
    if (!parent) throw new Error(`container ${container.id} is in an undeclared container`);
    parent.items.push(item);
  }
  const nodeIndex = new Map<string, number>();
  graph.nodes.forEach((node, index) => {
    nodeIndex.set(node.id, index);
    const item: Item = {
      id: node.id,
      isNode: true,
      order: index,
      width: node.width,
      height: node.height,
      x: 0,
      y: 0,
      column: 0,
      stacked: false,
    };
    itemOf.set(node.id, item);
    parentOf.set(node.id, node.container ?? rootId);
    levels.get(node.container ?? rootId)!.items.push(item);
  });
  for (const level of levels.values()) level.items.sort((a, b) => a.order - b.order);

  // --- Each edge's way through the tree: the containers it leaves, the one it joins in, those it enters.
  const chainOf = (id: string): string[] => {
    const chain: string[] = [];
    for (let parent = parentOf.get(id); parent !== undefined; parent = parent === rootId ? undefined : parentOf.get(parent))
      chain.push(parent);
    return chain;
  };
  interface Way {
    readonly up: string[];
    readonly lowest: string;
    readonly down: string[];
  }
  const ways: (Way | undefined)[] = [];
  const outgoing = new Map<string, number[]>();
  const incoming = new Map<string, number[]>();
  graph.edges.forEach((edge, index) => {
    if (!itemOf.get(edge.source)?.isNode || !itemOf.get(edge.target)?.isNode || edge.source === edge.target) {
      ways.push(undefined);
      return;
    }
    const sourceChain = chainOf(edge.source);
    const targetChain = new Set(chainOf(edge.target));
    const lowest = sourceChain.find((id) => targetChain.has(id)) ?? rootId;
    const up = sourceChain.slice(0, sourceChain.indexOf(lowest));
    const targetList = chainOf(edge.target);
    const down = targetList.slice(0, targetList.indexOf(lowest));
    ways.push({ up, lowest, down });
    (outgoing.get(edge.source) ?? outgoing.set(edge.source, []).get(edge.source)!).push(index);
    (incoming.get(edge.target) ?? incoming.set(edge.target, []).get(edge.target)!).push(index);
    const holder = (chain: string[], end: string, at: number) => itemOf.get(at === 0 ? end : chain[at - 1]!)!;
    up.forEach((id, at) => levels.get(id)!.exits.push({ edge: index, from: holder(up, edge.source, at) }));
    down.forEach((id, at) => levels.get(id)!.entries.push({ edge: index, to: holder(down, edge.target, at) }));
    levels.get(lowest)!.joins.push({ edge: index, from: holder(up, edge.source, up.length), to: holder(down, edge.target, down.length) });
  });

  // --- Where each edge meets a node's side: outgoing on the right, incoming on the left, ordered by the other end.
  const endOrder = (edges: number[], end: 'source' | 'target') =>
    edges.sort((a, b) => (nodeIndex.get(graph.edges[a]![end]) ?? 0) - (nodeIndex.get(graph.edges[b]![end]) ?? 0) || a - b);
  const outY = new Map<number, number>();
  const inY = new Map<number, number>();
  for (const [id, edges] of outgoing) {
    const height = itemOf.get(id)!.height;
    endOrder(edges, 'target').forEach((edge, index) => outY.set(edge, sideY(height, index, edges.length)));
  }
  for (const [id, edges] of incoming) {
    const height = itemOf.get(id)!.height;
    endOrder(edges, 'source').forEach((edge, index) => inY.set(edge, sideY(height, index, edges.length)));
  }
  /** Where an edge leaves / enters an item, relative to the item's top. */
  const leaveY = (item: Item, edge: number) => (item.isNode ? outY.get(edge)! : levels.get(item.id)!.exitY.get(edge)!);
  const enterY = (item: Item, edge: number) => (item.isNode ? inY.get(edge)! : levels.get(item.id)!.entryY.get(edge)!);

  // --- Bottom-up: children before parents (the graph lists parents first), the root last.
  const order = [...graph.containers].reverse().map((container) => levels.get(container.id)!);
  order.push(levels.get(rootId)!);
  for (const level of order) {
    const isRoot = level.id === rootId;
    // Zones stacked, unless the stack would be more than twice as tall as wide and taller than
    // `tallZoneStack` (a large design, whose picture would otherwise be a narrow strip): then side
    // by side, in zone order.
    const zoneLevels = level.items.filter((item) => item.stacked).map((item) => levels.get(item.id)!);
    const stackHeight = zoneLevels.reduce((sum, zone) => sum + zone.height, itemGap * (zoneLevels.length - 1));
    const zonesInRow =
      zoneLevels.length > 1 && stackHeight > tallZoneStack && stackHeight > 2 * Math.max(...zoneLevels.map((zone) => zone.width));
    assignColumns(level, zonesInRow);
    const columns = level.columns;
    const last = columns - 1;
    level.channelTracks = new Array<number>(columns + 1).fill(0);
    const addChannelTrack = (edge: number, channel: number) => {
      level.channelTrackOf.set(`${edge}:${channel}`, level.channelTracks[channel + 1]!);
      level.channelTracks[channel + 1]!++;
    };
    // Tracks, in an order that keeps crossings down: leaving edges from the top item first.
    const byFromY = (a: Passage, b: Passage) => a.from!.order - b.from!.order || a.edge - b.edge;
    for (const exit of [...level.exits].sort(byFromY)) {
      if (exit.from!.column < last) {
        addChannelTrack(exit.edge, exit.from!.column);
        level.bottomTrackOf.set(exit.edge, level.bottomTracks++);
      }
    }
    // Each column's items in stacking order, for the gaps between them.
    const positionInColumn = new Map<Item, number>();
    const columnCount = new Array<number>(columns).fill(0);
    for (const item of level.items) positionInColumn.set(item, columnCount[item.column]!++);
    for (const join of [...level.joins].sort(byFromY)) {
      addChannelTrack(join.edge, join.from!.column);
      if (join.to!.column !== join.from!.column + 1) {
        if (join.to!.column === join.from!.column) {
          // Two items of one column (stacked zones): through the gap beside the source on the
          // target's side, not round the whole container.
          const fromPosition = positionInColumn.get(join.from!)!;
          const above = positionInColumn.get(join.to!)! < fromPosition;
          const gap = `${join.from!.column}:${above ? fromPosition : fromPosition + 1}`;
          const track = level.gapTracks.get(gap) ?? 0;
          level.gapTracks.set(gap, track + 1);
          level.gapTrackOf.set(join.edge, { gap, track });
        } else level.bottomTrackOf.set(join.edge, level.bottomTracks++);
        if (join.to!.column - 1 !== join.from!.column) addChannelTrack(join.edge, join.to!.column - 1);
      }
    }
    for (const entry of [...level.entries].sort((a, b) => a.to!.order - b.to!.order || a.edge - b.edge)) {
      if (entry.to!.column > 0) {
        addChannelTrack(entry.edge, entry.to!.column - 1);
        level.topTrackOf.set(entry.edge, level.topTracks++);
      }
    }

    // Sizes: channels and bands from their tracks; columns from their items.
    const side = isRoot ? rootMargin : padding;
    const bandOf = (tracks: number) => (tracks === 0 ? 0 : (tracks + 1) * trackSpacing);
    level.channelWidth = level.channelTracks.map((tracks, index) => {
      const outer = index === 0 || index === columns;
      return Math.max(outer ? side : minChannelWidth, bandOf(tracks));
    });
    level.topBandY = isRoot ? rootMargin : headerHeight;
    level.topBandHeight = bandOf(level.topTracks);
    const contentTop = level.topBandY + level.topBandHeight;
    const columnWidth = new Array<number>(columns).fill(0);
    const columnBottom = new Array<number>(columns).fill(contentTop);
    const columnItems = new Array<number>(columns).fill(0);
    for (const child of level.items) {
      if (!child.isNode) {
        const childLevel = levels.get(child.id)!;
        child.width = childLevel.width;
        child.height = childLevel.height;
      }
      columnWidth[child.column] = Math.max(columnWidth[child.column]!, child.width);
      const position = columnItems[child.column]!++;
      if (position === 0) child.y = columnBottom[child.column]!;
      else {
        const gap = `${child.column}:${position}`;
        const height = Math.max(itemGap, bandOf(level.gapTracks.get(gap) ?? 0));
        level.gapTop.set(gap, columnBottom[child.column]!);
        level.gapHeight.set(gap, height);
        child.y = columnBottom[child.column]! + height;
      }
      columnBottom[child.column] = child.y + child.height;
    }
    // Stacked zones are as wide as their column; the added width goes to each one's right channel.
    for (const child of level.items) {
      if (!child.stacked || zonesInRow || child.width >= columnWidth[child.column]!) continue;
      const childLevel = levels.get(child.id)!;
      child.width = childLevel.width = columnWidth[child.column]!;
      childLevel.channelWidth[childLevel.columns] = childLevel.width - childLevel.channelX[childLevel.columns]!;
    }
    level.channelX = [];
    let x = 0;
    for (let channel = -1; channel < columns; channel++) {
      level.channelX.push(x);
      x += level.channelWidth[channel + 1]!;
      if (channel + 1 < columns) x += columnWidth[channel + 1]!;
    }
    for (const child of level.items) child.x = level.channelX[child.column]! + level.channelWidth[child.column]!;
    const contentBottom = Math.max(contentTop, ...columnBottom);
    level.bottomBandY = contentBottom;
    level.bottomBandHeight = Math.max(side, bandOf(level.bottomTracks));
    level.width = x;
    level.height = contentBottom + level.bottomBandHeight;
    if (!isRoot) {
      level.width = Math.max(level.width, minContainerWidth);
      level.height = Math.max(level.height, minContainerHeight);
      // The right channel takes what the minimum width adds, so the border stays clear of items.
      level.channelWidth[columns] = level.width - level.channelX[columns]!;
    }

    // Where leaving and entering edges cross this container's border.
    for (const exit of level.exits) {
      const from = exit.from!;
      level.exitY.set(exit.edge, from.column === last ? from.y + leaveY(from, exit.edge) : bottomTrackY(level, exit.edge));
    }
    for (const entry of level.entries) {
      const to = entry.to!;
      level.entryY.set(entry.edge, to.column === 0 ? to.y + enterY(to, entry.edge) : topTrackY(level, entry.edge));
    }
  }

  // --- Top-down: absolute positions.
  const absolute = new Map<string, { x: number; y: number }>([[rootId, { x: 0, y: 0 }]]);
  for (const container of graph.containers) {
    const parent = absolute.get(parentOf.get(container.id)!)!;
    const item = itemOf.get(container.id)!;
    absolute.set(container.id, { x: parent.x + item.x, y: parent.y + item.y });
  }
  const nodes: LaidOutNode[] = graph.nodes.map((node) => {
    const item = itemOf.get(node.id)!;
    const parent = absolute.get(node.container ?? rootId)!;
    return { id: node.id, x: parent.x + item.x, y: parent.y + item.y, width: item.width, height: item.height };
  });
  const containers: LaidOutContainer[] = graph.containers.map((container) => {
    const at = absolute.get(container.id)!;
    const level = levels.get(container.id)!;
    return { id: container.id, x: at.x, y: at.y, width: level.width, height: level.height };
  });
  const nodeBox = new Map(nodes.map((node) => [node.id, node]));
  const labelSpace = new TakenSpace();
  for (const node of nodes) labelSpace.add(node);

  // --- Routes.
  const channelTrackX = (level: Level, edge: number, channel: number): number => {
    const tracks = level.channelTracks[channel + 1]!;
    const track = level.channelTrackOf.get(`${edge}:${channel}`) ?? 0;
    return absolute.get(level.id)!.x + level.channelX[channel + 1]! + (level.channelWidth[channel + 1]! * (track + 1)) / (tracks + 1);
  };
  const edges: LaidOutEdge[] = graph.edges.map((edge, index) => {
    const way = ways[index];
    const source = nodeBox.get(edge.source);
    const target = nodeBox.get(edge.target);
    if (!source || !target) return { id: edge.id, points: [], labels: [] };
    if (!way) {
      // A node to itself: a small loop on its right side.
      const right = source.x + source.width;
      const top = source.y + source.height / 3;
      const bottom = source.y + (2 * source.height) / 3;
      return {
        id: edge.id,
        points: [
          { x: right, y: top },
          { x: right + 12, y: top },
          { x: right + 12, y: bottom },
          { x: right, y: bottom },
        ],
        labels: [],
      };
    }
    const points: Point[] = [{ x: source.x + source.width, y: source.y + outY.get(index)! }];
    const at = () => points[points.length - 1]!;
    const add = (x: number, y: number) => points.push({ x, y });
    way.up.forEach((id, step) => {
      const level = levels.get(id)!;
      const from = itemOf.get(step === 0 ? edge.source : way.up[step - 1]!)!;
      const origin = absolute.get(id)!;
      if (from.column === level.columns - 1) {
        add(origin.x + level.width, at().y);
      } else {
        const trackX = channelTrackX(level, index, from.column);
        const bandY = origin.y + bottomTrackY(level, index);
        add(trackX, at().y);
        add(trackX, bandY);
        add(origin.x + level.width, bandY);
      }
    });
    const lowest = levels.get(way.lowest)!;
    const lowestOrigin = absolute.get(way.lowest)!;
    const fromItem = itemOf.get(way.up.length === 0 ? edge.source : way.up[way.up.length - 1]!)!;
    const toItem = itemOf.get(way.down.length === 0 ? edge.target : way.down[way.down.length - 1]!)!;
    const toY = lowestOrigin.y + toItem.y + enterY(toItem, index);
    const toX = lowestOrigin.x + toItem.x;
    const firstX = channelTrackX(lowest, index, fromItem.column);
    add(firstX, at().y);
    if (toItem.column === fromItem.column + 1) {
      add(firstX, toY);
    } else {
      const bandY = lowestOrigin.y + (gapTrackY(lowest, index) ?? bottomTrackY(lowest, index));
      const secondX = channelTrackX(lowest, index, toItem.column - 1);
      add(firstX, bandY);
      add(secondX, bandY);
      add(secondX, toY);
    }
    add(toX, toY);
    for (let step = way.down.length - 1; step >= 0; step--) {
      const id = way.down[step]!;
      const level = levels.get(id)!;
      const to = itemOf.get(step === 0 ? edge.target : way.down[step - 1]!)!;
      const origin = absolute.get(id)!;
      const y = origin.y + to.y + enterY(to, index);
      if (to.column > 0) {
        const trackX = channelTrackX(level, index, to.column - 1);
        add(trackX, at().y);
        add(trackX, y);
      }
      add(origin.x + to.x, y);
    }
    const route = simplify(points);
    return { id: edge.id, points: route, labels: edge.label ? [placeLabel(edge.label, route, labelSpace)] : [] };
  });

  const root = levels.get(rootId)!;
  return { status: 'ok', graph, nodes, containers, edges, width: root.width, height: root.height, reused: false, profile: 'channels' };
}

/** The y of an edge's track in the gap it runs through between two items of a column, if it has one. */
function gapTrackY(level: Level, edge: number): number | undefined {
  const at = level.gapTrackOf.get(edge);
  if (at === undefined) return undefined;
  const tracks = level.gapTracks.get(at.gap)!;
  return level.gapTop.get(at.gap)! + Math.round((level.gapHeight.get(at.gap)! * (at.track + 1)) / (tracks + 1));
}

function bottomTrackY(level: Level, edge: number): number {
  const track = level.bottomTrackOf.get(edge) ?? 0;
  return level.bottomBandY + (track + 1) * trackSpacing;
}

function topTrackY(level: Level, edge: number): number {
  const track = level.topTrackOf.get(edge) ?? 0;
  return level.topBandY + (track + 1) * trackSpacing;
}

/** Drops repeated points and points in the middle of a straight run. */
function simplify(points: readonly Point[]): Point[] {
  const kept: Point[] = [];
  for (const point of points) {
    const last = kept[kept.length - 1];
    if (last && Math.abs(last.x - point.x) < 1e-6 && Math.abs(last.y - point.y) < 1e-6) continue;
    const before = kept[kept.length - 2];
    if (last && before && ((before.x === last.x && last.x === point.x) || (before.y === last.y && last.y === point.y)))
      kept[kept.length - 1] = point;
    else kept.push(point);
  }
  return kept;
}

/** The size of a cell of `TakenSpace`'s grid, in diagram units. */
const takenCell = 160;

/**
 * The boxes already taken on the picture (the nodes, and the labels placed so far), bucketed by a
 * coarse grid so that a lookup reads only the boxes near it.
 */
class TakenSpace {
  private readonly cells = new Map<number, Box[]>();

  add(box: Box): void {
    const right = Math.floor((box.x + box.width) / takenCell);
    const bottom = Math.floor((box.y + box.height) / takenCell);
    // One number per cell: pictures are far narrower than 100,000 cells.
    for (let row = Math.floor(box.y / takenCell); row <= bottom; row++)
      for (let column = Math.floor(box.x / takenCell); column <= right; column++) {
        const key = row * 100_000 + column;
        const list = this.cells.get(key);
        if (list) list.push(box);
        else this.cells.set(key, [box]);
      }
  }

  /** Whether `box` overlaps (or comes within a unit of) anything taken. */
  overlaps(box: Box): boolean {
    const right = Math.floor((box.x + box.width) / takenCell);
    const bottom = Math.floor((box.y + box.height) / takenCell);
    for (let row = Math.floor(box.y / takenCell); row <= bottom; row++)
      for (let column = Math.floor(box.x / takenCell); column <= right; column++) {
        const list = this.cells.get(row * 100_000 + column);
        if (list === undefined) continue;
        for (const other of list)
          if (
            box.x < other.x + other.width + 1 &&
            other.x < box.x + box.width + 1 &&
            box.y < other.y + other.height + 1 &&
            other.y < box.y + box.height + 1
          )
            return true;
      }
    return false;
  }
}

/**
 * A label beside a horizontal run of its route, where it covers no node and no label placed
 * before it: the last run into the target first, then the longer runs; at the run's right end,
 * its middle or its left end; above the line, else below it. When no place is free (a crowded
 * picture), above the run it would have had first.
 */
function placeLabel(text: string, route: readonly Point[], taken: TakenSpace): LaidOutLabel {
  const width = Math.ceil(text.length * labelCharWidth) + 6;
  const runs: [Point, Point][] = [];
  const short: [Point, Point][] = [];
  for (let index = 0; index + 1 < route.length; index++) {
    const a = route[index]!;
    const b = route[index + 1]!;
    if (a.y === b.y) (Math.abs(b.x - a.x) >= width + 8 ? runs : short).push([a, b]);
  }
  const length = (run: [Point, Point]) => Math.abs(run[1].x - run[0].x);
  const last = runs.length > 0 && runs[runs.length - 1]![1] === route[route.length - 1] ? runs.pop() : undefined;
  runs.sort((p, q) => length(q) - length(p));
  if (last) runs.unshift(last);
  // A run too short for the label takes it over the run and past one of its ends (a channel is wider than the run).
  runs.push(...short.sort((p, q) => length(q) - length(p)));
  for (const [a, b] of runs) {
    const left = Math.min(a.x, b.x);
    const right = Math.max(a.x, b.x);
    const xs =
      right - left >= width + 8
        ? [right - width - 4, (left + right - width) / 2, left + 4]
        : [left + 2, right - width - 2, (left + right - width) / 2, left - width - 4, right + 4];
    for (const x of xs)
      for (const y of [a.y - labelHeight - 2, a.y + 2]) {
        const label = { text, x, y, width, height: labelHeight };
        if (!taken.overlaps(label)) {
          taken.add(label);
          return label;
        }
      }
  }
  // Nowhere free: above the run it would have had first (or the longest, or the whole route).
  const [a, b] = runs[0] ?? [route[0]!, route[route.length - 1]!];
  const label = { text, x: Math.max(a.x, b.x) - width - 4, y: a.y - labelHeight - 2, width, height: labelHeight };
  taken.add(label);
  return label;
}

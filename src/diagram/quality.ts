/**
 * Layout quality, checked mechanically: what users of diagram-as-code tools complain about
 * (boxes on top of each other, nodes spilling out of their group, edges drawn through boxes,
 * edges left out) must never happen in ours. Tests run this on every example and on generated
 * architectures and expect no violation.
 */
import type { Box, LaidOutDiagram, Point, QualityViolation } from './types';

/** Shapes touching within this distance are not counted as overlapping (rounding of ELK's doubles). */
const tolerance = 0.5;

function overlaps(a: Box, b: Box): boolean {
  return (
    a.x + a.width - tolerance > b.x &&
    b.x + b.width - tolerance > a.x &&
    a.y + a.height - tolerance > b.y &&
    b.y + b.height - tolerance > a.y
  );
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance
  );
}

/** Whether the segment a-b enters the inside of the box (shrunk by the tolerance), by Liang-Barsky clipping. */
export function segmentCrossesBox(a: Point, b: Point, box: Box): boolean {
  const minX = box.x + tolerance;
  const maxX = box.x + box.width - tolerance;
  const minY = box.y + tolerance;
  const maxY = box.y + box.height - tolerance;
  if (maxX <= minX || maxY <= minY) return false;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q > 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  if (!clip(-dx, a.x - minX) || !clip(dx, maxX - a.x) || !clip(-dy, a.y - minY) || !clip(dy, maxY - a.y)) return false;
  return t1 - t0 > 1e-9;
}

/** Every violation of the layout rules in a laid-out diagram; empty when the picture is sound. */
export function checkLayoutQuality(laidOut: LaidOutDiagram): QualityViolation[] {
  if (laidOut.status !== 'ok') {
    return [{ kind: 'layout-error', ids: [], message: laidOut.error ?? 'The layout failed.' }];
  }
  const violations: QualityViolation[] = [];
  const { graph } = laidOut;
  const nodeBox = new Map(laidOut.nodes.map((node) => [node.id, node]));
  const containerBox = new Map(laidOut.containers.map((container) => [container.id, container]));
  const parentOf = new Map<string, string | undefined>();
  for (const container of graph.containers) parentOf.set(container.id, container.parent);
  const ancestors = (containerId: string | undefined): string[] => {
    const list: string[] = [];
    for (let id = containerId; id !== undefined; id = parentOf.get(id)) list.push(id);
    return list;
  };

  // Nodes: pairwise, after sorting by x so only neighbours along x are compared.
  const nodes = [...laidOut.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i]!;
    for (let j = i + 1; j < nodes.length && nodes[j]!.x < a.x + a.width - tolerance; j++) {
      const b = nodes[j]!;
      if (overlaps(a, b)) violations.push({ kind: 'node-overlap', ids: [a.id, b.id], message: `Nodes ${a.id} and ${b.id} overlap.` });
    }
  }

  // Every node inside each of its containers, and clear of every container that is not one of them.
  for (const node of graph.nodes) {
    const box = nodeBox.get(node.id);
    if (!box) continue;
    const own = ancestors(node.container);
    for (const id of own) {
      const container = containerBox.get(id);
      if (container && !inside(box, container)) {
        violations.push({
          kind: 'node-outside-container',
          ids: [node.id, id],
          message: `Node ${node.id} is not inside its container ${id}.`,
        });
      }
    }
    for (const container of laidOut.containers) {
      if (!own.includes(container.id) && overlaps(box, container)) {
        violations.push({
          kind: 'container-overlap',
          ids: [node.id, container.id],
          message: `Node ${node.id} overlaps container ${container.id}, which it does not belong to.`,
        });
      }
    }
  }

  // Containers: two boxes may meet only when one holds the other.
  const containerAncestors = new Map(graph.containers.map((container) => [container.id, new Set(ancestors(container.parent))]));
  for (let i = 0; i < laidOut.containers.length; i++) {
    const a = laidOut.containers[i]!;
    for (let j = i + 1; j < laidOut.containers.length; j++) {
      const b = laidOut.containers[j]!;
      const nested = containerAncestors.get(a.id)?.has(b.id) === true || containerAncestors.get(b.id)?.has(a.id) === true;
      if (nested) {
        const [inner, outer] = containerAncestors.get(a.id)?.has(b.id) === true ? [a, b] : [b, a];
        if (!inside(inner, outer)) {
          violations.push({
            kind: 'container-overlap',
            ids: [inner.id, outer.id],
            message: `Container ${inner.id} is not inside its parent ${outer.id}.`,
          });
        }
      } else if (overlaps(a, b)) {
        violations.push({
          kind: 'container-overlap',
          ids: [a.id, b.id],
          message: `Containers ${a.id} and ${b.id} overlap without one holding the other.`,
        });
      }
    }
  }

  // Edges: routed, and never through a node other than their two ends.
  const routes = new Map(laidOut.edges.map((edge) => [edge.id, edge]));
  for (const edge of graph.edges) {
    const route = routes.get(edge.id);
    if (!route || route.points.length < 2) {
      violations.push({ kind: 'edge-unrouted', ids: [edge.id], message: `Edge ${edge.id} has no route.` });
      continue;
    }
    for (let k = 0; k + 1 < route.points.length; k++) {
      const a = route.points[k]!;
      const b = route.points[k + 1]!;
      const minX = Math.min(a.x, b.x);
      const maxX = Math.max(a.x, b.x);
      for (const node of laidOut.nodes) {
        if (node.id === edge.source || node.id === edge.target) continue;
        if (node.x > maxX || node.x + node.width < minX) continue;
        if (segmentCrossesBox(a, b, node)) {
          violations.push({
            kind: 'edge-through-node',
            ids: [edge.id, node.id],
            message: `Edge ${edge.id} passes through node ${node.id}.`,
          });
        }
      }
    }
  }
  return violations;
}

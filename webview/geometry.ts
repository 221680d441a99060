/**
 * Geometry of the picture with no DOM: where each node is, which node lies in a direction from
 * another (arrow keys), the reading order (Tab), and the transform that fits the picture in a box.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A pan and zoom: screen = picture × scale + offset. */
export interface Transform {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export const minimumScale = 0.05;
export const maximumScale = 8;

export function clampScale(scale: number): number {
  return Math.min(maximumScale, Math.max(minimumScale, scale));
}

const centre = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** The transform that shows the whole picture centred in the viewport, never enlarged past 100 %. */
export function fitTransform(
  picture: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 16,
): Transform {
  if (picture.width <= 0 || picture.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return { x: 0, y: 0, scale: 1 };
  const scale = clampScale(Math.min(1, (viewport.width - 2 * margin) / picture.width, (viewport.height - 2 * margin) / picture.height));
  return { x: (viewport.width - picture.width * scale) / 2, y: (viewport.height - picture.height * scale) / 2, scale };
}

/** Zooms by `factor` keeping the picture point under (`atX`, `atY`) (viewport pixels) where it is. */
export function zoomAt(transform: Transform, factor: number, atX: number, atY: number): Transform {
  const scale = clampScale(transform.scale * factor);
  const applied = scale / transform.scale;
  return { scale, x: atX - (atX - transform.x) * applied, y: atY - (atY - transform.y) * applied };
}

/** The transform that brings `box` into view (centred) if it is not fully visible already. */
export function revealBox(transform: Transform, box: Box, viewport: { width: number; height: number }, margin = 24): Transform {
  const left = box.x * transform.scale + transform.x;
  const top = box.y * transform.scale + transform.y;
  const right = left + box.width * transform.scale;
  const bottom = top + box.height * transform.scale;
  if (left >= margin && top >= margin && right <= viewport.width - margin && bottom <= viewport.height - margin) return transform;
  const middle = centre(box);
  return {
    scale: transform.scale,
    x: viewport.width / 2 - middle.x * transform.scale,
    y: viewport.height / 2 - middle.y * transform.scale,
  };
}

/** Names in reading order: top to bottom by rows, then left to right. */
export function readingOrder(boxes: ReadonlyMap<string, Box>): string[] {
  return [...boxes.entries()]
    .sort(([, a], [, b]) => {
      const rowA = Math.round(centre(a).y / 40);
      const rowB = Math.round(centre(b).y / 40);
      return rowA !== rowB ? rowA - rowB : centre(a).x - centre(b).x;
    })
    .map(([name]) => name);
}

/**
 * The node an arrow key moves to: among the nodes whose centre lies in that direction (within a
 * 45° cone either side), the nearest, with sideways distance counting double so that "right" prefers
 * the node on the same row to a nearer one far above.
 */
export function nodeInDirection(boxes: ReadonlyMap<string, Box>, from: string, direction: Direction): string | undefined {
  const origin = boxes.get(from);
  if (!origin) return undefined;
  const start = centre(origin);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [name, box] of boxes) {
    if (name === from) continue;
    const point = centre(box);
    const dx = point.x - start.x;
    const dy = point.y - start.y;
    const ahead = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const sideways = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (ahead <= 0 || sideways > ahead) continue;
    const score = ahead + 2 * sideways;
    if (score < bestScore) {
      bestScore = score;
      best = name;
    }
  }
  return best;
}

/** The union of several boxes (a resource drawn in several zones). */
export function unionBox(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** A colour on a green → amber → red ramp for a value's rank among all values (cost heat). */
export function heatColour(value: number, all: readonly number[]): string {
  const sorted = all.filter((item) => item > 0).sort((a, b) => a - b);
  if (sorted.length === 0 || value <= 0) return 'hsl(120 60% 45%)';
  let below = 0;
  while (below < sorted.length && sorted[below]! < value) below++;
  const rank = sorted.length === 1 ? 1 : below / (sorted.length - 1);
  return `hsl(${Math.round(120 - 120 * rank)} 75% 48%)`;
}

/**
 * The offset of an SVG `transform` attribute that is a plain translation (`translate(x,y)`,
 * `translate(x)` or none), or `undefined` for any other transform (then the box is measured).
 */
export function translationOf(transform: string | null): { x: number; y: number } | undefined {
  if (transform === null || transform.trim() === '') return { x: 0, y: 0 };
  const match = /^\s*translate\(\s*(-?[\d.]+(?:e-?\d+)?)(?:\s*[,\s]\s*(-?[\d.]+(?:e-?\d+)?))?\s*\)\s*$/i.exec(transform);
  if (!match) return undefined;
  const x = Number(match[1]);
  const y = Number(match[2] ?? 0);
  return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
}

/** The webview's geometry: fitting, zooming about a point, and moving between nodes with the keyboard. */
import * as assert from 'node:assert/strict';
import { fitTransform, heatColour, nodeInDirection, readingOrder, revealBox, zoomAt, type Box } from '../../../webview/geometry';

const boxes = new Map<string, Box>([
  ['top-left', { x: 0, y: 0, width: 100, height: 50 }],
  ['top-right', { x: 300, y: 0, width: 100, height: 50 }],
  ['bottom-left', { x: 0, y: 200, width: 100, height: 50 }],
  ['far-up-right', { x: 150, y: -400, width: 100, height: 50 }],
]);

describe('webview geometry', () => {
  it('fits the picture centred in the viewport and never enlarges it', () => {
    assert.deepEqual(fitTransform({ width: 1000, height: 500 }, { width: 532, height: 1000 }, 16), { x: 16, y: 375, scale: 0.5 });
    assert.equal(fitTransform({ width: 100, height: 100 }, { width: 1000, height: 1000 }).scale, 1);
  });

  it('keeps the point under the cursor still while zooming', () => {
    const before = { x: 10, y: 20, scale: 1 };
    const after = zoomAt(before, 2, 110, 220);
    assert.equal(after.scale, 2);
    // The picture point (100, 200) was at (110, 220) and stays there.
    assert.deepEqual([100 * after.scale + after.x, 200 * after.scale + after.y], [110, 220]);
  });

  it('moves with arrow keys to the nearest node in that direction, preferring the same row', () => {
    assert.equal(nodeInDirection(boxes, 'top-left', 'right'), 'top-right');
    assert.equal(nodeInDirection(boxes, 'top-left', 'down'), 'bottom-left');
    assert.equal(nodeInDirection(boxes, 'top-left', 'left'), undefined);
    assert.equal(nodeInDirection(boxes, 'bottom-left', 'up'), 'top-left');
  });

  it('walks nodes in reading order with Tab', () => {
    assert.deepEqual(readingOrder(boxes), ['far-up-right', 'top-left', 'top-right', 'bottom-left']);
  });

  it('scrolls a node into view only when it is not already visible', () => {
    const view = { width: 500, height: 400 };
    const transform = { x: 0, y: 0, scale: 1 };
    assert.equal(revealBox(transform, { x: 50, y: 50, width: 100, height: 50 }, view), transform);
    const moved = revealBox(transform, { x: 900, y: 50, width: 100, height: 50 }, view);
    assert.deepEqual(moved, { x: -700, y: 125, scale: 1 });
  });

  it('colours the most expensive resource red and the cheapest green', () => {
    assert.equal(heatColour(500, [1, 20, 500]), 'hsl(0 75% 48%)');
    assert.equal(heatColour(1, [1, 20, 500]), 'hsl(120 75% 48%)');
  });
});

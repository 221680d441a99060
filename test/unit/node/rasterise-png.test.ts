/**
 * The PNG writer and the size reading behind `rasterisePng`: what a viewer decodes is what resvg
 * drew (colours, transparency, size), and the scale is chosen from the SVG's own size.
 */
import { strict as assert } from 'node:assert';
import { PNG } from 'pngjs';
import { declaredSize, encodeRgbaPng, rasterisePng, unpremultiply } from '../../../src/node/rasterise-png';

describe('rasterise-png: the PNG writer', () => {
  it('writes a PNG that a decoder reads back pixel for pixel', () => {
    const width = 7;
    const height = 5;
    const pixels = new Uint8Array(width * height * 4);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37 + 11) % 256;
    const decoded = PNG.sync.read(Buffer.from(encodeRgbaPng(pixels, width, height)));
    assert.equal(decoded.width, width);
    assert.equal(decoded.height, height);
    assert.deepEqual([...decoded.data], [...pixels]);
  });

  it('refuses pixels that do not match the size', () => {
    assert.throws(() => encodeRgbaPng(new Uint8Array(12), 2, 2), /cannot encode 12 bytes as a 2x2 RGBA picture/);
  });

  it('turns premultiplied pixels back into plain RGBA, leaving opaque and empty ones alone', () => {
    const pixels = Uint8Array.of(128, 64, 0, 128, 10, 20, 30, 255, 0, 0, 0, 0);
    unpremultiply(pixels);
    assert.deepEqual([...pixels], [255, 128, 0, 128, 10, 20, 30, 255, 0, 0, 0, 0]);
  });
});

describe('rasterise-png: rasterising', function () {
  this.timeout(60_000);

  it('reads the size from the root element, not from a width deeper in the picture', () => {
    assert.deepEqual(
      declaredSize(
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" class="x" width="640.5" height="480" viewBox="0 0 1 1"><rect width="9" height="9"/></svg>',
      ),
      { width: 640.5, height: 480 },
    );
    assert.equal(declaredSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="9" height="9"/></svg>'), undefined);
    assert.equal(declaredSize('<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="50"></svg>'), undefined);
  });

  it('keeps a half-transparent colour as drawn (no premultiplied colours in the file)', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#FF8000" fill-opacity="0.5"/></svg>';
    const decoded = PNG.sync.read(Buffer.from((await rasterisePng(svg, 1)).png));
    const [red, green, blue, alpha] = decoded.data.subarray(4 * 25, 4 * 25 + 4);
    assert.ok(Math.abs(alpha! - 128) <= 1, `alpha ${alpha}`);
    assert.ok(red! >= 254 && Math.abs(green! - 128) <= 2 && blue === 0, `colour ${red},${green},${blue}`);
  });

  it('measures an SVG that states no size and draws it at the scale asked', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20"><rect width="30" height="20" fill="#0000FF"/></svg>';
    const image = await rasterisePng(svg, 2);
    const decoded = PNG.sync.read(Buffer.from(image.png));
    assert.deepEqual([decoded.width, decoded.height, image.scale], [60, 40, 2]);
    assert.deepEqual([...decoded.data.subarray(0, 4)], [0, 0, 255, 255]);
  });
});

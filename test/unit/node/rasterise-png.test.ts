/**
 * The PNG writer and the size reading behind `rasterisePng`: what a viewer decodes is what resvg
 * drew (colours, transparency, size), and the scale is chosen from the SVG's own size.
 */
import { strict as assert } from 'node:assert';
import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { readFileSync } from 'node:fs';
import {
  compressionLevel,
  declaredSize,
  encodeRgbaPng,
  rasterisePng,
  readsPixelsInPlace,
  unpremultiply,
} from '../../../src/node/rasterise-png';

describe('rasterise-png: the PNG writer', () => {
  it('writes a PNG that a decoder reads back pixel for pixel', async () => {
    const width = 7;
    const height = 5;
    const pixels = new Uint8Array(width * height * 4);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37 + 11) % 256;
    const decoded = PNG.sync.read(Buffer.from(await encodeRgbaPng(pixels, width, height)));
    assert.equal(decoded.width, width);
    assert.equal(decoded.height, height);
    assert.deepEqual([...decoded.data], [...pixels]);
  });

  it('compresses a picture of many batches to the same bytes as the whole picture at once', async () => {
    // 3 MB of rows: zlib is fed several batches, the last one partial.
    const width = 700;
    const height = 1_100;
    const pixels = new Uint8Array(width * height * 4);
    for (let i = 0; i < pixels.length; i++) pixels[i] = i % 4 === 3 ? 255 : ((i >> 12) * 29 + (i % 7)) % 256;
    const png = Buffer.from(await encodeRgbaPng(pixels, width, height));
    const rows = Buffer.alloc((width * 4 + 1) * height);
    for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
    const idat = png.indexOf('IDAT', 0, 'latin1');
    const length = png.readUInt32BE(idat - 4);
    assert.ok(
      png.subarray(idat + 4, idat + 4 + length).equals(deflateSync(rows, { level: compressionLevel })),
      'the IDAT data is zlib of the filtered rows',
    );
    assert.ok(PNG.sync.read(png).data.equals(Buffer.from(pixels)), 'decoded pixel for pixel');
  });

  it('refuses pixels that do not match the size', async () => {
    await assert.rejects(() => encodeRgbaPng(new Uint8Array(12), 2, 2), /cannot encode 12 bytes as a 2x2 RGBA picture/);
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

  it("reads the pixels in place in resvg's memory, and they are the pixels resvg's own copy gives", async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="40"><rect width="90" height="40" fill="#FFFFFF"/>' +
      '<rect x="5" y="5" width="30" height="20" rx="4" fill="#8C4FFF" fill-opacity="0.6" stroke="#16191F"/>' +
      '<text x="40" y="28" font-size="14" fill="#16191F">Web</text></svg>';
    const ours = PNG.sync.read(Buffer.from((await rasterisePng(svg, 1.5)).png));
    assert.ok(readsPixelsInPlace(), 'the glue of this resvg-wasm release was found (see `glue` in rasterise-png.ts)');
    // The same picture drawn again outside an export, where the glue hands out its own copy.
    const { Resvg } = require('@resvg/resvg-wasm') as typeof import('@resvg/resvg-wasm');
    const font = new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
    const image = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: 1.5 },
      font: { fontBuffers: [font], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
      shapeRendering: 2,
      textRendering: 1,
    }).render();
    const copied = image.pixels;
    image.free();
    assert.ok(copied instanceof Uint8Array && copied.length === 135 * 60 * 4, 'outside a PNG export, resvg still hands out a copy');
    unpremultiply(copied);
    assert.ok(ours.data.equals(Buffer.from(copied)), 'the same pixels');
  });

  it('draws PNGs asked for at the same time each whole', async () => {
    const svgs = ['#FF0000', '#00FF00', '#0000FF'].map(
      (colour) =>
        `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="${colour}"/></svg>`,
    );
    const images = await Promise.all(svgs.map((svg) => rasterisePng(svg, 2)));
    assert.deepEqual(
      images.map((image) => [...PNG.sync.read(Buffer.from(image.png)).data.subarray(0, 4)]),
      [
        [255, 0, 0, 255],
        [0, 255, 0, 255],
        [0, 0, 255, 255],
      ],
    );
  });
});

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
  loadEngine,
  loadNative,
  nativePackage,
  rasterisePng,
  rasteriseWith,
  readsPixelsInPlace,
  unpremultiply,
} from '../../../src/node/rasterise-png';
import { buildDiagramGraph, layoutDiagram, renderDiagramSvg } from '../../../src/diagram';
import { evaluateAll } from '../../../src/evaluate';
import { parseArchitecture } from '../../../src/core/parse';

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

  it('encodes premultiplied pixels as the plain RGBA they stand for, row by row across batches', async () => {
    // Over 1 MB of rows, so that several batches are turned back into plain RGBA as they are filled.
    const width = 600;
    const height = 500;
    const premultiplied = new Uint8Array(width * height * 4);
    for (let i = 0; i < premultiplied.length; i += 4) {
      const alpha = [255, 0, 128, 37, 200][(i >> 2) % 5]!;
      for (let c = 0; c < 3; c++) premultiplied[i + c] = Math.floor((((i >> 2) * (c + 3) * 13) % 256) * (alpha / 255));
      premultiplied[i + 3] = alpha;
    }
    const plain = premultiplied.slice();
    unpremultiply(plain);
    const fromPremultiplied = Buffer.from(await encodeRgbaPng(premultiplied, width, height, true));
    assert.ok(fromPremultiplied.equals(Buffer.from(await encodeRgbaPng(plain, width, height))), 'the same file');
    assert.ok(PNG.sync.read(fromPremultiplied).data.equals(Buffer.from(plain)), 'decoded to the plain pixels');
    assert.equal(premultiplied[4 * 2 + 3], 128);
    assert.notDeepEqual([...premultiplied.subarray(0, 40)], [...plain.subarray(0, 40)], 'the pixels given are left as they were');
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

/** Whether `@resvg/resvg-js` resolves here with a binary for this platform (an optional dependency). */
function nativeInstalled(): boolean {
  return loadNative() !== undefined;
}

describe('rasterise-png: the native build of resvg (the CLI) and the WebAssembly build', function () {
  this.timeout(120_000);

  it('falls back to the WebAssembly build when the native one is missing or unusable', async () => {
    const missing = (name: string): unknown => {
      throw new Error(`Cannot find module '${name}'`);
    };
    assert.equal(loadNative(missing), undefined);
    assert.equal(
      loadNative(() => ({})),
      undefined,
      'a module without Resvg',
    );
    assert.equal((await loadEngine('auto', missing)).name, 'wasm');
    await assert.rejects(() => loadEngine('native', missing), /native build of resvg \(@resvg\/resvg-js\) is not installed/);
  });

  it('never loads the native build when the WebAssembly one is asked for (the extension)', async () => {
    const engine = await loadEngine('wasm', () => assert.fail('the native package was loaded'));
    assert.equal(engine.name, 'wasm');
  });

  it('asks for the native package by its name', async () => {
    const asked: string[] = [];
    loadNative((name) => {
      asked.push(name);
      throw new Error('not here');
    });
    assert.deepEqual(asked, [nativePackage]);
    assert.equal(nativePackage, '@resvg/resvg-js');
  });

  it('draws a diagram pixel for pixel as the WebAssembly build does, text in the bundled font only', async function () {
    if (!nativeInstalled()) this.skip(); // the optional dependency has no binary for this platform
    const native = await loadEngine('native');
    const wasm = await loadEngine('wasm');
    assert.equal(native.name, 'native');
    const doc = parseArchitecture(readFileSync('examples/three-tier-web.cloudarch.yaml', 'utf8'));
    const laidOut = await layoutDiagram(buildDiagramGraph(doc, evaluateAll(doc, { monteCarloSamples: 0 })), {});
    const diagram = renderDiagramSvg(laidOut, { omitStyle: true, title: { date: '2026-12-04' } });
    // Families a machine may have installed (DejaVu's serif and mono faces often are): both builds
    // must still draw them with the bundled face, never the system's.
    const families =
      '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="90"><rect width="240" height="90" fill="#FFFFFF"/>' +
      '<rect x="5" y="5" width="60" height="30" rx="4" fill="#8C4FFF" fill-opacity="0.6" stroke="#16191F"/>' +
      '<text x="70" y="25" font-size="14" font-family="DejaVu Serif, serif">Serif 0O</text>' +
      '<text x="70" y="50" font-size="14" font-family="DejaVu Sans Mono, monospace" font-weight="bold">Mono 1l</text>' +
      '<text x="70" y="75" font-size="14" font-family="Arial, sans-serif">Sans 8B</text></svg>';
    for (const [svg, scale] of [
      [diagram, 1.5],
      [families, 2],
    ] as const) {
      const fromNative = PNG.sync.read(Buffer.from((await rasteriseWith(native, svg, scale)).png));
      const fromWasm = PNG.sync.read(Buffer.from((await rasteriseWith(wasm, svg, scale)).png));
      assert.deepEqual([fromNative.width, fromNative.height], [fromWasm.width, fromWasm.height]);
      assert.ok(fromNative.data.equals(fromWasm.data), `the same pixels at scale ${scale}`);
    }
  });
});

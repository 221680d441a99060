/**
 * SVG -> PNG for the CLI and the language server, with resvg and a bundled open font (DejaVu Sans,
 * its licence beside it). Two builds of resvg from the same release (2.6.2 of its JavaScript
 * packages) draw the same pixels:
 * - the WebAssembly build (`@resvg/resvg-wasm`), which the extension and the language server use:
 *   it runs the same on Linux, macOS and Windows from one file, offline, with no browser and no
 *   per-platform binary, which a single .vsix could not carry for every platform (a headless
 *   browser is far larger and downloads itself);
 * - the native build (`@resvg/resvg-js`, an optional dependency with a prebuilt binary per
 *   platform), which the CLI uses when it is installed for the platform (`preloadRasteriser({
 *   engine: 'auto' })`), else it falls back to the WebAssembly build. A test holds the two to the
 *   same pixels.
 * resvg renders SVG text with the fonts it is given, never the system's (the native build is told
 * `loadSystemFonts: false`), so the same file gives the same picture everywhere; the font is
 * bundled because a machine may have no fonts at all (a container, CI).
 *
 * The WebAssembly module and the font are read and compiled on the first PNG, never at start-up
 * (`preloadRasteriser` lets a caller that knows a PNG is coming start that early, so compiling
 * overlaps the layout). The build copies them to `dist/assets/` (esbuild.mjs); run from source,
 * they are taken from node_modules.
 *
 * Where the time of a cold PNG export went, and what was done (issue 12, measured on the
 * 100-resource benchmark file, drawn at 5,288 x 6,039 pixels, the pixel budget; figures in
 * docs/benchmark.md):
 * - The picture's size was measured by parsing the whole SVG (text shaping included) before
 *   parsing it again to draw: it is now read from our own SVG's root element.
 * - The module is compiled while the diagram is laid out (`preloadRasteriser`).
 * - resvg's PNG encoder (deflate in WebAssembly) is replaced by Node's own zlib: native deflate, no
 *   WebAssembly to compile for it, and a file about 40% smaller. The few lines that wrap zlib's
 *   output in PNG chunks are written here rather than taken from pngjs: pngjs copies the pixels
 *   into its row buffer one byte at a time in JavaScript, which took as long as the compression
 *   itself on this picture (128 MB of pixels); here each row is one memory copy.
 * - Fresh memory is expensive: on the shared benchmark machine each fresh 128 MB touched cost about
 *   0.4 s of CPU, most of it page faults (a 128 MB `Uint8Array` filled once: about the same). An
 *   export touched three: resvg's pixmap, its copy out (`RenderedImage.pixels`) and the filtered
 *   rows given to zlib. The rows are now handed to zlib in two reused 1 MB batches
 *   (`encodeRgbaPng`), and the pixels are read in place in the module's memory (`glue`,
 *   `borrowPixels`); only the pixmap itself is left. Both changes give the same bytes.
 * - zlib level 3 instead of 6: half the compression time, a larger file (`compressionLevel`).
 * Where the rest goes (a fresh process, load 14-17, CPU of parse and render): the picture about
 *   1.7-1.8 s; an empty SVG of the same size about 1.1-1.35 s (the font, and the pixmap's fresh
 *   memory), so the drawing itself is about 0.4-0.5 s; compression at level 3 about 0.2 s.
 * - The CLI draws with the native build (issue 12, 2026-12-04): no WebAssembly to compile, and
 *   optimised machine code instead of V8's baseline code for the drawing. Its allocator (mimalloc)
 *   is allowed large OS pages (`MIMALLOC_ALLOW_LARGE_OS_PAGES`, set before the binary loads unless
 *   the user set it): the 128 MB pixmap then takes 2 MB pages, and the drawing's CPU fell from
 *   about 1.0 s to about 0.55 s (0.2 s on a run where the kernel had free huge pages). On the
 *   benchmark's file, 6 interleaved pairs against the WebAssembly build (load 5-6): CPU 0.61 and
 *   wall 0.64 of it, the PNG byte for byte the same; without the large pages 0.77 and 0.76.
 *   The native build reads the font file from disk each time it shapes a run of text (about 4,700
 *   reads of 757 KB for this picture: it takes font files by path only), which makes its parse
 *   about 0.1-0.2 s slower than the WebAssembly build's; the drawing more than pays for it.
 * - resvg's premultiplied pixels are turned back into plain RGBA row by row in zlib's batches
 *   (`encodeRgbaPng(..., true)`), on the main thread while zlib compresses the batch before,
 *   instead of in a pass of their own over the whole picture first (about 0.1 s of CPU on this
 *   picture, during which zlib waited). The same bytes; in one process, 7 interleaved runs on the
 *   benchmark's pixels (load 9): wall median 289 -> 270 ms, CPU 198 -> 183 ms.
 * Where a cold export's time goes now (the built CLI, the benchmark's file, load 9-11, so walls are
 *   inflated; wall ms, then process CPU ms): bundle loaded 610-660 (CPU 290-300), command and file
 *   read +280-310, parse +250-340, evaluation + layout + SVG +370-560 (CPU 220-250); native: load
 *   of the binary ~50-70, resvg's parse with text shaping +470-590 (CPU ~240), drawing +1,690-1,850
 *   (CPU 770-940, 0.3 s on quieter runs with free huge pages), rows + zlib +340-580 (CPU ~300);
 *   wasm on the same runs: compile 570-940 (beside the layout), parse +360-470, drawing
 *   +4,450-5,220 (CPU ~2,150).
 * Tried and not kept (issue 12, 2026-12-04):
 * - Drawing in bands on two threads (native `renderAsync`, each band an SVG whose root translates
 *   the picture by whole pixels): with cuts at rows 2,048 and 4,096 resvg panicked
 *   (`geom.rs:27`, `unwrap` on `None`; the process aborted); with two halves the lower half's
 *   pixels differed (345 bytes, by up to 58 levels: the translation changes f32 rounding), and
 *   on the shared machine the two halves took as long as the whole (1.49-1.78 s against 1.61 s).
 * - Deflating in two streams on two threads (pigz-style): on the benchmark's pixels the rows'
 *   preparation costs 50-80 ms of CPU and zlib level 3 100-120 ms, and they already run on two
 *   threads (the main thread and zlib's); a second stream could save at most about 35 ms of wall
 *   on two cores, for a different file and an Adler-32 combination.
 * - zlib strategies: `Z_FILTERED` gives the same bytes and time at levels 1-3 (zlib's fast deflate
 *   ignores it); `Z_RLE` writes 8.4 MB without a row filter, and with the Up filter 3.07 MB (not
 *   1.93) for 115 ms of zlib CPU instead of 150, the filter itself being a JavaScript pass over
 *   the 128 MB (a plain loop took about 1 s here). Level 1: 156 ms instead of 169, 2.18 MB.
 * - glibc's `glibc.malloc.hugetlb=1`: no effect (the native build allocates with mimalloc).
 * - Checking alpha through a `Uint32Array` view: no faster (85-99 ms against 76-123 ms).
 * Tried before and not kept: compiling the module with V8's optimising compiler only (`--no-liftoff`,
 * eagerly or lazily), a lower tier-up budget, and warm-up renders. The cold render runs baseline
 * code and is about 4 times slower than a warm one, but each of these moved as much time into
 * compiling as it saved in drawing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflate, crc32 as nodeCrc32 } from 'node:zlib';
import type { RasterisedPng } from '../diagram/export';

/** The largest picture drawn, in pixels (about 128 MB of RGBA: the language server's worker draws it too, and the time grows with the pixel count): larger ones are scaled down, never cut. */
export const maxPixels = 32_000_000;
/** resvg's and most viewers' side limit. */
export const maxSide = 16_000;

interface RenderedImage {
  /** RGBA, premultiplied by alpha (tiny-skia's pixmap). */
  readonly pixels: Uint8Array;
  readonly width: number;
  readonly height: number;
  free(): void;
}

interface ResvgModule {
  initWasm(input: Uint8Array): Promise<void>;
  Resvg: new (
    svg: string,
    options?: Record<string, unknown>,
  ) => {
    readonly width: number;
    readonly height: number;
    render(): RenderedImage;
    free(): void;
  };
}

/** Resolves a file of an installed package (a variable, so the bundler leaves the lookup to run time). */
function packageFile(specifier: string): string {
  return require.resolve(specifier);
}

function assetPath(bundled: string, fromPackage: () => string): string {
  const inDist = join(__dirname, '..', 'assets', bundled);
  return existsSync(inDist) ? inDist : fromPackage();
}

/**
 * The three glue functions of `@resvg/resvg-wasm` 2.6.2 (wasm-bindgen names, fixed per release)
 * through which `RenderedImage.pixels` hands the picture to JavaScript: a view of the module's
 * memory, then a copy of it. The copy is a fresh 128 MB at the pixel budget, and touching fresh
 * memory cost about as much as the compression; so, when these names are present, the copy is
 * replaced by the view's buffer and the pixels are read in place (`borrowPixels`). With another
 * release of the package the names differ, nothing is replaced and the copy is used.
 */
const glue = {
  view: '__wbg_newwithbyteoffsetandlength_aa4a17c33a06e5cb',
  copy: '__wbg_new_63b92bc8671ed464',
  buffer: '__wbg_buffer_12d079cc21e14bdb',
} as const;

type GlueFunction = (...handles: number[]) => number;

/** Set while `borrowPixels` reads a picture; the last view the glue made of the module's memory. */
const borrowing: { active: boolean; view?: { offset: number; length: number } } = { active: false };
let pixelsInPlace = false;

/** Wraps the glue while the module is instantiated (see `glue`); leaves other imports alone. */
async function initWithPixelsInPlace(resvg: ResvgModule, wasm: Uint8Array): Promise<void> {
  // The project's type libraries do not declare WebAssembly; only `instantiate` is touched.
  const webAssembly = (globalThis as unknown as { WebAssembly: { instantiate: (this: unknown, ...args: unknown[]) => unknown } })
    .WebAssembly;
  const instantiate = webAssembly.instantiate;
  const hooked = function (this: unknown, source: unknown, imports?: { wbg?: Record<string, unknown> }) {
    const wbg = imports?.wbg;
    const [view, copy, buffer] = [wbg?.[glue.view], wbg?.[glue.copy], wbg?.[glue.buffer]];
    if (wbg && typeof view === 'function' && typeof copy === 'function' && typeof buffer === 'function') {
      wbg[glue.view] = (memory: number, offset: number, length: number) => {
        borrowing.view = { offset, length };
        return (view as GlueFunction)(memory, offset, length);
      };
      // `buffer` answers the view's ArrayBuffer (the module's memory) as a new handle, as `copy` would answer its copy.
      wbg[glue.copy] = (handle: number) => (borrowing.active ? (buffer as GlueFunction)(handle) : (copy as GlueFunction)(handle));
      pixelsInPlace = true;
    }
    return instantiate.call(this, source, imports);
  };
  webAssembly.instantiate = hooked as typeof instantiate;
  try {
    await resvg.initWasm(wasm);
  } finally {
    webAssembly.instantiate = instantiate;
  }
}

/**
 * The picture's pixels, read in place in the module's memory when the glue allows it (valid until
 * the image is freed or the module runs again: `rasterisePng` calls run one at a time), else copied.
 */
function borrowPixels(image: RenderedImage): Uint8Array {
  const expected = image.width * image.height * 4;
  if (pixelsInPlace) {
    borrowing.active = true;
    borrowing.view = undefined;
    let memory: unknown;
    try {
      memory = image.pixels;
    } finally {
      borrowing.active = false;
    }
    // Set by the glue during `image.pixels` (the compiler cannot see that call write it).
    const view = borrowing.view as { offset: number; length: number } | undefined;
    if (memory instanceof ArrayBuffer && view !== undefined && view.length === expected && view.offset + view.length <= memory.byteLength)
      return new Uint8Array(memory, view.offset, view.length);
  }
  return image.pixels;
}

/** Whether the pixels are read in place (see `glue`); false before the first PNG and with another release of resvg-wasm. */
export function readsPixelsInPlace(): boolean {
  return pixelsInPlace;
}

/** Which build of resvg draws: the native one of `@resvg/resvg-js` (the CLI, where installed) or the WebAssembly one. */
export type RasteriserEngine = 'native' | 'wasm';

/** A picture drawn by resvg: RGBA premultiplied by alpha, valid until `release()`. */
interface DrawnPicture {
  readonly pixels: Uint8Array;
  readonly width: number;
  readonly height: number;
  release(): void;
}

/** One build of resvg, loaded with the bundled font (`loadEngine`). */
export interface Engine {
  readonly name: RasteriserEngine;
  /** The SVG's size in its own units, by a parse of its own (for an SVG that does not state it on its root). */
  measure(svg: string): { width: number; height: number };
  /** Draws the SVG `zoom` times its size, text with the bundled font only. */
  draw(svg: string, zoom: number): DrawnPicture;
}

/** The font family names resvg falls back to; the files are the bundled face (`fontPaths`). */
const fontFamilies = { defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } as const;
/** Both builds draw geometric shapes with anti-aliasing and text for legibility. */
const drawOptions = { shapeRendering: 2, textRendering: 1 } as const;

/** One face (see esbuild.mjs): resvg draws bold text with the nearest weight it has. */
function fontPaths(): string[] {
  return ['DejaVuSans.ttf'].map((name) => assetPath(join('fonts', name), () => packageFile(`dejavu-fonts-ttf/ttf/${name}`)));
}

async function loadWasm(): Promise<Engine> {
  const resvg = require('@resvg/resvg-wasm') as ResvgModule;
  const wasm = readFileSync(assetPath('resvg.wasm', () => packageFile('@resvg/resvg-wasm/index_bg.wasm')));
  await initWithPixelsInPlace(resvg, wasm);
  const font = { fontBuffers: fontPaths().map((path) => new Uint8Array(readFileSync(path))), ...fontFamilies };
  return {
    name: 'wasm',
    measure(svg) {
      const probe = new resvg.Resvg(svg, { font });
      try {
        return { width: probe.width, height: probe.height };
      } finally {
        probe.free();
      }
    },
    draw(svg, zoom) {
      const renderer = new resvg.Resvg(svg, { fitTo: { mode: 'zoom', value: zoom }, font, ...drawOptions });
      try {
        const image = renderer.render();
        return { pixels: borrowPixels(image), width: image.width, height: image.height, release: () => image.free() };
      } finally {
        renderer.free();
      }
    },
  };
}

/** What the CLI uses of `@resvg/resvg-js` 2.6 (the same resvg as `@resvg/resvg-wasm` 2.6.2). */
interface NativeResvgModule {
  Resvg: new (
    svg: string,
    options?: Record<string, unknown>,
  ) => {
    readonly width: number;
    readonly height: number;
    render(): { readonly pixels: Uint8Array; readonly width: number; readonly height: number };
  };
}

/** The native package's name, kept out of the bundle (esbuild.mjs): its binary is chosen per platform when it loads. */
export const nativePackage = '@resvg/resvg-js';

/**
 * The native build, or undefined when it is not installed or has no binary for this platform.
 * `loadModule` is for tests.
 */
export function loadNative(loadModule: (name: string) => unknown = require): Engine | undefined {
  let resvg: NativeResvgModule;
  // The native build allocates with mimalloc, which reads its options from the environment when
  // the binary loads. Large OS pages (2 MB, where the kernel lends them on request, as Linux's
  // transparent huge pages do in their default `madvise` mode) make the 128 MB picture about
  // 60 times fewer page faults. A value the user set is left alone.
  process.env.MIMALLOC_ALLOW_LARGE_OS_PAGES ??= '1';
  try {
    resvg = loadModule(nativePackage) as NativeResvgModule;
    if (typeof resvg?.Resvg !== 'function') return undefined;
  } catch {
    return undefined;
  }
  // Never the system's fonts: the picture is the same on every machine.
  const font = { fontFiles: fontPaths(), loadSystemFonts: false, ...fontFamilies };
  return {
    name: 'native',
    measure(svg) {
      const probe = new resvg.Resvg(svg, { font });
      return { width: probe.width, height: probe.height };
    },
    draw(svg, zoom) {
      const renderer = new resvg.Resvg(svg, { fitTo: { mode: 'zoom', value: zoom }, font, ...drawOptions });
      const image = renderer.render();
      // The pixels are the image's own buffer, freed by the garbage collector.
      return { pixels: image.pixels, width: image.width, height: image.height, release: () => undefined };
    },
  };
}

let wasmEngine: Promise<Engine> | undefined;

/**
 * A build of resvg with the bundled font: `native` or `wasm` as named, `auto` the native one when
 * it loads (`loadNative`, with `loadModule`), else the WebAssembly one. The WebAssembly module is
 * compiled once per process.
 */
export async function loadEngine(preference: 'auto' | RasteriserEngine, loadModule?: (name: string) => unknown): Promise<Engine> {
  const native = preference !== 'wasm' ? loadNative(loadModule) : undefined;
  if (native !== undefined) return native;
  if (preference === 'native')
    throw new Error(`the native build of resvg (${nativePackage}) is not installed for ${process.platform}-${process.arch}`);
  return (wasmEngine ??= loadWasm());
}

/** The engine of this process's PNGs, chosen by the first `preloadRasteriser` or `rasterisePng`. */
let ready: Promise<Engine> | undefined;

function load(preference: 'auto' | RasteriserEngine): Promise<Engine> {
  ready ??= loadEngine(preference);
  return ready;
}

/**
 * Starts loading the rasteriser without waiting for it: a caller that will draw a PNG calls this
 * first, so the WebAssembly compiles while the diagram is laid out. A failure surfaces when
 * `rasterisePng` is called. `engine: 'auto'` (the CLI) takes the native build of resvg when it
 * is installed for this platform, else the WebAssembly one; the default, `wasm`, is the one the
 * extension carries. The first call decides for the process.
 */
export function preloadRasteriser(options: { engine?: 'auto' | RasteriserEngine } = {}): void {
  load(options.engine ?? 'wasm').catch(() => undefined);
}

/** Which build of resvg draws this process's PNGs (loading it if nothing chose one yet: the WebAssembly build). */
export async function rasteriserEngine(): Promise<RasteriserEngine> {
  return (await load('wasm')).name;
}

/** The scale actually used: the one asked for, lowered so the picture fits the pixel budget. */
export function fittedScale(width: number, height: number, scale: number): number {
  const bySide = maxSide / Math.max(width, height, 1);
  const byArea = Math.sqrt(maxPixels / Math.max(width * height, 1));
  // A little under the limits: resvg rounds the pixel size up.
  return Math.min(scale, bySide * 0.999, byArea * 0.999);
}

/**
 * The picture's size in SVG units, read from the root element's `width` and `height` when both
 * are plain numbers (our renderer always writes them), else undefined.
 */
export function declaredSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (root === undefined) return undefined;
  const width = /\swidth="(\d+(?:\.\d+)?)"/.exec(root)?.[1];
  const height = /\sheight="(\d+(?:\.\d+)?)"/.exec(root)?.[1];
  if (width === undefined || height === undefined) return undefined;
  return { width: Number(width), height: Number(height) };
}

const pngSignature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

let crcTable: Uint32Array | undefined;

/** CRC-32 as PNG chunks use it: Node's (20.15 and later), else the table method of the PNG specification. */
function crc32(bytes: Uint8Array): number {
  if (typeof nodeCrc32 === 'function') return nodeCrc32(bytes);
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * zlib's level for the picture. On the benchmark's picture (5,288 x 6,039 pixels) levels 1-3 took
 * about 170-200 ms of CPU and levels 4-6 about 330-450 ms (the slower matching starts at 4);
 * the file is 1.93 MB at 3 against 1.18 MB at 6 (2.18 MB at 1), about what resvg's own encoder
 * wrote. Compression is the last step of an export, so its time is the user's wait.
 */
export const compressionLevel = 3;

/** How many bytes of rows are handed to zlib at a time (two such buffers are reused, never the whole picture). */
const batchBytes = 1 << 20;

/**
 * A PNG file (8-bit RGBA, not interlaced) of `width` x `height` pixels given as straight RGBA, or
 * premultiplied by alpha as resvg draws them (`premultiplied`: each row is turned back into plain
 * RGBA in its batch, on the main thread while zlib compresses the batch before, rather than in a
 * pass of its own over the whole picture before compressing). Rows are stored with no filter (on diagrams, large flat areas, the filters cost more time than
 * they saved) and compressed at zlib level 3 (`compressionLevel`).
 *
 * The rows are not gathered into one buffer before compressing: each row needs its filter byte in
 * front, and a second copy of the whole picture (128 MB at the pixel budget) cost as much as the
 * compression itself, most of it in the kernel's page faults on fresh memory. Instead rows are
 * copied into two small buffers in turn, each handed to zlib (on Node's thread pool) while the
 * other is filled. zlib's output does not depend on how its input is cut, so the file is the same
 * byte for byte.
 */
export async function encodeRgbaPng(pixels: Uint8Array, width: number, height: number, premultiplied = false): Promise<Uint8Array> {
  const stride = width * 4;
  if (!(width > 0 && height > 0 && pixels.length === stride * height))
    throw new Error(`cannot encode ${pixels.length} bytes as a ${width}x${height} RGBA picture`);
  const rowBytes = stride + 1;
  const rowsPerBatch = Math.max(1, Math.floor(batchBytes / rowBytes));
  const deflate = createDeflate({ level: compressionLevel });
  const compressed: Buffer[] = [];
  deflate.on('data', (part: Buffer) => compressed.push(part));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const batches = [Buffer.allocUnsafe(rowsPerBatch * rowBytes), Buffer.allocUnsafe(rowsPerBatch * rowBytes)];
  // A batch is refilled only after zlib has taken it in (its write's callback).
  const taken: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  for (let y = 0, turn = 0; y < height; y += rowsPerBatch, turn ^= 1) {
    await taken[turn];
    const batch = batches[turn]!;
    const rows = Math.min(rowsPerBatch, height - y);
    for (let row = 0; row < rows; row++) {
      const at = row * rowBytes;
      batch[at] = 0; // filter type: none
      batch.set(pixels.subarray((y + row) * stride, (y + row + 1) * stride), at + 1);
      if (premultiplied) unpremultiply(batch.subarray(at + 1, at + rowBytes));
    }
    const input = batch.subarray(0, rows * rowBytes);
    taken[turn] = new Promise<void>((resolve, reject) => deflate.write(input, (error) => (error ? reject(error) : resolve())));
  }
  deflate.end();
  await Promise.all([ended, ...taken]);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, adaptive filtering, no interlace
  return Buffer.concat([pngSignature, chunk('IHDR', header), chunk('IDAT', Buffer.concat(compressed)), chunk('IEND', new Uint8Array(0))]);
}

/**
 * resvg's pixels are premultiplied by alpha; PNG stores plain RGBA. Our diagrams have an opaque
 * background, so this usually changes nothing.
 */
export function unpremultiply(pixels: Uint8Array): void {
  for (let i = 3; i < pixels.length; i += 4) {
    const alpha = pixels[i]!;
    if (alpha === 255 || alpha === 0) continue;
    for (let c = i - 3; c < i; c++) pixels[c] = Math.min(255, Math.round((pixels[c]! * 255) / alpha));
  }
}

/** The PNG being drawn: one at a time, because the pixels are read in place in the module's memory while they are compressed. */
let drawing: Promise<unknown> = Promise.resolve();

/** Runs one drawing after the ones before it. */
function queued<T>(work: () => Promise<T>): Promise<T> {
  const result = drawing.then(work);
  drawing = result.catch(() => undefined);
  return result;
}

/** Rasterises an SVG at `scale`. Throws with a readable message when resvg cannot read it. */
export function rasterisePng(svg: string, scale: number): Promise<RasterisedPng> {
  return queued(async () => rasteriseWithNow(await load('wasm'), svg, scale));
}

/** `rasterisePng` with a given build of resvg (`loadEngine`), whichever this process uses. */
export function rasteriseWith(engine: Engine, svg: string, scale: number): Promise<RasterisedPng> {
  return queued(() => rasteriseWithNow(engine, svg, scale));
}

async function rasteriseWithNow(engine: Engine, svg: string, scale: number): Promise<RasterisedPng> {
  // The size decides the scale, so that a huge diagram is scaled down instead of failing or being
  // cut. Our SVG states it; any other is measured by a parse of its own.
  const size = declaredSize(svg) ?? engine.measure(svg);
  const used = fittedScale(size.width, size.height, scale);
  const image = engine.draw(svg, used);
  try {
    return {
      png: await encodeRgbaPng(image.pixels, image.width, image.height, true),
      width: image.width,
      height: image.height,
      scale: used,
    };
  } finally {
    image.release();
  }
}

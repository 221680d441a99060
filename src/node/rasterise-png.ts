/**
 * SVG -> PNG for the CLI and the language server, with resvg compiled to WebAssembly
 * (`@resvg/resvg-wasm`) and a bundled open font (DejaVu Sans, its licence beside it).
 *
 * Why this rasteriser: it runs the same on Linux, macOS and Windows from the npm package, offline,
 * with no browser and no per-platform native binary (`@resvg/resvg-js` ships one per platform,
 * which a single .vsix cannot carry for every platform; a headless browser is far larger and
 * downloads itself). resvg renders SVG text with the fonts it is given, not the system's, so the
 * same file gives the same picture everywhere; the font is bundled because a machine may have no
 * fonts at all (a container, CI).
 *
 * The WebAssembly module and the font are read and compiled on the first PNG, never at start-up.
 * The build copies them to `dist/assets/` (esbuild.mjs); run from source, they are taken from
 * node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RasterisedPng } from '../diagram/export';

/** The largest picture drawn, in pixels (about 128 MB of RGBA: the language server's worker draws it too, and the time grows with the pixel count): larger ones are scaled down, never cut. */
export const maxPixels = 32_000_000;
/** resvg's and most viewers' side limit. */
export const maxSide = 16_000;

interface ResvgModule {
  initWasm(input: Uint8Array): Promise<void>;
  Resvg: new (svg: string, options?: Record<string, unknown>) => {
    readonly width: number;
    readonly height: number;
    render(): { asPng(): Uint8Array; readonly width: number; readonly height: number; free(): void };
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

let ready: Promise<{ resvg: ResvgModule; fonts: Uint8Array[] }> | undefined;

function load(): Promise<{ resvg: ResvgModule; fonts: Uint8Array[] }> {
  ready ??= (async () => {
     
    const resvg = require('@resvg/resvg-wasm') as ResvgModule;
    const wasm = readFileSync(assetPath('resvg.wasm', () => packageFile('@resvg/resvg-wasm/index_bg.wasm')));
    await resvg.initWasm(wasm);
    // One face (see esbuild.mjs): resvg draws bold text with the nearest weight it has.
    const fonts = ['DejaVuSans.ttf'].map(
      (name) => new Uint8Array(readFileSync(assetPath(join('fonts', name), () => packageFile(`dejavu-fonts-ttf/ttf/${name}`)))),
    );
    return { resvg, fonts };
  })();
  return ready;
}

/** The scale actually used: the one asked for, lowered so the picture fits the pixel budget. */
export function fittedScale(width: number, height: number, scale: number): number {
  const bySide = maxSide / Math.max(width, height, 1);
  const byArea = Math.sqrt(maxPixels / Math.max(width * height, 1));
  // A little under the limits: resvg rounds the pixel size up.
  return Math.min(scale, bySide * 0.999, byArea * 0.999);
}

/** Rasterises an SVG at `scale`. Throws with a readable message when resvg cannot read it. */
export async function rasterisePng(svg: string, scale: number): Promise<RasterisedPng> {
  const { resvg, fonts } = await load();
  // Measure first (a cheap parse) so a huge diagram is scaled down instead of failing or being cut.
  const probe = new resvg.Resvg(svg, { font: { fontBuffers: fonts, defaultFontFamily: 'DejaVu Sans' } });
  const used = fittedScale(probe.width, probe.height, scale);
  probe.free();
  const renderer = new resvg.Resvg(svg, {
    fitTo: { mode: 'zoom', value: used },
    font: { fontBuffers: fonts, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    shapeRendering: 2,
    textRendering: 1,
  });
  try {
    const image = renderer.render();
    try {
      return { png: image.asPng(), width: image.width, height: image.height, scale: used };
    } finally {
      image.free();
    }
  } finally {
    renderer.free();
  }
}

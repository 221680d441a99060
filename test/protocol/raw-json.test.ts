/**
 * The stdio encoder splices pre-serialised diagnostics into a publication: the bytes must be the
 * JSON of the same message with the diagnostics as objects, whatever the diagnostics contain.
 */
import { strict as assert } from 'node:assert';
import { decodeDiagnostics, RawJsonElements, rawAwareJsonEncoder } from '../../src/server/raw-json';

const diagnostic = (message: string) => ({ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }, severity: 2, source: 'cloudarch.security', message });

async function encode(message: unknown): Promise<unknown> {
  const encoder = rawAwareJsonEncoder as { encode(message: unknown, options: { charset: 'utf-8' }): Promise<Uint8Array> };
  return JSON.parse(Buffer.from(await encoder.encode(message, { charset: 'utf-8' })).toString('utf8')) as unknown;
}

function publication(diagnostics: unknown[]) {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.cloudarch.yaml', version: 3, diagnostics } };
}

describe('pre-serialised diagnostics over stdio', () => {
  const own = [diagnostic('a parse problem')];
  const cases: { name: string; raw: ReturnType<typeof diagnostic>[] }[] = [
    { name: 'several findings', raw: [diagnostic('first'), diagnostic('second: "quoted" \\ and ünïcode')] },
    { name: 'one finding', raw: [diagnostic('only')] },
    // A message that contains the marker's characters must not confuse the splice.
    { name: 'a finding whose text looks like the marker', raw: [diagnostic('\u0001cloudarch-raw-json\u0001')] },
  ];
  for (const { name, raw } of cases) {
    it(`writes ${name} as if they were objects`, async () => {
      const json = raw.map((entry) => JSON.stringify(entry)).join(',');
      const spliced = await encode(publication([...own, new RawJsonElements(json)]));
      assert.deepEqual(spliced, publication([...own, ...raw]));
      assert.deepEqual(decodeDiagnostics({ json, count: raw.length }), raw);
    });
  }

  it('splices at its own place when a diagnostic before it carries the marker text', async () => {
    const tricky = [diagnostic('\u0001cloudarch-raw-json\u0001')];
    const raw = [diagnostic('finding')];
    assert.deepEqual(await encode(publication([...tricky, new RawJsonElements(JSON.stringify(raw[0]))])), publication([...tricky, ...raw]));
  });

  it('writes an empty fragment as nothing, with or without diagnostics before it', async () => {
    assert.deepEqual(await encode(publication([...own, new RawJsonElements('')])), publication(own));
    assert.deepEqual(await encode(publication([new RawJsonElements('')])), publication([]));
    assert.deepEqual(decodeDiagnostics({ json: '', count: 0 }), []);
  });

  it('leaves other messages alone', async () => {
    const message = { jsonrpc: '2.0', id: 4, result: { items: [{ label: 'x' }] } };
    assert.deepEqual(await encode(message), message);
  });
});

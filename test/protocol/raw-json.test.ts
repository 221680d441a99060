/**
 * The stdio encoder splices pre-serialised diagnostics into a publication: the bytes must be the
 * JSON of the same message with the diagnostics as objects, whatever the diagnostics contain.
 */
import { strict as assert } from 'node:assert';
import { asciiJson } from '../../src/server/diagnostics-encoder';
import { decodeDiagnostics, RawJsonElements, rawAwareJsonEncoder } from '../../src/server/raw-json';

const diagnostic = (message: string) => ({
  range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } },
  severity: 2,
  source: 'cloudarch.security',
  message,
});

async function encode(message: unknown): Promise<unknown> {
  const encoder = rawAwareJsonEncoder as { encode(message: unknown, options: { charset: 'utf-8' }): Promise<Uint8Array> };
  return JSON.parse(Buffer.from(await encoder.encode(message, { charset: 'utf-8' })).toString('utf8')) as unknown;
}

function publication(diagnostics: unknown[]) {
  return {
    jsonrpc: '2.0',
    method: 'textDocument/publishDiagnostics',
    params: { uri: 'file:///a.cloudarch.yaml', version: 3, diagnostics },
  };
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
      const spliced = await encode(publication([...own, new RawJsonElements([json])]));
      assert.deepEqual(spliced, publication([...own, ...raw]));
      assert.deepEqual(decodeDiagnostics({ json, count: raw.length }), raw);
    });
  }

  it('writes a publication in ASCII only, non-ASCII text escaped, so the client decodes it on its fast path', async () => {
    const encoder = rawAwareJsonEncoder as { encode(message: unknown, options: { charset: 'utf-8' }): Promise<Uint8Array> };
    const own = [diagnostic('did you mean ‘web’? ≥ 2 zones')];
    const raw = [diagnostic('internet → lb → web 😀')];
    const lists = [raw.map((entry) => asciiJson(entry)).join(',')];
    for (const message of [publication(own), publication([...own, new RawJsonElements(lists)])]) {
      const bytes = Buffer.from(await encoder.encode(message, { charset: 'utf-8' }));
      assert.ok(
        bytes.every((byte) => byte < 0x80),
        'every byte is ASCII',
      );
    }
    assert.deepEqual(await encode(publication([...own, new RawJsonElements(lists)])), publication([...own, ...raw]));
  });

  it('splices at its own place when a diagnostic before it carries the marker text', async () => {
    const tricky = [diagnostic('\u0001cloudarch-raw-json\u0001')];
    const raw = [diagnostic('finding')];
    assert.deepEqual(
      await encode(publication([...tricky, new RawJsonElements([JSON.stringify(raw[0])])])),
      publication([...tricky, ...raw]),
    );
  });

  it('writes an empty fragment as nothing, with or without diagnostics before it', async () => {
    assert.deepEqual(await encode(publication([...own, new RawJsonElements([''])])), publication(own));
    assert.deepEqual(await encode(publication([new RawJsonElements(['', ''])])), publication([]));
    assert.deepEqual(await encode(publication([new RawJsonElements([])])), publication([]));
    assert.deepEqual(decodeDiagnostics({ json: '', count: 0 }), []);
  });

  it('writes several lists, empty ones among them, as one array', async () => {
    const parse = [diagnostic('parse')];
    const findings = [diagnostic('first finding'), diagnostic('second finding')];
    const lists = ['', parse.map((entry) => JSON.stringify(entry)).join(','), '', findings.map((entry) => JSON.stringify(entry)).join(',')];
    assert.deepEqual(await encode(publication([...own, new RawJsonElements(lists)])), publication([...own, ...parse, ...findings]));
  });

  it('writes a large list the same again when it is published again (its bytes are remembered)', async () => {
    // Over 4,096 characters, so its encoding is kept; non-ASCII text checks the charset is honoured.
    const findings = Array.from({ length: 60 }, (_unused, index) => diagnostic(`finding ${index} → ünïcode`));
    const list = findings.map((entry) => JSON.stringify(entry)).join(',');
    assert.ok(list.length > 4096);
    const first = await encode(publication([new RawJsonElements([list])]));
    // The same text as another string object, and a different list of the same length.
    const again = await encode(publication([new RawJsonElements([list.split('').join('')])]));
    const changed = list.replace('finding 7 ', 'finding X ');
    const other = await encode(publication([new RawJsonElements([changed])]));
    assert.deepEqual(first, publication(findings));
    assert.deepEqual(again, publication(findings));
    assert.deepEqual(other, publication(JSON.parse(`[${changed}]`) as unknown[]));
  });

  it('leaves other messages alone', async () => {
    const message = { jsonrpc: '2.0', id: 4, result: { items: [{ label: 'x' }] } };
    assert.deepEqual(await encode(message), message);
  });
});

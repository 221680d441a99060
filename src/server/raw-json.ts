/**
 * Lets a message carry a piece of JSON that is already serialised. The evaluation worker hands the
 * findings over as JSON text (cached per finding); parsing it into thousands of objects on the
 * server's thread only for JSON.stringify to write it back out cost more than the evaluation itself.
 *
 * Works only with a stream transport whose encoder is `rawAwareJsonEncoder` (the server uses it for
 * `--stdio`). Other transports serialise messages themselves (Node IPC), so the server decodes the
 * JSON into objects for them instead.
 */
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-jsonrpc';
import type { Diagnostic } from 'vscode-languageserver-types';
import { asciiJson, type EncodedDiagnostics } from './diagnostics-encoder';

/** Stands for its JSON text inside a message: the elements of an array, in lists joined by commas. */
export class RawJsonElements {
  /** Each list is the JSON text of one or more elements; empty lists are left out. */
  readonly lists: readonly string[];

  constructor(lists: readonly string[]) {
    this.lists = lists.filter((list) => list !== '');
  }

  /** Serialises to a marker the encoder replaces with the JSON text. */
  toJSON(): string {
    return rawMarker;
  }
}

/** A string no diagnostic carries; it is only ever looked for at the end of a message. */
const rawMarker = '\u0001cloudarch-raw-json\u0001';
const quotedMarker = JSON.stringify(rawMarker);

/**
 * A message encoder that writes `RawJsonElements` as their text. The elements must be the LAST
 * element of the message's last array (the diagnostics of a publication are), so the marker's last
 * occurrence is theirs even if some text before it happened to contain the same characters.
 */
export const rawAwareJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      const raw = rawElementsOf(message);
      // A publication is written in ASCII only, as its encoded lists are: one other character
      // anywhere in the message would send the client's decoding down its slow path for all of it.
      const json = raw || isPublication(message) ? asciiJson(message) : JSON.stringify(message);
      const at = raw ? json.lastIndexOf(quotedMarker) : -1;
      if (!raw || at < 0) return Promise.resolve(Buffer.from(json, options.charset));
      // No lists must also take the comma before the marker away, or the array would end in `,]`.
      const before = raw.lists.length === 0 && json.charAt(at - 1) === ',' ? at - 1 : at;
      const chunks: Buffer[] = [Buffer.from(json.slice(0, before), options.charset)];
      raw.lists.forEach((list, index) => {
        if (index > 0) chunks.push(comma);
        chunks.push(encodedList(list, options.charset));
      });
      chunks.push(Buffer.from(json.slice(at + quotedMarker.length), options.charset));
      return Promise.resolve(Buffer.concat(chunks));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};

const comma = Buffer.from(',');

/**
 * The bytes of the lists written recently, newest last. A document's findings are the same list
 * (the same string) from one keystroke to the next when the edit changed none of them; encoding a
 * thousand-resource file's 650 KB of findings to UTF-8 again for every publication is then wasted.
 */
const recentLists: { readonly text: string; readonly charset: string; readonly bytes: Buffer }[] = [];
const recentListLimit = 16;

function encodedList(text: string, charset: BufferEncoding): Buffer {
  const index = recentLists.findIndex((entry) => entry.text === text && entry.charset === charset);
  if (index >= 0) {
    const [entry] = recentLists.splice(index, 1);
    recentLists.push(entry!);
    return entry!.bytes;
  }
  const bytes = Buffer.from(text, charset);
  // Small lists are cheap to encode again; remembering them would only push out the large ones.
  if (text.length >= 4096) {
    recentLists.push({ text, charset, bytes });
    if (recentLists.length > recentListLimit) recentLists.shift();
  }
  return bytes;
}

function isPublication(message: Message): boolean {
  return (message as { method?: unknown }).method === 'textDocument/publishDiagnostics';
}

/** The raw elements of a diagnostics publication, if it carries them. */
function rawElementsOf(message: Message): RawJsonElements | undefined {
  const params = (message as { params?: unknown }).params as { diagnostics?: unknown } | undefined;
  const diagnostics = params?.diagnostics;
  if (!Array.isArray(diagnostics) || diagnostics.length === 0) return undefined;
  const last: unknown = diagnostics[diagnostics.length - 1];
  return last instanceof RawJsonElements ? last : undefined;
}

/** Encoded diagnostics as objects, for transports that serialise messages themselves and for the carry-over. */
export function decodeDiagnostics(encoded: EncodedDiagnostics): Diagnostic[] {
  return encoded.count === 0 ? [] : (JSON.parse(`[${encoded.json}]`) as Diagnostic[]);
}

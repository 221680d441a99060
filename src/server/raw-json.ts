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
import type { EncodedDiagnostics } from '../language/live-evaluation';

/** Stands for its JSON text inside a message: the elements of an array, joined by commas. */
export class RawJsonElements {
  constructor(readonly json: string) {}

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
      let json = JSON.stringify(message);
      const raw = rawElementsOf(message);
      if (raw) {
        const at = json.lastIndexOf(quotedMarker);
        if (at >= 0) {
          // An empty fragment must also take the comma before it away, or the array would end in `,]`.
          const before = raw.json === '' && json.charAt(at - 1) === ',' ? at - 1 : at;
          json = json.slice(0, before) + raw.json + json.slice(at + quotedMarker.length);
        }
      }
      return Promise.resolve(Buffer.from(json, options.charset));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};

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

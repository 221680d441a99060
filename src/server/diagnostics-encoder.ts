/**
 * The wire form of a document's diagnostics while the user types: LSP diagnostics already
 * serialised as JSON, with a layout that lets the server keep the elements on lines an edit left
 * alone (carry-over.ts) and a serial that lets the worker say "the list you hold" instead of sending
 * it again (HeldList). Nothing here is part of the pure engine: it exists because a thousand-resource
 * file publishes about 2,400 findings on every keystroke.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ArchDiagnostic, ArchDocument } from '../core/document';
import { severityShownLive } from '../evaluate/figures';
import type { EvaluationResult, FindingSeverity } from '../evaluate/types';
import type { LspDiagnosticOptions } from '../language/diagnostics';

/** The evaluation's diagnostics as a JSON array body (elements joined by commas, no brackets). */
export interface EncodedDiagnostics {
  /** `""` when there are none; otherwise `{...},{...}`, ready to splice into a JSON array. */
  readonly json: string;
  readonly count: number;
  /**
   * Per element: the offset in `json` where it ends, its first line and its last line (three
   * numbers each), so the elements on lines an edit left alone can be kept without decoding.
   */
  readonly layout?: Int32Array;
  /**
   * Names this list among those the encoders of one worker made, so a receiver that already holds
   * it can be told "the same as list N" instead of being sent it again.
   */
  readonly serial?: number;
}

/** In a live answer, instead of a list: the list with this serial, which the server said it holds. */
export interface HeldList {
  readonly held: number;
}

/** How an encoder turns one diagnostic into LSP (the language service's `lspDiagnostic`). */
export type LspConverter = (diagnostic: ArchDiagnostic, uri: string, options?: LspDiagnosticOptions) => Diagnostic;

/** Any character outside ASCII (one UTF-16 code unit at a time: a surrogate pair becomes two escapes). */
const nonAscii = /[\u0080-\uffff]/;
const everyNonAscii = /[\u0080-\uffff]/g;

/**
 * The JSON of a value in ASCII only: every other character is written as its `\uXXXX` escape, which
 * JSON.parse reads back as the same character. Why: the client turns the bytes of a publication
 * into a string before parsing them (`Buffer.toString('utf-8')` in vscode-jsonrpc, VS Code's
 * language client included), and that is about eight times faster when every byte is ASCII. A
 * thousand-resource file's findings have about 750 arrows (`internet → lb → web`) in 750 KB: with
 * them, `toString` took 4.7 ms median per publication on the shared test machine; escaped, 0.6 ms,
 * for 2 KB more (docs/benchmark.md). The string is also one byte per character in the server then.
 */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  return nonAscii.test(json) ? json.replace(everyNonAscii, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** Joins encoded elements and records where each ends and which lines it covers. */
function join(parts: readonly string[], ranges: readonly ArchDiagnostic['range'][], serial: number): EncodedDiagnostics {
  const layout = new Int32Array(parts.length * 3);
  let offset = 0;
  parts.forEach((part, index) => {
    offset += (index > 0 ? 1 : 0) + part.length;
    layout[index * 3] = offset;
    layout[index * 3 + 1] = ranges[index]!.start.line;
    layout[index * 3 + 2] = ranges[index]!.end.line;
  });
  return { json: parts.join(','), count: parts.length, layout, serial };
}

interface EncodedParts {
  readonly parts: readonly string[];
  readonly ranges: readonly ArchDiagnostic['range'][];
}

/** What the encoder remembers of the findings it encoded last. */
interface ShownMemory {
  /** The diagnostics, element for element; an entry is replaced by a new object whose part reads the same. */
  readonly diagnostics: ArchDiagnostic[];
  readonly minimum: FindingSeverity;
  /** Per diagnostic, its part, or `undefined` when it is below the minimum severity. */
  readonly partAt: readonly (string | undefined)[];
}

/**
 * Turns a document's diagnostics and evaluation results into the JSON of their LSP diagnostics,
 * remembering the text of every diagnostic object: the parser and the security evaluation hand back
 * the very same objects for resources an edit did not touch (the evaluation's finding → diagnostic
 * conversion is memoised by finding, src/evaluate/index.ts), so after a one-character edit only the
 * edited resource's diagnostics are serialised again. One encoder per document (the URI appears in
 * related locations); `nextSerial` numbers lists across all the encoders of a worker.
 */
export class DiagnosticsEncoder {
  private readonly json = new WeakMap<ArchDiagnostic, string>();
  /** The last lists encoded, per kind: an equal list is answered with the same object, not joined again. */
  private readonly last: Record<'document' | 'evaluation', { parts: readonly string[]; encoded: EncodedDiagnostics } | undefined> = {
    document: undefined,
    evaluation: undefined,
  };
  /**
   * The last findings' diagnostics encoded (a copy the encoder owns), with the part of each (`undefined`
   * when below the minimum severity): a diagnostic that is the same object, or whose part reads the
   * same, leaves the parts as they were.
   */
  private lastShown: (EncodedParts & ShownMemory) | undefined;
  /** The last evaluation list: answered again when its findings' parts and the rest read the same. */
  private lastEvaluation:
    { readonly shown: EncodedParts; readonly rest: readonly string[]; readonly encoded: EncodedDiagnostics } | undefined;

  constructor(
    private readonly uri: string,
    private readonly toLsp: LspConverter,
    private readonly nextSerial: () => number,
  ) {}

  /** The JSON of one diagnostic, made once per diagnostic object. */
  private jsonOf(diagnostic: ArchDiagnostic, options: LspDiagnosticOptions | undefined): string {
    let json = this.json.get(diagnostic);
    if (json === undefined) {
      json = asciiJson(this.toLsp(diagnostic, this.uri, options));
      this.json.set(diagnostic, json);
    }
    return json;
  }

  /**
   * Joins the parts, or answers the previous list itself when every part is the same text: typing
   * that changes no diagnostic (most keystrokes) then costs no join, and the server can tell that
   * nothing changed by identity.
   */
  private joined(
    kind: 'document' | 'evaluation',
    parts: readonly string[],
    ranges: readonly ArchDiagnostic['range'][],
  ): EncodedDiagnostics {
    const last = this.last[kind];
    if (last !== undefined && last.parts.length === parts.length && parts.every((part, index) => part === last.parts[index]))
      return last.encoded;
    const encoded = join(parts, ranges, this.nextSerial());
    this.last[kind] = { parts, encoded };
    return encoded;
  }

  /** The document's own diagnostics (syntax, schema, references). */
  encodeDocument(doc: ArchDocument): EncodedDiagnostics {
    const parts: string[] = [];
    const ranges: ArchDiagnostic['range'][] = [];
    for (const diagnostic of doc.diagnostics) {
      parts.push(this.jsonOf(diagnostic, undefined));
      ranges.push(diagnostic.range);
    }
    return this.joined('document', parts, ranges);
  }

  /**
   * The diagnostics to publish live: findings at least as severe as `minimum` (their fixes stay with
   * the evaluation, `keptFixes`), and missed targets.
   */
  encode(result: EvaluationResult, minimum: FindingSeverity): EncodedDiagnostics {
    const findingCount = result.security?.findings.length ?? 0;
    const shown = this.shownFindings(result, findingCount, minimum);
    // The remaining diagnostics (unpriced items, missed targets) are few and change with the
    // figures: convert them each time.
    const rest: string[] = [];
    const restRanges: ArchDiagnostic['range'][] = [];
    for (let index = findingCount; index < result.diagnostics.length; index++) {
      const diagnostic = result.diagnostics[index]!;
      rest.push(asciiJson(this.toLsp(diagnostic, this.uri)));
      restRanges.push(diagnostic.range);
    }
    // Most keystrokes leave every finding's part as it was: then nothing is copied or compared but
    // the few parts of the rest.
    const last = this.lastEvaluation;
    if (last !== undefined && last.shown === shown && sameStrings(last.rest, rest)) return last.encoded;
    const encoded = this.joined('evaluation', [...shown.parts, ...rest], [...shown.ranges, ...restRanges]);
    this.lastEvaluation = { shown, rest, encoded };
    return encoded;
  }

  /**
   * The JSON of the findings shown live, in order. `evaluateAll` puts the findings' diagnostics first
   * in `result.diagnostics`, one per finding and in the same order, and hands back the same objects
   * for unchanged findings: after most keystrokes the list is the previous one element for element
   * but the edited resource's, whose findings are new objects that usually read the same. A walk
   * comparing references then replaces the lookups, and the previous parts are answered (the same
   * object) when every part reads the same.
   */
  private shownFindings(result: EvaluationResult, findingCount: number, minimum: FindingSeverity): EncodedParts {
    const findings = result.security?.findings ?? [];
    const all = result.diagnostics;
    const last = this.lastShown;
    if (last !== undefined && last.minimum === minimum && last.diagnostics.length === findingCount) {
      let same = true;
      for (let index = 0; index < findingCount && same; index++) {
        const diagnostic = all[index]!;
        if (diagnostic === last.diagnostics[index]) continue;
        const part = severityShownLive(findings[index]!.severity, minimum) ? this.jsonOf(diagnostic, { keepFixes: true }) : undefined;
        same = part === last.partAt[index];
        // The same text from a new object: remember the object, so the next walk passes it by reference.
        if (same) last.diagnostics[index] = diagnostic;
      }
      if (same) return last;
    }
    const diagnostics = all.slice(0, findingCount);
    const parts: string[] = [];
    const ranges: ArchDiagnostic['range'][] = [];
    const partAt: (string | undefined)[] = [];
    diagnostics.forEach((diagnostic, index) => {
      if (!severityShownLive(findings[index]!.severity, minimum)) {
        partAt.push(undefined);
        return;
      }
      const part = this.jsonOf(diagnostic, { keepFixes: true });
      parts.push(part);
      ranges.push(diagnostic.range);
      partAt.push(part);
    });
    this.lastShown = { diagnostics, minimum, parts, ranges, partAt };
    return this.lastShown;
  }
}

function sameStrings(left: readonly string[], right: readonly string[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

/**
 * One piece of text -> the format's value tree (`ValueNode`) plus plain values, with every range
 * relative to the piece. The parser reads a file as many small pieces (one per resource) so that an
 * edit re-reads only the piece it touched; this module knows nothing about pieces, it reads one text.
 *
 * yaml's composer is used directly (not `parseDocument`) so that the documents of a stream can be
 * inspected one by one, duplicate keys are found in one pass of our own (yaml's check is quadratic),
 * and values are converted by our own walk: tags outside the YAML 1.2 core schema are read as text,
 * never resolved, and keys that could alter JavaScript objects never reach the plain values.
 */
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, Scalar, type Document, type Node as YamlNode } from 'yaml';
import type { ArchDiagnostic, MapEntry, MapNode, Range, ScalarNode, SeqNode, ValueNode } from './document';
import { Codes } from './codes';
import { LineIndex } from './line-index';
import { maxAliasCount, maxNestingDepth } from './scan';

/** The result of reading one piece of text. Ranges are relative to the piece. */
export interface ReadResult {
  /** The first document's contents; undefined when it is empty. */
  readonly value: ValueNode | undefined;
  /** The same contents as plain values (objects, arrays, strings, numbers, booleans, null). */
  readonly plain: unknown;
  readonly diagnostics: ArchDiagnostic[];
}

/** Keys that could reach `Object.prototype` or a constructor if they were copied into an object. */
/** Keys the readers refuse: they could alter the objects of programs that read the file. */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Tags the YAML 1.2 core schema defines; any other tag is read as text with a warning. */
const coreTags = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** How many nodes alias expansion may produce in one piece before it is cut off (billion laughs). */
const maxAliasExpansion = 10_000;

const composerOptions = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: false,
  maxAliasCount,
  prettyErrors: false,
  keepSourceTokens: false,
  intAsBigInt: false,
} as const;

interface Context {
  readonly lines: LineIndex;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly diagnostics: ArchDiagnostic[];
  aliasNodes: number;
  aliasReported: boolean;
}

/** Reads one YAML text. Never throws for any input that passed the pre-parse scans. */
export function readYaml(text: string): ReadResult & { readonly extraDocuments: readonly Range[] } {
  const lines = new LineIndex(text);
  const diagnostics: ArchDiagnostic[] = [];
  const parser = new Parser();
  const composer = new Composer(composerOptions);
  const documents = Array.from(composer.compose(parser.parse(text)));
  const extraDocuments: Range[] = [];
  if (documents.length === 0) return { value: undefined, plain: null, diagnostics, extraDocuments };
  const doc = documents[0]!;
  for (let index = 1; index < documents.length; index++) {
    const extra = documents[index]!;
    // Point at the `---` marker that starts the extra document, when there is one.
    const previousEnd = documents[index - 1]!.range[2] ?? 0;
    const marker = text.indexOf('---', previousEnd);
    const start = marker >= 0 && marker <= extra.range[0] ? marker : extra.range[0];
    extraDocuments.push(lines.rangeOf(start, Math.min(text.length, start + 3)));
  }
  for (const error of doc.errors) diagnostics.push(yamlProblem(error.code, error.message, error.pos, lines, 'error'));
  for (const warning of doc.warnings) {
    // Unresolved tags are reported by our own walk, with a clearer message.
    if (warning.code === 'TAG_RESOLVE_FAILED') continue;
    diagnostics.push(yamlProblem(warning.code, warning.message, warning.pos, lines, 'warning'));
  }
  const context: Context = { lines, text, doc, diagnostics, aliasNodes: 0, aliasReported: false };
  // A document with nothing written in it (`---` alone, or with comments) is empty, as an empty file is.
  if (isNothingWritten(doc.contents)) return { value: undefined, plain: null, diagnostics, extraDocuments };
  const converted = convert(doc.contents as YamlNode, context, 0);
  return { value: converted?.node, plain: converted?.plain ?? null, diagnostics, extraDocuments };
}

/**
 * Whether a node stands for nothing written: absent, or the null that yaml puts where a value is
 * left out (no text, no tag). `null` or `~` written out is a value.
 */
function isNothingWritten(node: unknown): boolean {
  return (
    node === null ||
    node === undefined ||
    (isScalar(node) && node.value === null && (node.range?.[0] ?? 0) === (node.range?.[1] ?? 0) && node.tag === undefined)
  );
}

function yamlProblem(
  code: string,
  message: string,
  pos: readonly [number, number],
  lines: LineIndex,
  severity: 'error' | 'warning',
): ArchDiagnostic {
  const ownCode =
    code === 'TAB_AS_INDENT'
      ? Codes.tabIndentation
      : code === 'MULTIPLE_DOCS'
        ? Codes.multipleDocuments
        : code === 'RESOURCE_EXHAUSTION'
          ? Codes.tooManyAliases
          : Codes.yamlSyntax;
  // The composer's messages are bare sentences (only parseDocument's prettyErrors adds where).
  const start = Math.max(0, Math.min(pos[0], lines.text.length));
  const end = Math.max(start, Math.min(pos[1], lines.text.length));
  return {
    code: ownCode,
    severity,
    message:
      ownCode === Codes.tabIndentation
        ? 'Tabs are not allowed for indentation in YAML; indent with spaces.'
        : `YAML: ${message.endsWith('.') ? message : `${message}.`}`,
    range: lines.rangeOf(start, end),
    source: 'cloudarch',
  };
}

interface Converted {
  readonly node: ValueNode;
  readonly plain: unknown;
}

function rangeOfNode(node: YamlNode, context: Context): Range {
  const span = node.range ?? [0, 0, 0];
  return context.lines.rangeOf(span[0], span[1]);
}

function convert(node: YamlNode, context: Context, depth: number): Converted | undefined {
  if (depth > maxNestingDepth * 2) {
    reportAliasLimit(node, context);
    return undefined;
  }
  if (isAlias(node)) {
    const target = node.resolve(context.doc);
    context.aliasNodes++;
    // yaml's composer accepts an alias of an anchor it never saw; said nothing, the value would
    // only show up later as missing, with no word about the alias.
    if (target === undefined) reportUnknownAnchor(node, context);
    if (target === undefined || context.aliasNodes > maxAliasExpansion) {
      if (target !== undefined) reportAliasLimit(node, context);
      return undefined;
    }
    return convert(target as YamlNode, context, depth + 1);
  }
  if (context.aliasNodes > 0) {
    context.aliasNodes++;
    if (context.aliasNodes > maxAliasExpansion) {
      reportAliasLimit(node, context);
      return undefined;
    }
  }
  const tag = (node as { tag?: string }).tag;
  const unsafeTag = tag !== undefined && !coreTags.has(tag);
  if (unsafeTag) {
    context.diagnostics.push({
      code: Codes.unsafeTag,
      severity: 'warning',
      message: `The tag \`${shortTag(tag)}\` is not part of YAML 1.2's core schema; it is ignored and the value is read as plain data.`,
      range: rangeOfNode(node, context),
      source: 'cloudarch',
    });
  }
  if (isScalar(node)) return convertScalar(node, context, unsafeTag);
  if (isMap(node)) return convertMap(node, context, depth);
  if (isSeq(node)) {
    const items: ValueNode[] = [];
    const plain: unknown[] = [];
    for (const item of node.items) {
      const converted = convert(item as YamlNode, context, depth + 1);
      if (converted === undefined) {
        plain.push(null);
        continue;
      }
      items.push(converted.node);
      plain.push(converted.plain);
    }
    const seq: SeqNode = { kind: 'seq', range: rangeOfNode(node, context), items, flow: node.flow === true };
    return { node: seq, plain };
  }
  return undefined;
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

function reportUnknownAnchor(alias: YamlNode & { source: string }, context: Context): void {
  context.diagnostics.push({
    code: Codes.yamlSyntax,
    severity: 'error',
    message: `\`*${alias.source}\` refers to no anchor: write \`&${alias.source}\` on a value before it. The alias is read as no value.`,
    range: rangeOfNode(alias, context),
    source: 'cloudarch',
  });
}

function reportAliasLimit(node: YamlNode, context: Context): void {
  if (context.aliasReported) return;
  context.aliasReported = true;
  context.diagnostics.push({
    code: Codes.tooManyAliases,
    severity: 'error',
    message: `Aliases expand to more than ${maxAliasExpansion} values here (or refer to themselves); the expansion is cut off.`,
    range: rangeOfNode(node, context),
    source: 'cloudarch',
  });
}

function convertScalar(node: Scalar, context: Context, unsafeTag: boolean): Converted {
  const span = node.range ?? [0, 0, 0];
  const range = context.lines.rangeOf(span[0], span[1]);
  const source = context.text.slice(span[0], span[1]);
  let value: string | number | boolean | null;
  const raw: unknown = node.value;
  if (unsafeTag) value = typeof raw === 'string' ? raw : unquote(source);
  else if (typeof raw === 'number') {
    if (Number.isFinite(raw)) value = raw;
    else {
      context.diagnostics.push({
        code: Codes.nonFiniteNumber,
        severity: 'error',
        message: `\`${source}\` is not a finite number; write a number between -1.7e308 and 1.7e308 (the value is ignored).`,
        range,
        source: 'cloudarch',
      });
      value = null;
    }
    if (value !== null && leadingZeroInteger.test(source)) context.diagnostics.push(octalLookingNumber(source, value, range));
  } else if (typeof raw === 'bigint') value = Number(raw);
  else if (typeof raw === 'string' || typeof raw === 'boolean' || raw === null) value = raw;
  else value = raw === undefined ? null : String(raw);
  const scalar: ScalarNode = { kind: 'scalar', range, value, source };
  return { node: scalar, plain: value };
}

/** A plain integer written with a leading zero, which YAML 1.1 would have read as octal. */
const leadingZeroInteger = /^[-+]?0[0-9]+$/;

/**
 * `0755` is the decimal 755 under YAML 1.2 (this format) but the octal 493 for YAML 1.1 tools, and
 * `010` reads as 10 or 8 depending on the reader: point it out and offer the unambiguous spellings.
 */
export function octalLookingNumber(source: string, value: number, range: Range): ArchDiagnostic {
  const digits = source.replace(/^[-+]/, '');
  const octal = /^[0-7]+$/.test(digits)
    ? `; YAML 1.1 tools read it as the octal ${source.startsWith('-') ? '-' : ''}${parseInt(digits, 8)}`
    : '';
  return {
    code: Codes.octalLookingNumber,
    severity: 'warning',
    message: `\`${source}\` is read as the decimal number ${value} (YAML 1.2${octal}); write \`${value}\`, or quote it if you meant text.`,
    range,
    source: 'cloudarch',
    fixes: [
      { title: `Change to \`${value}\``, edits: [{ range, newText: String(value) }], isPreferred: true },
      { title: `Quote as text \`"${source}"\``, edits: [{ range, newText: `"${source}"` }] },
    ],
  };
}

function unquote(source: string): string {
  if (source.length >= 2 && (source[0] === '"' || source[0] === "'") && source[source.length - 1] === source[0]) return source.slice(1, -1);
  return source;
}

function convertMap(node: YamlNode & { items: unknown[]; flow?: boolean }, context: Context, depth: number): Converted {
  const entries: MapEntry[] = [];
  const plain: Record<string, unknown> = {};
  const firstKeyRange = new Map<string, Range>();
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as YamlNode | null;
    const valueNode = pair.value as YamlNode | null;
    if (keyNode === null || keyNode === undefined || !isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
      const where = keyNode ? rangeOfNode(keyNode, context) : valueNode ? rangeOfNode(valueNode, context) : rangeOfNode(node, context);
      context.diagnostics.push({
        code: Codes.invalidKey,
        severity: 'error',
        message: 'A key here must be a plain name such as `type` or a resource name.',
        range: where,
        source: 'cloudarch',
      });
      continue;
    }
    const key = String(keyNode.value);
    const keyRange = rangeOfNode(keyNode, context);
    let converted: Converted | undefined;
    if (!isNothingWritten(valueNode)) converted = convert(valueNode as YamlNode, context, depth + 1);
    entries.push({ key, keyRange, value: converted?.node });
    if (key === '<<') {
      context.diagnostics.push({
        code: Codes.mergeKey,
        severity: 'warning',
        message: 'YAML 1.2 has no merge keys: `<<` is read as an ordinary key, not merged. Write the properties out in full.',
        range: keyRange,
        source: 'cloudarch',
      });
    }
    if (forbiddenKeys.has(key)) {
      context.diagnostics.push({
        code: Codes.forbiddenKey,
        severity: 'error',
        message: `\`${key}\` cannot be used as a key: it could alter the objects of programs that read this file. The entry is ignored.`,
        range: keyRange,
        source: 'cloudarch',
      });
      continue;
    }
    const first = firstKeyRange.get(key);
    if (first !== undefined) {
      context.diagnostics.push({
        code: Codes.duplicateKey,
        severity: 'error',
        message: `\`${key}\` is already defined in this map; this later definition is ignored.`,
        range: keyRange,
        source: 'cloudarch',
        related: [{ message: `First definition of \`${key}\``, range: first }],
      });
      continue;
    }
    firstKeyRange.set(key, keyRange);
    plain[key] = converted === undefined ? null : converted.plain;
  }
  const map: MapNode = { kind: 'map', range: rangeOfNode(node, context), entries, flow: node.flow === true };
  return { node: map, plain };
}

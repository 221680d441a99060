/**
 * Reading a CloudFormation template (YAML with the short intrinsic tags, or JSON) into plain values,
 * bounded like any other input: the same size, nesting and alias limits the architecture parser
 * applies (src/core/scan.ts) are checked on the raw text before `yaml` composes anything, and
 * every problem is reported with its line and column.
 */
import { Composer, isAlias, isMap, isScalar, isSeq, Parser, type Document, type Node, type Tags } from 'yaml';
import { LineIndex } from '../core/line-index';
import { maxAliasCount, maxFileSize, maxNestingDepth, scanStructure } from '../core/scan';

/** A template value once its short tags are spelled out (`!Ref X` is `{ Ref: 'X' }`). */
export type CfnValue = string | number | boolean | null | CfnValue[] | { [key: string]: CfnValue };
export type CfnObject = { [key: string]: CfnValue };

/** A problem with a template at a 1-based line and column, as editors show them. */
export abstract class LocatedError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

/** A template that cannot be read, with where the problem is. */
export class TemplateError extends LocatedError {
  override readonly name = 'TemplateError';
}

/** CloudFormation's own limit is 500 resources per template; this leaves room for generated ones. */
export const maxTemplateResources = 2000;

/** The short forms CloudFormation accepts, and the long form each one stands for. */
const shortTags: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!If': 'Fn::If',
  '!Select': 'Fn::Select',
  '!Join': 'Fn::Join',
  '!FindInMap': 'Fn::FindInMap',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Base64': 'Fn::Base64',
  '!Split': 'Fn::Split',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Cidr': 'Fn::Cidr',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

/**
 * The short tags registered with `yaml` as custom tags in all three forms (scalar, sequence, map),
 * so the composer accepts them without a warning and keeps the tag on the node; the walk below
 * turns a tagged node into the long form.
 */
const customTags: Tags = Object.keys(shortTags).flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value },
]) as unknown as Tags;

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** A template read into values, with the line of each resource for comments and messages. */
export interface ReadTemplate {
  readonly value: CfnObject;
  /** Logical id -> 1-based line of its key. */
  readonly resourceLines: ReadonlyMap<string, number>;
}

/** Reads template text; throws `TemplateError` for anything that is not a readable CloudFormation template. */
export function readTemplate(text: string): ReadTemplate {
  const lines = new LineIndex(text);
  const at = (offset: number): { line: number; column: number } => {
    const position = lines.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  };
  const fail = (message: string, offset = 0): never => {
    const where = at(offset);
    throw new TemplateError(message, where.line, where.column);
  };
  if (text.length > maxFileSize)
    fail(
      `the template is ${text.length} characters long; templates over ${maxFileSize} are not read (CloudFormation itself accepts at most 1 MB).`,
    );
  if (text.trim() === '') fail('the template is empty.');
  const scan = scanStructure(text);
  if (scan.tooDeepAt !== undefined) fail(`the template nests deeper than ${maxNestingDepth} levels; it is not read.`, scan.tooDeepAt);
  if (scan.aliasCount > maxAliasCount)
    fail(
      `the template uses ${scan.aliasCount} anchors and aliases; more than ${maxAliasCount} are not read (they can expand exponentially).`,
    );

  const parser = new Parser();
  const composer = new Composer({ version: '1.2', schema: 'core', customTags, uniqueKeys: true, prettyErrors: false, merge: false });
  const documents: Document.Parsed[] = [...composer.compose(parser.parse(text), true)];
  const first = documents[0];
  if (first === undefined) return fail('the template is empty.');
  for (const error of first.errors) fail(error.message.split('\n')[0] ?? error.message, error.pos[0]);
  if (documents.length > 1) fail('the text holds more than one YAML document; a template is one document.', documents[1]?.range[0] ?? 0);

  const resourceLines = new Map<string, number>();
  let aliasBudget = 10_000;
  const toValue = (node: unknown, depth: number): CfnValue => {
    if (depth > maxNestingDepth) return fail(`the template nests deeper than ${maxNestingDepth} levels.`, offsetOf(node));
    if (isAlias(node)) {
      if (--aliasBudget < 0) return fail('aliases expand to too many nodes.', offsetOf(node));
      return toValue(node.resolve(first), depth + 1);
    }
    let value: CfnValue;
    if (isMap(node)) {
      const object: CfnObject = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof key !== 'string' && typeof key !== 'number')
          return fail('a map key must be a plain string.', offsetOf(pair.key ?? node));
        const name = String(key);
        if (forbiddenKeys.has(name)) return fail(`the key '${name}' is not allowed.`, offsetOf(pair.key));
        object[name] = toValue(pair.value, depth + 1);
      }
      value = object;
    } else if (isSeq(node)) {
      value = node.items.map((item) => toValue(item, depth + 1));
    } else if (isScalar(node)) {
      const raw = node.value;
      if (raw === null || raw === undefined) value = null;
      else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') value = raw;
      else value = String(raw as string);
    } else if (node === null || node === undefined) {
      value = null;
    } else {
      return fail('unexpected YAML node.', offsetOf(node));
    }
    const tag = (node as Node).tag;
    if (tag !== undefined && tag.startsWith('!') && !tag.startsWith('!!')) {
      const long = shortTags[tag];
      if (long === undefined)
        return fail(`unknown tag '${tag}'; CloudFormation's short forms are ${Object.keys(shortTags).join(', ')}.`, offsetOf(node));
      if (long === 'Fn::GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        if (dot <= 0) return fail(`!GetAtt needs 'Resource.Attribute', not '${value}'.`, offsetOf(node));
        value = [value.slice(0, dot), value.slice(dot + 1)];
      }
      if (long === 'Fn::GetAZs' && value === null) value = '';
      return { [long]: value };
    }
    return value;
  };

  const contents = first.contents;
  if (!isMap(contents))
    return fail('a CloudFormation template is a map with a `Resources` section; this text is not a map.', offsetOf(contents));
  const value = toValue(contents, 0);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('a CloudFormation template is a map.');
  if ('cloudarch' in value && !('Resources' in value)) {
    return fail('this is a CloudArch architecture (it has a `cloudarch:` key), not a CloudFormation template.');
  }
  const resourcesPair = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'Resources');
  if (resourcesPair === undefined) return fail('not a CloudFormation template: there is no `Resources` section (every template has one).');
  const resources = value.Resources;
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources))
    return fail('`Resources` must be a map from logical ids to resources.', offsetOf(resourcesPair.value ?? resourcesPair.key));
  const resourceNodes = isMap(resourcesPair.value) ? resourcesPair.value.items : [];
  if (resourceNodes.length > maxTemplateResources)
    fail(
      `the template has ${resourceNodes.length} resources; more than ${maxTemplateResources} are not read (CloudFormation allows 500).`,
      offsetOf(resourcesPair.key),
    );
  for (const pair of resourceNodes) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    const where = offsetOf(pair.key);
    if (!/^[A-Za-z0-9]+$/.test(id)) fail(`the logical id '${id}' is not alphanumeric, as CloudFormation requires.`, where);
    resourceLines.set(id, at(where).line);
    const resource = resources[id];
    if (typeof resource !== 'object' || resource === null || Array.isArray(resource))
      fail(`the resource '${id}' must be a map with a \`Type\`.`, where);
    const type = (resource as CfnObject).Type;
    if (typeof type !== 'string' || type === '') fail(`the resource '${id}' has no \`Type\` string.`, where);
  }
  return { value, resourceLines };
}

function offsetOf(node: unknown): number {
  const range = (node as { range?: readonly number[] } | null | undefined)?.range;
  return range?.[0] ?? 0;
}

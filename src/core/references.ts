/**
 * Finds every reference a resource makes, by walking its value tree alongside the catalog's
 * property shapes: a `reference` shape anywhere (top-level, in lists, in nested objects, in
 * `one-of` variants) yields an occurrence with the exact range of the name.
 */
import type { DependencyRole, PropertyDef, PropertyShape } from '../model/catalog-types';
import type { MapNode, Position, Range, ReferenceSite, ScalarNode, ValueNode, ValuePath } from './document';

/** A reference as found in one resource, before the file's resource names are known. */
export interface ReferenceDraft extends ReferenceSite {
  /** The type patterns the property accepts (`*` for anything). */
  readonly accepts: readonly string[];
  /**
   * The property also accepts plain text (`ami: amazon-linux-2023` or a pipeline's name): the value
   * is a reference only when a resource of that name exists, and is never reported as unknown.
   */
  readonly onlyIfResolved?: boolean;
  /** The text after `:` in `name:port` when it is not a valid port. */
  readonly badPort?: { readonly text: string; readonly range: Range };
}

/** An IPv4 or IPv6 block (`10.0.0.0/8`, `0.0.0.0/0`, `::/0`); anything else in its place is a name. */
const cidrLike = /^[0-9a-fA-F:.]+\/\d{1,3}$/;

/** All references in a resource body, given its properties (the type's, or only the common ones). */
export function findReferences(body: MapNode, properties: Readonly<Record<string, PropertyDef>>): ReferenceDraft[] {
  const found: ReferenceDraft[] = [];
  for (const entry of body.entries) {
    const def = ownProperty(properties, entry.key);
    if (def === undefined || entry.value === undefined) continue;
    walk(def.shape, entry.value, [entry.key], def.dependency ?? 'hard', found);
  }
  return found;
}

/**
 * A record's own entry for a key written by the user. Plain indexing would find `__proto__` or
 * `constructor` on every object and treat them as property definitions.
 */
export function ownProperty<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function walk(shape: PropertyShape, node: ValueNode, path: ValuePath, role: DependencyRole, found: ReferenceDraft[]): void {
  switch (shape.kind) {
    case 'reference':
      if (node.kind === 'scalar') {
        const draft = referenceFromScalar(node, shape, path, role);
        if (draft !== undefined) found.push(draft);
      }
      return;
    case 'list':
      if (node.kind === 'seq') node.items.forEach((item, index) => walk(shape.items, item, [...path, index], role, found));
      return;
    case 'object':
      if (node.kind === 'map') {
        const start = found.length;
        for (const entry of node.entries) {
          const def = ownProperty(shape.properties, entry.key);
          if (def === undefined || entry.value === undefined) continue;
          walk(def.shape, entry.value, [...path, entry.key], def.dependency ?? role, found);
        }
        // `{ to: db, port: 5432, optional: true }`: the siblings qualify the reference.
        const port = scalarOf(node, 'port');
        const optional = scalarOf(node, 'optional');
        for (let index = start; index < found.length; index++) {
          const draft = found[index]!;
          if (draft.path.length !== path.length + 1) continue;
          found[index] = {
            ...draft,
            ...(typeof port === 'number' ? { port } : {}),
            ...(optional === true ? { optional: true } : {}),
          };
        }
      }
      return;
    case 'one-of': {
      const variant = shape.variants.find((candidate) => fits(candidate, node));
      if (variant === undefined) return;
      const start = found.length;
      walk(variant, node, path, role, found);
      const alsoText =
        variant.kind === 'reference' && shape.variants.some((candidate) => candidate.kind === 'string' || candidate.kind === 'enum');
      if (alsoText) for (let index = start; index < found.length; index++) found[index] = { ...found[index]!, onlyIfResolved: true };
      return;
    }
    default:
      return;
  }
}

function fits(shape: PropertyShape, node: ValueNode): boolean {
  if (node.kind === 'map') return shape.kind === 'object' || shape.kind === 'map';
  if (node.kind === 'seq') return shape.kind === 'list';
  return shape.kind !== 'object' && shape.kind !== 'map' && shape.kind !== 'list';
}

function scalarOf(map: MapNode, key: string): unknown {
  const entry = map.entries.find((candidate) => candidate.key === key);
  return entry?.value?.kind === 'scalar' ? entry.value.value : undefined;
}

function referenceFromScalar(
  node: ScalarNode,
  shape: Extract<PropertyShape, { kind: 'reference' }>,
  path: ValuePath,
  role: DependencyRole,
): ReferenceDraft | undefined {
  if (typeof node.value !== 'string' || node.value === '') return undefined;
  const text = node.value;
  if (shape.allowCidr && cidrLike.test(text)) return undefined;
  const nameStart = startOfText(node, text);
  let target = text;
  let port: number | undefined;
  let badPort: ReferenceDraft['badPort'];
  if (shape.allowPort) {
    const colon = text.lastIndexOf(':');
    if (colon > 0) {
      target = text.slice(0, colon);
      const portText = text.slice(colon + 1);
      const portNumber = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
      if (Number.isInteger(portNumber) && portNumber <= 65535) port = portNumber;
      else {
        // A value wrapped over several lines has no column for its port: the error then covers the
        // whole scalar, rather than letting the typo pass unseen.
        badPort = {
          text: portText,
          range:
            nameStart !== undefined
              ? {
                  start: { line: nameStart.line, character: nameStart.character + colon + 1 },
                  end: { line: nameStart.line, character: nameStart.character + text.length },
                }
              : writtenRange(node),
        };
      }
    }
  }
  // Text that cannot be a resource name (`Web Server`, `db!`) is still a reference: the user meant
  // one, and the unknown-reference diagnostic says that no resource has that name. (The target is
  // never empty: the value is not, and a port is split off only after a colon past the first
  // character.)
  const range: Range =
    nameStart !== undefined
      ? { start: nameStart, end: { line: nameStart.line, character: nameStart.character + target.length } }
      : writtenRange(node);
  return {
    path,
    target,
    range,
    role,
    accepts: shape.to,
    ...(port !== undefined ? { port } : {}),
    ...(badPort !== undefined ? { badPort } : {}),
  };
}

/**
 * Where a scalar's value starts when the value is written whole on one line: after the opening
 * quote, if any, on a one-line scalar; on the one content line of a block scalar (`|-` or `>-` with
 * the name on the next line). Undefined for a value wrapped over several lines.
 */
function startOfText(node: ScalarNode, text: string): Position | undefined {
  const { start, end } = node.range;
  if (start.line === end.line) {
    const quoteOffset = node.source.startsWith('"') || node.source.startsWith("'") ? 1 : 0;
    return { line: start.line, character: start.character + quoteOffset };
  }
  // The source is the text as written: its lines after the first start at column 0.
  const lines = node.source.split(/\r?\n/);
  const holding = lines.flatMap((line, index) => (index > 0 && line.trim() === text ? [index] : []));
  if (holding.length !== 1) return undefined;
  const index = holding[0]!;
  return { line: start.line + index, character: lines[index]!.indexOf(text) };
}

/**
 * A multi-line scalar's range without the line break that ends a block scalar: an edit that
 * replaces the name must not join the next line onto it.
 */
function writtenRange(node: ScalarNode): Range {
  const lines = node.source.replace(/\s+$/, '').split(/\r?\n/);
  const last = lines.length - 1;
  return {
    start: node.range.start,
    end: { line: node.range.start.line + last, character: (last === 0 ? node.range.start.character : 0) + lines[last]!.length },
  };
}

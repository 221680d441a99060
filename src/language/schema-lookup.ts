/**
 * Which property definitions apply at a path of the file: the top-level keys, the keys of
 * `workload`/`assumptions`/`targets`, and a resource's properties from the catalog, followed down
 * through objects, lists, maps and `one-of` shapes. Completion and hover both read the format this way,
 * so they never disagree about what a key means.
 */
import type { PropertyDef, PropertyShape, ResourceTypeDef } from '../model/catalog-types';
import { commonProperties } from '../model/common-properties';
import type { PathStep } from './cursor-context';
import { sectionProperties, topLevelProperties } from '../model/top-level-keys';

/** Finds the catalog type of a resource by its name (from the last parse or from the text). */
export type TypeOfResource = (resourceName: string) => ResourceTypeDef | undefined;

/**
 * The entry of `key` in a table of definitions, only if the table itself has it. Keys come from the
 * user's file, and a plain lookup would find `__proto__` or `constructor` on Object.prototype.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** A shape's alternatives: a `one-of` is its variants (flattened), anything else is itself. */
export function variantsOf(shape: PropertyShape): PropertyShape[] {
  return shape.kind === 'one-of' ? shape.variants.flatMap(variantsOf) : [shape];
}

/** The shapes a value at `steps` below `shape` may take. */
function descend(shapes: readonly PropertyShape[], steps: readonly PathStep[]): PropertyShape[] {
  let current = shapes.flatMap(variantsOf);
  for (const step of steps) {
    const next: PropertyShape[] = [];
    for (const shape of current) {
      if (step === -1) {
        if (shape.kind === 'list') next.push(...variantsOf(shape.items));
      } else if (shape.kind === 'object') {
        const property = ownEntry(shape.properties, step);
        if (property) next.push(...variantsOf(property.shape));
      } else if (shape.kind === 'map') {
        next.push(...variantsOf(shape.values));
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

/** The properties of a resource of this type, or only the common ones while `type` is unknown. */
export function resourceProperties(typeDef: ResourceTypeDef | undefined): Readonly<Record<string, PropertyDef>> {
  return typeDef?.properties ?? commonProperties;
}

/**
 * The keys allowed in the map at `path`, with their definitions. Undefined where keys are free
 * (resource names, tags) or the path is not part of the format.
 */
export function propertiesAt(path: readonly PathStep[], typeOf: TypeOfResource): Readonly<Record<string, PropertyDef>> | undefined {
  if (path.length === 0) return topLevelProperties;
  const [first, second, ...rest] = path;
  if (typeof first === 'string' && path.length === 1 && ownEntry(sectionProperties, first)) return ownEntry(sectionProperties, first);
  if (typeof first === 'string' && first !== 'resources') return nestedTopLevelProperties(first, path.slice(1));
  if (first !== 'resources' || typeof second !== 'string') return undefined;
  const own = resourceProperties(typeOf(second));
  if (rest.length === 0) return own;
  const [key, ...deeper] = rest;
  const property = typeof key === 'string' ? ownEntry(own, key) : undefined;
  if (!property) return undefined;
  const objects = descend([property.shape], deeper).filter((shape) => shape.kind === 'object');
  if (objects.length === 0) return undefined;
  return Object.assign({}, ...objects.map((shape) => (shape.kind === 'object' ? shape.properties : {})));
}

/**
 * Keys below a top-level key other than `resources`: inside a section's own object property
 * (`targets: simulation:`) or inside a structured top-level key (`scenarios: NAME:`).
 */
function nestedTopLevelProperties(first: string, steps: readonly PathStep[]): Readonly<Record<string, PropertyDef>> | undefined {
  const section = ownEntry(sectionProperties, first);
  let shapes: PropertyShape[];
  if (section !== undefined) {
    const [key, ...deeper] = steps;
    const property = typeof key === 'string' ? ownEntry(section, key) : undefined;
    if (!property) return undefined;
    shapes = descend([property.shape], deeper);
  } else {
    const property = ownEntry(topLevelProperties, first);
    if (!property) return undefined;
    shapes = descend([property.shape], steps);
  }
  const objects = shapes.filter((shape) => shape.kind === 'object');
  if (objects.length === 0) return undefined;
  return Object.assign({}, ...objects.map((shape) => (shape.kind === 'object' ? shape.properties : {})));
}

/** The definition of `key` in the map at `path`. */
export function propertyAt(path: readonly PathStep[], key: string, typeOf: TypeOfResource): PropertyDef | undefined {
  const properties = propertiesAt(path, typeOf);
  return properties ? ownEntry(properties, key) : undefined;
}

/**
 * The shapes a value at `path` may take, where `path` ends at the value itself (for example
 * `['resources', 'web', 'connectsTo', -1]`).
 */
export function shapesAt(path: readonly PathStep[], typeOf: TypeOfResource): PropertyShape[] {
  for (let split = path.length - 1; split >= 0; split--) {
    const key = path[split];
    if (typeof key !== 'string') continue;
    const property = propertyAt(path.slice(0, split), key, typeOf);
    if (property) return descend([property.shape], path.slice(split + 1));
    return [];
  }
  return [];
}

/** A few words for a shape, used as completion detail: `enum`, `list of references`, `number (GB)`. */
export function describeShape(shape: PropertyShape, unit?: string): string {
  const withUnit = (text: string) => (unit ? `${text} (${unit})` : text);
  switch (shape.kind) {
    case 'enum':
      return shape.values.map((value) => String(value.value)).join(' | ');
    case 'number':
      return withUnit(shape.integer ? 'integer' : 'number');
    case 'reference':
      return `reference to ${shape.to.includes('*') ? 'any resource' : shape.to.join(', ')}`;
    case 'list':
      return `list of ${describeShape(shape.items)}`;
    case 'one-of':
      return shape.variants.map((variant) => describeShape(variant)).join(' or ');
    case 'object':
      return 'object';
    case 'map':
      return `map of ${describeShape(shape.values)}`;
    default:
      return withUnit(shape.kind);
  }
}

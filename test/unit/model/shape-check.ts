/**
 * A small, independent checker of plain values against catalog property shapes, for tests that
 * want to know that snippets and bundled examples say only what the catalog allows, without
 * depending on the parser under test. Deliberately shallow: it reports the problems a reader would
 * notice (unknown keys, wrong types, values outside an enum or a range, references to nothing).
 */
import type { PropertyShape } from '../../../src/model/catalog-types';
import { dbInstanceClass } from '../../../src/model/db-instance-classes';

/** What a reference may resolve to: the file's resource names with their types. */
export type ResourceTypes = ReadonlyMap<string, string | undefined>;

/** Whether a type id matches a reference pattern (`aws.rds.*`, `*`, or an exact id). */
function matches(typeId: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return typeId.startsWith(pattern.slice(0, -1));
  return typeId === pattern;
}

const cidrPattern = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9a-f:]+\/\d{1,3}$/i;

/** The snippet as a user sees it after accepting every placeholder's first choice or default text. */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/**
 * Problems with `value` against `shape`, as messages naming `path`. With `resources`, reference
 * values must name a resource of an allowed type; without, any string is accepted.
 */
export function shapeProblems(shape: PropertyShape, value: unknown, path: string, resources?: ResourceTypes): string[] {
  switch (shape.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected a boolean, got ${JSON.stringify(value)}`];
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return [`${path}: expected a number, got ${JSON.stringify(value)}`];
      const problems: string[] = [];
      if (shape.integer && !Number.isInteger(value)) problems.push(`${path}: expected an integer`);
      if (shape.minimum !== undefined && value < shape.minimum) problems.push(`${path}: ${value} is below ${shape.minimum}`);
      if (shape.maximum !== undefined && value > shape.maximum) problems.push(`${path}: ${value} is above ${shape.maximum}`);
      return problems;
    }
    case 'enum':
      return shape.values.some((entry) => entry.value === value)
        ? []
        : [`${path}: ${JSON.stringify(value)} is not one of ${shape.values.map((entry) => String(entry.value)).join(', ')}`];
    case 'list': {
      if (!Array.isArray(value)) return [`${path}: expected a list`];
      const problems = value.flatMap((item, index) => shapeProblems(shape.items, item, `${path}[${index}]`, resources));
      if (shape.minItems !== undefined && value.length < shape.minItems) problems.push(`${path}: fewer than ${shape.minItems} items`);
      if (shape.maxItems !== undefined && value.length > shape.maxItems) problems.push(`${path}: more than ${shape.maxItems} items`);
      return problems;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected a map`];
      const problems = Object.entries(value).flatMap(([key, child]) => {
        const def = shape.properties[key];
        return def ? shapeProblems(def.shape, child, `${path}.${key}`, resources) : [`${path}: unknown key ${key}`];
      });
      for (const key of shape.required ?? []) if (!(key in value)) problems.push(`${path}: missing ${key}`);
      return problems;
    }
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected a map`];
      return Object.entries(value).flatMap(([key, child]) => shapeProblems(shape.values, child, `${path}.${key}`, resources));
    case 'one-of': {
      const attempts = shape.variants.map((variant) => shapeProblems(variant, value, path, resources));
      return attempts.some((problems) => problems.length === 0)
        ? []
        : attempts.reduce((best, next) => (next.length < best.length ? next : best));
    }
    case 'db-instance-class':
      return typeof value === 'string' && dbInstanceClass(value) ? [] : [`${path}: ${JSON.stringify(value)} is not a known instance class`];
    case 'zone':
      return typeof value === 'string' && /^[a-f]$/.test(value) ? [] : [`${path}: ${JSON.stringify(value)} is not a zone letter`];
    case 'region':
      return typeof value === 'string' && /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(value)
        ? []
        : [`${path}: ${JSON.stringify(value)} is not a region name`];
    case 'port':
      return value === 'all' || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535)
        ? []
        : [`${path}: ${JSON.stringify(value)} is not a port`];
    case 'cidr':
      return typeof value === 'string' && cidrPattern.test(value) ? [] : [`${path}: ${JSON.stringify(value)} is not a CIDR block`];
    case 'reference': {
      if (typeof value !== 'string') return [`${path}: expected a resource name`];
      if (shape.allowCidr && cidrPattern.test(value)) return [];
      if (!resources) return [];
      const name = shape.allowPort ? value.replace(/:\d+$/, '') : value;
      if (!resources.has(name)) return [`${path}: no resource named ${name}`];
      const targetType = resources.get(name);
      if (targetType && !shape.to.some((pattern) => matches(targetType, pattern)))
        return [`${path}: ${name} is a ${targetType}, expected ${shape.to.join(' or ')}`];
      return [];
    }
    case 'string': {
      if (typeof value !== 'string') return [`${path}: expected a string, got ${JSON.stringify(value)}`];
      if (shape.pattern && !new RegExp(shape.pattern).test(value))
        return [`${path}: ${JSON.stringify(value)} does not match ${shape.pattern}`];
      return [];
    }
    case 'instance-type':
      return typeof value === 'string' && /^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(value)
        ? []
        : [`${path}: ${JSON.stringify(value)} is not an instance type name`];
    default:
      return [];
  }
}

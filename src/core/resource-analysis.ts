/**
 * Everything about one resource that depends only on its own text: the `ResourceNode`, its
 * references (not yet resolved against the file's names), and the diagnostics that need nothing but
 * the resource and the catalog (name, type, schema, per-type rules). Because nothing here looks at
 * other resources, the result is cached with the resource's piece of text and reused while the
 * text is unchanged.
 */
import { allResourceTypes, resourceType } from '../model/catalog';
import type { ArchDiagnostic, MapEntry, Position, Range, ResourceNode } from './document';
import { commonProperties, securityGroupsProperty, subnetProperty, zonesProperty } from '../model/common-properties';
import type { PropertyDef } from '../model/catalog-types';
import { Codes } from './codes';
import { findReferences, type ReferenceDraft } from './references';
import { closestMatches, orList } from './suggest';
import { checkResourceSchema } from './schema-check';
import { checkResourceRules } from './resource-rules';
import { checkPercentFractions } from './unit-checks';

/** What is known about a resource from its own text. Ranges as in the entry given. */
export interface ResourceAnalysis {
  readonly resource: ResourceNode;
  readonly drafts: readonly ReferenceDraft[];
  readonly diagnostics: readonly ArchDiagnostic[];
}

/** The resource-name rule of the format. */
export const resourceNamePattern = /^[a-z][a-z0-9-]{0,62}$/;

/** Properties to look for references in when the type is unknown: the common ones of any type. */
const fallbackProperties: Readonly<Record<string, PropertyDef>> = {
  ...commonProperties,
  zones: zonesProperty,
  subnet: subnetProperty,
  securityGroups: securityGroupsProperty,
};

/**
 * The end of a resource: its value's end, unless the value is an alias, whose nodes keep the range
 * of the anchor they copy (possibly earlier in the file): then the name's end, so the range is never
 * inverted.
 */
function laterEnd(keyRange: Range, valueRange: Range | undefined): Position {
  if (valueRange === undefined) return keyRange.end;
  const after = valueRange.end.line - keyRange.end.line || valueRange.end.character - keyRange.end.character;
  return after >= 0 ? valueRange.end : keyRange.end;
}

/** Analyses one entry of the `resources:` map. */
export function analyzeResource(entry: MapEntry): ResourceAnalysis {
  const diagnostics: ArchDiagnostic[] = [];
  const name = entry.key;
  const body = entry.value?.kind === 'map' ? entry.value : undefined;
  const typeEntry = body?.entries.find((candidate) => candidate.key === 'type');
  const typeValue = typeEntry?.value?.kind === 'scalar' && typeof typeEntry.value.value === 'string' ? typeEntry.value.value : undefined;
  const typeDef = typeValue === undefined ? undefined : resourceType(typeValue);
  const props: Record<string, unknown> = {};
  if (body !== undefined) collectPlain(body, props);

  const resource: ResourceNode = {
    name,
    nameRange: entry.keyRange,
    range: { start: entry.keyRange.start, end: laterEnd(entry.keyRange, entry.value?.range) },
    type: typeValue,
    typeRange: typeEntry?.value?.range,
    typeDef,
    body,
    props,
  };

  if (!resourceNamePattern.test(name)) {
    const suggestion = name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .slice(0, 63);
    diagnostics.push({
      code: Codes.resourceNameInvalid,
      severity: 'error',
      message: `\`${name}\` is not a valid resource name: use 1 to 63 lowercase letters, digits and hyphens, starting with a letter.`,
      range: entry.keyRange,
      source: 'cloudarch',
      resource: name,
      ...(suggestion !== '' && resourceNamePattern.test(suggestion)
        ? { fixes: [{ title: `Rename to \`${suggestion}\``, edits: [{ range: entry.keyRange, newText: suggestion }] }] }
        : {}),
    });
  }

  if (body === undefined) {
    diagnostics.push({
      code: entry.value === undefined ? Codes.missingRequired : Codes.resourceNotAMap,
      severity: 'error',
      message:
        entry.value === undefined
          ? `Resource \`${name}\` has no properties; it needs at least a \`type\`.`
          : `Resource \`${name}\` must be a map of properties starting with \`type\`, not a ${entry.value.kind === 'seq' ? 'list' : 'single value'}.`,
      range: entry.value?.range ?? entry.keyRange,
      source: 'cloudarch',
      resource: name,
    });
    return { resource, drafts: [], diagnostics };
  }

  if (typeEntry === undefined) {
    diagnostics.push({
      code: Codes.missingRequired,
      severity: 'error',
      message: `Resource \`${name}\` has no \`type\`; every resource needs one, such as \`aws.ec2.instance\`.`,
      range: entry.keyRange,
      source: 'cloudarch',
      resource: name,
    });
  } else if (typeValue === undefined) {
    diagnostics.push({
      code: Codes.wrongType,
      severity: 'error',
      message: 'The `type` must be a resource type name such as `aws.ec2.instance`.',
      range: typeEntry.value?.range ?? typeEntry.keyRange,
      source: 'cloudarch',
      resource: name,
    });
  } else if (typeDef === undefined) {
    const ids = allResourceTypes().map((def) => def.id);
    const close = closestMatches(typeValue, ids);
    const range = typeEntry.value!.range;
    diagnostics.push({
      code: Codes.unknownType,
      severity: 'error',
      message:
        close.length > 0
          ? `\`${typeValue}\` is not a resource type; did you mean ${orList(close)}?`
          : `\`${typeValue}\` is not a resource type; types are named like \`aws.ec2.instance\` or \`external.users\`.`,
      range,
      source: 'cloudarch',
      resource: name,
      ...(close.length > 0
        ? {
            fixes: close.map((candidate, index) => ({
              title: `Change to \`${candidate}\``,
              edits: [{ range, newText: candidate }],
              isPreferred: index === 0,
            })),
          }
        : {}),
    });
  }

  const drafts = findReferences(body, typeDef?.properties ?? fallbackProperties);
  if (typeDef !== undefined) {
    diagnostics.push(...checkResourceSchema(resource, typeDef));
    diagnostics.push(...checkResourceRules(resource, typeDef));
    diagnostics.push(...checkPercentFractions(body, typeDef.properties, name));
  }
  return { resource, drafts, diagnostics };
}

/** How YAML 1.2 writes null; a null scalar written otherwise is a value the reader rejected. */
const nullSources = new Set(['', '~', 'null', 'Null', 'NULL']);

/** Plain values of a map, as the YAML reader produced them but rebuilt from the node tree. */
function collectPlain(map: import('./document').MapNode, into: Record<string, unknown>): void {
  for (const entry of map.entries) {
    if (entry.key === '__proto__' || entry.key === 'constructor' || entry.key === 'prototype') continue;
    if (Object.prototype.hasOwnProperty.call(into, entry.key)) continue;
    // A value the reader rejected (a non-finite number) is left out rather than passed on as null.
    if (entry.value?.kind === 'scalar' && entry.value.value === null && !nullSources.has(entry.value.source)) continue;
    into[entry.key] = plainOf(entry.value);
  }
}

/** The plain value of a node (numbers, strings, booleans, null, arrays, objects). */
export function plainOf(node: import('./document').ValueNode | undefined): unknown {
  if (node === undefined) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plainOf);
  const object: Record<string, unknown> = {};
  collectPlain(node, object);
  return object;
}

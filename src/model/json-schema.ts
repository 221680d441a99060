/**
 * The catalog as a JSON Schema (draft-07), for two audiences: the validator (ajv, one compiled
 * validator per resource type) and editors that read a schema directly, such as Red Hat's YAML
 * extension (descriptions, enum descriptions, defaults). Pure: the same catalog always gives the
 * same schema, and schemas/cloudarch.schema.json is this function's output, checked by a test.
 *
 * Resources are selected by `type` with `if`/`then` rather than a plain `oneOf`: a `oneOf` over
 * forty types reports an error from every branch, while `if`/`then` reports only the errors of the
 * type the resource declares.
 */
import type { EnumValue, PropertyDef, PropertyShape, ResourceTypeDef } from './catalog-types';
import { topLevelProperties } from './top-level-keys';

/** A JSON Schema object. Kept loose on purpose: it is data for ajv and editors. */
export type JsonSchema = { readonly [key: string]: unknown };

/** The `$id` of the generated schema. */
export const schemaId = 'https://cloudarch.dev/schemas/cloudarch.schema.json';

/** The resource-name rule of the format, as a JSON Schema pattern. */
export const resourceNameSchemaPattern = '^[a-z][a-z0-9-]{0,62}$';

const letterZone = '^[a-z]$';
const regionPattern = '^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$';
const cidrPattern = '^(([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}|[0-9a-fA-F:]+/[0-9]{1,3})$';

/** Markdown for an enum value list, one line per value. */
function enumDescriptions(values: readonly EnumValue[]): string[] {
  return values.map((value) => value.description);
}

/** The JSON Schema of one property shape. */
export function shapeSchema(shape: PropertyShape): JsonSchema {
  switch (shape.kind) {
    case 'string':
      return {
        type: 'string',
        ...(shape.pattern !== undefined ? { pattern: shape.pattern } : {}),
        ...(shape.minLength !== undefined ? { minLength: shape.minLength } : {}),
        ...(shape.maxLength !== undefined ? { maxLength: shape.maxLength } : {}),
        ...(shape.examples !== undefined ? { examples: [...shape.examples] } : {}),
      };
    case 'number':
      return {
        type: shape.integer ? 'integer' : 'number',
        ...(shape.minimum !== undefined ? { minimum: shape.minimum } : {}),
        ...(shape.maximum !== undefined ? { maximum: shape.maximum } : {}),
      };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return {
        enum: shape.values.map((value) => value.value),
        enumDescriptions: enumDescriptions(shape.values),
        markdownEnumDescriptions: enumDescriptions(shape.values),
      };
    case 'instance-type':
      return { type: 'string', pattern: '^[a-z][a-z0-9-]*\\.[a-z0-9-]+$', examples: ['t3.micro', 't3.medium', 'm5.large'] };
    case 'db-instance-class':
      return { type: 'string', pattern: '^(db|cache|dc2|ra3|ds2)\\.[a-z0-9-]+\\.[a-z0-9-]+$', examples: ['db.t3.micro', 'db.r5.large'] };
    case 'zone':
      return { type: 'string', pattern: letterZone, examples: ['a', 'b', 'c'] };
    case 'region':
      return { type: 'string', pattern: regionPattern, examples: ['us-east-1', 'us-west-2', 'eu-west-1'] };
    case 'cidr':
      return { type: 'string', pattern: cidrPattern, examples: ['10.0.0.0/16', '0.0.0.0/0'] };
    case 'port':
      return { anyOf: [{ type: 'integer', minimum: 0, maximum: 65535 }, { const: 'all' }] };
    case 'reference':
      return { type: 'string', minLength: 1 };
    case 'list':
      return {
        type: 'array',
        items: shapeSchema(shape.items),
        ...(shape.minItems !== undefined ? { minItems: shape.minItems } : {}),
        ...(shape.maxItems !== undefined ? { maxItems: shape.maxItems } : {}),
        ...(shape.uniqueItems ? { uniqueItems: true } : {}),
      };
    case 'object':
      return objectSchema(shape.properties, shape.required ?? [], shape.additionalProperties ?? false);
    case 'map':
      return { type: 'object', additionalProperties: shapeSchema(shape.values) };
    case 'one-of':
      return { anyOf: shape.variants.map(shapeSchema) };
  }
}

/** The JSON Schema of a property: its shape plus what editors show (description, default). */
export function propertySchema(def: PropertyDef): JsonSchema {
  const unit = def.unit !== undefined ? ` (${def.unit})` : '';
  return {
    ...shapeSchema(def.shape),
    description: `${def.description}${unit}`,
    markdownDescription: `${def.description}${unit}`,
    ...(def.default !== undefined ? { default: def.default } : {}),
  };
}

function objectSchema(properties: Readonly<Record<string, PropertyDef>>, required: readonly string[], additional: boolean): JsonSchema {
  const requiredKeys = [
    ...new Set([
      ...required,
      ...Object.entries(properties)
        .filter(([, def]) => def.required)
        .map(([key]) => key),
    ]),
  ];
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(properties).map(([key, def]) => [key, propertySchema(def)])),
    ...(requiredKeys.length > 0 ? { required: requiredKeys } : {}),
    additionalProperties: additional,
  };
}

/** The key under `definitions` of a resource type's schema. */
export function definitionKey(typeId: string): string {
  return typeId;
}

/** The schema of one resource of a type: its properties, `type` fixed to the type's id. */
export function resourceTypeSchema(def: ResourceTypeDef): JsonSchema {
  const base = objectSchema(def.properties, [], false) as { properties: Record<string, JsonSchema>; required?: string[] };
  return {
    ...base,
    title: def.title,
    description: `${def.title} (${def.service}). ${def.docs.what}`,
    properties: { ...base.properties, type: { const: def.id, description: `${def.title} (${def.service}).` } },
    required: [...new Set(['type', ...(base.required ?? [])])],
  };
}

/** The whole file's schema: top-level keys, and each resource checked against its type's definition. */
export function buildJsonSchema(types: readonly ResourceTypeDef[]): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  for (const def of types) definitions[definitionKey(def.id)] = resourceTypeSchema(def);
  const typeIds = types.map((def) => def.id);
  const resourceSchema: JsonSchema = {
    type: 'object',
    required: ['type'],
    properties: {
      type: {
        description: 'The kind of resource, `aws.<service>.<kind>` or `external.<kind>`.',
        enum: typeIds,
        enumDescriptions: types.map((def) => `${def.title} (${def.service})`),
        markdownEnumDescriptions: types.map((def) => `**${def.title}** (${def.service}): ${def.docs.what}`),
      },
    },
    allOf: types.map((def) => ({
      if: { properties: { type: { const: def.id } }, required: ['type'] },
      then: { $ref: `#/definitions/${definitionKey(def.id)}` },
    })),
  };
  const topLevel = objectSchema(topLevelProperties, [], false) as { properties: Record<string, JsonSchema>; required?: string[] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId,
    title: 'CloudArch architecture',
    description:
      'An AWS architecture described as resources with their properties, for the CloudArch extension and CLI (`*.cloudarch.yaml`).',
    ...topLevel,
    properties: {
      ...topLevel.properties,
      cloudarch: { ...topLevel.properties.cloudarch, type: ['string', 'number'] },
      resources: {
        ...topLevel.properties.resources,
        type: 'object',
        propertyNames: { pattern: resourceNameSchemaPattern },
        additionalProperties: resourceSchema,
      },
    },
    definitions,
  };
}

/**
 * Schema validation with ajv against the schema generated from the catalog, and the translation of
 * ajv's errors into diagnostics a person understands, placed on the exact key or value. ajv only
 * says where and which rule failed; the wording comes from the catalog's property shapes and
 * units ("expected a number of GB, got the string `lots`"), never from ajv's own messages.
 *
 * One validator per resource type, compiled the first time a resource of that type is seen.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { PropertyDef, PropertyShape, ResourceTypeDef } from '../model/catalog-types';
import { buildJsonSchema, resourceTypeSchema, type JsonSchema } from '../model/json-schema';
import { topLevelProperties } from '../model/top-level-keys';
import type { ArchDiagnostic, FixPayload, MapEntry, MapNode, Range, ResourceNode, ValueNode, ValuePath } from './document';
import { Codes } from './codes';
import { lazy } from './lazy';
import { ownProperty } from './references';
import { plainOf } from './resource-analysis';
import { closestMatches, orList } from './suggest';

/** Memo: each resource type's validator, keyed by its catalog definition (a constant). */
const validators = new WeakMap<ResourceTypeDef, ValidateFunction>();

/** The ajv options validation runs with; scripts/generate-validators.ts compiles with the same. */
export const ajvOptions = { allErrors: true, verbose: true, strict: false, validateSchema: false } as const;
/** Editor-only keywords of the schema, which ajv must accept and ignore. */
export const editorKeywords = ['enumDescriptions', 'markdownEnumDescriptions', 'markdownDescription', 'defaultSnippets'];

/** A new ajv instance set up for the catalog's schemas. */
export function createAjv(extra: Record<string, unknown> = {}): Ajv {
  const instance = new Ajv({ ...ajvOptions, ...extra });
  instance.addVocabulary(editorKeywords);
  return instance;
}

/** The instance that compiles a validator the build did not (see `precompiledValidators`). */
const ajv = lazy(() => createAjv());

/** The validators compiled at build time (src/core/generated/validators.ts), by type id and `top-level`. */
type PrecompiledValidators = Readonly<Record<string, ValidateFunction>>;

/**
 * The build-time validators, loaded on first use rather than at import, so starting the server or
 * the CLI does not pay for them. Absent (a catalog type added without `npm run generate`), a
 * validator is compiled at run time instead; a unit test keeps the generated module current.
 */
const precompiledValidators = lazy((): PrecompiledValidators | undefined => {
  try {
    return (require('./generated/validators') as { validators: PrecompiledValidators }).validators;
  } catch {
    return undefined;
  }
});

/**
 * Each type's schema is self-contained (no `$ref`), so each type has a validator of its own: taken
 * from the build-time module, or compiled the first time a resource of that type is validated.
 */
function validatorFor(typeDef: ResourceTypeDef): ValidateFunction {
  let validate = validators.get(typeDef);
  if (validate === undefined) {
    validate = precompiledValidators()?.[typeDef.id] ?? ajv().compile(validationSchema(resourceTypeSchema(typeDef)) as object);
    validators.set(typeDef, validate);
  }
  return validate;
}

/** The key of the top-level validator among the precompiled ones (no type id looks like it). */
export const topLevelValidatorKey = 'top-level';

/** The schema of the top-level keys; `resources` is accepted as is (each resource is validated alone). */
export function topLevelValidationSchema(): JsonSchema {
  const whole = buildJsonSchema([]) as { properties: Record<string, JsonSchema> };
  delete whole.properties.resources;
  return validationSchema({ type: 'object', properties: { ...whole.properties, resources: {} }, additionalProperties: false });
}

/** Keywords for people and editors; validation ignores them, so they are left out of validators. */
const annotationKeywords = new Set([
  'title',
  'description',
  'markdownDescription',
  'examples',
  'default',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'defaultSnippets',
]);

/**
 * A schema without its annotations: what a validator needs. Property names are kept even where a
 * property is called `description` (a key of `properties` is a name, not a keyword).
 */
export function validationSchema(schema: JsonSchema): JsonSchema {
  const strip = (value: unknown, isPropertyTable: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => strip(item, false));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (!isPropertyTable && annotationKeywords.has(key)) continue;
      out[key] = strip(child, !isPropertyTable && (key === 'properties' || key === 'patternProperties' || key === 'definitions'));
    }
    return out;
  };
  return strip(schema, false) as JsonSchema;
}

const topLevel = lazy((): ValidateFunction => precompiledValidators()?.[topLevelValidatorKey] ?? ajv().compile(topLevelValidationSchema()));

/** Validates one resource of a known type. */
export function checkResourceSchema(resource: ResourceNode, typeDef: ResourceTypeDef): ArchDiagnostic[] {
  if (resource.body === undefined) return [];
  const validate = validatorFor(typeDef);
  if (validate(resource.props)) return [];
  return translate(validate.errors ?? [], {
    body: resource.body,
    ownerRange: resource.nameRange,
    properties: typeDef.properties,
    what: `${article(typeDef.title)} ${typeDef.title}`,
    resource: resource.name,
  });
}

/** Keys the reader already refused; they never become object keys. */
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Validates the top-level keys (everything but the resources themselves). */
export function checkTopLevelSchema(root: MapNode): ArchDiagnostic[] {
  const validate = topLevel();
  // The resources are validated one by one; converting them here would cost a walk of the whole file.
  const plain: Record<string, unknown> = {};
  for (const entry of root.entries) {
    if (Object.prototype.hasOwnProperty.call(plain, entry.key) || unsafeKeys.has(entry.key)) continue;
    plain[entry.key] = entry.key === 'resources' ? {} : plainOf(entry.value);
  }
  if (validate(plain)) return [];
  // `cloudarch: 1` is a number in YAML and is read as the version it looks like.
  // `cloudarch: 1` is a number in YAML and is read as the version it looks like; an unknown
  // version is reported once, as `unsupported-version`, by the top-level reader.
  const errors = (validate.errors ?? []).filter(
    (error) =>
      !(
        error.instancePath === '/cloudarch' &&
        (error.keyword === 'pattern' || (error.keyword === 'type' && typeof error.data === 'number'))
      ),
  );
  return translate(errors, {
    body: root,
    ownerRange: root.entries[0]?.keyRange ?? root.range,
    properties: topLevelProperties,
    what: 'the file',
    resource: undefined,
  });
}

function article(word: string): string {
  return /^[aeiouAEIOU]|^(EBS|EC2|EFS|EMR|ECS|S3|RDS|FSx|NAT)\b/.test(word) && !/^(Use|Uni)/.test(word) ? 'an' : 'a';
}

interface Target {
  readonly body: MapNode;
  readonly ownerRange: Range;
  readonly properties: Readonly<Record<string, PropertyDef>>;
  readonly what: string;
  readonly resource: string | undefined;
}

/**
 * ajv's JSON pointer -> path segments: numbers for list indexes, text for map keys. The pointer
 * writes both alike, so each segment is read against the node it steps into: a key of digits
 * (`tags: { "12": x }`) stays a key. Past the written nodes, digits are taken for an index.
 */
function pathOf(pointer: string, body: MapNode): (string | number)[] {
  if (pointer === '') return [];
  let node: ValueNode | undefined = body;
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const index = node?.kind !== 'map' && /^\d+$/.test(segment) ? Number(segment) : undefined;
      if (node?.kind === 'map') node = node.entries.find((entry) => entry.key === segment)?.value;
      else node = node?.kind === 'seq' && index !== undefined ? node.items[index] : undefined;
      return index ?? segment;
    });
}

interface Located {
  readonly node: ValueNode | undefined;
  /** The map entry holding the node, when the node's parent is a map. */
  readonly entry: MapEntry | undefined;
  /** The range of the seq item when the node is an item. */
  readonly itemRange: Range | undefined;
}

function locateNode(body: MapNode, path: ValuePath): Located {
  let node: ValueNode | undefined = body;
  let entry: MapEntry | undefined;
  let itemRange: Range | undefined;
  for (const segment of path) {
    if (node === undefined) break;
    if (node.kind === 'map' && typeof segment === 'string') {
      entry = node.entries.find((candidate) => candidate.key === segment);
      node = entry?.value;
      itemRange = undefined;
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      node = node.items[segment];
      itemRange = node?.range;
      entry = undefined;
    } else return { node: undefined, entry, itemRange };
  }
  return { node, entry, itemRange };
}

/** The catalog property and shape at a path, following lists, objects and one-of variants. */
function shapeAt(
  properties: Readonly<Record<string, PropertyDef>>,
  path: ValuePath,
): { def: PropertyDef | undefined; shape: PropertyShape | undefined; key: string | undefined } {
  if (path.length === 0) return { def: undefined, shape: { kind: 'object', properties }, key: undefined };
  const [first, ...rest] = path;
  let def = typeof first === 'string' ? ownProperty(properties, first) : undefined;
  let shape: PropertyShape | undefined = def?.shape;
  let key = typeof first === 'string' ? first : undefined;
  for (const segment of rest) {
    if (shape === undefined) break;
    shape = resolveVariant(shape, segment);
    if (shape?.kind === 'list' && typeof segment === 'number') shape = shape.items;
    else if (shape?.kind === 'object' && typeof segment === 'string') {
      def = ownProperty(shape.properties, segment);
      shape = def?.shape;
      key = segment;
    } else if (shape?.kind === 'map' && typeof segment === 'string') {
      shape = shape.values;
      key = segment;
    } else shape = undefined;
  }
  return { def, shape, key };
}

/** For a step into a one-of value, the variant that can contain that step. */
function resolveVariant(shape: PropertyShape, segment: string | number): PropertyShape | undefined {
  if (shape.kind !== 'one-of') return shape;
  return shape.variants.find((variant) =>
    typeof segment === 'number' ? variant.kind === 'list' : variant.kind === 'object' || variant.kind === 'map',
  );
}

/** What a shape expects, as words: "a number of GB", "one of `gp2`, `gp3`". */
export function describeShape(shape: PropertyShape | undefined, unit?: string): string {
  if (shape === undefined) return 'a different value';
  switch (shape.kind) {
    case 'string':
      return shape.examples && shape.examples.length > 0 ? `text such as \`${shape.examples[0]}\`` : 'text';
    case 'number': {
      const noun = shape.integer ? 'a whole number' : 'a number';
      return unit !== undefined && unit !== '' ? `${noun} of ${unit}` : noun;
    }
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return `one of ${shape.values.map((value) => String(value.value)).join(', ')}`;
    case 'instance-type':
      return 'an EC2 instance type such as `t3.medium`';
    case 'db-instance-class':
      return 'a database instance class such as `db.r5.large`';
    case 'zone':
      return 'an availability zone letter such as `a`';
    case 'region':
      return 'an AWS region such as `us-west-2`';
    case 'cidr':
      return 'a CIDR block such as `10.0.0.0/16`';
    case 'port':
      return 'a port number from 0 to 65535, or `all`';
    case 'reference':
      return shape.allowPort
        ? 'a resource name, or `name:port`'
        : shape.allowCidr
          ? 'a resource name or a CIDR block'
          : 'the name of a resource in this file';
    case 'list':
      return `a list of ${describeItems(shape.items)}`;
    case 'object':
      return `a map with ${Object.keys(shape.properties)
        .slice(0, 6)
        .map((key) => `\`${key}\``)
        .join(', ')}`;
    case 'map':
      return 'a map of names to values';
    case 'one-of':
      return shape.variants.map((variant) => describeShape(variant, unit)).join(', or ');
  }
}

/**
 * What the items of a list are, in the plural: "whole numbers", "resource names, or `name:port`".
 * Each shape has its own words: making the first word of the singular plural gave "wholes number".
 */
function describeItems(shape: PropertyShape): string {
  switch (shape.kind) {
    case 'string':
      return shape.examples && shape.examples.length > 0 ? `texts such as \`${shape.examples[0]}\`` : 'texts';
    case 'number':
      return shape.integer ? 'whole numbers' : 'numbers';
    case 'boolean':
      return '`true` or `false` values';
    case 'enum':
      return `values, each one of ${shape.values.map((value) => String(value.value)).join(', ')}`;
    case 'instance-type':
      return 'EC2 instance types such as `t3.medium`';
    case 'db-instance-class':
      return 'database instance classes such as `db.r5.large`';
    case 'zone':
      return 'availability zone letters such as `a`';
    case 'region':
      return 'AWS regions such as `us-west-2`';
    case 'cidr':
      return 'CIDR blocks such as `10.0.0.0/16`';
    case 'port':
      return 'port numbers from 0 to 65535, or `all`';
    case 'reference':
      return shape.allowPort
        ? 'resource names, or `name:port`'
        : shape.allowCidr
          ? 'resource names or CIDR blocks'
          : 'names of resources in this file';
    case 'list':
      return `lists of ${describeItems(shape.items)}`;
    case 'object':
      return describeShape(shape).replace(/^a map/, 'maps');
    case 'map':
      return 'maps of names to values';
    case 'one-of':
      return shape.variants.map(describeItems).join(', or ');
  }
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `the text \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  if (typeof value === 'number') return `the number \`${value}\``;
  if (typeof value === 'boolean') return `\`${value}\``;
  if (Array.isArray(value)) return 'a list';
  return 'a map';
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function translate(errors: readonly ErrorObject[], target: Target): ArchDiagnostic[] {
  const kept = pruneAlternatives(errors);
  const diagnostics: ArchDiagnostic[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    const diagnostic = translateOne(error, target);
    if (diagnostic === undefined) continue;
    const key = `${diagnostic.code}|${diagnostic.range.start.line}:${diagnostic.range.start.character}|${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/**
 * For `anyOf` failures, keep the errors of the alternative that matches the kind of value written
 * (a map -> the object variant's own errors), or else one error for the `anyOf` itself.
 */
function pruneAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((error) => error.keyword === 'anyOf');
  if (anyOfs.length === 0) return [...errors];
  const dropped = new Set<ErrorObject>();
  for (const anyOf of anyOfs) {
    const prefix = `${anyOf.schemaPath}/`;
    // The errors of this value's alternatives: every item of a list shares the same schema path,
    // so an error of another item (`volumes: [5, { sizeGB: big }]`) is not one of them.
    const within = `${anyOf.instancePath}/`;
    const branches = errors.filter(
      (error) =>
        error !== anyOf &&
        error.schemaPath.startsWith(prefix) &&
        (error.instancePath === anyOf.instancePath || error.instancePath.startsWith(within)),
    );
    const variants = (anyOf.schema as JsonSchema[]) ?? [];
    const data = anyOf.data;
    const dataKind = data !== null && typeof data === 'object' ? (Array.isArray(data) ? 'array' : 'object') : 'scalar';
    const matching = variants.findIndex((variant) =>
      dataKind === 'scalar' ? variant.type !== 'object' && variant.type !== 'array' : variant.type === dataKind,
    );
    const matchingPrefix = `${anyOf.schemaPath}/${matching}/`;
    const keepBranch = dataKind !== 'scalar' && matching >= 0 && branches.some((error) => error.schemaPath.startsWith(matchingPrefix));
    for (const branch of branches) if (!(keepBranch && branch.schemaPath.startsWith(matchingPrefix))) dropped.add(branch);
    if (keepBranch) dropped.add(anyOf);
  }
  return errors.filter((error) => !dropped.has(error));
}

/** The words YAML 1.1 read as booleans (lower-cased), and the boolean each meant. */
const yaml11Booleans: ReadonlyMap<string, boolean> = new Map([
  ['yes', true],
  ['y', true],
  ['on', true],
  ['no', false],
  ['n', false],
  ['off', false],
]);

function translateOne(error: ErrorObject, target: Target): ArchDiagnostic | undefined {
  const path = pathOf(error.instancePath, target.body);
  const located = locateNode(target.body, path);
  const { def, shape, key } = shapeAt(target.properties, path);
  const name = key ?? (path.length > 0 ? String(path[path.length - 1]) : undefined);
  const valueRange = located.node?.range ?? located.entry?.keyRange ?? located.itemRange ?? target.ownerRange;
  const base = { source: 'cloudarch' as const, ...(target.resource !== undefined ? { resource: target.resource } : {}) };
  const where = path.length === 0 ? target.what : `\`${path.filter((segment) => typeof segment === 'string').join('.')}\``;
  // A key written with nothing after it: said once, the same way whichever shape it wanted (an
  // enum's check would otherwise report "`null` is not a valid ...", which nobody wrote).
  if ((error.keyword === 'type' || error.keyword === 'enum') && (error.data === null || error.data === undefined)) {
    return {
      ...base,
      code: Codes.wrongType,
      severity: 'error',
      message: `${typeof path[path.length - 1] === 'number' ? `An item of \`${name}\`` : `\`${name}\``} has no value; expected ${describeShape(shape, def?.unit)}.`,
      range: located.entry?.keyRange ?? valueRange,
    };
  }
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      const container = path.length === 0 ? target.body : located.node;
      const extraEntry = container?.kind === 'map' ? container.entries.find((entry) => entry.key === extra) : undefined;
      const allowed = Object.keys(((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      const close = closestMatches(extra, allowed);
      const range = extraEntry?.keyRange ?? valueRange;
      const fixes: FixPayload[] = close.map((candidate, order) => ({
        title: `Change to \`${candidate}\``,
        edits: [{ range, newText: candidate }],
        isPreferred: order === 0,
      }));
      const owner = path.length === 0 ? target.what : where;
      return {
        ...base,
        code: Codes.unknownProperty,
        severity: 'error',
        message:
          close.length > 0
            ? `\`${extra}\` is not a property of ${owner}; did you mean ${orList(close)}?`
            : `\`${extra}\` is not a property of ${owner}.${allowed.length > 0 && allowed.length <= 12 ? ` Expected one of ${allowed.map((candidate) => `\`${candidate}\``).join(', ')}.` : ''}`,
        range,
        ...(fixes.length > 0 ? { fixes } : {}),
      };
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      const nested = shapeAt(target.properties, [...path, missing]);
      const range = path.length === 0 ? target.ownerRange : (located.entry?.keyRange ?? located.itemRange ?? valueRange);
      const description = nested.def?.description ? ` ${firstSentence(nested.def.description)}` : '';
      return {
        ...base,
        code: Codes.missingRequired,
        severity: 'error',
        message: `${path.length === 0 ? capitalise(target.what) : where} needs \`${missing}\`.${description}`,
        range,
      };
    }
    case 'type': {
      const meant = shape?.kind === 'boolean' && typeof error.data === 'string' ? yaml11Booleans.get(error.data.toLowerCase()) : undefined;
      if (meant !== undefined) {
        // YAML 1.1 read `yes`/`on`/`y` as booleans; YAML 1.2 (this format) reads them as text.
        return {
          ...base,
          code: Codes.wrongType,
          severity: 'error',
          message: `Expected ${describeShape(shape, def?.unit)} for \`${name}\`, got the text \`${error.data as string}\` (YAML 1.2 no longer reads it as a boolean); did you mean \`${meant}\`?`,
          range: valueRange,
          fixes: [{ title: `Change to \`${meant}\``, edits: [{ range: valueRange, newText: String(meant) }], isPreferred: true }],
        };
      }
      return {
        ...base,
        code: Codes.wrongType,
        severity: 'error',
        message: `Expected ${describeShape(shape, def?.unit)} for \`${name}\`, got ${describeValue(error.data)}.`,
        range: valueRange,
      };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const written = shown(error.data);
      const close = typeof error.data === 'string' ? closestMatches(written, allowed) : [];
      return {
        ...base,
        code: Codes.invalidValue,
        severity: 'error',
        message: `\`${written}\` is not a valid \`${name}\`; expected one of ${allowed.join(', ')}.${close.length > 0 ? ` Did you mean ${orList(close)}?` : ''}`,
        range: valueRange,
        ...(close.length > 0
          ? {
              fixes: close.map((candidate, order) => ({
                title: `Change to \`${candidate}\``,
                edits: [{ range: valueRange, newText: candidate }],
                isPreferred: order === 0,
              })),
            }
          : {}),
      };
    }
    case 'const':
      return {
        ...base,
        code: Codes.invalidValue,
        severity: 'error',
        message: `\`${shown(error.data)}\` is not allowed here; expected \`${shown((error.params as { allowedValue: unknown }).allowedValue)}\`.`,
        range: valueRange,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = (error.params as { limit: number }).limit;
      const unit = def?.unit !== undefined ? ` ${def.unit}` : '';
      const relation =
        error.keyword === 'minimum'
          ? 'at least'
          : error.keyword === 'maximum'
            ? 'at most'
            : error.keyword === 'exclusiveMinimum'
              ? 'more than'
              : 'less than';
      return {
        ...base,
        code: Codes.valueOutOfRange,
        severity: 'error',
        message: `\`${name}\` must be ${relation} ${limit}${unit}; it is ${shown(error.data)}.`,
        range: valueRange,
      };
    }
    case 'pattern':
    case 'format':
      return {
        ...base,
        code: Codes.invalidValue,
        severity: 'error',
        message: `\`${shown(error.data)}\` is not valid for \`${name}\`; expected ${describeShape(shape, def?.unit)}.`,
        range: valueRange,
      };
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return {
        ...base,
        code: Codes.valueOutOfRange,
        severity: 'error',
        message: sizeMessage(error.keyword, name, (error.params as { limit: number }).limit),
        range: valueRange,
      };
    case 'uniqueItems': {
      const params = error.params as { i: number; j: number };
      const items = located.node?.kind === 'seq' ? located.node.items : [];
      const duplicate = items[Math.max(params.i, params.j)];
      return {
        ...base,
        code: Codes.invalidValue,
        severity: 'warning',
        message: `\`${name}\` lists the same value twice.`,
        range: duplicate?.range ?? valueRange,
      };
    }
    case 'anyOf':
      return {
        ...base,
        code: error.data === null ? Codes.wrongType : Codes.invalidValue,
        severity: 'error',
        message: `Expected ${describeShape(shape, def?.unit)} for \`${name}\`, got ${describeValue(error.data)}.`,
        range: valueRange,
      };
    case 'if':
    case 'propertyNames':
      return undefined;
    default:
      return {
        ...base,
        code: Codes.invalidValue,
        severity: 'error',
        message: `The value of \`${name}\` is not valid here; expected ${describeShape(shape, def?.unit)}.`,
        range: valueRange,
      };
  }
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a text or a list of the wrong size is told: `minLength`/`maxLength` for text, `minItems`/`maxItems` for lists. */
function sizeMessage(keyword: 'minLength' | 'maxLength' | 'minItems' | 'maxItems', name: string | undefined, limit: number): string {
  if (keyword === 'minLength') return `\`${name}\` must not be empty.`;
  if (keyword === 'maxLength') return `\`${name}\` is longer than ${limit} characters.`;
  return `\`${name}\` needs ${keyword === 'minItems' ? 'at least' : 'at most'} ${limit} ${limit === 1 ? 'entry' : 'entries'}.`;
}

/**
 * Small builders for property definitions, so the type files read as tables of facts rather than
 * nested object literals. They only shorten; every description is still written per property.
 */
import type { DependencyRole, EnumValue, PropertyDef, PropertyShape, TypePattern } from '../catalog-types';

interface Extra {
  readonly required?: boolean;
  readonly default?: unknown;
  readonly unit?: string;
  readonly example?: unknown;
}

/** An enum shape from `[value, description]` pairs. */
export function enumShape(values: readonly (readonly [string | number | boolean, string])[]): PropertyShape {
  const entries: EnumValue[] = values.map(([value, description]) => ({ value, description }));
  return { kind: 'enum', values: entries };
}

export function enumProp(
  description: string,
  values: readonly (readonly [string | number | boolean, string])[],
  extra: Extra = {},
): PropertyDef {
  return { shape: enumShape(values), description, ...extra };
}

export function boolProp(description: string, defaultValue?: boolean, extra: Extra = {}): PropertyDef {
  return defaultValue === undefined
    ? { shape: { kind: 'boolean' }, description, ...extra }
    : { shape: { kind: 'boolean' }, description, default: defaultValue, ...extra };
}

export function numberProp(
  description: string,
  options: Extra & { readonly minimum?: number; readonly maximum?: number; readonly integer?: boolean } = {},
): PropertyDef {
  const { minimum, maximum, integer, ...extra } = options;
  const shape: PropertyShape = {
    kind: 'number',
    ...(integer ? { integer } : {}),
    ...(minimum !== undefined ? { minimum } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
  };
  return { shape, description, ...extra };
}

export function stringProp(
  description: string,
  options: Extra & { readonly examples?: readonly string[]; readonly pattern?: string; readonly maxLength?: number } = {},
): PropertyDef {
  const { examples, pattern, maxLength, ...extra } = options;
  const shape: PropertyShape = {
    kind: 'string',
    ...(examples ? { examples } : {}),
    ...(pattern ? { pattern } : {}),
    ...(maxLength ? { maxLength } : {}),
  };
  return { shape, description, ...extra };
}

/** A list of references to resources of the given types. */
export function referenceList(
  to: readonly TypePattern[],
  description: string,
  dependency: DependencyRole,
  extra: Extra & { readonly minItems?: number } = {},
): PropertyDef {
  const { minItems, ...rest } = extra;
  return {
    shape: { kind: 'list', items: { kind: 'reference', to }, uniqueItems: true, ...(minItems !== undefined ? { minItems } : {}) },
    description,
    dependency,
    ...rest,
  };
}

/** An object shape from its properties. */
export function objectShape(properties: Readonly<Record<string, PropertyDef>>, required: readonly string[] = []): PropertyShape {
  return { kind: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

/**
 * Small readers over evaluated template values: CloudFormation writes numbers as strings
 * (`MinSize: "1"`) and booleans as strings (`"true"`), and any value may be a reference or
 * unknown until deployment.
 */
import { ResourceRef, Unknown, refsIn, type Evaluated } from './intrinsics';

export type Props = Readonly<Record<string, Evaluated>>;

export function isPlainObject(value: unknown): value is Record<string, Evaluated> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ResourceRef) && !(value instanceof Unknown)
  );
}

export function obj(value: Evaluated | undefined): Props {
  return isPlainObject(value) ? value : {};
}

export function str(value: Evaluated | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function num(value: Evaluated | undefined): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function int(value: Evaluated | undefined): number | undefined {
  const n = num(value);
  return n === undefined ? undefined : Math.trunc(n);
}

export function bool(value: Evaluated | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  return undefined;
}

export function list(value: Evaluated | undefined): Evaluated[] {
  return Array.isArray(value) ? value : value === undefined || value === null || value instanceof Unknown ? [] : [value];
}

/** The resources a value refers to, as logical ids, without repeats. */
export function refIds(value: Evaluated | undefined): string[] {
  return [...new Set(refsIn(value).map((ref) => ref.logicalId))];
}

/** The one resource a value is a direct `Ref`/`GetAtt` to. */
export function directRef(value: Evaluated | undefined): string | undefined {
  return value instanceof ResourceRef ? value.logicalId : undefined;
}

/**
 * What an exported template carries besides its resources, under the `CloudArch` key of the
 * template's and each resource's `Metadata` (which CloudFormation stores but never acts on).
 *
 * Why: a design holds things a deployment has no place for (the traffic figures the cost estimate
 * uses, the internet as a resource, which resource sends traffic to which, the architect's names).
 * Kept in the metadata, they survive an export and import, so the round trip gives the same
 * verdicts. A template written by hand has no such metadata; the import then derives what it can
 * and says what it assumed.
 */

export const metadataKey = 'CloudArch';

/** Per resource: its architecture name and type, and the design properties CloudFormation cannot say. */
export interface ResourceMetadata {
  readonly name: string;
  readonly type: string;
  /** Design properties that are not expressed in the resource's CloudFormation properties. */
  readonly properties?: Readonly<Record<string, unknown>>;
  /** Properties the design leaves unset although the template states them (a subnet list implies zones). */
  readonly unset?: readonly string[];
}

/** For the template: the design's top level and the resources CloudFormation does not deploy. */
export interface TemplateMetadata {
  readonly name?: string;
  readonly description?: string;
  readonly region?: string;
  readonly zones?: readonly string[];
  readonly workload?: unknown;
  readonly assumptions?: unknown;
  readonly targets?: unknown;
  readonly scenarios?: unknown;
  /** Resources with no CloudFormation counterpart (`external.*`, Snow devices), by name, as written in the design. */
  readonly resources?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The CloudArch metadata of a resource or template, when it is well formed. */
export function resourceMetadataOf(metadata: unknown): ResourceMetadata | undefined {
  if (!isRecord(metadata)) return undefined;
  const ours = metadata[metadataKey];
  if (!isRecord(ours) || typeof ours.name !== 'string' || typeof ours.type !== 'string') return undefined;
  return {
    name: ours.name,
    type: ours.type,
    ...(isRecord(ours.properties) ? { properties: ours.properties } : {}),
    ...(Array.isArray(ours.unset) ? { unset: ours.unset.filter((item): item is string => typeof item === 'string') } : {}),
  };
}

export function templateMetadataOf(metadata: unknown): TemplateMetadata | undefined {
  if (!isRecord(metadata)) return undefined;
  const ours = metadata[metadataKey];
  return isRecord(ours) ? (ours as TemplateMetadata) : undefined;
}

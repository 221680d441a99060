/**
 * Hover: the service's documentation on a `type` value, a property's description on its key, an
 * instance type's specs and price, a summary of the resource a reference points at, and an enum
 * value's meaning. All Markdown, all from the catalog, so hover and completion say the same thing.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { ArchDocument, ResourceNode } from '../core/document';
import type { EvaluationFigures } from '../evaluate/figures';
import type { PropertyDef, PropertyShape, ResourceTypeDef, SourcedFigure } from '../model/catalog-types';
import { resourceType } from '../model/catalog';
import type { CatalogTables } from './completion';
import { nodeAt } from './node-at';
import { describeShape, propertyAt, variantsOf, type TypeOfResource } from './schema-lookup';
import { formatHourly, formatPercent, formatUSD } from './text-utils';
import { awsRegions } from '../model/regions';

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function enumValuesOf(shape: PropertyShape): { value: string | number | boolean; description: string }[] {
  return variantsOf(shape).flatMap((variant) => {
    if (variant.kind === 'enum') return [...variant.values];
    if (variant.kind === 'list') return enumValuesOf(variant.items);
    return [];
  });
}

/** The Markdown documentation of a property: description, allowed values, default, unit. */
export function propertyDocumentation(key: string, property: PropertyDef): string {
  const parts = [
    `**${key}**: ${describeShape(property.shape, property.unit)}${property.required ? ' (required)' : ''}`,
    property.description,
  ];
  const values = enumValuesOf(property.shape);
  if (values.length > 0) parts.push(values.map((value) => `- \`${formatValue(value.value)}\`: ${value.description}`).join('\n'));
  const facts: string[] = [];
  if (property.derivedDefault) facts.push(`Default: ${property.derivedDefault.text}`);
  else if (property.default !== undefined) facts.push(`Default: \`${formatValue(property.default)}\``);
  if (property.unit) facts.push(`Unit: ${property.unit}`);
  const numeric = variantsOf(property.shape).find((shape) => shape.kind === 'number');
  if (numeric && numeric.kind === 'number') {
    if (numeric.minimum !== undefined && numeric.maximum !== undefined) facts.push(`Range: ${numeric.minimum} to ${numeric.maximum}`);
    else if (numeric.minimum !== undefined) facts.push(`Minimum: ${numeric.minimum}`);
    else if (numeric.maximum !== undefined) facts.push(`Maximum: ${numeric.maximum}`);
  }
  if (facts.length > 0) parts.push(facts.join(' · '));
  return parts.join('\n\n');
}

function figureText(figure: SourcedFigure): string {
  const kinds: Record<SourcedFigure['kind'], string> = {
    sla: 'SLA commitment',
    designed: 'designed-for figure',
    estimate: 'estimate',
    inherited: 'inherited from the underlying service',
  };
  return `${figure.value}% (${kinds[figure.kind]}; source: ${figure.source})${figure.note ? ` — ${figure.note}` : ''}`;
}

/** The Markdown documentation of a resource type, shown on hover of its `type:` value. */
export function typeDocumentation(def: ResourceTypeDef): string {
  const bullets = (items: readonly string[]) => items.map((item) => `- ${item}`).join('\n');
  const sections = [
    `### ${def.title} — \`${def.id}\``,
    `${def.service} · ${def.category} · ${def.serviceModel} · ${def.placement}`,
    def.docs.what,
    `**When to use.** ${def.docs.whenToUse}`,
  ];
  if (def.docs.limits.length > 0) sections.push(`**Key limits**\n${bullets(def.docs.limits)}`);
  const availability = [`**Availability** of one unit: ${figureText(def.availability)}`];
  for (const variant of def.availabilityVariants ?? []) availability.push(`- ${variant.label}: ${figureText(variant.figure)}`);
  if (def.durability) availability.push(`**Durability**: ${figureText(def.durability)}`);
  sections.push(availability.join('\n'));
  sections.push(`**Pricing.** ${def.docs.pricing}`);
  if (def.docs.customerResponsibility.length > 0)
    sections.push(`**Your side of the shared-responsibility model**\n${bullets(def.docs.customerResponsibility)}`);
  if (def.docs.securityControls.length > 0) sections.push(`**Security controls**\n${bullets(def.docs.securityControls)}`);
  return sections.join('\n\n');
}

/** A short summary of a resource, shown when hovering a reference to it (with its evaluated figures, when known). */
export function resourceSummary(resource: ResourceNode, result?: EvaluationFigures): string {
  const def = resource.typeDef;
  const lines = [`**${resource.name}**${def ? ` — ${def.title}` : ''} (\`${resource.type ?? 'no type'}\`)`];
  const figures: string[] = [];
  const cost = result?.cost?.byResource[resource.name];
  if (cost !== undefined && Number.isFinite(cost)) figures.push(`${formatUSD(cost, { cents: true })}/month`);
  const works = result?.availability?.byResource[resource.name];
  if (works !== undefined && Number.isFinite(works)) figures.push(`works ${formatPercent(works, 3)} of the time`);
  if (result?.availability?.spof.includes(resource.name)) figures.push('single point of failure');
  if (figures.length > 0) lines.push(figures.join(' · '));
  const props = resource.props;
  if (typeof props.label === 'string') lines.push(`Label: ${props.label}`);
  if (Array.isArray(props.zones)) lines.push(`Zones: ${props.zones.join(', ')}`);
  const keyProperties = Object.entries(props)
    .filter(
      ([key, value]) =>
        !['type', 'label', 'zones', 'tags', 'connectsTo', 'dependsOn'].includes(key) && (typeof value !== 'object' || value === null),
    )
    .slice(0, 8)
    .map(([key, value]) => `- ${key}: \`${formatValue(value)}\``);
  // Defaults that follow other properties are shown with their value, so `desired: 4` alone reads as min 1, max 4.
  const derived = def
    ? Object.entries(def.properties).filter(([key, property]) => property.derivedDefault && props[key] === undefined)
    : [];
  for (const [key, property] of derived)
    keyProperties.push(`- ${key}: \`${formatValue(property.derivedDefault!.value(props))}\` (default: ${property.derivedDefault!.text})`);
  if (keyProperties.length > 0) lines.push(keyProperties.join('\n'));
  return lines.join('\n\n');
}

function instanceTypeHover(name: string, tables: CatalogTables): string | undefined {
  const type = tables.instanceTypes().find((entry) => entry.name === name);
  if (!type) return undefined;
  const lines = [
    `**${type.name}** — ${type.category.replace(/-/g, ' ')} (${type.family} family, ${type.arch})`,
    `${type.vcpu} vCPU · ${type.memoryGiB} GiB memory`,
  ];
  if (type.burstable) lines.push('Burstable: baseline CPU with credits for bursts.');
  if (type.instanceStore)
    lines.push(
      `Instance store: ${type.instanceStore.disks} × ${type.instanceStore.sizeGBEach} GB ${type.instanceStore.media}, lost when the instance stops or terminates.`,
    );
  if (type.gpus) lines.push(`GPUs: ${type.gpus}`);
  if (type.networkMbps !== undefined)
    lines.push(`Network: ${type.networkMbps >= 1000 ? `${type.networkMbps / 1000} Gbit/s` : `${type.networkMbps} Mbit/s`} baseline`);
  if (type.onDemandUsdPerHour !== undefined)
    lines.push(
      `On-demand (us-east-1, Linux): ${formatHourly(type.onDemandUsdPerHour)} ≈ $${(type.onDemandUsdPerHour * 730).toFixed(2)}/month`,
    );
  else lines.push('No sourced us-east-1 price: the cost evaluation lists it as unpriced (set `assumptions.prices` to price it).');
  if (type.spotAvgUsdPerHour !== undefined) lines.push(`Spot average: ${formatHourly(type.spotAvgUsdPerHour)}`);
  if (type.priceSource) lines.push(`Price source: ${type.priceSource}${type.priceAsOf ? `, ${type.priceAsOf}` : ''}`);
  if (type.hardwareSource) lines.push(`Hardware source: ${type.hardwareSource}`);
  return lines.join('\n\n');
}

function dbClassHover(name: string, tables: CatalogTables): string | undefined {
  const dbClass = tables.dbInstanceClasses().find((entry) => entry.name === name);
  if (!dbClass) return undefined;
  const lines = [
    `**${dbClass.name}**`,
    `${dbClass.vcpu} vCPU · ${dbClass.memoryGiB} GiB memory${dbClass.networkPerformance ? ` · network ${dbClass.networkPerformance}` : ''}`,
  ];
  const prices = Object.entries(dbClass.onDemandUsdPerHour ?? {});
  if (prices.length > 0)
    lines.push(
      `On-demand Single-AZ (us-east-1):\n${prices.map(([engine, price]) => `- ${engine}: ${formatHourly(price ?? NaN)}`).join('\n')}`,
    );
  else lines.push('No sourced price: the cost evaluation lists it as unpriced (set `assumptions.prices` to price it).');
  if (dbClass.priceSource) lines.push(`Price source: ${dbClass.priceSource}${dbClass.priceAsOf ? `, ${dbClass.priceAsOf}` : ''}`);
  if (dbClass.hardwareSource) lines.push(`Hardware source: ${dbClass.hardwareSource}`);
  return lines.join('\n\n');
}

function typeOfIn(doc: ArchDocument): TypeOfResource {
  return (name) => doc.resourceByName.get(name)?.typeDef;
}

/** Hover at a position of the last parse. */
export function hover(doc: ArchDocument, position: Position, tables: CatalogTables, result?: EvaluationFigures): Hover | null {
  const at = nodeAt(doc, position);
  if (!at) return null;
  const show = (value: string): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: at.range });

  if (at.kind === 'resource-name') {
    const resource = at.resource;
    return show(
      resource.typeDef ? `${resourceSummary(resource, result)}\n\n---\n\n${resource.typeDef.docs.what}` : resourceSummary(resource, result),
    );
  }
  const typeOf = typeOfIn(doc);
  if (at.kind === 'key') {
    if (at.path.length === 2 && at.path[0] === 'resources' && at.key === 'type' && at.resource?.typeDef) {
      return show(propertyDocumentation('type', propertyAt(at.path, 'type', typeOf)!));
    }
    const property = propertyAt(at.path, at.key, typeOf);
    return property ? show(propertyDocumentation(at.key, property)) : null;
  }

  // A value.
  const value = at.node.kind === 'scalar' ? at.node.value : undefined;
  const ownerPath = at.path.slice(0, at.path.lastIndexOf(at.key));
  if (at.path.length === 3 && at.path[0] === 'resources' && at.key === 'type' && typeof value === 'string') {
    const def = resourceType(value);
    return def ? show(typeDocumentation(def)) : null;
  }
  // A reference: the occurrence recorded by the parser at this range.
  const reference = doc.references.find((occurrence) => rangeContainsRange(at.node.range, occurrence.range));
  if (reference) {
    const target = doc.resourceByName.get(reference.target);
    if (!target) return show(`No resource named \`${reference.target}\` in this file.`);
    const port = reference.port !== undefined ? `\n\nPort: ${reference.port}` : '';
    return show(`${resourceSummary(target, result)}${port}`);
  }
  const property = propertyAt(ownerPath, at.key, typeOf);
  if (!property) return null;
  const shapes = variantsOf(property.shape).flatMap((shape) => (shape.kind === 'list' ? variantsOf(shape.items) : [shape]));
  for (const shape of shapes) {
    if (shape.kind === 'enum') {
      const entry = shape.values.find((candidate) => candidate.value === value);
      if (entry)
        return show(
          `**${at.key}: ${formatValue(entry.value)}**\n\n${entry.description}${property.default === entry.value ? '\n\n(the default)' : ''}`,
        );
    }
    if (shape.kind === 'instance-type' && typeof value === 'string') {
      const text = instanceTypeHover(value, tables);
      if (text) return show(text);
    }
    if (shape.kind === 'db-instance-class' && typeof value === 'string') {
      const text = dbClassHover(value, tables);
      if (text) return show(text);
    }
    if (shape.kind === 'region' && typeof value === 'string') {
      const region = awsRegions.find((entry) => entry.name === value);
      if (region) return show(`**${region.name}**: ${region.location}`);
    }
  }
  return show(propertyDocumentation(at.key, property));
}

function rangeContainsRange(outer: { start: Position; end: Position }, inner: { start: Position; end: Position }): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

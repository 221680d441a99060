/**
 * Writes docs/catalog.md from the service catalog, so the reference can never disagree with what
 * completion, hover and the evaluations use. Run with `npx tsx scripts/generate-catalog-docs.ts`;
 * `--check` exits with status 1 when the committed file is out of date (for CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allResourceTypes } from '../src/model/catalog';
import type { PropertyDef, PropertyShape, ResourceTypeDef, SourcedFigure, UnitRule } from '../src/model/catalog-types';
import { allDbInstanceClasses, dbClassRegionalPrice, PRICED_DB_ENGINES } from '../src/model/db-instance-classes';
import { allInstanceTypes, EC2_HARDWARE_AS_OF, ec2RegionalPrice, pricedRegions } from '../src/model/instance-types';

const outputPath = join(__dirname, '..', 'docs', 'catalog.md');

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function shapeSummary(shape: PropertyShape): string {
  switch (shape.kind) {
    case 'enum':
      return shape.values.map((entry) => `\`${String(entry.value)}\``).join(' \\| ');
    case 'reference':
      return `reference to ${shape.to.map((pattern) => `\`${pattern}\``).join(', ')}${shape.allowCidr ? ' or a CIDR' : ''}`;
    case 'list':
      return `list of ${shapeSummary(shape.items)}`;
    case 'one-of':
      return shape.variants.map(shapeSummary).join(' or ');
    case 'object':
      return `{ ${Object.keys(shape.properties).join(', ')} }`;
    case 'map':
      return `map of ${shapeSummary(shape.values)}`;
    case 'number':
      return [
        shape.integer ? 'integer' : 'number',
        shape.minimum !== undefined ? `≥ ${shape.minimum}` : '',
        shape.maximum !== undefined ? `≤ ${shape.maximum}` : '',
      ]
        .filter(Boolean)
        .join(' ');
    default:
      return shape.kind;
  }
}

function unitsText(units: UnitRule): string {
  switch (units.rule) {
    case 'fixed':
      return `${units.units} (fixed)`;
    case 'property':
      return `\`${units.property}\` (default ${units.default})`;
    case 'standby-pair':
      return `2 when \`${units.property}\` is true (primary and standby), else 1`;
  }
}

function figureText(figure: SourcedFigure): string {
  return `${figure.value}% (${figure.kind}; source: ${figure.source})${figure.note ? ` — ${figure.note}` : ''}`;
}

function propertyRows(properties: Readonly<Record<string, PropertyDef>>, prefix = ''): string[] {
  const rows: string[] = [];
  for (const [name, def] of Object.entries(properties)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const flags = [
      def.required ? 'required' : '',
      def.unit ? `unit: ${def.unit}` : '',
      def.dependency && def.dependency !== 'hard' ? `dependency: ${def.dependency}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const defaultText = def.default === undefined ? '' : `\`${JSON.stringify(def.default)}\``;
    rows.push(
      `| \`${path}\` | ${cell(shapeSummary(def.shape))} | ${defaultText} | ${cell(def.description)}${flags ? ` (${flags})` : ''} |`,
    );
    const nested = def.shape.kind === 'list' ? def.shape.items : def.shape;
    if (nested.kind === 'object') rows.push(...propertyRows(nested.properties, `${path}${def.shape.kind === 'list' ? '[]' : ''}`));
    if (nested.kind === 'one-of') {
      for (const variant of nested.variants)
        if (variant.kind === 'object') rows.push(...propertyRows(variant.properties, `${path}${def.shape.kind === 'list' ? '[]' : ''}`));
    }
  }
  return rows;
}

function enumSections(def: ResourceTypeDef): string[] {
  const lines: string[] = [];
  const visit = (shape: PropertyShape, path: string): void => {
    if (shape.kind === 'enum' && shape.values.length > 0) {
      lines.push(`- \`${path}\`:`);
      for (const entry of shape.values) lines.push(`  - \`${String(entry.value)}\`: ${entry.description}`);
    } else if (shape.kind === 'list') visit(shape.items, `${path}[]`);
    else if (shape.kind === 'object') for (const [name, child] of Object.entries(shape.properties)) visit(child.shape, `${path}.${name}`);
    else if (shape.kind === 'one-of') for (const variant of shape.variants) visit(variant, path);
  };
  for (const [name, property] of Object.entries(def.properties)) visit(property.shape, name);
  return lines;
}

function typeSection(def: ResourceTypeDef): string {
  const lines = [
    `### \`${def.id}\` — ${def.title}`,
    '',
    `${def.service}. ${def.docs.what}`,
    '',
    `**When to use.** ${def.docs.whenToUse}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Category | ${def.category} |`,
    `| Service model | ${def.serviceModel} |`,
    `| Placement | ${def.placement}${def.inVpc ? ', in a VPC' : ''} |`,
    `| Units | ${unitsText(def.units)} |`,
    `| Unit availability | ${cell(figureText(def.availability))} |`,
    ...(def.durability ? [`| Durability | ${cell(figureText(def.durability))} |`] : []),
    ...(def.variants ?? []).map((variant) => {
      const parts = [
        variant.availability ? `availability ${figureText(variant.availability)}` : '',
        variant.durability ? `durability ${figureText(variant.durability)}` : '',
        variant.placement ? `placement ${variant.placement}` : '',
      ].filter(Boolean);
      return `| When \`${variant.property}: ${String(variant.value)}\` | ${cell(parts.join('; '))} |`;
    }),
    `| Mean time to repair | ${def.mttrMinutes} min |`,
    ...(def.capacityPerUnitRps ? [`| Capacity per unit | ${def.capacityPerUnitRps} requests/s (estimate, overridable) |`] : []),
    `| Data store | ${def.dataStore ? 'yes' : 'no'} |`,
    '',
    '**Limits and facts**',
    '',
    ...def.docs.limits.map((limit) => `- ${limit}`),
    '',
    '**Your side of the shared-responsibility model**',
    '',
    ...def.docs.customerResponsibility.map((item) => `- ${item}`),
    '',
    '**Security controls**',
    '',
    ...def.docs.securityControls.map((item) => `- ${item}`),
    '',
    `**Pricing.** ${def.docs.pricing}`,
    '',
    '**Properties**',
    '',
    '| Property | Value | Default | Description |',
    '| --- | --- | --- | --- |',
    ...propertyRows(def.properties),
    '',
  ];
  const enums = enumSections(def);
  if (enums.length > 0) lines.push('**Values**', '', ...enums, '');
  lines.push('**Example**', '', '```yaml', `my-${def.id.split('.').pop() ?? 'resource'}:`, ...snippetExample(def.snippet), '```', '');
  return lines.join('\n');
}

/** The snippet with each placeholder replaced by its default, indented under a resource name. */
function snippetExample(snippet: string): string[] {
  const text = snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
  return text.split('\n').map((line) => `  ${line}`);
}

function networkText(mbps: number | undefined): string {
  if (mbps === undefined) return '';
  return mbps >= 1000 ? `${mbps / 1000} Gbit/s` : `${mbps} Mbit/s`;
}

function instanceTypeTable(): string {
  const rows = allInstanceTypes().map((def) => {
    const store = def.instanceStore
      ? `${def.instanceStore.disks} × ${def.instanceStore.sizeGBEach} GB ${def.instanceStore.media}`
      : def.instanceStoreKnown === false
        ? 'local disks (size not listed)'
        : 'EBS only';
    const price = def.onDemandUsdPerHour === undefined ? 'unpriced' : `$${def.onDemandUsdPerHour}`;
    const spot = def.spotAvgUsdPerHour === undefined ? '' : `$${def.spotAvgUsdPerHour}`;
    return `| \`${def.name}\` | ${def.category} | ${def.vcpu} | ${def.memoryGiB} | ${def.arch} | ${networkText(def.networkMbps)} | ${store} | ${def.gpus ?? ''} | ${def.burstable ? 'yes' : ''} | ${price} | ${spot} |`;
  });
  const sources = [
    ...new Set(allInstanceTypes().flatMap((def) => (def.priceSource ? [`${def.priceSource}, as of ${def.priceAsOf ?? 'unknown'}`] : []))),
  ];
  const hardwareSources = [...new Set(allInstanceTypes().flatMap((def) => (def.hardwareSource ? def.hardwareSource.split('; ') : [])))];
  return [
    '## EC2 instance types',
    '',
    `${allInstanceTypes().length} instance types, from the EC2 hardware list taken on ${EC2_HARDWARE_AS_OF}. Prices are us-east-1 Linux USD per hour; other regions are in the table after this one. "unpriced" means no sourced price is known: completion does not offer such a type, and the cost evaluation reports it as unpriced instead of guessing. Set \`assumptions.prices\` in the file to supply your own (key \`ec2:<type>\`, USD per hour). Network is the baseline bandwidth.`,
    '',
    '| Type | Category | vCPU | Memory GiB | Arch | Network | Instance store | GPUs | Burstable | On-demand | Spot average |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Hardware sources:',
    '',
    ...hardwareSources.map((source) => `- ${source}`),
    '',
    'Price sources:',
    '',
    ...sources.map((source) => `- ${source}`),
    '',
  ].join('\n');
}

function regionCoverageTable(): string {
  const types = allInstanceTypes();
  const classes = allDbInstanceClasses();
  const rows = pricedRegions().map((region) => {
    const ec2 = types.filter((def) => ec2RegionalPrice(def.name, region) !== undefined).length;
    const db = classes.filter((def) =>
      PRICED_DB_ENGINES.some((engine) => dbClassRegionalPrice(def.name, engine, region) !== undefined),
    ).length;
    return `| ${region} | ${ec2} of ${types.length} | ${db} of ${classes.length} |`;
  });
  return [
    '## Priced regions',
    '',
    "EC2 and RDS/Aurora instance prices are per region for the regions below. In one of these regions, a type without a price of its own borrows the us-east-1 price; in any other region every price is borrowed from us-east-1. A borrowed figure is marked as an estimate and its line says so, and the cost report counts the borrowed lines. Other services' prices are us-east-1 only, and are borrowed the same way elsewhere.",
    '',
    '| Region | EC2 types priced | DB classes priced |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `DB classes are priced for the engines ${PRICED_DB_ENGINES.map((engine) => `\`${engine}\``).join(', ')} (Single-AZ; Multi-AZ bills the standby too). Oracle and SQL Server have no sourced price yet.`,
    '',
    '## DB instance classes',
    '',
    '| Class | vCPU | Memory GiB | Network | us-east-1 on-demand (Single-AZ) |',
    '| --- | --- | --- | --- | --- |',
    ...classes.map((def) => {
      const prices = Object.entries(def.onDemandUsdPerHour ?? {})
        .map(([engine, usd]) => `${engine} $${usd}`)
        .join(', ');
      return `| \`${def.name}\` | ${def.vcpu} | ${def.memoryGiB} | ${def.networkPerformance ?? ''} | ${prices || 'unpriced'} |`;
    }),
    '',
    'Sources:',
    '',
    ...[
      ...new Set(
        classes
          .flatMap((def) => [def.hardwareSource, def.priceSource ? `${def.priceSource}, as of ${def.priceAsOf ?? 'unknown'}` : undefined])
          .filter((text): text is string => text !== undefined),
      ),
    ].map((source) => `- ${source}`),
    '',
  ].join('\n');
}

function render(): string {
  const types = allResourceTypes();
  const categories = [...new Set(types.map((def) => def.category))];
  const parts = [
    '# Resource type catalog',
    '',
    '<!-- Generated by scripts/generate-catalog-docs.ts from src/model. Do not edit by hand. -->',
    '',
    "Every resource type a `.cloudarch.yaml` file may use, with the figures the evaluations use. Availability figures are for one unit of the resource; the availability evaluation combines them with zone and region availability as described in docs/format.md. A figure's kind says what it is: `sla` is a published service-credit threshold, `designed` an engineering target AWS publishes, `inherited` a figure taken from the resources a service runs on, `estimate` our own assumption.",
    '',
    'Every type also accepts the common properties `type`, `label`, `region`, `dependsOn`, `connectsTo`, `availability` and `tags`; zonal types accept `zones`, and types in a VPC accept `subnet` and `securityGroups`. They are listed in each table below.',
    '',
    '## Contents',
    '',
    ...categories.flatMap((category) => [
      `- ${category}: ${types
        .filter((def) => def.category === category)
        .map((def) => `\`${def.id}\``)
        .join(', ')}`,
    ]),
    '- [EC2 instance types](#ec2-instance-types)',
    '- [Priced regions](#priced-regions)',
    '- [DB instance classes](#db-instance-classes)',
    '',
  ];
  for (const category of categories) {
    parts.push(`## ${category[0]?.toUpperCase() ?? ''}${category.slice(1)}`, '');
    for (const def of types.filter((candidate) => candidate.category === category)) parts.push(typeSection(def));
  }
  parts.push(instanceTypeTable());
  parts.push(regionCoverageTable());
  return `${parts
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

const markdown = render();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outputPath, 'utf8');
  } catch {
    current = '';
  }
  if (current !== markdown) {
    process.stderr.write('docs/catalog.md is out of date: run `npx tsx scripts/generate-catalog-docs.ts`.\n');
    process.exit(1);
  }
} else {
  writeFileSync(outputPath, markdown);
  process.stdout.write(`wrote ${outputPath}\n`);
}

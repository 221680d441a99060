/**
 * Completion: top-level keys, resource properties valid for the resource's `type`, enum values with
 * their descriptions, `type:` values grouped by category, instance types and database classes with
 * their size and price, references filtered to the kinds a property accepts, zones, regions, ports,
 * and whole-resource snippets. Works on incomplete text: the structure around the caret is read
 * from the text (cursor-context.ts), the resources and their types from the last parse.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import type { ArchDocument } from '../core/document';
import type { Category, DbInstanceClassDef, InstanceTypeDef, PropertyDef, PropertyShape, ResourceTypeDef } from '../model/catalog-types';
import { allResourceTypes, resourceType, typeMatches } from '../model/catalog';
import { cursorContext, type CursorContext, type PathStep } from './cursor-context';
import { describeShape, propertiesAt, propertyAt, shapesAt, variantsOf, type TypeOfResource } from './schema-lookup';
import { propertyDocumentation } from './hover';
import { formatHourly, splitLines } from './text-utils';
import { awsRegions } from '../model/regions';
import { enginePort, offeredPorts } from '../model/ports';
import { maxFileSize } from '../core/scan';
import { isOfferedDbClass, isOfferedInstanceType, isPricedSku } from '../evaluate/cost/offered';

/** The catalog's tables that completion lists; injected so tests and the server can share them. */
export interface CatalogTables {
  readonly instanceTypes: () => readonly InstanceTypeDef[];
  readonly dbInstanceClasses: () => readonly DbInstanceClassDef[];
}

/** The order categories are listed in completion of `type:` values. */
export const categoryOrder: readonly Category[] = [
  'external',
  'networking',
  'compute',
  'containers',
  'serverless',
  'storage',
  'database',
  'analytics',
  'integration',
  'migration',
  'management',
  'security',
  'blockchain',
];

const resourceNamePattern = /^[a-z][a-z0-9-]{0,62}$/;

/** The `type:` written in the body of the resource whose name line is `index` (indented `nameIndent`). */
function typeInBody(lines: readonly string[], index: number, nameIndent: number): string | undefined {
  for (let inner = index + 1; inner < lines.length; inner++) {
    const text = lines[inner]!;
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const indent = text.length - text.trimStart().length;
    if (indent <= nameIndent) break;
    const type = /^\s+type\s*:\s*["']?([A-Za-z0-9_.-]+)/.exec(text);
    if (type) return type[1];
  }
  return undefined;
}

/**
 * The `type:` of a resource read from the text, for resources the last parse does not know yet.
 * `hint` is where the last parse saw the resource's name: usually still right, and reading from
 * there avoids scanning a 10,000-resource file from the top on every completion.
 */
function typeFromText(lines: readonly string[], resourceName: string, hint?: { line: number; character: number }): string | undefined {
  if (hint) {
    const line = lines[hint.line];
    const header = line === undefined ? null : /^(\s+)([A-Za-z0-9_-]+)\s*:\s*(#.*)?$/.exec(line);
    if (header && header[2] === resourceName && header[1]!.length === hint.character) {
      const type = typeInBody(lines, hint.line, hint.character);
      if (type) return type;
    }
  }
  let inResources = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^resources\s*:/.test(line)) inResources = true;
    else if (/^\S/.test(line)) inResources = false;
    if (!inResources) continue;
    const header = /^(\s+)([A-Za-z0-9_-]+)\s*:\s*(#.*)?$/.exec(line);
    if (!header || header[2] !== resourceName) continue;
    const type = typeInBody(lines, index, header[1]!.length);
    if (type) return type;
  }
  return undefined;
}

/** How completion finds a resource's catalog type: from the text first (it is current), then the last parse. */
export function typeLookup(text: string, doc: ArchDocument | undefined, lines: readonly string[] = splitLines(text)): TypeOfResource {
  const cache = new Map<string, ResourceTypeDef | undefined>();
  return (name) => {
    if (!cache.has(name)) {
      const known = doc?.resourceByName.get(name);
      const written = typeFromText(lines, name, known?.nameRange.start) ?? known?.type;
      cache.set(name, written ? resourceType(written) : undefined);
    }
    return cache.get(name);
  };
}

function markdown(value: string) {
  return { kind: MarkupKind.Markdown, value };
}

/** A snippet placeholder's text must not contain snippet syntax. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (char) => `\\${char}`);
}

function scalarText(value: unknown): string {
  if (typeof value === 'string')
    return /^[A-Za-z0-9_./-]+$/.test(value) && !/^(true|false|null|~|\d.*)$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

/** The snippet inserted after `key:` for a property: a choice for enums, brackets for lists, a block for objects. */
function valueSnippet(property: PropertyDef, indent: string): string {
  const shape = variantsOf(property.shape)[0]!;
  const sample = property.default ?? property.example;
  switch (shape.kind) {
    case 'enum': {
      const values = shape.values.map((value) => String(value.value));
      const first = sample !== undefined ? String(sample) : values[0];
      const ordered = [first!, ...values.filter((value) => value !== first)];
      return ` \${1|${ordered.map((value) => value.replace(/[,|\\]/g, (char) => `\\${char}`)).join(',')}|}`;
    }
    case 'boolean':
      return sample === true ? ' ${1|true,false|}' : ' ${1|false,true|}';
    case 'list': {
      const items = variantsOf(shape.items);
      if (items.some((item) => item.kind === 'object') && !items.some((item) => item.kind !== 'object')) return `\n${indent}  - $0`;
      if (Array.isArray(sample)) return ` [\${1:${escapeSnippet(sample.map(scalarText).join(', '))}}]`;
      return ' [$1]';
    }
    case 'object':
      return `\n${indent}  $0`;
    case 'map':
      return `\n${indent}  $0`;
    default:
      if (sample !== undefined && typeof sample !== 'object') return ` \${1:${escapeSnippet(scalarText(sample))}}`;
      return ' $1';
  }
}

function keyItems(context: CursorContext, properties: Readonly<Record<string, PropertyDef>>, isResource: boolean): CompletionItem[] {
  const indent = ' '.repeat(context.keyColumn);
  const items: CompletionItem[] = [];
  let order = 0;
  for (const [key, property] of Object.entries(properties)) {
    order++;
    if (context.siblings.has(key)) continue;
    const isType = isResource && key === 'type';
    const required = property.required === true;
    const item: CompletionItem = {
      label: key,
      kind: CompletionItemKind.Property,
      detail: describeShape(property.shape, property.unit),
      documentation: markdown(propertyDocumentation(key, property)),
      // Required keys first (the `type` of a new resource above all), then the catalog's order.
      sortText: `${isType ? '0' : required ? '1' : '2'}-${String(order).padStart(3, '0')}`,
      filterText: key,
      textEdit: {
        range: context.replaceRange,
        newText: context.inFlow ? `${key}: $1` : `${key}:${isType ? ' $0' : valueSnippet(property, indent)}`,
      },
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
    };
    if (isType) {
      item.preselect = true;
      item.command = { title: 'Suggest resource types', command: 'editor.action.triggerSuggest' };
    }
    items.push(item);
  }
  return items;
}

function typeValueItems(context: CursorContext): CompletionItem[] {
  const lead = context.needsLeadingSpace ? ' ' : '';
  return allResourceTypes().map((def, catalogIndex) => {
    const categoryIndex = Math.max(0, categoryOrder.indexOf(def.category));
    return {
      label: def.id,
      kind: CompletionItemKind.Class,
      labelDetails: { detail: ` ${def.title}`, description: def.category },
      detail: `${def.service} · ${def.category} · ${def.serviceModel} · ${def.placement}`,
      documentation: markdown(def.docs.what),
      // Grouped by category, then in catalog order (the most common type of each group first).
      sortText: `${String(categoryIndex).padStart(2, '0')}-${String(catalogIndex).padStart(3, '0')}`,
      filterText: def.id,
      textEdit: { range: context.replaceRange, newText: lead + def.id },
    };
  });
}

/** What an instance type's item shows, the same wherever it is offered (no range, no lead). */
type InstanceTypeItemBody = Omit<CompletionItem, 'textEdit'>;

/**
 * Memo: the instance types' item bodies, keyed by the catalog's table (an array never changed once
 * made). Building 1,108 items with their Markdown on every completion request was most of its time.
 */
const instanceTypeBodies = new WeakMap<readonly InstanceTypeDef[], readonly InstanceTypeItemBody[]>();

function instanceTypeItemBodies(types: readonly InstanceTypeDef[]): readonly InstanceTypeItemBody[] {
  const known = instanceTypeBodies.get(types);
  if (known) return known;
  const familyOrder = new Map<string, number>();
  // Only types the cost model can price: an unpriced type would leave the total silently short.
  const bodies = types
    .filter((type) => isOfferedInstanceType(type.name))
    .map((type): InstanceTypeItemBody => {
      if (!familyOrder.has(type.family)) familyOrder.set(type.family, familyOrder.size);
      const price =
        type.onDemandUsdPerHour !== undefined ? ` · ${formatHourly(type.onDemandUsdPerHour)} on-demand` : ' · price not in the snapshot';
      const extras = [
        type.burstable ? 'burstable (CPU credits)' : undefined,
        type.arch === 'arm64' ? 'Graviton (arm64)' : undefined,
        type.instanceStore
          ? `instance store ${type.instanceStore.disks} × ${type.instanceStore.sizeGBEach} GB ${type.instanceStore.media} (ephemeral)`
          : undefined,
        type.gpus ? `${type.gpus} GPU` : undefined,
      ].filter((part): part is string => part !== undefined);
      // The size and price show beside the label (labelDetails); `detail` and `filterText` would only
      // repeat the description and the label, on 1,108 items per request.
      return {
        label: type.name,
        kind: CompletionItemKind.Value,
        labelDetails: { description: `${type.vcpu} vCPU · ${type.memoryGiB} GiB${price}` },
        documentation: markdown(
          `**${type.name}** — ${type.category.replace(/-/g, ' ')}, ${type.arch}${extras.length ? `\n\n${extras.join(' · ')}` : ''}${type.priceSource ? `\n\nPrice: us-east-1 Linux on-demand, ${type.priceAsOf ?? ''} (${type.priceSource})` : ''}`,
        ),
        // Within a family, smaller sizes first: sort by family order then by vCPU and memory.
        sortText: `${String(familyOrder.get(type.family)).padStart(3, '0')}-${String(type.vcpu).padStart(4, '0')}-${String(Math.round(type.memoryGiB * 10)).padStart(6, '0')}`,
      };
    });
  instanceTypeBodies.set(types, bodies);
  return bodies;
}

function instanceTypeItems(context: CursorContext, tables: CatalogTables, lead: string): CompletionItem[] {
  return instanceTypeItemBodies(tables.instanceTypes()).map((body) => ({
    ...body,
    textEdit: { range: context.replaceRange, newText: lead + body.label },
  }));
}

function dbClassItems(
  context: CursorContext,
  tables: CatalogTables,
  typeId: string | undefined,
  engine: string | undefined,
  lead: string,
): CompletionItem[] {
  // Only classes priced for this resource (and its engine, when written).
  return tables
    .dbInstanceClasses()
    .filter((dbClass) => isOfferedDbClass(typeId, dbClass.name, engine))
    .map((dbClass, index) => {
      const prices = dbClass.onDemandUsdPerHour ?? {};
      const price = (engine ? prices[engine] : undefined) ?? Object.values(prices).find((value) => value !== undefined);
      const priceText = price !== undefined ? ` · ${formatHourly(price)}${engine && prices[engine] ? ` ${engine}` : ''} Single-AZ` : '';
      const specs = `${dbClass.vcpu} vCPU · ${dbClass.memoryGiB} GiB${priceText}`;
      const byEngine = Object.entries(prices)
        .map(([name, value]) => `- ${name}: ${formatHourly(value ?? NaN)}`)
        .join('\n');
      return {
        label: dbClass.name,
        kind: CompletionItemKind.Value,
        labelDetails: { description: specs },
        detail: specs,
        documentation: markdown(
          `**${dbClass.name}** — ${dbClass.vcpu} vCPU, ${dbClass.memoryGiB} GiB${byEngine ? `\n\nOn-demand, Single-AZ, us-east-1:\n${byEngine}` : ''}`,
        ),
        sortText: String(index).padStart(4, '0'),
        filterText: dbClass.name,
        textEdit: { range: context.replaceRange, newText: lead + dbClass.name },
      };
    });
}

interface ValueContext {
  readonly context: CursorContext;
  readonly doc: ArchDocument | undefined;
  readonly text: string;
  /** `text` split into lines, once per request. */
  readonly lines: readonly string[];
  readonly tables: CatalogTables;
  readonly typeOf: TypeOfResource;
  /** The resource the caret is in, when it is in one. */
  readonly resourceName: string | undefined;
  /** Wrap proposals in `[ ]` (a list-valued key with nothing written yet). */
  readonly wrapInList: boolean;
}

function resourcesIn(doc: ArchDocument | undefined, text: string, lines: readonly string[]): { name: string; type: string | undefined }[] {
  if (doc && doc.text === text) return doc.resources.map((resource) => ({ name: resource.name, type: resource.type }));
  // The parse lags behind the text: read names and types from the text itself.
  const names: { name: string; type: string | undefined }[] = [];
  let inResources = false;
  let nameIndent = -1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^resources\s*:/.test(line)) {
      inResources = true;
      continue;
    }
    if (/^\S/.test(line)) inResources = false;
    if (!inResources) continue;
    const header = /^(\s+)([a-z][a-z0-9-]*)\s*:\s*(#.*)?$/.exec(line);
    const indent = line.length - line.trimStart().length;
    if (header && (nameIndent === -1 || indent === nameIndent)) {
      nameIndent = indent;
      names.push({ name: header[2]!, type: typeInBody(lines, index, indent) });
    }
  }
  return names;
}

function zonesIn(doc: ArchDocument | undefined, text: string): readonly string[] {
  const written = /^zones\s*:\s*\[([^\]]*)\]/m.exec(text);
  if (written)
    return written[1]!
      .split(',')
      .map((zone) => zone.trim().replace(/^["']|["']$/g, ''))
      .filter((zone) => zone !== '');
  return doc?.zones ?? ['a', 'b', 'c'];
}

function valueItemsForShape(shape: PropertyShape, property: PropertyDef | undefined, value: ValueContext): CompletionItem[] {
  const { context } = value;
  const lead = context.needsLeadingSpace ? ' ' : '';
  const wrap = (text: string) => (value.wrapInList ? `[${text}]` : text);
  const simple = (label: string, detail: string, documentation?: string, sortText?: string, insert = label): CompletionItem => ({
    label,
    kind: CompletionItemKind.Value,
    detail,
    ...(documentation ? { documentation: markdown(documentation) } : {}),
    ...(sortText ? { sortText } : {}),
    filterText: label,
    textEdit: { range: context.replaceRange, newText: lead + wrap(insert) },
  });
  switch (shape.kind) {
    case 'enum':
      return shape.values.map((entry, index) => {
        const isDefault = property?.default === entry.value;
        return {
          // A string that YAML would read as a number or boolean (`"1"`) is inserted quoted.
          ...simple(
            String(entry.value),
            isDefault ? `${entry.description} (default)` : entry.description,
            entry.description,
            String(index).padStart(3, '0'),
            scalarText(entry.value),
          ),
          kind: CompletionItemKind.EnumMember,
          labelDetails: isDefault ? { description: 'default' } : undefined,
          preselect: isDefault || undefined,
        };
      });
    case 'boolean':
      return [true, false].map((flag) => simple(String(flag), property?.default === flag ? 'default' : 'boolean'));
    case 'instance-type':
      return instanceTypeItems(context, value.tables, lead);
    case 'db-instance-class': {
      const engine = value.resourceName ? engineOf(value) : undefined;
      const typeId = value.resourceName ? value.typeOf(value.resourceName)?.id : undefined;
      return dbClassItems(context, value.tables, typeId, engine, lead);
    }
    case 'zone':
      return zonesIn(value.doc, value.text).map((zone, index) =>
        simple(zone, `availability zone ${zone}`, undefined, String(index).padStart(2, '0')),
      );
    case 'region':
      return awsRegions.map((region, index) => simple(region.name, region.location, undefined, String(index).padStart(3, '0')));
    case 'port':
      return offeredPorts.map((port, index) => simple(String(port.port), port.service, undefined, String(index).padStart(3, '0')));
    case 'reference':
      return referenceItems(shape, value);
    case 'list':
      return variantsOf(shape.items).flatMap((item) =>
        valueItemsForShape(item, undefined, { ...value, wrapInList: !context.inFlow && context.kind === 'value' }),
      );
    case 'string':
    case 'number': {
      if (shape.kind === 'string' && shape.examples && shape.examples.length > 0) {
        return shape.examples.map((example, index) =>
          simple(
            example,
            property?.default === example ? 'default' : 'example',
            undefined,
            String(index).padStart(3, '0'),
            scalarText(example),
          ),
        );
      }
      const sample = property?.default ?? property?.example;
      if (sample === undefined || typeof sample === 'object') return [];
      return [simple(scalarText(sample), property?.default !== undefined ? 'default' : 'example')];
    }
    default:
      return [];
  }
}

function engineOf(value: ValueContext): string | undefined {
  const written = value.context.siblings.get('engine');
  if (written) return written.replace(/^["']|["']$/g, '');
  const props = value.doc?.resourceByName.get(value.resourceName!)?.props;
  return typeof props?.engine === 'string' ? props.engine : undefined;
}

/** Ports worth proposing for a connection to `target`: its listeners, its engine's port, then well-known ports. */
function portsOf(doc: ArchDocument | undefined, target: string): { port: number; why: string }[] {
  const resource = doc?.resourceByName.get(target);
  const ports: { port: number; why: string }[] = [];
  const props = resource?.props ?? {};
  const byEngine = typeof props.engine === 'string' ? enginePort(props.engine) : undefined;
  if (byEngine !== undefined) ports.push({ port: byEngine, why: `${String(props.engine)} default port` });
  if (typeof props.port === 'number') ports.push({ port: props.port, why: `${target}'s port` });
  for (const listener of Array.isArray(props.listeners) ? props.listeners : []) {
    if (listener && typeof listener === 'object' && typeof (listener as { port?: unknown }).port === 'number') {
      ports.push({ port: (listener as { port: number }).port, why: `${target} listener` });
    }
  }
  for (const rule of Array.isArray(props.ingress) ? props.ingress : []) {
    if (rule && typeof rule === 'object' && typeof (rule as { port?: unknown }).port === 'number')
      ports.push({ port: (rule as { port: number }).port, why: 'allowed by ingress' });
  }
  for (const known of offeredPorts) ports.push({ port: known.port, why: known.service });
  const seen = new Set<number>();
  return ports.filter((entry) => (seen.has(entry.port) ? false : (seen.add(entry.port), true)));
}

function referenceItems(shape: Extract<PropertyShape, { kind: 'reference' }>, value: ValueContext): CompletionItem[] {
  const { context } = value;
  const lead = context.needsLeadingSpace ? ' ' : '';
  const portPrefix = /^([a-z][a-z0-9-]*):(\d*)$/.exec(context.prefix);
  if (shape.allowPort && portPrefix) {
    // `name:` typed: propose ports of that target.
    const target = portPrefix[1]!;
    return portsOf(value.doc, target).map((entry, index) => ({
      label: `${target}:${entry.port}`,
      kind: CompletionItemKind.Value,
      detail: entry.why,
      sortText: String(index).padStart(3, '0'),
      filterText: `${target}:${entry.port}`,
      textEdit: { range: context.replaceRange, newText: `${target}:${entry.port}` },
    }));
  }
  const accepts = (type: string | undefined) => shape.to.some((pattern) => typeMatches(type ?? '', pattern));
  // Where a CIDR is accepted too (a security group rule's source), offer the usual blocks after the groups.
  const cidrs: CompletionItem[] = shape.allowCidr
    ? commonCidrs.map((cidr, index) => ({
        label: cidr.block,
        kind: CompletionItemKind.Value,
        detail: cidr.meaning,
        sortText: `zz-${index}`,
        filterText: cidr.block,
        textEdit: { range: context.replaceRange, newText: lead + cidr.block },
      }))
    : [];
  return [...referenceCandidates(value, accepts, lead), ...cidrs];
}

/** CIDR blocks offered where a reference may also be a CIDR. */
const commonCidrs: readonly { block: string; meaning: string }[] = [
  { block: '10.0.0.0/16', meaning: 'a private VPC range' },
  { block: '203.0.113.0/24', meaning: 'one office or partner network (replace with yours)' },
  { block: '0.0.0.0/0', meaning: 'anywhere on the internet: avoid for anything but public HTTPS' },
];

function referenceCandidates(value: ValueContext, accepts: (type: string | undefined) => boolean, lead: string): CompletionItem[] {
  const { context } = value;
  return resourcesIn(value.doc, value.text, value.lines)
    .filter((resource) => resource.name !== value.resourceName && accepts(resource.type))
    .map((resource, index) => {
      const def = resource.type ? resourceType(resource.type) : undefined;
      return {
        label: resource.name,
        kind: CompletionItemKind.Reference,
        labelDetails: { description: resource.type ?? 'no type' },
        detail: def ? `${def.title} (${resource.type})` : resource.type,
        sortText: String(index).padStart(5, '0'),
        filterText: resource.name,
        textEdit: { range: context.replaceRange, newText: lead + (value.wrapInList ? `[${resource.name}]` : resource.name) },
      };
    });
}

/** The indentation a snippet body gets under a new resource name. */
function resourceSnippetItems(context: CursorContext): CompletionItem[] {
  const name = resourceNamePattern.test(context.prefix) ? context.prefix : '${1:name}';
  return allResourceTypes().map((def) => {
    const body = def.snippet.replace(/\r\n/g, '\n').trimEnd();
    const lines = body.split('\n');
    // A snippet is either the resource's body (`type: ...` first) or a whole resource with its name line.
    const hasNameLine = lines.length > 1 && !/^type\s*:/.test(lines[0]!) && /^\s+/.test(lines[1]!);
    const bodyLines = hasNameLine ? lines.slice(1).map((line) => line.replace(/^ {2}/, '')) : lines;
    const withType = bodyLines.some((line) => /^type\s*:/.test(line)) ? bodyLines : [`type: ${def.id}`, ...bodyLines];
    // The name takes tab stop 1 when it is still to be typed, so the snippet's own stops move up one.
    const shifted =
      name === context.prefix
        ? withType
        : withType.map((line) =>
            line.replace(/\$(\{?)(\d+)/g, (_match, brace: string, stop: string) =>
              stop === '0' ? `$${brace}0` : `$${brace}${Number(stop) + 1}`,
            ),
          );
    const newText = `${name}:\n${shifted.map((line) => `  ${line}`).join('\n')}`;
    const categoryIndex = Math.max(0, categoryOrder.indexOf(def.category));
    return {
      label: `${context.prefix || def.id.split('.').pop()}: ${def.id}`,
      kind: CompletionItemKind.Snippet,
      labelDetails: { description: def.title },
      detail: `New ${def.title} (${def.service})`,
      documentation: markdown(
        `${def.docs.what}\n\n\`\`\`yaml\n${newText
          .replace(/\$\{\d+:([^}]*)\}/g, '$1')
          .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
          .replace(/\$\d+/g, '')}\n\`\`\``,
      ),
      sortText: `${String(categoryIndex).padStart(2, '0')}-${def.id}`,
      // Match what the user typed for the name as well as the type id.
      filterText: `${context.prefix}${def.id}`,
      textEdit: { range: context.replaceRange, newText },
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
    };
  });
}

/** Completion proposals at a position. `doc` is the last parse of the text, possibly of an older version. */
export function complete(text: string, doc: ArchDocument | undefined, position: Position, tables: CatalogTables): CompletionList {
  const list = (items: CompletionItem[]): CompletionList => ({ isIncomplete: false, items });
  // A file over the size limit is not read at all (it has one diagnostic saying so); reading its
  // text line by line on every keystroke would stall the server for seconds.
  if (text.length > maxFileSize) return list([]);
  // Split once: the cursor context, the type lookup and the resource list all read the lines.
  const lines = splitLines(text);
  const context = cursorContext(text, position, lines);
  if (!context) return list([]);
  const typeOf = typeLookup(text, doc, lines);
  const path = context.path;
  const resourceName = path[0] === 'resources' && typeof path[1] === 'string' ? path[1] : undefined;
  const value: ValueContext = { context, doc, text, lines, tables, typeOf, resourceName, wrapInList: false };

  if (context.kind === 'key' || (context.kind === 'item' && !context.inFlow && itemIsObject(path, typeOf))) {
    const mapPath: readonly PathStep[] = context.kind === 'item' ? path : path;
    if (mapPath.length === 1 && mapPath[0] === 'resources') return list(resourceSnippetItems(context));
    const properties = propertiesAt(mapPath, typeOf);
    if (!properties) return list([]);
    return list(keyItems(context, properties, mapPath.length === 2 && mapPath[0] === 'resources'));
  }

  const valuePath: PathStep[] = context.kind === 'value' ? [...path, context.key!] : [...path];
  if (valuePath.length === 3 && valuePath[0] === 'resources' && valuePath[2] === 'type') return list(typeValueItems(context));
  const shapes = shapesAt(valuePath, typeOf);
  const property = context.kind === 'value' ? propertyAt(path, context.key!, typeOf) : undefined;
  const items = shapes.flatMap((shape) => (shape.kind === 'object' ? [] : valueItemsForShape(shape, property, value)));
  const seen = new Set<string>();
  // A value naming a SKU the cost model cannot price (an engine, a node type) is not offered.
  const propertyName = [...valuePath].reverse().find((step): step is string => typeof step === 'string');
  const typeId = resourceName ? typeOf(resourceName)?.id : undefined;
  const engine = resourceName ? engineOf(value) : undefined;
  const priced = (label: string) => propertyName === undefined || isPricedSku(typeId, propertyName, label, engine) !== false;
  return list(items.filter((item) => priced(item.label) && (seen.has(item.label) ? false : (seen.add(item.label), true))));
}

/** Whether the items of the sequence at `path` are maps (so `- |` starts a key). */
function itemIsObject(path: readonly PathStep[], typeOf: TypeOfResource): boolean {
  const shapes = shapesAt(path, typeOf);
  return shapes.length > 0 && shapes.every((shape) => shape.kind === 'object');
}

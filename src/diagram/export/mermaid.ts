/**
 * Diagram graph -> a Mermaid `architecture-beta` diagram: containers as groups, every resource
 * (every drawn copy of it) as a service, references as edges. Pastes into a GitHub comment or a
 * Markdown page that renders Mermaid. Positions are Mermaid's own (it lays the diagram out
 * itself), so only the graph is needed, not our layout.
 *
 * Mermaid's grammar is narrow: ids are word characters, a title is `[...]` without brackets or
 * line breaks, and an edge names the sides it leaves and enters. Ids are therefore made from the
 * names (and numbered to stay unique), and titles are cleaned: brackets become parentheses,
 * markup characters and Mermaid's entity and statement characters (`<>"`&#;`) become look-alikes
 * (Mermaid renders titles through HTML), line
 * breaks and control characters become spaces, and long titles are cut.
 */
import { truncate } from '../render/escape';
import type { DiagramCategory, DiagramGraph, DiagramNode } from '../types';

/** Mermaid's built-in architecture icons (no icon pack needs registering). */
type MermaidIcon = 'cloud' | 'database' | 'disk' | 'internet' | 'server';

const iconOfCategory: Readonly<Record<DiagramCategory, MermaidIcon>> = {
  compute: 'server',
  containers: 'server',
  serverless: 'server',
  storage: 'disk',
  database: 'database',
  analytics: 'database',
  networking: 'internet',
  integration: 'cloud',
  migration: 'cloud',
  management: 'cloud',
  security: 'cloud',
  blockchain: 'database',
  external: 'internet',
  unknown: 'cloud',
};

const maxTitleCharacters = 80;

/** A title Mermaid's `[...]` token accepts and that shows the text as written, as far as it can. */
export function mermaidTitle(text: string): string {
  const cleaned = text

    .replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/"/g, '”')
    .replace(/`/g, '‘')
    .replace(/&/g, '＆')
    .replace(/#/g, '＃')
    .replace(/;/g, '；')
    .trim();
  const title = truncate(cleaned.length > 0 ? cleaned : '(unnamed)', maxTitleCharacters).text;
  // A title that starts with a quote would be read as a quoted string.
  return title.startsWith("'") ? `‘${title.slice(1)}` : title;
}

/** Allocates ids that Mermaid reads as one word and that never repeat. */
class IdAllocator {
  private readonly used = new Set<string>();

  allocate(prefix: string, name: string): string {
    const base = `${prefix}_${name
      .replace(/[^A-Za-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40)}`.replace(/_+$/g, '');
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}

function serviceTitle(node: DiagramNode): string {
  const copy = node.copies > 1 ? ` (${node.zone ?? node.role ?? `${node.copyIndex + 1}/${node.copies}`})` : '';
  return mermaidTitle(`${node.label}${copy}`);
}

/** The Mermaid `architecture-beta` text of a diagram graph. */
export function toMermaid(graph: DiagramGraph): string {
  const ids = new IdAllocator();
  const lines = ['architecture-beta'];
  const groupId = new Map<string, string>();
  for (const container of graph.containers) {
    const id = ids.allocate('g', container.id);
    groupId.set(container.id, id);
    const parent = container.parent !== undefined ? groupId.get(container.parent) : undefined;
    lines.push(`    group ${id}(cloud)[${mermaidTitle(container.label)}]${parent !== undefined ? ` in ${parent}` : ''}`);
  }
  const serviceId = new Map<string, string>();
  for (const node of graph.nodes) {
    const id = ids.allocate('r', node.id);
    serviceId.set(node.id, id);
    const group = node.container !== undefined ? groupId.get(node.container) : undefined;
    lines.push(`    service ${id}(${iconOfCategory[node.category]})[${serviceTitle(node)}]${group !== undefined ? ` in ${group}` : ''}`);
  }
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    const source = serviceId.get(edge.source);
    const target = serviceId.get(edge.target);
    if (source === undefined || target === undefined || source === target) continue;
    const key = `${source}>${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Our layout flows left to right, so an edge leaves its source on the right.
    lines.push(`    ${source}:R --> L:${target}`);
  }
  return `${lines.join('\n')}\n`;
}

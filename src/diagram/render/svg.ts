/**
 * Laid-out diagram -> SVG text. The one renderer behind the webview and every export, so the
 * picture is the same wherever it is shown.
 *
 * Safety: every piece of user text goes through `escapeXml`; the output has no `<script>`, no
 * event-handler attribute, no `foreignObject`, no external reference (no `href` to anything but
 * the SVG's own markers, no web fonts). Long text is cut with an ellipsis and the full text is
 * kept in a `<title>` (a tooltip), never as markup.
 *
 * Hooks for the webview: every resource's group has `data-resource="<name>"` (and `data-node`
 * for the copy), every container `data-container="<id>"`, every edge `data-edge`, `data-from`
 * and `data-to`; classes name every part (`ca-node`, `ca-cat-compute`, `ca-edge-traffic`, ...).
 */
import { formatPercent } from '../../evaluate/availability/explain';
import type {
  ContainerKind,
  DiagramCategory,
  DiagramContainer,
  DiagramEdgeKind,
  DiagramNode,
  FindingCounts,
  LaidOutDiagram,
  LaidOutNode,
  Point,
  RenderOptions,
  ResourceOverlay,
  ZoneDownState,
} from '../types';
import { escapeXml as esc, num, truncate } from './escape';
import { glyphPath, iconKeyOf } from './icons';
import { fontFamily, paletteOf, type Palette } from './theme';

const margin = 16;
const titleBlockHeight = 64;
const legendRowHeight = 22;
/** Average advance of a character at the sizes used, to decide where to cut text. */
const charWidth = { label: 7.4, small: 5.9, title: 10.5, container: 6.8 } as const;

const edgeKinds: readonly DiagramEdgeKind[] = [
  'traffic',
  'route',
  'routing',
  'origin',
  'integration',
  'data',
  'replication',
  'attachment',
  'dependency',
];
const edgeDash: Readonly<Record<DiagramEdgeKind, string | undefined>> = {
  traffic: undefined,
  route: '10 4',
  routing: '6 3',
  origin: undefined,
  integration: undefined,
  data: '8 3 2 3',
  replication: '4 3',
  attachment: '2 3',
  dependency: '3 3',
};
const edgeWidth: Readonly<Record<DiagramEdgeKind, number>> = {
  traffic: 1.6,
  route: 2,
  routing: 1.4,
  origin: 1.6,
  integration: 1.6,
  data: 1.4,
  replication: 1.4,
  attachment: 1.4,
  dependency: 1.1,
};
const edgeKindTitle: Readonly<Record<DiagramEdgeKind, string>> = {
  traffic: 'Traffic (port)',
  route: 'Network route',
  routing: 'DNS routing',
  origin: 'CDN origin',
  integration: 'Integration',
  data: 'Data flow',
  replication: 'Replication',
  attachment: 'Attachment',
  dependency: 'Dependency',
};
const categoryTitle: Readonly<Record<DiagramCategory, string>> = {
  compute: 'Compute',
  containers: 'Containers',
  serverless: 'Serverless',
  storage: 'Storage',
  database: 'Database',
  analytics: 'Analytics',
  networking: 'Networking',
  integration: 'Integration',
  migration: 'Migration',
  management: 'Management',
  security: 'Security',
  blockchain: 'Blockchain',
  external: 'Outside AWS',
  unknown: 'Unknown type',
};
const dashedContainers: ReadonlySet<ContainerKind> = new Set(['region', 'zone']);
const severities = ['critical', 'high', 'medium', 'low'] as const;

/** `$1,234` or `$12.50`: whole dollars from 100 up, cents below. */
export function formatMoney(usd: number): string {
  if (!Number.isFinite(usd)) return '$0';
  if (Math.abs(usd) >= 100) return `$${Math.round(usd).toLocaleString('en-US')}`;
  return `$${usd.toFixed(2)}`;
}

/** A text element with the text cut to fit and the full text as a tooltip when it was cut. */
function textElement(x: number, y: number, text: string, maxCharacters: number, attributes: string): string {
  const { text: shown, truncated } = truncate(text, maxCharacters);
  const tooltip = truncated ? `<title>${esc(text)}</title>` : '';
  return `<text x="${num(x)}" y="${num(y)}" ${attributes}>${tooltip}${esc(shown)}</text>`;
}

function pathOf(points: readonly Point[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${num(point.x)} ${num(point.y)}`).join(' ');
}

/** The style sheet: each colour as `var(--ca-*, <theme colour>)`, so a host can re-theme by setting custom properties. */
export function diagramStyleSheet(palette: Palette): string {
  const rules: string[] = [
    `.cloudarch-diagram{font-family:${fontFamily};background:var(--ca-background,${palette.background})}`,
    `.cloudarch-diagram text{unicode-bidi:isolate}`,
    `.ca-bg{fill:var(--ca-background,${palette.background})}`,
    `.ca-text{fill:var(--ca-text,${palette.text})}`,
    `.ca-muted{fill:var(--ca-muted-text,${palette.mutedText})}`,
    `.ca-node-box{fill:var(--ca-node-fill,${palette.nodeFill});stroke:var(--ca-node-stroke,${palette.nodeStroke})}`,
    `.ca-badge{fill:var(--ca-badge-fill,${palette.badgeFill})}`,
    `.ca-badge-text{fill:var(--ca-badge-text,${palette.badgeText})}`,
    `.ca-selected .ca-node-box{stroke:var(--ca-selection,${palette.selection});stroke-width:3}`,
    `.ca-down{opacity:.38}`,
    `.ca-down .ca-node-box{fill:var(--ca-down-fill,${palette.downFill})}`,
    `.ca-zone-down>.ca-container-box{fill:var(--ca-down-fill,${palette.downFill})}`,
  ];
  for (const kind of Object.keys(palette.containerStroke) as ContainerKind[]) {
    rules.push(`.ca-container-${kind}>.ca-container-box{stroke:var(--ca-container-${kind},${palette.containerStroke[kind]})}`);
  }
  for (const kind of edgeKinds) rules.push(`.ca-edge-${kind}>path{stroke:var(--ca-edge-${kind},${palette.edge[kind]})}`);
  return rules.join('');
}

interface RenderContext {
  readonly palette: Palette;
  readonly options: RenderOptions;
  readonly stopped: ReadonlySet<string>;
  readonly maxCost: number;
  readonly selected: ReadonlySet<string>;
}

/** Renders a laid-out diagram as a standalone SVG document (a string). */
export function renderDiagramSvg(laidOut: LaidOutDiagram, options: RenderOptions = {}): string {
  const theme = options.theme ?? 'light';
  const palette = paletteOf(theme);
  const { graph } = laidOut;
  const overlays = options.overlays ?? {};
  const titleShown = options.title?.hidden !== true;
  const legendShown = options.legend !== false;

  const downStates = selectedZoneStates(graph.overlay.zonesDown, overlays.zonesDown ?? []);
  const stopped = new Set(downStates.flatMap((state) => state.stopped));
  const maxCost = Math.max(0, ...Object.values(graph.overlay.byResource).map((figures) => figures.monthlyUSD ?? 0));
  const context: RenderContext = { palette, options, stopped, maxCost, selected: new Set(options.selected ?? []) };

  const diagramWidth = laidOut.status === 'ok' ? laidOut.width : 420;
  const diagramHeight = laidOut.status === 'ok' ? laidOut.height : 60;
  const legend = legendShown ? legendMarkup(laidOut, context) : { markup: '', width: 0, height: 0 };
  const top = margin + (titleShown ? titleBlockHeight : 0);
  const width = Math.ceil(Math.max(diagramWidth, legend.width, titleShown ? 480 : 0) + 2 * margin);
  const height = Math.ceil(top + diagramHeight + (legendShown ? legend.height + margin : 0) + margin);

  const parts: string[] = [];
  const name = options.title?.name ?? graph.title;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="cloudarch-diagram ca-theme-${theme}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(`Architecture diagram: ${name}`)}" font-family="${esc(fontFamily)}">`,
  );
  parts.push(`<title>${esc(name)}</title>`);
  if (options.omitStyle !== true) parts.push(`<style>${diagramStyleSheet(palette)}</style>`);
  parts.push(markerDefinitions(palette));
  parts.push(`<rect class="ca-bg" x="0" y="0" width="${width}" height="${height}" fill="${palette.background}"/>`);
  if (titleShown) parts.push(titleBlock(laidOut, context, downStates, width));
  parts.push(`<g class="ca-diagram" transform="translate(${margin},${top})">`);
  if (laidOut.status === 'ok') {
    parts.push(containersMarkup(laidOut, context, downStates));
    parts.push(edgesMarkup(laidOut, context));
    parts.push(nodesMarkup(laidOut, context));
  } else {
    parts.push(
      `<g class="ca-layout-error">${textElement(0, 20, `The diagram could not be laid out: ${laidOut.error ?? 'unknown error'}`, 120, `class="ca-text" font-size="13" fill="${palette.text}"`)}</g>`,
    );
  }
  parts.push('</g>');
  if (legendShown)
    parts.push(`<g class="ca-legend" transform="translate(${margin},${num(top + diagramHeight + margin)})">${legend.markup}</g>`);
  parts.push('</svg>');
  return parts.join('');
}

/** The zone-down states the overlay asks for, matched by letter or full zone name. */
function selectedZoneStates(states: readonly ZoneDownState[], requested: readonly string[]): ZoneDownState[] {
  if (requested.length === 0) return [];
  const wanted = new Set(requested);
  return states.filter((state) => wanted.has(state.zone) || wanted.has(state.fullZone));
}

function markerDefinitions(palette: Palette): string {
  const markers = edgeKinds.map(
    (kind) =>
      `<marker id="ca-arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${palette.edge[kind]}"/></marker>`,
  );
  return `<defs>${markers.join('')}</defs>`;
}

function titleBlock(laidOut: LaidOutDiagram, context: RenderContext, downStates: readonly ZoneDownState[], width: number): string {
  const { graph } = laidOut;
  const { palette, options } = context;
  const name = options.title?.name ?? graph.title;
  const region = options.title?.region ?? graph.region;
  const totals = graph.overlay.totals;
  const facts: string[] = [`Region ${region}`, `${Object.keys(graph.overlay.byResource).length} resources`];
  if (totals.monthlyUSD !== undefined) facts.push(`${formatMoney(totals.monthlyUSD)} per month`);
  if (totals.availabilityPercent !== undefined) facts.push(`availability ${formatPercent(totals.availabilityPercent)}`);
  const findingTotal = severities.reduce((sum, severity) => sum + totals.findings[severity], 0);
  if (findingTotal > 0)
    facts.push(
      severities
        .filter((s) => totals.findings[s] > 0)
        .map((s) => `${totals.findings[s]} ${s}`)
        .join(', '),
    );
  if (totals.spofCount > 0) facts.push(`${totals.spofCount} single point${totals.spofCount === 1 ? '' : 's'} of failure`);
  if (options.title?.date !== undefined) facts.push(options.title.date);
  const lines = [
    textElement(
      margin,
      margin + 22,
      name,
      Math.max(20, (width - 2 * margin) / charWidth.title),
      `class="ca-text ca-title" font-size="20" font-weight="700" fill="${palette.text}"`,
    ),
    textElement(
      margin,
      margin + 42,
      facts.join(' · '),
      Math.max(40, (width - 2 * margin) / 6.4),
      `class="ca-muted ca-title-facts" font-size="12" fill="${palette.mutedText}"`,
    ),
  ];
  if (downStates.length > 0) {
    const zones = downStates.map((state) => state.zone).join(', ');
    const worst = Math.min(...downStates.map((state) => state.availabilityPercent));
    const works = downStates.every((state) => state.systemWorks);
    const summary = `Zone${downStates.length > 1 ? 's' : ''} ${zones} down: ${context.stopped.size} resource${context.stopped.size === 1 ? '' : 's'} stop; ${works ? `the system keeps working (availability ${formatPercent(worst)})` : 'the system stops'}`;
    lines.push(
      textElement(
        margin,
        margin + 58,
        summary,
        Math.max(40, (width - 2 * margin) / 6.6),
        `class="ca-zone-down-summary" font-size="12" font-weight="600" fill="${palette.spof}"`,
      ),
    );
  }
  return `<g class="ca-title-block">${lines.join('')}</g>`;
}

function containersMarkup(laidOut: LaidOutDiagram, context: RenderContext, downStates: readonly ZoneDownState[]): string {
  const { palette } = context;
  const definition = new Map<string, DiagramContainer>(laidOut.graph.containers.map((container) => [container.id, container]));
  const downZones = new Set(downStates.map((state) => state.fullZone));
  const parts: string[] = ['<g class="ca-containers">'];
  // Parents first (the graph's order), so children are drawn on top.
  for (const box of laidOut.containers) {
    const container = definition.get(box.id);
    if (!container) continue;
    const stroke = palette.containerStroke[container.kind];
    const fill = palette.containerFill[container.kind];
    const isDown = container.zone !== undefined && downZones.has(container.zone);
    const dash = dashedContainers.has(container.kind) ? ' stroke-dasharray="6 4"' : '';
    const classes = `ca-container ca-container-${container.kind}${isDown ? ' ca-zone-down' : ''}`;
    parts.push(
      `<g class="${classes}" data-container="${esc(container.id)}">` +
        `<rect class="ca-container-box" x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="4" fill="${isDown ? palette.downFill : fill}" stroke="${stroke}" stroke-width="1.5"${dash}/>` +
        `<rect x="${num(box.x)}" y="${num(box.y)}" width="14" height="14" fill="${stroke}"/>` +
        textElement(
          box.x + 20,
          box.y + 16,
          isDown && container.kind === 'zone' ? `${container.label} (down)` : container.label,
          (box.width - 28) / charWidth.container,
          `class="ca-text ca-container-label" font-size="12" font-weight="600" fill="${palette.text}"`,
        ) +
        // The network-details layer's default route, in small type under the title (inside the header's room).
        (container.route !== undefined
          ? textElement(
              box.x + 20,
              box.y + 28,
              container.route,
              (box.width - 28) / charWidth.small,
              `class="ca-muted ca-container-route" font-size="9.5" fill="${palette.mutedText}"`,
            )
          : '') +
        '</g>',
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function edgesMarkup(laidOut: LaidOutDiagram, context: RenderContext): string {
  const { palette } = context;
  const routes = new Map(laidOut.edges.map((edge) => [edge.id, edge]));
  const parts: string[] = ['<g class="ca-edges">'];
  for (const edge of laidOut.graph.edges) {
    const route = routes.get(edge.id);
    if (!route || route.points.length < 2) continue;
    const dash = edgeDash[edge.kind];
    const down = context.stopped.has(edge.fromResource) || context.stopped.has(edge.toResource);
    const port =
      edge.port !== undefined
        ? ` on port ${edge.port}${edge.portInferred === true ? ' (the port it listens on; the reference gives none)' : ''}`
        : '';
    const link = edge.kind === 'route' && edge.label !== undefined ? ` (${edge.label})` : '';
    const title = `${edgeKindTitle[edge.kind]}: ${edge.fromResource} → ${edge.toResource}${port}${link}${edge.property ? ` (${edge.property})` : ''}`;
    let labels = '';
    for (const label of route.labels) {
      labels +=
        `<rect class="ca-bg" x="${num(label.x - 2)}" y="${num(label.y - 1)}" width="${num(label.width + 4)}" height="${num(label.height + 2)}" rx="2" fill="${palette.background}"/>` +
        textElement(
          label.x + label.width / 2,
          label.y + label.height - 3,
          label.text,
          12,
          `class="ca-muted ca-edge-label" font-size="10.5" text-anchor="middle" fill="${palette.mutedText}"`,
        );
    }
    parts.push(
      `<g class="ca-edge ca-edge-${edge.kind}${down ? ' ca-down' : ''}${edge.optional === true ? ' ca-optional' : ''}" data-edge="${esc(edge.id)}" data-from="${esc(edge.fromResource)}" data-to="${esc(edge.toResource)}">` +
        `<title>${esc(title)}</title>` +
        `<path d="${pathOf(route.points)}" fill="none" stroke="${palette.edge[edge.kind]}" stroke-width="${edgeWidth[edge.kind]}"${dash ? ` stroke-dasharray="${dash}"` : ''} marker-end="url(#ca-arrow-${edge.kind})"/>` +
        labels +
        '</g>',
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function nodesMarkup(laidOut: LaidOutDiagram, context: RenderContext): string {
  const boxes = new Map<string, LaidOutNode>(laidOut.nodes.map((node) => [node.id, node]));
  const parts: string[] = ['<g class="ca-nodes">'];
  for (const node of laidOut.graph.nodes) {
    const box = boxes.get(node.id);
    if (box) parts.push(nodeMarkup(node, box, laidOut.graph.overlay.byResource[node.resource], context));
  }
  parts.push('</g>');
  return parts.join('');
}

const impliedTooltip: Readonly<Record<NonNullable<DiagramNode['implied']>, string>> = {
  'internet-gateway': 'Internet gateway: implied by the public subnets and NAT gateways of this VPC (not written in the file).',
  'vpn-gateway':
    "Virtual private gateway: where the on-premises network's VPN or Direct Connect link enters the VPC (implied, not written in the file).",
};

function nodeTooltip(node: DiagramNode, figures: ResourceOverlay | undefined): string {
  if (node.implied !== undefined) return impliedTooltip[node.implied];
  const lines = [node.label === node.resource ? node.resource : `${node.label} (${node.resource})`, node.type ?? 'no type'];
  if (node.zone !== undefined)
    lines.push(
      `Zone ${node.zone}${node.role ? `, ${node.role}` : ''}${node.copies > 1 ? ` (${node.copyIndex + 1} of ${node.copies})` : ''}`,
    );
  if (figures?.monthlyUSD !== undefined)
    lines.push(`${formatMoney(figures.monthlyUSD)} per month${figures.unpriced ? ' (partly unpriced)' : ''}`);
  if (figures?.availabilityPercent !== undefined) lines.push(`Availability ${formatPercent(figures.availabilityPercent)}`);
  if (figures) {
    const counts = severities.filter((s) => figures.findings[s] > 0).map((s) => `${figures.findings[s]} ${s}`);
    if (counts.length > 0) lines.push(`Findings: ${counts.join(', ')}`);
    if (figures.spof) lines.push('Single point of failure');
  }
  if (node.securityGroups.length > 0) lines.push(`Security groups: ${node.securityGroups.join(', ')}`);
  if (node.publicAddress === true) lines.push('Reachable from the internet (public address)');
  for (const volume of node.volumes) lines.push(`Volume ${volume.label}${volume.encrypted === true ? ' (encrypted)' : ''}`);
  return lines.join('\n');
}

function nodeMarkup(node: DiagramNode, box: LaidOutNode, figures: ResourceOverlay | undefined, context: RenderContext): string {
  const { palette, options } = context;
  const overlays = options.overlays ?? {};
  const w = box.width;
  const h = box.height;
  const colour = palette.category[node.category];
  const down = context.stopped.has(node.resource);
  const selected = context.selected.has(node.id) || context.selected.has(node.resource);
  const spof = overlays.spof === true && figures?.spof === true;
  const classes = ['ca-node', `ca-cat-${node.category}`];
  if (down) classes.push('ca-down');
  if (selected) classes.push('ca-selected');
  if (spof) classes.push('ca-spof');
  if (node.role) classes.push(`ca-role-${node.role}`);
  if (node.implied !== undefined) classes.push('ca-implied');

  const parts: string[] = [];
  // An implied node stands for no resource: it is tagged `data-implied`, so nothing links it to the YAML.
  const tag = node.implied !== undefined ? `data-implied="${esc(node.implied)}"` : `data-resource="${esc(node.resource)}"`;
  parts.push(`<g class="${classes.join(' ')}" ${tag} data-node="${esc(node.id)}" transform="translate(${num(box.x)},${num(box.y)})">`);
  parts.push(`<title>${esc(nodeTooltip(node, figures))}</title>`);
  parts.push(
    `<rect class="ca-node-box" x="0" y="0" width="${num(w)}" height="${num(h)}" rx="6" fill="${down ? palette.downFill : palette.nodeFill}" stroke="${selected ? palette.selection : palette.nodeStroke}" stroke-width="${selected ? 3 : 1.2}"${node.role === 'standby' || node.implied !== undefined ? ' stroke-dasharray="5 3"' : ''}/>`,
  );
  if (overlays.costHeat === true && figures?.monthlyUSD !== undefined && context.maxCost > 0) {
    const share = Math.min(1, Math.max(0, figures.monthlyUSD / context.maxCost));
    parts.push(
      `<rect class="ca-heat" x="0" y="0" width="${num(w)}" height="${num(h)}" rx="6" fill="${palette.heat}" fill-opacity="${num(0.05 + 0.4 * share)}"/>`,
    );
  }
  // Icon: the category colour, the service glyph on it.
  parts.push(
    `<g class="ca-icon" transform="translate(8,8)"><rect width="32" height="32" rx="4" fill="${colour}"/><path d="${glyphPath(iconKeyOf(node.type))}" fill="none" stroke="${palette.iconGlyph}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></g>`,
  );
  const reserveRight = spof ? 24 : 8;
  parts.push(
    textElement(
      48,
      23,
      node.label,
      (w - 48 - reserveRight) / charWidth.label,
      `class="ca-text ca-node-label" font-size="13" font-weight="600" fill="${palette.text}"`,
    ),
  );
  const typeLine =
    node.role === 'standby' ? `${node.typeTitle} · standby` : node.role === 'primary' ? `${node.typeTitle} · primary` : node.typeTitle;
  parts.push(
    textElement(
      48,
      38,
      typeLine,
      (w - 48 - 8) / charWidth.small,
      `class="ca-muted ca-node-type" font-size="10" fill="${palette.mutedText}"`,
    ),
  );
  if (spof) {
    parts.push(
      `<g class="ca-spof-marker" transform="translate(${num(w - 14)},12)"><title>Single point of failure</title><circle r="8" fill="${palette.spof}"/><path d="M0 -4.5v5 M0 3v0.5" stroke="#FFFFFF" stroke-width="2" stroke-linecap="round"/></g>`,
    );
  }

  // Inline volumes, inside their instance.
  const shownVolumes = node.volumes.length > 3 ? node.volumes.slice(0, 3) : node.volumes;
  shownVolumes.forEach((volume, index) => {
    const y = 48 + index * 16;
    parts.push(
      `<g class="ca-volume"><rect x="48" y="${y}" width="${num(w - 56)}" height="13" rx="2" fill="none" stroke="${palette.category.storage}" stroke-width="1"/>` +
        textElement(
          53,
          y + 10,
          `${volume.label}${volume.encrypted === true ? ' · encrypted' : ''}`,
          (w - 64) / charWidth.small,
          `class="ca-muted" font-size="9.5" fill="${palette.mutedText}"`,
        ) +
        '</g>',
    );
  });
  if (node.volumes.length > 3) {
    parts.push(
      textElement(
        53,
        48 + 3 * 16 + 10,
        `+${node.volumes.length - 3} more volumes`,
        30,
        `class="ca-muted" font-size="9.5" fill="${palette.mutedText}"`,
      ),
    );
  }

  parts.push(badgeRow(node, figures, w, h, context));
  parts.push('</g>');
  return parts.join('');
}

/** The bottom row: security groups and the figures on the left, finding counts on the right. Items that do not fit are left out (the tooltip has them all). */
function badgeRow(node: DiagramNode, figures: ResourceOverlay | undefined, w: number, h: number, context: RenderContext): string {
  const { palette, options } = context;
  const overlays = options.overlays ?? {};
  const y = h - 20;
  const parts: string[] = [];
  let right = w - 6;
  if (overlays.findings === true && figures) {
    for (const severity of [...severities].reverse()) {
      const count = severityCount(figures.findings, severity);
      if (count === 0) continue;
      const text = count > 99 ? '99+' : String(count);
      const width = 10 + text.length * 6;
      right -= width;
      parts.push(
        `<g class="ca-finding ca-finding-${severity}"><title>${count} ${severity} finding${count === 1 ? '' : 's'}</title><rect x="${num(right)}" y="${y}" width="${width}" height="15" rx="7.5" fill="${palette.severity[severity]}"/><text x="${num(right + width / 2)}" y="${y + 11}" font-size="9.5" font-weight="700" text-anchor="middle" fill="#FFFFFF">${text}</text></g>`,
      );
      right -= 3;
    }
  }
  let left = 8;
  /** `themed`: the host's badge colours (`.ca-badge`) apply; otherwise the colours given are kept (a warning colour). */
  const pill = (className: string, text: string, tooltip: string, textColour: string, fill: string, themed = true): void => {
    const width = Math.ceil(text.length * 5.8) + 10;
    if (left + width > right - 2) return;
    parts.push(
      `<g class="${className}"><title>${esc(tooltip)}</title><rect${themed ? ' class="ca-badge"' : ''} x="${num(left)}" y="${y}" width="${width}" height="15" rx="3" fill="${fill}"/><text${themed ? ' class="ca-badge-text"' : ''} x="${num(left + 5)}" y="${y + 11}" font-size="9.5" fill="${textColour}">${esc(text)}</text></g>`,
    );
    left += width + 4;
  };
  if (overlays.securityGroups !== false && node.securityGroups.length > 0) {
    const names = node.securityGroups.join(', ');
    const text = truncate(node.securityGroups.length === 1 ? node.securityGroups[0]! : `${node.securityGroups.length} SGs`, 16).text;
    const width = Math.ceil(Array.from(text).length * 5.8) + 22;
    if (left + width <= right - 2) {
      parts.push(
        `<g class="ca-sg-badge"><title>${esc(`Security groups: ${names}`)}</title><rect x="${num(left)}" y="${y}" width="${width}" height="15" rx="3" fill="none" stroke="${palette.category.security}" stroke-width="1"/>` +
          `<path transform="translate(${num(left + 2)},${y + 1.5}) scale(0.38)" d="${glyphPath('shield')}" fill="${palette.category.security}"/>` +
          `<text class="ca-text" x="${num(left + 16)}" y="${y + 11}" font-size="9.5" fill="${palette.text}">${esc(text)}</text></g>`,
      );
      left += width + 4;
    }
  }
  if (node.publicAddress === true) {
    pill('ca-public-badge', 'public', 'Reachable from the internet (public address)', palette.background, palette.severity.high, false);
  }
  if (overlays.costHeat === true && figures?.monthlyUSD !== undefined) {
    pill(
      'ca-cost-badge',
      `${formatMoney(figures.monthlyUSD)}/mo`,
      `${formatMoney(figures.monthlyUSD)} per month${figures.unpriced ? ' (partly unpriced)' : ''}`,
      palette.badgeText,
      palette.badgeFill,
    );
  }
  if (overlays.availability === true && figures?.availabilityPercent !== undefined) {
    const text = formatPercent(figures.availabilityPercent).replace(' %', '%');
    pill('ca-availability-badge', text, `Availability ${formatPercent(figures.availabilityPercent)}`, palette.badgeText, palette.badgeFill);
  }
  return parts.join('');
}

function severityCount(counts: FindingCounts, severity: (typeof severities)[number]): number {
  const value = counts[severity];
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** The legend: edge kinds, the categories drawn, and the badges in use. */
function legendMarkup(laidOut: LaidOutDiagram, context: RenderContext): { markup: string; width: number; height: number } {
  const { palette, options } = context;
  const overlays = options.overlays ?? {};
  const itemWidth = 156;
  const rows: string[][] = [];

  const kindsUsed = new Set(laidOut.graph.edges.map((edge) => edge.kind));
  rows.push(
    edgeKinds
      .filter((kind) => kindsUsed.has(kind))
      .map((kind) => {
        const dash = edgeDash[kind];
        return `<path d="M0 7H26" stroke="${palette.edge[kind]}" stroke-width="${edgeWidth[kind]}"${dash ? ` stroke-dasharray="${dash}"` : ''} marker-end="url(#ca-arrow-${kind})"/><text class="ca-text" x="32" y="11" font-size="11" fill="${palette.text}">${esc(edgeKindTitle[kind])}</text>`;
      }),
  );
  const categoriesUsed = [...new Set(laidOut.graph.nodes.map((node) => node.category))].sort();
  rows.push(
    categoriesUsed.map(
      (category) =>
        `<rect width="14" height="14" rx="2" fill="${palette.category[category]}"/><text class="ca-text" x="20" y="11" font-size="11" fill="${palette.text}">${esc(categoryTitle[category])}</text>`,
    ),
  );
  const badges: string[] = [];
  if (overlays.spof === true)
    badges.push(
      `<circle cx="7" cy="7" r="7" fill="${palette.spof}"/><text class="ca-text" x="20" y="11" font-size="11" fill="${palette.text}">Single point of failure</text>`,
    );
  if (overlays.findings === true) {
    for (const severity of severities)
      badges.push(
        `<rect width="14" height="14" rx="7" fill="${palette.severity[severity]}"/><text class="ca-text" x="20" y="11" font-size="11" fill="${palette.text}">${severity} findings</text>`,
      );
  }
  if (overlays.securityGroups !== false && laidOut.graph.nodes.some((node) => node.securityGroups.length > 0)) {
    badges.push(
      `<path transform="scale(0.45)" d="${glyphPath('shield')}" fill="${palette.category.security}"/><text class="ca-text" x="20" y="11" font-size="11" fill="${palette.text}">Security group</text>`,
    );
  }
  if (laidOut.graph.nodes.some((node) => node.publicAddress === true)) {
    badges.push(
      `<rect width="30" height="14" rx="3" fill="${palette.severity.high}"/><text x="4" y="11" font-size="9.5" fill="${palette.background}">public</text><text class="ca-text" x="36" y="11" font-size="11" fill="${palette.text}">Internet-reachable</text>`,
    );
  }
  if (laidOut.graph.nodes.some((node) => node.implied !== undefined)) {
    badges.push(
      `<rect x="1" y="1" width="24" height="12" rx="3" fill="none" stroke="${palette.nodeStroke}" stroke-dasharray="4 2"/><text class="ca-text" x="32" y="11" font-size="11" fill="${palette.text}">Implied (not in the file)</text>`,
    );
  }
  if (overlays.costHeat === true)
    badges.push(
      `<rect width="14" height="14" rx="2" fill="${palette.heat}" fill-opacity="0.45"/><text class="ca-text" x="20" y="11" font-size="11" fill="${palette.text}">Cost (darker: more)</text>`,
    );
  if ((overlays.zonesDown ?? []).length > 0)
    badges.push(
      `<rect width="14" height="14" rx="2" fill="${palette.downFill}"/><text class="ca-text" x="20" y="11" font-size="11" fill="${palette.text}">Stopped (zone down)</text>`,
    );
  rows.push(badges);

  const parts: string[] = [];
  let y = 0;
  let width = 0;
  for (const row of rows) {
    if (row.length === 0) continue;
    row.forEach((item, index) => parts.push(`<g transform="translate(${index * itemWidth},${y})">${item}</g>`));
    width = Math.max(width, row.length * itemWidth);
    y += legendRowHeight;
  }
  return { markup: parts.join(''), width, height: y };
}

/**
 * Architecture -> diagram graph: which boxes exist, where each resource is drawn, and which
 * references become edges. Deterministic: the same document gives the same graph, in the same
 * order, so the layout (keyed by `structureKey`) is stable.
 *
 * Placement comes from the availability model (`reliabilityModelFromDocument`): the regions and
 * zones a resource occupies are exactly those its availability is computed from, so the picture
 * and the zone-outage figures cannot disagree.
 */
import type { ArchDocument, ReferenceOccurrence, ResourceNode } from '../core/document';
import { reliabilityModelFromDocument } from '../evaluate/availability/from-document';
import type { ReliabilityComponent } from '../evaluate/availability/model';
import type { EvaluationResult } from '../evaluate/types';
import { withNetworkDetails } from './network';
import { diagramOverlayData } from './overlays';
import type {
  ContainerKind,
  DiagramCategory,
  DiagramContainer,
  DiagramEdge,
  DiagramEdgeKind,
  DiagramGraph,
  DiagramNode,
  InlineVolume,
  NodeRole,
} from './types';

const securityGroupType = 'aws.ec2.security-group';

/** Node box sizes. Fixed by structure only, so a new cost figure or a longer label never moves anything. */
export const nodeWidth = 184;
export const nodeBaseHeight = 76;
export const volumeRowHeight = 16;
/** Inline volumes listed inside a node; more are summarised in one row (`+3 more`). */
export const maxVolumeRows = 3;

export interface BuildDiagramOptions {
  /** Also compute, for each zone, what stops working with it down (costs one engine run per zone). Default true when an evaluation is given. */
  readonly zoneOutages?: boolean;
  /** Add the network-details layer (`network.ts`): the internet and virtual private gateways, subnet routes, ports on every traffic edge, public addresses. Default false. */
  readonly network?: boolean;
}

function containerId(kind: ContainerKind, region?: string, zone?: string): string {
  switch (kind) {
    case 'cloud':
      return 'cloud';
    case 'region':
      return `region:${region}`;
    case 'vpc':
      return `vpc:${region}`;
    case 'zone':
      return `zone:${zone}`;
    case 'public-subnet':
      return `subnet:${zone}:public`;
    case 'private-subnet':
      return `subnet:${zone}:private`;
  }
}

/** How a reference property is drawn, from its property name (and the owner's type where it matters). */
function edgeKindOf(property: string, ownerType: string | undefined): DiagramEdgeKind | undefined {
  switch (property) {
    case 'securityGroups':
    case 'ingress':
    case 'egress':
      return undefined; // security groups are badges, not boxes wired to everything
    case 'connectsTo':
      return 'traffic';
    case 'targets':
      if (ownerType === 'aws.route53.zone') return 'routing';
      if (ownerType === 'aws.glue.crawler') return 'data';
      return 'traffic';
    case 'origins':
      return 'origin';
    case 'integrations':
    case 'notifications':
      return 'integration';
    case 'replication':
    case 'replicaOf':
      return 'replication';
    case 'attachedTo':
    case 'volumes':
    case 'fileSystems':
      return 'attachment';
    case 'dataSources':
    case 'sources':
    case 'source':
    case 'target':
    case 'resultsBucket':
    case 's3DataRepository':
      return 'data';
    default:
      return 'dependency';
  }
}

/**
 * Properties whose arrow is drawn against the way the reference is written, so arrows follow the
 * flow: data flows from a job's source into the job, a replica is copied from its primary, and an
 * instance carries the volume attached to it.
 */
const drawnReversed = new Set(['source', 'dataSources', 'sources', 'replicaOf', 'attachedTo']);

function inlineVolumes(resource: ResourceNode): InlineVolume[] {
  const volumes = resource.props.volumes;
  if (!Array.isArray(volumes)) return [];
  const result: InlineVolume[] = [];
  for (const item of volumes) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const value = item as Record<string, unknown>;
    const volumeType = typeof value.volumeType === 'string' ? value.volumeType : 'gp2';
    const size = typeof value.sizeGB === 'number' && Number.isFinite(value.sizeGB) ? ` ${value.sizeGB} GB` : '';
    result.push({ label: `${volumeType}${size}`, ...(typeof value.encrypted === 'boolean' ? { encrypted: value.encrypted } : {}) });
  }
  return result;
}

function nodeHeight(volumeCount: number): number {
  if (volumeCount === 0) return nodeBaseHeight;
  const rows = volumeCount > maxVolumeRows ? maxVolumeRows + 1 : volumeCount;
  return nodeBaseHeight + rows * volumeRowHeight + 4;
}

/** The zones (full names) a resource's units sit in: round-robin over its zones, as the availability model places them. */
function occupiedZones(component: ReliabilityComponent): readonly string[] {
  if (component.zones.length === 0) return [];
  if (component.placement === 'load-balancer') return component.zones;
  if (component.placement !== 'zonal') return [];
  const units = Number.isFinite(component.units) ? Math.floor(component.units) : 1;
  return component.zones.slice(0, Math.max(1, Math.min(units, component.zones.length)));
}

interface Placed {
  readonly resource: ResourceNode;
  readonly index: number;
  readonly nodes: DiagramNode[];
}

/**
 * Builds the diagram graph of an architecture. With an evaluation, the graph carries the overlay
 * figures (cost, availability, findings, single points of failure, zone outages).
 */
export function buildDiagramGraph(doc: ArchDocument, evaluation?: EvaluationResult, options: BuildDiagramOptions = {}): DiagramGraph {
  const { model } = reliabilityModelFromDocument(doc);
  const componentByName = new Map<string, ReliabilityComponent>();
  for (const component of model.components) componentByName.set(component.name, component);

  const referencesFrom = new Map<string, ReferenceOccurrence[]>();
  for (const reference of doc.references) {
    let list = referencesFrom.get(reference.from);
    if (!list) referencesFrom.set(reference.from, (list = []));
    list.push(reference);
  }

  const containers = new Map<string, DiagramContainer>();
  const ensureContainer = (kind: ContainerKind, region?: string, zone?: string): string => {
    const id = containerId(kind, region, zone);
    if (containers.has(id)) return id;
    let parent: string | undefined;
    let label: string;
    switch (kind) {
      case 'cloud':
        label = 'AWS Cloud';
        break;
      case 'region':
        parent = ensureContainer('cloud');
        label = region!;
        break;
      case 'vpc':
        parent = ensureContainer('region', region);
        label = 'VPC';
        break;
      case 'zone':
        parent = ensureContainer('vpc', region);
        label = zone!;
        break;
      case 'public-subnet':
      case 'private-subnet':
        parent = ensureContainer('zone', region, zone);
        label = kind === 'public-subnet' ? 'Public subnet' : 'Private subnet';
        break;
    }
    containers.set(id, {
      id,
      kind,
      label,
      ...(parent !== undefined ? { parent } : {}),
      ...(region !== undefined ? { region } : {}),
      ...(zone !== undefined ? { zone } : {}),
    });
    return id;
  };

  const placed: Placed[] = [];
  doc.resources.forEach((resource, index) => {
    if (resource.type === securityGroupType) return;
    const def = resource.typeDef;
    const component = componentByName.get(resource.name);
    const region = component?.region ?? doc.region;
    const placement = def?.placement ?? 'unknown';
    const category: DiagramCategory = def?.category ?? 'unknown';
    const securityGroups: string[] = [];
    for (const reference of referencesFrom.get(resource.name) ?? []) {
      if (reference.path[0] === 'securityGroups' && reference.resolved && !securityGroups.includes(reference.target))
        securityGroups.push(reference.target);
    }
    const volumes = inlineVolumes(resource);
    const subnetKind: ContainerKind = resource.props.subnet === 'public' ? 'public-subnet' : 'private-subnet';
    const base = {
      resource: resource.name,
      label: typeof resource.props.label === 'string' && resource.props.label.length > 0 ? resource.props.label : resource.name,
      type: resource.type,
      typeTitle: def?.title ?? resource.type ?? 'unknown type',
      service: def?.service ?? '',
      category,
      placement,
      range: resource.range,
      nameRange: resource.nameRange,
      securityGroups,
      volumes,
      width: nodeWidth,
      height: nodeHeight(volumes.length),
    } as const;

    const zones = component ? occupiedZones(component) : [];
    const nodes: DiagramNode[] = [];
    if (zones.length > 0) {
      const standbyPair = def?.units.rule === 'standby-pair' && zones.length > 1;
      zones.forEach((zone, copyIndex) => {
        const container = def?.inVpc === false ? ensureContainer('zone', region, zone) : ensureContainer(subnetKind, region, zone);
        const role: NodeRole | undefined =
          zones.length === 1 ? undefined : standbyPair ? (copyIndex === 0 ? 'primary' : 'standby') : 'member';
        nodes.push({
          ...base,
          id: zones.length === 1 ? resource.name : `${resource.name}@${zone}`,
          container,
          zone,
          ...(role !== undefined ? { role } : {}),
          copyIndex,
          copies: zones.length,
        });
      });
    } else {
      let container: string | undefined;
      if (placement === 'global') container = ensureContainer('cloud');
      else if (placement === 'external') container = undefined;
      else if (def?.inVpc === true) container = ensureContainer('vpc', region);
      else container = ensureContainer('region', region);
      nodes.push({ ...base, id: resource.name, ...(container !== undefined ? { container } : {}), copyIndex: 0, copies: 1 });
    }
    placed.push({ resource, index, nodes });
  });

  const sortedContainers = sortContainers([...containers.values()], doc.region);
  const containerOrder = new Map(sortedContainers.map((container, index) => [container.id, index]));
  const nodes: DiagramNode[] = placed.flatMap((entry) => entry.nodes);
  // Stable order: by container (parents first), then file order, then zone.
  const fileIndex = new Map(placed.map((entry) => [entry.resource.name, entry.index]));
  nodes.sort(
    (a, b) =>
      (a.container === undefined ? -1 : containerOrder.get(a.container)!) -
        (b.container === undefined ? -1 : containerOrder.get(b.container)!) ||
      fileIndex.get(a.resource)! - fileIndex.get(b.resource)! ||
      a.copyIndex - b.copyIndex,
  );

  const nodesOf = new Map<string, DiagramNode[]>();
  for (const entry of placed) nodesOf.set(entry.resource.name, entry.nodes);
  const edges = buildEdges(doc, nodesOf);

  const drawn = new Set(nodesOf.keys());
  const overlay = diagramOverlayData(doc, evaluation, drawn, { zoneOutages: options.zoneOutages ?? evaluation !== undefined });
  const graph: DiagramGraph = {
    title: doc.name ?? 'Untitled architecture',
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    region: doc.region,
    containers: sortedContainers,
    nodes,
    edges,
    overlay,
    structureKey: structureKeyOf(sortedContainers, nodes, edges),
  };
  return options.network === true ? withNetworkDetails(doc, graph, structureKeyOf, { width: nodeWidth, height: nodeBaseHeight }) : graph;
}

/** Parents before children; siblings: cloud, then the default region first and the others by name, zones by name, public before private. */
function sortContainers(list: DiagramContainer[], defaultRegion: string): DiagramContainer[] {
  const rank = (container: DiagramContainer): string => {
    switch (container.kind) {
      case 'cloud':
        return '0';
      case 'region':
        return container.region === defaultRegion ? '1' : `2${container.region}`;
      case 'vpc':
        return '3';
      case 'zone':
        return `4${container.zone}`;
      case 'public-subnet':
        return '5';
      case 'private-subnet':
        return '6';
    }
  };
  const children = new Map<string | undefined, DiagramContainer[]>();
  for (const container of list) {
    let siblings = children.get(container.parent);
    if (!siblings) children.set(container.parent, (siblings = []));
    siblings.push(container);
  }
  const result: DiagramContainer[] = [];
  const visit = (parent: string | undefined): void => {
    const siblings = children.get(parent) ?? [];
    siblings.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
    for (const container of siblings) {
      result.push(container);
      visit(container.id);
    }
  };
  visit(undefined);
  return result;
}

/**
 * One edge per reference between drawn resources. Between resources drawn in several zones, copies
 * are paired zone by zone (a load balancer's copy in zone a sends to the group's copy in zone a);
 * traffic to a primary/standby pair goes to the primary, and the pair gets a `sync` replication edge.
 */
function buildEdges(doc: ArchDocument, nodesOf: ReadonlyMap<string, readonly DiagramNode[]>): DiagramEdge[] {
  const edges: DiagramEdge[] = [];
  const seen = new Set<string>();
  const add = (edge: Omit<DiagramEdge, 'id'>): void => {
    const base = `${edge.source}->${edge.target}#${edge.property}${edge.port !== undefined ? `:${edge.port}` : ''}`;
    if (seen.has(base)) return;
    seen.add(base);
    edges.push({ id: base, ...edge });
  };

  for (const reference of doc.references) {
    if (!reference.resolved || reference.from === reference.target) continue;
    const property = String(reference.path[0] ?? '');
    const owner = doc.resourceByName.get(reference.from);
    const kind = edgeKindOf(property, owner?.type);
    if (kind === undefined) continue;
    const reversed = drawnReversed.has(property);
    const fromName = reversed ? reference.target : reference.from;
    const toName = reversed ? reference.from : reference.target;
    const sources = nodesOf.get(fromName);
    const targets = nodesOf.get(toName);
    if (!sources || !targets || sources.length === 0 || targets.length === 0) continue;
    const common = {
      kind,
      fromResource: fromName,
      toResource: toName,
      property,
      ...(reference.port !== undefined ? { port: reference.port, label: String(reference.port) } : {}),
      ...(reference.optional === true ? { optional: true } : {}),
      range: reference.range,
    };
    for (const [source, target] of pairCopies(sources, targets)) add({ ...common, source: source.id, target: target.id });
  }

  // A primary and its standby: synchronous replication, drawn so the pair reads as one database.
  for (const copies of nodesOf.values()) {
    const primary = copies.find((node) => node.role === 'primary');
    if (!primary) continue;
    for (const standby of copies) {
      if (standby.role !== 'standby') continue;
      add({
        kind: 'replication',
        source: primary.id,
        target: standby.id,
        fromResource: primary.resource,
        toResource: standby.resource,
        property: '',
        label: 'sync',
      });
    }
  }
  return edges;
}

function pairCopies(sources: readonly DiagramNode[], targets: readonly DiagramNode[]): [DiagramNode, DiagramNode][] {
  // Requests go to the primary of a primary/standby pair, never to the standby.
  const receiving = targets.filter((node) => node.role !== 'standby');
  if (sources.length === 1) return receiving.map((target) => [sources[0]!, target]);
  if (receiving.length === 1) return sources.map((source) => [source, receiving[0]!]);
  return sources.map((source) => [source, receiving.find((target) => target.zone === source.zone) ?? receiving[0]!]);
}

function structureKeyOf(containers: readonly DiagramContainer[], nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): string {
  return JSON.stringify([
    containers.map((c) => [c.id, c.parent ?? '', c.label]),
    nodes.map((n) => [n.id, n.container ?? '', n.width, n.height]),
    edges.map((e) => [e.id, e.source, e.target, e.label ?? '']),
  ]);
}

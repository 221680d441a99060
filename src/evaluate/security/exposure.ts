/**
 * Exposure analysis: every path by which the internet reaches a data store, hop by hop, with the
 * port each hop enters on, and with every hop checked against the security groups of the resource
 * it enters.
 *
 * The model, documented in docs/evaluation.md ("Security"):
 * - Internet-facing resources are entry points: CloudFront distributions, API Gateway APIs (unless
 *   private), internet-facing load balancers, instances/groups/tasks with a public IP in a public
 *   subnet, public buckets, and publicly accessible databases. Route 53 zones only resolve names
 *   and are not a hop.
 * - Traffic follows the network edges: `connectsTo`, `targets`, `origins`, `integrations` and
 *   `fileSystems`. Block storage (`volumes`, `attachedTo`) is not a network edge.
 * - A hop into a resource with security groups needs an ingress rule, in one of them, that covers
 *   the hop's port and admits the sender: `0.0.0.0/0` or `::/0` admits anyone; a security group
 *   name admits resources that carry that group; another CIDR admits resources inside the VPC but
 *   not the internet at large. A resource without modeled security groups is assumed to admit its
 *   callers, which over-reports rather than hides a path.
 */
import type { ArchDocument, ReferenceOccurrence, ResourceNode } from '../../core/document';
import type { ExposureHop, ExposurePath } from '../types';
import { enginePort, fsxPort, typePorts } from '../../model/ports';
import { effective } from './rule';
import { coversPort, isAllPorts, isCidr, isWorld, reachesPorts, readGroupRule, type PortRange } from './security-group-rules';

/** Reference properties that carry traffic from the owner to the referenced resource. */
export const NETWORK_EDGE_PROPERTIES: readonly string[] = ['connectsTo', 'targets', 'origins', 'integrations', 'fileSystems'];

/** Bounds on the search, so a densely connected file cannot make the analysis slow. */
const MAX_DEPTH = 10;
const MAX_PATHS = 500;

/** The port a resource listens on when a connection does not say: its `port`, its engine's, its first listener's. */
export function defaultPort(resource: ResourceNode): number | undefined {
  const { props } = resource;
  if (typeof props.port === 'number') return props.port;
  if (typeof props.engine === 'string') {
    const byEngine = enginePort(props.engine);
    if (byEngine !== undefined) return byEngine;
  }
  if (resource.type === 'aws.fsx.filesystem') return fsxPort(props.kind);
  const listeners = listenerPorts(resource);
  if (listeners.length > 0) return listeners.includes(443) ? 443 : listeners[0];
  return resource.type === undefined ? undefined : typePorts[resource.type];
}

function listenerPorts(resource: ResourceNode): number[] {
  const listeners = resource.props.listeners;
  if (!Array.isArray(listeners)) return [];
  return listeners.flatMap((listener) =>
    listener !== null && typeof listener === 'object' && typeof (listener as Record<string, unknown>).port === 'number'
      ? [(listener as Record<string, number>).port!]
      : [],
  );
}

function securityGroupsOf(resource: ResourceNode, doc: ArchDocument): ResourceNode[] {
  const names = resource.props.securityGroups;
  if (!Array.isArray(names)) return [];
  return names.flatMap((name) => {
    const group = typeof name === 'string' ? doc.resourceByName.get(name) : undefined;
    return group !== undefined && group.type === 'aws.ec2.security-group' ? [group] : [];
  });
}

/** The sender of a hop: the internet itself, or a resource inside the architecture. */
type Sender = { readonly kind: 'internet' } | { readonly kind: 'resource'; readonly resource: ResourceNode };

/** The result of checking a hop against the receiver's security groups. */
export type Admission = { readonly admitted: false } | { readonly admitted: true; readonly port: number | 'all' | undefined };

/**
 * Whether the security groups of `receiver` admit `sender` on `port`. With `port` undefined (a
 * load balancer's target, whose port the file does not say), any admitting rule will do, and the
 * port it opens is reported as the hop's port.
 */
export function admission(doc: ArchDocument, receiver: ResourceNode, sender: Sender, port: number | undefined): Admission {
  const groups = securityGroupsOf(receiver, doc);
  const modeled = Array.isArray(receiver.props.securityGroups) && receiver.props.securityGroups.length > 0;
  if (!modeled) return { admitted: true, port };
  const senderGroups =
    sender.kind === 'resource' && Array.isArray(sender.resource.props.securityGroups)
      ? (sender.resource.props.securityGroups as unknown[])
      : [];
  for (const group of groups) {
    const ingress = group.props.ingress;
    if (!Array.isArray(ingress)) continue;
    for (const item of ingress) {
      const rule = readGroupRule(item, 'ingress');
      if (rule === undefined || !reachesPorts(rule)) continue;
      const peer = rule.peer ?? '0.0.0.0/0';
      const portOk = port === undefined ? rule.ports !== undefined : coversPort(rule.ports, port);
      if (!portOk) continue;
      const admittedPort: number | 'all' | undefined = port ?? (isAllPorts(rule.ports) ? 'all' : rule.ports?.from);
      if (isWorld(peer)) return { admitted: true, port: admittedPort };
      if (sender.kind === 'internet') continue;
      if (isCidr(peer) || senderGroups.includes(peer)) return { admitted: true, port: admittedPort };
    }
  }
  return { admitted: false };
}

/** Whether the security groups of `receiver` admit `sender` on `port`. */
export function admits(doc: ArchDocument, receiver: ResourceNode, sender: Sender, port: number | undefined): boolean {
  return admission(doc, receiver, sender, port).admitted;
}

/** Ports on which the whole internet reaches a resource through its security groups (`all` for every port). */
function worldOpenPorts(doc: ArchDocument, resource: ResourceNode): (number | 'all')[] {
  const modeled = Array.isArray(resource.props.securityGroups) && resource.props.securityGroups.length > 0;
  if (!modeled) return ['all'];
  const ports: (number | 'all')[] = [];
  for (const group of securityGroupsOf(resource, doc)) {
    const ingress = group.props.ingress;
    if (!Array.isArray(ingress)) continue;
    for (const item of ingress) {
      const rule = readGroupRule(item, 'ingress');
      if (rule === undefined || !reachesPorts(rule) || !isWorld(rule.peer ?? '0.0.0.0/0') || rule.ports === undefined) continue;
      const range: PortRange = rule.ports;
      const port: number | 'all' = isAllPorts(range) ? 'all' : range.from;
      if (!ports.includes(port)) ports.push(port);
    }
  }
  return ports;
}

/** How the internet reaches an entry point. */
export type EntryKind = ExposurePath['entry'];

/** The ports on which the internet reaches `resource` directly, and why; undefined when it does not. */
export function internetEntry(
  doc: ArchDocument,
  resource: ResourceNode,
): { readonly kind: EntryKind; readonly ports: readonly (number | 'all')[] } | undefined {
  const { props, type } = resource;
  if (type === undefined) return undefined;
  if (type === 'aws.cloudfront.distribution') return { kind: 'cdn', ports: [443] };
  if (type === 'aws.apigateway.api') return props.endpointType === 'private' ? undefined : { kind: 'api', ports: [443] };
  if (type === 'aws.lambda.function') return props.functionUrl === 'public' ? { kind: 'api', ports: [443] } : undefined;
  if (type.startsWith('aws.elb.')) {
    if (effective(resource, 'scheme') !== 'internet-facing') return undefined;
    const listeners = listenerPorts(resource);
    const candidates = listeners.length > 0 ? listeners : [443];
    const open = candidates.filter((port) => admits(doc, resource, { kind: 'internet' }, port));
    return open.length > 0 ? { kind: 'load-balancer', ports: open } : undefined;
  }
  if (type === 'aws.s3.bucket')
    return typeof props.publicAccess === 'string' && props.publicAccess.startsWith('public')
      ? { kind: 'public-bucket', ports: [443] }
      : undefined;
  if (props.publiclyAccessible === true) {
    const port = defaultPort(resource);
    const open = admits(doc, resource, { kind: 'internet' }, port);
    return open ? { kind: 'public-database', ports: port === undefined ? ['all'] : [port] } : undefined;
  }
  const publicAddress = props.publicIp === true || props.elasticIp === true || props.assignPublicIp === true;
  if (publicAddress && props.subnet === 'public') {
    const ports = worldOpenPorts(doc, resource);
    return ports.length > 0 ? { kind: 'public-ip', ports } : undefined;
  }
  return undefined;
}

/** Memo: Resolved references grouped by the resource they are written in, once for each document */
const referencesByOwner = new WeakMap<ArchDocument, ReadonlyMap<string, ReferenceOccurrence[]>>();

function ownReferences(doc: ArchDocument, name: string): readonly ReferenceOccurrence[] {
  let byOwner = referencesByOwner.get(doc);
  if (byOwner === undefined) {
    const grouped = new Map<string, ReferenceOccurrence[]>();
    for (const reference of doc.references) {
      if (!reference.resolved) continue;
      const list = grouped.get(reference.from);
      if (list === undefined) grouped.set(reference.from, [reference]);
      else list.push(reference);
    }
    referencesByOwner.set(doc, (byOwner = grouped));
  }
  return byOwner.get(name) ?? [];
}

/** The network hops out of a resource: target name and the port the connection uses. */
function edgesFrom(doc: ArchDocument, resource: ResourceNode): { readonly target: ResourceNode; readonly port: number | undefined }[] {
  const edges: { target: ResourceNode; port: number | undefined }[] = [];
  for (const reference of ownReferences(doc, resource.name)) {
    const property = reference.path[0];
    if (typeof property !== 'string' || !NETWORK_EDGE_PROPERTIES.includes(property)) continue;
    const target = doc.resourceByName.get(reference.target);
    if (target === undefined || target.type === 'aws.ec2.security-group') continue;
    // Load balancer targets and CDN origins use the target's own listening port when nothing says otherwise.
    const port = reference.port ?? defaultPort(target);
    if (!edges.some((edge) => edge.target === target && edge.port === port)) edges.push({ target, port });
  }
  return edges;
}

/** Route 53 only answers DNS queries: clients then connect to its targets directly. */
function isTransparent(resource: ResourceNode): boolean {
  return resource.type === 'aws.route53.zone' || resource.type?.startsWith('external.') === true;
}

function isDataStore(resource: ResourceNode): boolean {
  return resource.typeDef?.dataStore === true;
}

/**
 * Every property the exposure analysis reads, of any resource: the network edges, security groups
 * and their rules, ports, and what makes a resource internet-facing. A change to the analysis that
 * reads another property must add it here, or the reuse below would serve stale paths (the
 * equivalence test in test/unit/perf/incremental-reuse.test.ts compares reuse with a fresh analysis).
 */
export const EXPOSURE_PROPERTIES: readonly string[] = [
  ...NETWORK_EDGE_PROPERTIES,
  'securityGroups',
  'ingress',
  'port',
  'engine',
  'kind',
  'listeners',
  'scheme',
  'endpointType',
  'functionUrl',
  'publicAccess',
  'publiclyAccessible',
  'publicIp',
  'elasticIp',
  'assignPublicIp',
  'subnet',
];

/**
 * Memo: What the exposure analysis reads of one resource: its name, type and the properties above.
 * Whether a reference resolves depends only on the other resources' names, in their own facts.
 */
const factsByResource = new WeakMap<ResourceNode, string>();

function factsOf(resource: ResourceNode): string {
  let facts = factsByResource.get(resource);
  if (facts === undefined) {
    const read: unknown[] = [resource.name, resource.type ?? null];
    for (const property of EXPOSURE_PROPERTIES) read.push(resource.props[property] ?? null);
    factsByResource.set(resource, (facts = JSON.stringify(read)));
  }
  return facts;
}

/** Recent analyses, newest first, with the facts of every resource they were computed from. */
export type RecentExposureAnalyses = readonly { readonly facts: readonly string[]; readonly paths: readonly ExposurePath[] }[];
const recentAnalysesKept = 4;

/**
 * All exposure paths of a document, shortest first: from an internet entry point to a data store,
 * each hop with the port it enters on. A data store that is itself an entry point has a one-hop path.
 *
 * The paths hold names and ports only, so they are reused whenever every resource's facts are the
 * same as in a recent analysis: a comparison per resource (the same string object for an unchanged
 * resource) instead of a graph search. Most edits (a size, a tag, a comment) leave them unchanged.
 */
export function findExposurePaths(doc: ArchDocument): ExposurePath[] {
  return findExposurePathsAmong(doc, undefined).paths;
}

/** `findExposurePaths`, reusing one of the `recent` analyses (the previous evaluation's) when it read the same facts; with the recent analyses to hand on. */
export function findExposurePathsAmong(
  doc: ArchDocument,
  recent: RecentExposureAnalyses | undefined,
): { readonly paths: ExposurePath[]; readonly recent: RecentExposureAnalyses } {
  const facts = doc.resources.map(factsOf);
  for (const analysis of recent ?? []) {
    if (analysis.facts.length !== facts.length) continue;
    let same = true;
    for (let index = 0; index < facts.length && same; index++) same = analysis.facts[index] === facts[index];
    if (same) return { paths: [...analysis.paths], recent: [analysis, ...(recent ?? []).filter((other) => other !== analysis)] };
  }
  const paths = searchExposurePaths(doc);
  return { paths, recent: [{ facts, paths: [...paths] }, ...(recent ?? [])].slice(0, recentAnalysesKept) };
}

function searchExposurePaths(doc: ArchDocument): ExposurePath[] {
  const paths: ExposurePath[] = [];
  const seen = new Set<string>();
  const record = (path: ExposurePath) => {
    const key = path.hops.map((hop) => `${hop.resource}:${hop.port ?? ''}`).join('>');
    if (seen.has(key) || paths.length >= MAX_PATHS) return;
    seen.add(key);
    paths.push(path);
  };

  for (const entryResource of doc.resources) {
    if (isTransparent(entryResource)) continue;
    const entry = internetEntry(doc, entryResource);
    if (entry === undefined) continue;
    const firstPort = entry.ports[0]!;
    const start: ExposureHop = { resource: entryResource.name, port: firstPort };
    const walk = (current: ResourceNode, hops: readonly ExposureHop[]) => {
      if (paths.length >= MAX_PATHS) return;
      if (isDataStore(current)) record({ dataStore: current.name, entry: entry.kind, hops });
      if (hops.length >= MAX_DEPTH) return;
      for (const edge of edgesFrom(doc, current)) {
        if (hops.some((hop) => hop.resource === edge.target.name)) continue;
        if (isTransparent(edge.target)) continue;
        const result = admission(doc, edge.target, { kind: 'resource', resource: current }, edge.port);
        if (!result.admitted) continue;
        walk(edge.target, [
          ...hops,
          result.port === undefined ? { resource: edge.target.name } : { resource: edge.target.name, port: result.port },
        ]);
      }
    };
    walk(entryResource, [start]);
  }
  return paths.sort((a, b) => a.hops.length - b.hops.length || a.dataStore.localeCompare(b.dataStore));
}

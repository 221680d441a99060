/**
 * Which resources the workload's requests reach, and what share of them. Request-driven charges
 * (Lambda invocations, API Gateway and CloudFront requests, S3 GETs, DynamoDB reads, load
 * balancer capacity units) need to know whether a resource serves the traffic in `workload:`.
 *
 * The rule: start at every resource an `external.*` resource points at, with a share of 1, and
 * follow references whose availability role is `hard` or `any-of` (connectsTo, targets, origins,
 * integrations, dependsOn...) from the resource that holds the reference to the resource it
 * names. Two kinds of hop pass on less than everything:
 * - a Route 53 zone splits its traffic over its `targets` by `routing`: `failover` sends it all to
 *   the first (the standby gets none while the primary is healthy), `weighted` by `weights`, and
 *   every other policy evenly;
 * - a CloudFront distribution passes on only its cache misses, (100 - cacheHitRatio)% of its share,
 *   and with `originFailover: true` only to its first origin.
 * Every other hop passes the full share on (fan-out and caches elsewhere are not modeled, so the
 * figure is an upper bound), and a resource reached by several paths keeps the largest share.
 * With no `external.*` resource, the starting points are the resources nothing else refers to.
 */
import type { ArchDocument, ReferenceOccurrence, ResourceNode } from '../../core/document';

/** What a walk was computed from, so the next edit, if it leaves the graph alone, reuses it. */
export interface RequestWalk {
  readonly resources: readonly ResourceNode[];
  readonly references: readonly ReferenceOccurrence[];
  readonly shares: ReadonlyMap<string, number>;
}

/** Types whose properties (not only their references) shape the shares they pass on. */
function shapesShares(type: string | undefined): boolean {
  return type === 'aws.route53.zone' || type === 'aws.cloudfront.distribution';
}

/**
 * Whether the walk over `doc` reads exactly what the last one read: the same resources by name and
 * type in the same order (a changed resource may differ in other properties, unless it is a zone
 * or a distribution, whose routing and caching shape the shares), and references that agree in
 * everything the walk looks at.
 */
function sameWalk(doc: ArchDocument, last: RequestWalk): boolean {
  if (doc.resources.length !== last.resources.length || doc.references.length !== last.references.length) return false;
  for (let i = 0; i < doc.resources.length; i++) {
    const now = doc.resources[i]!;
    const before = last.resources[i]!;
    if (now === before) continue;
    if (now.name !== before.name || now.type !== before.type || now.typeDef !== before.typeDef || shapesShares(now.type)) return false;
  }
  for (let i = 0; i < doc.references.length; i++) {
    const now = doc.references[i]!;
    const before = last.references[i]!;
    if (now === before) continue;
    if (now.from !== before.from || now.target !== before.target || now.role !== before.role || now.resolved !== before.resolved)
      return false;
    if (now.path[0] !== before.path[0] || now.path[1] !== before.path[1]) return false;
  }
  return true;
}

/**
 * The share (0..1] of the workload's requests that reach each resource on the request path,
 * reusing the previous walk of the same document when the graph it read is unchanged.
 */
export function requestSharesAfter(doc: ArchDocument, previous: RequestWalk | undefined): RequestWalk {
  const shares = previous !== undefined && sameWalk(doc, previous) ? previous.shares : walk(doc);
  return { resources: doc.resources, references: doc.references, shares };
}

function walk(doc: ArchDocument): ReadonlyMap<string, number> {
  // This runs on every evaluation of every edit, so it is one pass over resources and one over
  // references with no per-reference allocation; an edge's share is worked out only when the walk
  // reaches its holder.
  let hasExternal = false;
  for (const r of doc.resources) {
    if (isExternalType(r.type)) {
      hasExternal = true;
      break;
    }
  }
  const outgoing = new Map<string, ReferenceOccurrence[]>();
  // With no external resource, requests start at the resources nothing refers to (docs/evaluation.md,
  // "Request share"), whatever the reference: a replication target, a security group or a bucket
  // that receives results is referred to and so is not where the workload's requests arrive. An
  // `attachedTo` reference points the other way (the instance needs the volume): its holder is the one referred to.
  const referenced = hasExternal ? undefined : new Set<string>();
  for (const ref of doc.references) {
    if (!ref.resolved || ref.from === ref.target) continue;
    referenced?.add(ref.role === 'reverse-hard' ? ref.from : ref.target);
    if (ref.role !== 'hard' && ref.role !== 'any-of') continue;
    const list = outgoing.get(ref.from);
    if (list === undefined) outgoing.set(ref.from, [ref]);
    else list.push(ref);
  }
  const isExternal = (name: string): boolean => isExternalType(doc.resourceByName.get(name)?.type);

  const queueNames: string[] = [];
  const queueShares: number[] = [];
  if (hasExternal) {
    for (const r of doc.resources) {
      if (!isExternalType(r.type)) continue;
      for (const ref of outgoing.get(r.name) ?? []) {
        if (!isExternal(ref.target)) {
          queueNames.push(ref.target);
          queueShares.push(1);
        }
      }
    }
  } else {
    for (const r of doc.resources) {
      if (!referenced!.has(r.name)) {
        queueNames.push(r.name);
        queueShares.push(1);
      }
    }
  }

  const shares = new Map<string, number>();
  // Shares only shrink along a path, so a node is revisited only when a larger share arrives,
  // which bounds the work even when references form cycles. A moving head instead of `shift()`,
  // which would make the walk quadratic.
  for (let head = 0; head < queueNames.length; head++) {
    const name = queueNames[head]!;
    const share = queueShares[head]!;
    if ((shares.get(name) ?? 0) >= share) continue;
    shares.set(name, share);
    const passOn = share * passThrough(doc, name);
    if (passOn <= 0) continue;
    const edges = outgoing.get(name);
    if (edges === undefined) continue;
    for (const ref of edges) {
      const nextShare = passOn * edgeShare(doc, ref);
      if (nextShare > 0 && !isExternal(ref.target) && (shares.get(ref.target) ?? 0) < nextShare) {
        queueNames.push(ref.target);
        queueShares.push(nextShare);
      }
    }
  }
  return shares;
}

function isExternalType(type: string | undefined): boolean {
  return type !== undefined && type.startsWith('external.');
}

/** The fraction of the holder's passed-on traffic that one reference carries. */
function edgeShare(doc: ArchDocument, ref: ReferenceOccurrence): number {
  const holder = doc.resourceByName.get(ref.from);
  const index = typeof ref.path[1] === 'number' ? ref.path[1] : 0;
  if (holder?.type === 'aws.route53.zone' && ref.path[0] === 'targets') {
    const targets = Array.isArray(holder.props.targets) ? holder.props.targets.length : 1;
    const routing = typeof holder.props.routing === 'string' ? holder.props.routing : 'simple';
    if (routing === 'failover') return index === 0 ? 1 : 0;
    if (routing === 'weighted' && Array.isArray(holder.props.weights)) {
      const weights = holder.props.weights.map((w) => (typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0));
      const total = weights.reduce((a, b) => a + b, 0);
      if (total > 0) return (weights[index] ?? 0) / total;
    }
    return targets > 0 ? 1 / targets : 1;
  }
  if (holder?.type === 'aws.cloudfront.distribution' && ref.path[0] === 'origins' && holder.props.originFailover === true) {
    return index === 0 ? 1 : 0;
  }
  return 1;
}

/** The share of a resource's requests it passes to what it references. */
function passThrough(doc: ArchDocument, name: string): number {
  const r = doc.resourceByName.get(name);
  if (r?.type !== 'aws.cloudfront.distribution') return 1;
  const written = r.props.cacheHitRatio;
  const fallback = r.typeDef?.properties.cacheHitRatio?.default;
  const ratio = typeof written === 'number' && Number.isFinite(written) ? written : typeof fallback === 'number' ? fallback : 0;
  return Math.min(1, Math.max(0, 1 - ratio / 100));
}

/**
 * Networking and edge pricing: load balancers (hours plus capacity units derived from the
 * workload), NAT gateways, Route 53 hosted zones and queries, CloudFront requests (its data
 * transfer is charged by data-transfer.ts) and WAF (API Gateway's too: application.ts).
 */
import type { ResourceNode } from '../../../core/document';
import type { CostContext } from '../context';
import { amountOr, safeDivide } from '../context';

/**
 * Capacity-unit dimensions per load balancer kind: new connections (or flows) per second that
 * one unit covers. The processed-bytes dimension is 1 GB per hour for all three.
 */
const newConnectionsPerUnit: Readonly<Record<string, number>> = { application: 25, network: 800, gateway: 600 };

/**
 * Capacity units per hour a load balancer on the request path needs: the larger of
 * (requests per second / new connections one unit covers) and (GB processed per hour), taking
 * one new connection per request (an upper bound; keep-alive lowers it) and the workload's data
 * transfer out as the bytes processed.
 */
export function loadBalancerUnitsPerHour(ctx: CostContext, r: ResourceNode, kind: string): number {
  const share = ctx.requestShare(r.name);
  if (share <= 0) return 0;
  const rps = amountOr(ctx.doc.workload.requestsPerSecond, 0) * share;
  const gbPerHour = safeDivide(amountOr(ctx.doc.workload.dataTransferOutGB, 0) * share, ctx.hours);
  return Math.max(safeDivide(rps, newConnectionsPerUnit[kind] ?? 25), gbPerHour);
}

/** `aws.elb.application`, `aws.elb.network`, `aws.elb.gateway` (and a classic one, if modeled). */
export function priceLoadBalancer(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const kind = (r.type ?? '').split('.').pop() ?? 'application';
  ctx.charge(r.name, region, { key: `elb:${kind}:hour`, quantity: ctx.hours, what: `${kind} load balancer hours`, unit: 'hours' });
  if (kind === 'classic') {
    const gb = amountOr(ctx.doc.workload.dataTransferOutGB, 0) * ctx.requestShare(r.name);
    ctx.charge(r.name, region, {
      key: 'elb:classic:gb',
      quantity: gb,
      what: 'data processed',
      unit: 'GB',
      note: 'GB processed = workload.dataTransferOutGB x request share',
    });
    return;
  }
  const explicit = r.props.capacityUnits;
  const units = explicit !== undefined ? amountOr(explicit, 0) : loadBalancerUnitsPerHour(ctx, r, kind);
  const perUnit = newConnectionsPerUnit[kind] ?? 25;
  ctx.charge(r.name, region, {
    key: `elb:${kind}:lcu`,
    quantity: units * ctx.hours,
    what: `${kind} load balancer capacity units (${units.toFixed(2)} per hour)`,
    unit: 'LCU-hours',
    note:
      explicit !== undefined
        ? 'capacityUnits per hour as set'
        : `units/hour = max(requestsPerSecond / ${perUnit} new connections, dataTransferOutGB / hoursPerMonth), times the share of requests reaching it`,
    ...(explicit !== undefined ? {} : { estimate: true }),
  });
  chargeWaf(ctx, r, ctx.requestsReaching(r.name));
}

/** `aws.vpc.nat-gateway`: hours per gateway (one per zone) plus GB processed (`dataProcessedGB` a month). */
export function priceNatGateway(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const zones = Array.isArray(r.props.zones) ? r.props.zones.length : 0;
  const gateways = amountOr(r.props.count ?? r.props.gateways, Math.max(zones, 1));
  ctx.charge(r.name, region, {
    key: 'nat:hour',
    quantity: ctx.unitHours(gateways),
    what: `NAT gateway hours (${gateways} gateway${gateways === 1 ? '' : 's'})`,
    unit: 'gateway-hours',
  });
  const processed = r.props.dataProcessedGB;
  if (processed !== undefined) {
    ctx.charge(r.name, region, { key: 'nat:gb', quantity: amountOr(processed, 0), what: 'NAT gateway data processed', unit: 'GB' });
  } else {
    ctx.addUnpriced(
      r.name,
      'NAT gateway data processed ($0.045 per GB)',
      'the traffic through the gateway is not modeled; set dataProcessedGB',
    );
  }
}

/** Targets that Route 53 answers with free alias records. */
const aliasTargetPrefixes = ['aws.cloudfront.', 'aws.elb.', 'aws.apigateway.', 'aws.s3.', 'aws.elasticbeanstalk.', 'aws.route53.'];

/** DNS queries per request when resolvers cache answers (one lookup per hundred requests). */
export const DNS_QUERIES_PER_REQUEST = 0.01;

/** `aws.route53.zone`: the hosted zone, health checks, and queries to non-alias targets. */
export function priceRoute53Zone(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  ctx.charge(r.name, region, { key: 'route53:zone', quantity: 1, what: 'hosted zone', unit: 'zone-months' });
  const targets = Array.isArray(r.props.targets) ? r.props.targets.filter((t): t is string => typeof t === 'string') : [];
  if (ctx.bool(r, 'healthChecks') && targets.length > 0) {
    ctx.charge(r.name, region, {
      key: 'route53:health-check',
      quantity: targets.length,
      what: `health checks (one per target)`,
      unit: 'health checks',
    });
  }
  const nonAlias = targets.filter((name) => {
    const type = ctx.typeOf(name) ?? '';
    return !aliasTargetPrefixes.some((prefix) => type.startsWith(prefix));
  });
  const routing = ctx.str(r, 'routing') ?? 'simple';
  const kind = routing === 'latency' ? 'latency' : routing === 'geolocation' || routing === 'geoproximity' ? 'geo' : 'standard';
  const explicit = r.props.queriesPerMonth;
  if (explicit !== undefined) {
    ctx.charge(r.name, region, {
      key: `route53:queries:${kind}`,
      quantity: amountOr(explicit, 0) / 1e6,
      what: `${kind} DNS queries`,
      unit: 'million queries',
      note: 'queriesPerMonth as set',
    });
    return;
  }
  const requests = ctx.requestsReaching(r.name);
  if (nonAlias.length === 0 || requests === 0) return;
  ctx.charge(r.name, region, {
    key: `route53:queries:${kind}`,
    quantity: (requests * DNS_QUERIES_PER_REQUEST) / 1e6,
    what: `${kind} DNS queries`,
    unit: 'million queries',
    note: 'one query per 100 workload requests (resolver caching); alias queries to AWS resources are free',
    estimate: true,
  });
}

/** `aws.cloudfront.distribution`: requests from the workload (and WAF); data transfer is in data-transfer.ts. */
export function priceCloudFront(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const requests = ctx.requestsReaching(r.name);
  const http = ctx.str(r, 'viewerProtocol') === 'allow-all';
  ctx.charge(r.name, region, {
    key: http ? 'cloudfront:http' : 'cloudfront:https',
    quantity: requests / 1e4,
    what: `${http ? 'HTTP' : 'HTTPS'} requests`,
    unit: '10k requests',
    note: 'requests = workload requests reaching the distribution',
  });
  chargeWaf(ctx, r, requests);
}

/** A WAF web ACL on `r` when `waf: true`: the ACL and the requests it inspects. */
export function chargeWaf(ctx: CostContext, r: ResourceNode, requests: number): void {
  if (!ctx.bool(r, 'waf')) return;
  const region = ctx.regionOf(r);
  ctx.charge(r.name, region, { key: 'waf:web-acl', quantity: 1, what: 'WAF web ACL', unit: 'ACL-months' });
  ctx.charge(r.name, region, { key: 'waf:requests', quantity: requests / 1e6, what: 'WAF requests inspected', unit: 'million requests' });
  ctx.addUnpriced(r.name, 'WAF rules ($1 per rule a month)', 'the number of rules is not modeled');
}

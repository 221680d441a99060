/**
 * Data transfer out to the internet (`workload.dataTransferOutGB` a month), charged once, at the
 * edge resource that sends it: a CloudFront distribution if the design has one (CloudFront's
 * tiers), else an internet-facing load balancer, else an API Gateway, else the first resource the
 * internet reaches, else the first resource on the request path (EC2 data-transfer tiers). With
 * no such resource the line is kept under the pseudo-resource `(data transfer out)`, which cannot
 * collide with a resource name. Free tiers are not deducted: the figure is the list price.
 */
import type { ResourceNode } from '../../core/document';
import type { CostContext } from './context';
import { amountOr } from './context';

/** The name used in `byResource` when no resource can carry the data transfer. */
export const DATA_TRANSFER_PSEUDO_RESOURCE = '(data transfer out)';

const cloudFrontTiers: readonly (readonly [number, string])[] = [
  [10 * 1024, 'cloudfront:gb:first-10tb'],
  [50 * 1024, 'cloudfront:gb:next-40tb'],
  [150 * 1024, 'cloudfront:gb:next-100tb'],
  [500 * 1024, 'cloudfront:gb:next-350tb'],
  [1024 * 1024, 'cloudfront:gb:next-524tb'],
  [5 * 1024 * 1024, 'cloudfront:gb:next-4pb'],
  [Infinity, 'cloudfront:gb:over-5pb'],
];

const internetTiers: readonly (readonly [number, string])[] = [
  [10 * 1024, 'dto:first-10tb'],
  [50 * 1024, 'dto:next-40tb'],
  [150 * 1024, 'dto:next-100tb'],
  [Infinity, 'dto:over-150tb'],
];

function isInternetFacingLoadBalancer(ctx: CostContext, r: ResourceNode): boolean {
  return (r.type ?? '').startsWith('aws.elb.') && (ctx.str(r, 'scheme') ?? 'internet-facing') === 'internet-facing';
}

/** The resource that sends the design's data to the internet (see the module comment). */
export function edgeResource(ctx: CostContext): ResourceNode | undefined {
  const resources = ctx.doc.resources;
  const onPath = (r: ResourceNode) => ctx.onRequestPath(r.name);
  const byType = (prefix: string) =>
    resources.find((r) => (r.type ?? '').startsWith(prefix) && onPath(r)) ?? resources.find((r) => (r.type ?? '').startsWith(prefix));
  const cdn = byType('aws.cloudfront.');
  if (cdn) return cdn;
  const lb =
    resources.find((r) => isInternetFacingLoadBalancer(ctx, r) && onPath(r)) ?? resources.find((r) => isInternetFacingLoadBalancer(ctx, r));
  if (lb) return lb;
  const api = resources.find((r) => (r.type ?? '').startsWith('aws.apigateway.') && onPath(r));
  if (api) return api;
  const externals = new Set(resources.filter((r) => (r.type ?? '').startsWith('external.')).map((r) => r.name));
  const reached = ctx.doc.references.find((ref) => externals.has(ref.from) && ref.resolved && !externals.has(ref.target));
  if (reached) return ctx.doc.resourceByName.get(reached.target);
  return resources.find((r) => onPath(r) && !(r.type ?? '').startsWith('external.'));
}

/** Charges the month's data transfer out at the edge resource. */
export function chargeDataTransferOut(ctx: CostContext): void {
  const gb = amountOr(ctx.doc.workload.dataTransferOutGB, 0);
  if (gb === 0) return;
  const edge = edgeResource(ctx);
  const name = edge?.name ?? DATA_TRANSFER_PSEUDO_RESOURCE;
  const region = edge ? ctx.regionOf(edge) : ctx.doc.region;
  const viaCloudFront = (edge?.type ?? '').startsWith('aws.cloudfront.');
  ctx.chargeTiered(name, region, gb, viaCloudFront ? cloudFrontTiers : internetTiers, 'GB = workload.dataTransferOutGB');
}

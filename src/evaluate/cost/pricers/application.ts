/**
 * Application pricing: ECS services, Lambda (requests and GB-seconds) and API Gateway requests.
 */
import type { ResourceNode } from '../../../core/document';
import type { CostContext } from '../context';
import { amountOr } from '../context';
import { chargeInstances } from './compute';
import { chargeWaf } from './networking';

/** `aws.lambda.function`: requests and GB-seconds; requests from the workload when on the request path. */
export function priceLambda(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const explicit = r.props.requestsPerMonth;
  const fromWorkload = ctx.onRequestPath(r.name);
  const invocations = explicit !== undefined ? amountOr(explicit, 0) : ctx.requestsReaching(r.name);
  const note = explicit !== undefined ? undefined : fromWorkload ? 'invocations = workload requests reaching the function' : undefined;
  const memoryGB = ctx.num(r, 'memoryMB', 128) / 1024;
  const provisioned = ctx.num(r, 'provisionedConcurrency', 0);
  if (provisioned > 0) {
    ctx.charge(r.name, region, {
      key: 'lambda:provisioned-concurrency',
      quantity: provisioned * memoryGB * ctx.hours * 3600,
      what: `provisioned concurrency (${provisioned} environments)`,
      unit: 'GB-seconds',
    });
  }
  if (explicit === undefined && !fromWorkload) {
    ctx.addUnpriced(
      r.name,
      'Lambda requests and GB-seconds',
      'the function is not on the request path and sets no requestsPerMonth, so its invocations are unknown',
    );
    return;
  }
  const durationSeconds = ctx.num(r, 'avgDurationMs', 100) / 1000;
  const arm = ctx.str(r, 'architecture') === 'arm64';
  ctx.charge(r.name, region, {
    key: 'lambda:requests',
    quantity: invocations / 1e6,
    what: 'Lambda requests',
    unit: 'million requests',
    ...(note ? { note } : {}),
  });
  const gbSeconds = invocations * memoryGB * durationSeconds;
  const tiers: readonly (readonly [number, string])[] = arm
    ? [
        [7.5e9, 'lambda:gb-second:arm64'],
        [18.75e9, 'lambda:gb-second:arm64-next-11b'],
        [Infinity, 'lambda:gb-second:arm64-over-18b'],
      ]
    : [
        [6e9, 'lambda:gb-second:x86'],
        [15e9, 'lambda:gb-second:x86-next-9b'],
        [Infinity, 'lambda:gb-second:x86-over-15b'],
      ];
  ctx.chargeTiered(r.name, region, gbSeconds, tiers, note);
}

/** `aws.ecs.service`: Fargate by vCPU-hour and GB-hour; on EC2, the container instances. */
export function priceEcsService(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const tasks = ctx.num(r, 'desiredCount', 1);
  const launchType = ctx.str(r, 'launchType') ?? 'fargate';
  if (launchType === 'ec2') {
    const typeName = ctx.str(r, 'instanceType');
    if (typeName) chargeInstances(ctx, r, ctx.num(r, 'instances', tasks), typeName, ctx.str(r, 'purchase') ?? 'on-demand');
    else
      ctx.addUnpriced(
        r.name,
        'container instances',
        'with the EC2 launch type you pay for the container instances, which are modeled as their own resources (an auto scaling group or instances); ECS adds no charge',
      );
    return;
  }
  // `cpu` is in CPU units (1024 = one vCPU) and `memory` in MiB, as in an ECS task definition.
  const vcpu = ctx.num(r, 'cpu', 256) / 1024;
  const memoryGB = ctx.num(r, 'memory', 512) / 1024;
  const arm = ctx.str(r, 'architecture') === 'arm64';
  const spot = launchType === 'fargate-spot' || ctx.str(r, 'purchase') === 'spot';
  const factorEntry = spot ? ctx.price('purchase:spot') : undefined;
  const factor = factorEntry ? { value: factorEntry.usd, label: 'spot', source: factorEntry.source, estimate: true } : undefined;
  const taskHours = ctx.unitHours(tasks);
  ctx.charge(r.name, region, {
    key: arm ? 'fargate:vcpu:arm64' : 'fargate:vcpu',
    quantity: taskHours * vcpu,
    what: `Fargate vCPU (${tasks} tasks x ${vcpu} vCPU)`,
    unit: 'vCPU-hours',
    ...(factor ? { factor } : {}),
  });
  ctx.charge(r.name, region, {
    key: arm ? 'fargate:gb:arm64' : 'fargate:gb',
    quantity: taskHours * memoryGB,
    what: `Fargate memory (${tasks} tasks x ${memoryGB} GB)`,
    unit: 'GB-hours',
    ...(factor ? { factor } : {}),
  });
}

/** `aws.apigateway.api`: requests (or WebSocket messages) from `requestsPerMonth` or the workload. */
export function priceApiGateway(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const kind = ctx.str(r, 'kind') ?? 'rest';
  const explicit = r.props.requestsPerMonth;
  const requests = explicit !== undefined ? amountOr(explicit, 0) : ctx.requestsReaching(r.name);
  const key = kind === 'http' ? 'apigateway:http' : kind === 'websocket' ? 'apigateway:websocket' : 'apigateway:rest';
  ctx.charge(r.name, region, {
    key,
    quantity: requests / 1e6,
    what: kind === 'websocket' ? 'WebSocket messages' : `${kind.toUpperCase()} API requests`,
    unit: kind === 'websocket' ? 'million messages' : 'million requests',
    ...(explicit === undefined && requests > 0 ? { note: 'requests = workload requests reaching the API' } : {}),
  });
  // On the request path of a workload that sends no requests, the API serves none: $0 is its figure, not an unknown.
  if (explicit === undefined && !ctx.onRequestPath(r.name)) {
    ctx.addUnpriced(r.name, 'API requests', 'the API is not on the request path and sets no requestsPerMonth');
  }
  if (ctx.bool(r, 'cache')) {
    ctx.charge(r.name, region, { key: 'apigateway:cache', quantity: ctx.hours, what: 'stage cache (0.5 GB assumed)', unit: 'hours' });
  }
  chargeWaf(ctx, r, requests);
}

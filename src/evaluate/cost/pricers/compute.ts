/**
 * Compute pricing: EC2 instances and auto scaling groups (unit-hours x on-demand price x the
 * purchase option's factor, plus inline volumes and public IPv4 addresses), Batch, Lightsail,
 * Elastic Beanstalk and Image Builder. `chargeInstances` also prices ECS on EC2 (application.ts).
 */
import type { ResourceNode } from '../../../core/document';
import { instanceType } from '../../../model/instance-types';
import type { CostContext } from '../context';
import { amountOr, quantityOr0 } from '../context';
import { addOptionCharged, addOptionCosts, ec2Factor, ec2OptionFactors } from '../purchase';
import { chargeVolume, volumeSpecFrom } from './block-storage';

/**
 * Charges `units` instances of `typeName` for the month under `purchase`, and records the cost
 * under every purchase option. An instance type without a price, or a purchase option without a
 * factor, is listed as not priced instead.
 */
export function chargeInstances(
  ctx: CostContext,
  resource: ResourceNode,
  units: number,
  typeName: string,
  purchase: string,
  options: { readonly label?: string; readonly hours?: number; readonly recordOptions?: boolean } = {},
): void {
  const region = ctx.regionOf(resource);
  const key = `ec2:${typeName}`;
  const onDemand = ctx.price(key, region);
  const hours = options.hours ?? ctx.hours;
  const quantity = quantityOr0(units) * amountOr(hours, 0);
  const prefix = options.label ? `${options.label}: ` : '';
  if (!onDemand) {
    ctx.addUnpriced(
      resource.name,
      `${prefix}${typeName} instance-hours`,
      `the price snapshot has no price for instance type "${typeName}"; set assumptions.prices["${key}"] (USD per hour) to price it`,
      key,
    );
    return;
  }
  const factor = ec2Factor(ctx, purchase, typeName, region);
  if (purchase !== 'on-demand' && !factor) {
    ctx.addUnpriced(resource.name, `${prefix}${typeName} ${purchase} instance-hours`, `no factor for purchase option "${purchase}"`);
    return;
  }
  const charged = ctx.charge(resource.name, region, {
    key,
    quantity,
    what: `${prefix}${typeName} ${purchase} instance-hours`,
    unit: 'instance-hours',
    ...(factor ? { factor } : {}),
  });
  if (options.recordOptions !== false) {
    addOptionCharged(ctx, charged);
    addOptionCosts(ctx, ec2OptionFactors(ctx, typeName, region), quantity, onDemand.usd);
  }
}

/** Inline `volumes:` (objects; named references are priced as their own resources) times the units. */
export function chargeInlineVolumes(ctx: CostContext, resource: ResourceNode, units: number): void {
  const volumes = resource.props.volumes;
  if (!Array.isArray(volumes)) return;
  volumes.forEach((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
    const spec = volumeSpecFrom(item as Record<string, unknown>, 'gp2');
    const label = `volume ${index + 1}${units === 1 ? '' : ` (x${units} units)`}`;
    chargeVolume(ctx, resource.name, ctx.regionOf(resource), spec, units, label);
  });
}

function priceEc2Like(ctx: CostContext, r: ResourceNode, units: number): void {
  const typeName = ctx.str(r, 'instanceType');
  const purchase = ctx.str(r, 'purchase') ?? 'on-demand';
  if (typeName) chargeInstances(ctx, r, units, typeName, purchase);
  else ctx.addUnpriced(r.name, 'instance-hours', 'no instanceType is set');
  chargeInlineVolumes(ctx, r, units);
  if (ctx.bool(r, 'publicIp') || ctx.bool(r, 'elasticIp')) {
    ctx.charge(r.name, ctx.regionOf(r), {
      key: 'vpc:public-ipv4',
      quantity: ctx.unitHours(units),
      what: 'public IPv4 address-hours',
      unit: 'address-hours',
    });
  }
}

/** `aws.ec2.instance`: `count` units (default 1). */
export function priceEc2Instance(ctx: CostContext, r: ResourceNode): void {
  priceEc2Like(ctx, r, ctx.num(r, 'count', 1));
}

/** `aws.autoscaling.group`: priced at `desired` units (else `min`, else 1). */
export function priceAutoScalingGroup(ctx: CostContext, r: ResourceNode): void {
  const desired = r.props.desired ?? r.props.min;
  priceEc2Like(ctx, r, amountOr(desired, 1));
}

/** `aws.batch.environment`: no service fee; the compute its jobs use, from jobs x minutes x vCPUs. */
export function priceBatch(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  ctx.charge(r.name, region, { key: 'batch:service', quantity: 1, what: 'AWS Batch service (no charge)' });
  const vcpuHours = ctx.num(r, 'jobsPerMonth', 0) * (ctx.num(r, 'avgJobMinutes', 10) / 60) * ctx.num(r, 'avgJobvCpus', 1);
  const minVcpuHours = ctx.num(r, 'minvCpus', 0) * ctx.hours;
  const hours = Math.max(vcpuHours, minVcpuHours);
  if (hours === 0) return;
  const computeType = ctx.str(r, 'computeType') ?? 'ec2';
  const note = 'vCPU-hours = max(jobsPerMonth x avgJobMinutes/60 x avgJobvCpus, minvCpus x hours)';
  if (computeType === 'fargate' || computeType === 'fargate-spot') {
    const spotEntry = computeType === 'fargate-spot' ? ctx.price('purchase:spot') : undefined;
    const factor = spotEntry ? { value: spotEntry.usd, label: 'spot', source: spotEntry.source, estimate: true } : undefined;
    ctx.charge(r.name, region, {
      key: 'fargate:vcpu',
      quantity: hours,
      what: 'job vCPU-hours on Fargate',
      unit: 'vCPU-hours',
      note,
      ...(factor ? { factor } : {}),
    });
    ctx.charge(r.name, region, {
      key: 'fargate:gb',
      quantity: hours * 2,
      what: 'job memory on Fargate (2 GB per vCPU assumed)',
      unit: 'GB-hours',
      note,
      estimate: true,
      ...(factor ? { factor } : {}),
    });
    return;
  }
  const types = Array.isArray(r.props.instanceTypes) ? r.props.instanceTypes.filter((t): t is string => typeof t === 'string') : [];
  // The first listed type the catalog knows; with none (none listed, or none known), m5.large is
  // assumed and the line says so.
  const known = types.find((t) => instanceType(t)?.vcpu);
  const typeName = known ?? 'm5.large';
  const def = instanceType(typeName);
  const vcpus = def?.vcpu && def.vcpu > 0 ? def.vcpu : 2;
  chargeInstances(ctx, r, hours / vcpus / Math.max(ctx.hours, 1e-9), typeName, computeType === 'spot' ? 'spot' : 'on-demand', {
    label: `job compute (${typeName}${known === undefined ? ', assumed' : ''})`,
    recordOptions: false,
  });
}

/** `aws.lightsail.instance`: the bundle's monthly price. */
export function priceLightsail(ctx: CostContext, r: ResourceNode): void {
  const bundle = ctx.str(r, 'bundle') ?? 'micro';
  ctx.charge(r.name, ctx.regionOf(r), { key: `lightsail:${bundle}`, quantity: 1, what: `Lightsail ${bundle} bundle`, unit: 'month' });
}

/** `aws.elasticbeanstalk.environment`: free itself; prices the instances and load balancer it creates. */
export function priceBeanstalk(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  ctx.charge(r.name, region, { key: 'elasticbeanstalk:service', quantity: 1, what: 'Elastic Beanstalk service (no charge)' });
  const single = ctx.str(r, 'environmentType') === 'single-instance';
  const units = single ? 1 : ctx.num(r, 'minInstances', 1);
  const typeName = ctx.str(r, 'instanceType') ?? 't3.micro';
  chargeInstances(ctx, r, units, typeName, 'on-demand', { label: 'environment instances' });
  if (!single) {
    const lbType = ctx.str(r, 'loadBalancerType') ?? 'application';
    ctx.charge(r.name, region, {
      key: `elb:${lbType}:hour`,
      quantity: ctx.hours,
      what: `${lbType} load balancer created by the environment`,
      unit: 'hours',
    });
  }
}

/** `aws.imagebuilder.pipeline`: free itself; build time and AMI storage are not modeled. */
export function priceImageBuilder(ctx: CostContext, r: ResourceNode): void {
  ctx.charge(r.name, ctx.regionOf(r), { key: 'imagebuilder:service', quantity: 1, what: 'EC2 Image Builder service (no charge)' });
  ctx.addUnpriced(r.name, 'build instance-hours and image snapshot storage', 'the build duration and image sizes are not modeled');
}

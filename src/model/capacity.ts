/**
 * How many requests per second one unit of a resource can serve, for the simulator. AWS publishes
 * no such figure for a server or a task: it depends entirely on the application. The catalog
 * therefore states one clearly-labelled assumption per vCPU and derives a unit's capacity from its
 * hardware (an instance type's vCPUs, an ECS task's CPU units), and every resource may replace it
 * with a measured figure of its own (`capacityRps:`). Managed services with a published request
 * quota carry it as the type's `capacityPerUnitRps`; the rest are not capacity-limited in the model.
 */
import type { ResourceTypeDef, SourcedFigure } from './catalog-types';
import { instanceType } from './instance-types';

/**
 * The assumption behind every server's capacity: one vCPU serves 100 dynamic web requests per
 * second, that is 10 ms of CPU per request. A cached or static response is far cheaper, a report
 * or a heavy query far dearer; measure yours and write `capacityRps:` on the resource.
 */
export const requestsPerSecondPerVcpu: SourcedFigure = {
  value: 100,
  kind: 'estimate',
  source: 'assumption (CloudArch): 10 ms of CPU per dynamic web request; no AWS figure exists',
  note: "Overridable per resource with `capacityRps:`. Matches the catalog's 200 requests per second for a two-vCPU instance such as t3.medium.",
};

/** Types whose units are servers with an `instanceType`. */
const instanceTyped = new Set(['aws.ec2.instance', 'aws.autoscaling.group', 'aws.elasticbeanstalk.environment']);

/** Where a unit's capacity figure came from, for reports. */
export interface UnitCapacity {
  /** Requests per second one unit serves; `Infinity` when the model does not limit it. */
  readonly rps: number;
  readonly basis: string;
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The capacity of one unit of a resource, from its override, its hardware or its type. */
export function unitCapacity(def: ResourceTypeDef | undefined, props: Readonly<Record<string, unknown>>): UnitCapacity {
  const override = positive(props.capacityRps);
  if (override !== undefined) return { rps: override, basis: '`capacityRps:` of the resource' };
  if (def === undefined) return { rps: Infinity, basis: 'unknown type: not limited' };
  if (instanceTyped.has(def.id) && typeof props.instanceType === 'string') {
    const hardware = instanceType(props.instanceType);
    if (hardware !== undefined) {
      return {
        rps: hardware.vcpu * requestsPerSecondPerVcpu.value,
        basis: `${hardware.vcpu} vCPU of ${hardware.name} × ${requestsPerSecondPerVcpu.value} requests/s per vCPU (assumption)`,
      };
    }
  }
  if (def.id === 'aws.ecs.service') {
    const cpu = positive(props.cpu) ?? 256;
    const vcpu = cpu / 1024;
    return {
      rps: vcpu * requestsPerSecondPerVcpu.value,
      basis: `${vcpu} vCPU per task × ${requestsPerSecondPerVcpu.value} requests/s per vCPU (assumption)`,
    };
  }
  if (def.capacityPerUnitRps !== undefined)
    return { rps: def.capacityPerUnitRps, basis: `the catalog's ${def.capacityPerUnitRps} requests/s per unit of ${def.id}` };
  return { rps: Infinity, basis: 'not capacity-limited in the model' };
}

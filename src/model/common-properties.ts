/**
 * Properties valid on every resource type where they make sense (format.md, "Resources").
 * The catalog merges these into each type's own properties, so schema, completion and hover treat
 * them exactly like type-specific ones.
 */
import type { PropertyDef, PropertyShape } from './catalog-types';

/** Any resource at all: `dependsOn` and `connectsTo` may point anywhere. */
const anyResource: readonly string[] = ['*'];

/** A `connectsTo` entry: `name`, `name:port`, or `{ to, port, optional }`. */
export const connectionShape: PropertyShape = {
  kind: 'one-of',
  variants: [
    { kind: 'reference', to: anyResource, allowPort: true },
    {
      kind: 'object',
      required: ['to'],
      properties: {
        to: { shape: { kind: 'reference', to: anyResource }, description: 'The resource this one sends traffic to.' },
        port: {
          shape: { kind: 'port' },
          description: "The destination port, checked against the target's security groups by the exposure analysis.",
        },
        optional: {
          shape: { kind: 'boolean' },
          default: false,
          description:
            'A soft dependency: when true, this resource keeps working while the target is down (a cache, a metrics sink), so availability does not count it.',
        },
      },
    },
  ],
};

export const commonProperties: Readonly<Record<string, PropertyDef>> = {
  type: {
    shape: { kind: 'string' },
    required: true,
    description:
      'The kind of resource: `aws.<service>.<kind>` for an AWS service, `external.<kind>` for something outside AWS such as users on the internet or an on-premises server.',
  },
  label: {
    shape: { kind: 'string', maxLength: 120 },
    description: "The name shown for this resource in the diagram and in reports. Defaults to the resource's key.",
  },
  region: {
    shape: { kind: 'region' },
    description:
      "The AWS region this resource lives in, overriding the file's top-level `region`. Use it for multi-region designs such as disaster recovery.",
  },
  dependsOn: {
    shape: { kind: 'list', items: { kind: 'reference', to: anyResource }, uniqueItems: true },
    dependency: 'hard',
    description: 'Hard dependencies that no other property implies: this resource works only while every one of them works.',
  },
  connectsTo: {
    shape: { kind: 'list', items: connectionShape },
    dependency: 'hard',
    description:
      'Where this resource sends traffic, as `name`, `name:port` or `{ to, port, optional }`. Each connection is a hard dependency unless marked optional, and its port is followed through security groups by the exposure analysis.',
  },
  availability: {
    shape: { kind: 'number', minimum: 0, maximum: 100 },
    unit: 'percent',
    description:
      "Overrides the catalog's availability of one unit of this resource, in percent (for example `99.5`). Use it when you have measured figures of your own.",
  },
  capacityRps: {
    shape: { kind: 'number', minimum: 0 },
    unit: 'requests/s',
    description:
      'Overrides how many requests per second one unit of this resource serves in the simulator (for example a load-tested figure). Without it, servers are sized from their vCPUs at an assumed 100 requests per second per vCPU, and managed services from the catalog.',
  },
  tags: {
    shape: { kind: 'map', values: { kind: 'string' } },
    description: 'Free-form key/value labels, as on the AWS resource (owner, cost centre, environment).',
  },
};

/** Only for types whose units sit in availability zones (`ResourceTypeDef.zonal`). */
export const zonesProperty: PropertyDef = {
  shape: { kind: 'list', items: { kind: 'zone' }, minItems: 1, uniqueItems: true },
  description:
    "The availability zones this resource's units are placed in, as letters (`[a, b]`). Units are spread round-robin, first unit in the first zone; every zone must be listed in the file's top-level `zones`.",
};

/** Only for types that live in a VPC (`ResourceTypeDef.inVpc`). */
export const subnetProperty: PropertyDef = {
  shape: {
    kind: 'enum',
    values: [
      {
        value: 'private',
        description:
          'A subnet with no route to an internet gateway: reachable only from inside the VPC (or through a load balancer or NAT).',
      },
      {
        value: 'public',
        description:
          'A subnet whose route table sends 0.0.0.0/0 to an internet gateway: resources with a public IP are reachable from the internet.',
      },
    ],
  },
  default: 'private',
  description:
    'The kind of subnet the resource is placed in. Public subnets route to an internet gateway; keep data stores and application servers private.',
};

export const securityGroupsProperty: PropertyDef = {
  shape: { kind: 'list', items: { kind: 'reference', to: ['aws.ec2.security-group'] }, uniqueItems: true },
  dependency: 'none',
  description:
    'The security groups attached to this resource: stateful firewalls that allow inbound traffic by port and source. Security groups never fail, so they are not availability dependencies.',
};

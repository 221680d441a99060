/**
 * Published availability and durability figures, each with its source, shared by the type
 * definitions. The numbers are copied from the team's reference set (sla.json); the sentences are
 * ours. Keeping them in one place means a changed SLA page is one edit, and two types that share a
 * figure (an EC2 instance and an auto scaling group's instance) can never disagree.
 */
import type { SourcedFigure } from './catalog-types';
import { slaPages } from './sla-pages';

/** A figure of one kind, with its source and, when it needs one, a note. */
function figureOf(kind: SourcedFigure['kind']): (value: number, source: string, note?: string) => SourcedFigure {
  return (value, source, note) => ({ value, kind, source, ...(note !== undefined ? { note } : {}) });
}

const sla = figureOf('sla');
const designed = figureOf('designed');
const estimate = figureOf('estimate');
const inherited = figureOf('inherited');

const ebsVolumeTypes = 'github:awsdocs/amazon-ec2-user-guide doc_source/ebs-volume-types.md';
const s3StorageClasses = 'github:awsdocs/amazon-s3-userguide doc_source/storage-class-intro.md';

/** The instance-level SLA: one EC2 instance, per monthly billing cycle. */
export const ec2InstanceSla = sla(
  99.5,
  slaPages.compute,
  'Instance-Level SLA for a single EC2 instance; the Region-Level SLA of 99.99% needs instances in two or more zones, which the model derives from the zones instead.',
);

/** A Lightsail instance or disk on its own (the SLA category exists; the value is by analogy with EC2). */
export const lightsailInstanceSla = sla(
  99.5,
  slaPages.lightsail,
  'Instance-level commitment; the reference set marks the value as low confidence (the page excerpt was cut off), matching the EC2 instance-level figure.',
);

/** One ECS task, EC2 or Fargate launch type. */
export const ecsTaskSla = sla(
  99.5,
  'https://www.nextsignal.io/resources/aws-ecs-sla-credits',
  `Task-level figure from a secondary source (medium confidence); the Region-level commitment for ECS and Fargate is 99.99% (${slaPages.compute}).`,
);

/** One EBS volume. */
export const ebsVolumeSla = sla(99.9, slaPages.ebs, 'Volume-Level SLA (last updated 2022-05-31).');

/** Designed durability of gp2, gp3, io1, st1 and sc1 volumes: an annual failure rate of 0.1-0.2%. */
export const ebsStandardDurability = designed(
  99.8,
  ebsVolumeTypes,
  'AWS designs these volume types for 99.8-99.9% durability per year (AFR 0.1-0.2%); the model uses the lower bound.',
);

/** Designed durability of io2 (including Block Express) volumes: an annual failure rate of 0.001%. */
export const ebsIo2Durability = designed(99.999, ebsVolumeTypes, 'io2 volumes are designed for 99.999% durability per year (AFR 0.001%).');

/** Any Elastic Load Balancing load balancer deployed in two or more zones. */
export const elbMultiAzSla = sla(
  99.99,
  slaPages.elasticLoadBalancing,
  'Multi-AZ load balancer commitment (last updated 2022-07-25); a load balancer in one zone has a 99.9% commitment, which the model reproduces through the zone dependency.',
);

/** An S3 storage class's designed availability, whose SLA credits start below `credit` percent. */
function s3Class(value: number, credit: number, what = 'Designed availability'): SourcedFigure {
  return designed(value, s3StorageClasses, `${what}; the SLA credit threshold is ${credit}% (${slaPages.s3}).`);
}

const restoredObjects = 'Designed availability of restored objects; archived objects must be restored before they can be read.';

/** S3 designed availability per storage class, from the S3 storage-class comparison table. */
export const s3DesignedAvailability: Readonly<Record<string, SourcedFigure>> = {
  STANDARD: s3Class(99.99, 99.9),
  INTELLIGENT_TIERING: s3Class(99.9, 99),
  STANDARD_IA: s3Class(99.9, 99),
  ONEZONE_IA: s3Class(99.5, 99, 'Designed availability of data kept in a single zone'),
  GLACIER_IR: s3Class(99.9, 99),
  GLACIER: designed(99.99, s3StorageClasses, restoredObjects),
  DEEP_ARCHIVE: designed(99.99, s3StorageClasses, restoredObjects),
};

/** Eleven nines: S3 (every class) and EFS designed durability. */
export const s3Durability = designed(
  99.999999999,
  s3StorageClasses,
  'Every S3 storage class is designed for eleven nines of durability; ONEZONE_IA keeps it only while its zone survives.',
);

export const efsDurability = designed(99.999999999, 'https://docs.aws.amazon.com/efs/latest/ug/availability-durability.html');

export const efsRegionalSla = sla(99.99, slaPages.efs, 'Regional (Standard and Standard-IA) file systems, last updated 2022-05-04.');

export const efsOneZoneSla = sla(99.9, slaPages.efs, 'One Zone file systems, last updated 2022-05-04.');

export const fsxMultiAzSla = sla(99.99, slaPages.fsx, 'Multi-AZ file systems (last updated 2024-06-25).');

export const fsxSingleAzSla = sla(
  99.5,
  slaPages.fsx,
  'Single-AZ FSx for Windows File Server and FSx for Lustre; the category is confirmed but the reference set marks the value as low confidence.',
);

export const lambdaSla = sla(99.95, slaPages.lambda);

export const apiGatewaySla = sla(99.95, slaPages.apiGateway, 'Last updated 2022-05-05.');

export const route53Sla = sla(100, slaPages.route53, 'Route 53 commits to answering DNS queries 100% of the time.');

export const cloudFrontSla = sla(99.9, slaPages.cloudFront, 'Last updated 2022-05-05.');

/** Elastic Beanstalk has no SLA of its own: its environment runs on EC2 instances. */
export const beanstalkInherited = inherited(
  99.5,
  slaPages.compute,
  'No Elastic Beanstalk SLA exists; each instance of the environment carries the EC2 instance-level figure, and the load balancer it creates carries its own.',
);

/** AWS Batch has no SLA of its own: jobs run on EC2 or Fargate capacity. */
export const batchInherited = inherited(
  99.99,
  slaPages.compute,
  'No AWS Batch SLA was found; a managed compute environment spread over several zones inherits the EC2 Region-Level figure.',
);

/** EC2 Image Builder: not on any request path, and without a published SLA. */
export const imageBuilderEstimate = estimate(
  99.9,
  'CloudArch estimate: no EC2 Image Builder SLA is published',
  'A pipeline only produces images; instances that use its image keep running while it is down, so no resource depends on it.',
);

/** NAT gateways have no separate SLA in the reference set. */
export const natGatewayEstimate = estimate(
  99.99,
  'CloudArch estimate: no NAT gateway SLA in the reference set; AWS builds each NAT gateway redundantly inside its zone',
  'The gateway still fails with its zone, which the model accounts for separately.',
);

/** Security groups are configuration evaluated by the VPC; they do not fail. */
export const configurationOnly = estimate(
  100,
  'CloudArch model rule (evaluation spec, availability step 4): configuration objects never fail',
);

/** Resources outside AWS never fail in the model (evaluation spec, availability step 5). */
export const externalNeverFails = estimate(
  100,
  'CloudArch model rule (evaluation spec, availability step 5): external resources never fail; set `availability:` to model your own figure',
);

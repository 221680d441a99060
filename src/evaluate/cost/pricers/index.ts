/**
 * The pricing rule of every resource type: a pricer, or a plain statement that the type costs
 * nothing by itself. A type with neither is reported as unpriced, and a unit test checks that
 * every type of the catalog has one or the other.
 */
import type { ResourceNode } from '../../../core/document';
import type { CostContext } from '../context';
import { priceAthena, priceEmr, priceGlueCrawler, priceGlueJob, priceQuickSight, priceRedshift } from './analytics';
import { priceApiGateway, priceEcsService, priceLambda } from './application';
import { priceAutoScalingGroup, priceBatch, priceBeanstalk, priceEc2Instance, priceImageBuilder, priceLightsail } from './compute';
import {
  priceAurora,
  priceDocDb,
  priceDynamoDb,
  priceManagedBlockchain,
  priceNeptune,
  priceQldb,
  priceRdsInstance,
  priceTimestream,
} from './databases';
import { priceCloudFront, priceLoadBalancer, priceNatGateway, priceRoute53Zone } from './networking';
import { priceDms, priceSnow } from './migration';
import { priceEbsVolume, priceEfs, priceFsx, priceS3Bucket } from './storage';

/** Adds the line items (and unpriced entries) of one resource. */
export type Pricer = (ctx: CostContext, resource: ResourceNode) => void;

/** Pricers by type id. */
export const pricers: Readonly<Record<string, Pricer>> = {
  'aws.ec2.instance': priceEc2Instance,
  'aws.autoscaling.group': priceAutoScalingGroup,
  'aws.imagebuilder.pipeline': priceImageBuilder,
  'aws.lightsail.instance': priceLightsail,
  'aws.batch.environment': priceBatch,
  'aws.elasticbeanstalk.environment': priceBeanstalk,
  'aws.ecs.service': priceEcsService,
  'aws.lambda.function': priceLambda,
  'aws.apigateway.api': priceApiGateway,
  'aws.route53.zone': priceRoute53Zone,
  'aws.cloudfront.distribution': priceCloudFront,
  'aws.elb.application': priceLoadBalancer,
  'aws.elb.network': priceLoadBalancer,
  'aws.elb.gateway': priceLoadBalancer,
  'aws.elb.classic': priceLoadBalancer,
  'aws.vpc.nat-gateway': priceNatGateway,
  'aws.ebs.volume': priceEbsVolume,
  'aws.efs.filesystem': priceEfs,
  'aws.fsx.filesystem': priceFsx,
  'aws.s3.bucket': priceS3Bucket,
  'aws.snow.device': priceSnow,
  'aws.rds.instance': priceRdsInstance,
  'aws.rds.aurora': priceAurora,
  'aws.dynamodb.table': priceDynamoDb,
  'aws.docdb.cluster': priceDocDb,
  'aws.neptune.cluster': priceNeptune,
  'aws.timestream.database': priceTimestream,
  'aws.qldb.ledger': priceQldb,
  'aws.managedblockchain.network': priceManagedBlockchain,
  'aws.redshift.cluster': priceRedshift,
  'aws.emr.cluster': priceEmr,
  'aws.athena.workgroup': priceAthena,
  'aws.quicksight.dashboard': priceQuickSight,
  'aws.glue.job': priceGlueJob,
  'aws.glue.crawler': priceGlueCrawler,
  'aws.dms.task': priceDms,
};

/** Types that AWS does not bill by themselves, with the reason shown in documentation. */
export const freeTypes: Readonly<Record<string, string>> = {
  'aws.ec2.security-group': 'Security groups are free.',
  'external.users': 'Outside AWS: users on the internet are not billed (their traffic is, as data transfer out).',
  'external.onprem-server': 'Outside AWS: on-premises servers are not billed by AWS.',
  'external.onprem-database': 'Outside AWS: on-premises databases are not billed by AWS.',
};

const own = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

/** The pricer of `typeId`; own properties only, so a type named `constructor` finds nothing. */
export function pricerFor(typeId: string): Pricer | undefined {
  return own(pricers, typeId) ? pricers[typeId] : undefined;
}

/** Whether `typeId` costs nothing by itself (security groups, things outside AWS). */
export function isFreeType(typeId: string): boolean {
  return own(freeTypes, typeId) || typeId.startsWith('external.');
}

/** Whether the engine knows how to treat `typeId` (priced, or free by nature). */
export function hasPricingRule(typeId: string): boolean {
  return pricerFor(typeId) !== undefined || isFreeType(typeId);
}

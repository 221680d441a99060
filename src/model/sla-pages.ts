/**
 * The AWS service level agreement pages the catalog's availability figures cite, one name each.
 * Figures name their source by these (availability-figures.ts, types/*.ts); a test keeps SLA URLs
 * from being written anywhere else in the catalog, so a moved page is one edit.
 */
export const slaPages = {
  compute: 'https://aws.amazon.com/compute/sla/',
  ebs: 'https://aws.amazon.com/ebs/sla/',
  s3: 'https://aws.amazon.com/s3/sla/',
  lightsail: 'https://aws.amazon.com/lightsail/sla-lightsail-instances-and-block-storage/',
  elasticLoadBalancing: 'https://aws.amazon.com/elasticloadbalancing/sla/',
  efs: 'https://aws.amazon.com/efs/sla/',
  fsx: 'https://aws.amazon.com/fsx/sla/',
  lambda: 'https://aws.amazon.com/lambda/sla/',
  apiGateway: 'https://aws.amazon.com/api-gateway/sla/',
  route53: 'https://aws.amazon.com/route53/sla/',
  cloudFront: 'https://aws.amazon.com/cloudfront/sla/',
  rds: 'https://aws.amazon.com/rds/sla/',
  aurora: 'https://aws.amazon.com/rds/aurora/sla/',
  dynamodb: 'https://aws.amazon.com/dynamodb/sla/',
  documentdb: 'https://aws.amazon.com/documentdb/sla',
  neptune: 'https://aws.amazon.com/neptune/sla/',
  timestream: 'https://aws.amazon.com/timestream/sla/',
  redshift: 'https://aws.amazon.com/redshift/sla/',
  emr: 'https://aws.amazon.com/emr/sla/',
  athena: 'https://aws.amazon.com/athena/sla/',
  quicksight: 'https://aws.amazon.com/quick/sla/',
  glue: 'https://aws.amazon.com/glue/sla/',
} as const;

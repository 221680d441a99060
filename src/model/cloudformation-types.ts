/**
 * The CloudFormation resource types of each catalog type: the one mapping table that both the
 * import (template -> architecture) and the export (architecture -> template) read, kept next to
 * the catalog so that a new catalog type and its CloudFormation counterpart are added together
 * (a test fails when a catalog type has no row).
 *
 * `primary` is the type the export writes and the import maps to this catalog type; `parts` are
 * the types the import folds into a resource of this type (a load balancer's listeners and target
 * groups, a launch template of an auto scaling group) and the export writes alongside it.
 * `undefined` means CloudFormation has no resource for it (the internet, an on-premises server).
 */
export interface CloudFormationMapping {
  readonly primary: string | undefined;
  readonly alsoImportedFrom?: readonly string[];
  readonly parts?: readonly string[];
  /** Why there is no template resource, for types without one. */
  readonly note?: string;
}

export const cloudFormationTypes: Readonly<Record<string, CloudFormationMapping>> = {
  'external.users': { primary: undefined, note: 'the internet is not deployed; it is kept in the template metadata' },
  'external.onprem-server': { primary: undefined, note: 'an on-premises server is not deployed; it is kept in the template metadata' },
  'external.onprem-database': { primary: undefined, note: 'an on-premises database is not deployed; it is kept in the template metadata' },
  'aws.route53.zone': {
    primary: 'AWS::Route53::HostedZone',
    parts: ['AWS::Route53::RecordSet', 'AWS::Route53::RecordSetGroup', 'AWS::Route53::HealthCheck'],
  },
  'aws.cloudfront.distribution': {
    primary: 'AWS::CloudFront::Distribution',
    parts: ['AWS::CloudFront::OriginAccessControl', 'AWS::CloudFront::CloudFrontOriginAccessIdentity'],
  },
  'aws.elb.application': {
    primary: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    parts: [
      'AWS::ElasticLoadBalancingV2::Listener',
      'AWS::ElasticLoadBalancingV2::TargetGroup',
      'AWS::ElasticLoadBalancingV2::ListenerRule',
      'AWS::ElasticLoadBalancingV2::ListenerCertificate',
    ],
  },
  'aws.elb.network': {
    primary: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    parts: ['AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::TargetGroup'],
  },
  'aws.elb.gateway': {
    primary: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    parts: ['AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::TargetGroup'],
  },
  'aws.vpc.nat-gateway': { primary: 'AWS::EC2::NatGateway', parts: ['AWS::EC2::EIP'] },
  'aws.ec2.security-group': {
    primary: 'AWS::EC2::SecurityGroup',
    parts: ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
  },
  'aws.ec2.instance': { primary: 'AWS::EC2::Instance', parts: ['AWS::EC2::EIPAssociation'] },
  'aws.autoscaling.group': {
    primary: 'AWS::AutoScaling::AutoScalingGroup',
    parts: ['AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::AutoScaling::ScalingPolicy'],
  },
  'aws.imagebuilder.pipeline': { primary: 'AWS::ImageBuilder::ImagePipeline' },
  'aws.lightsail.instance': { primary: 'AWS::Lightsail::Instance' },
  'aws.batch.environment': { primary: 'AWS::Batch::ComputeEnvironment' },
  'aws.elasticbeanstalk.environment': { primary: 'AWS::ElasticBeanstalk::Environment', parts: ['AWS::ElasticBeanstalk::Application'] },
  'aws.ecs.service': { primary: 'AWS::ECS::Service', parts: ['AWS::ECS::TaskDefinition', 'AWS::ECS::Cluster'] },
  'aws.lambda.function': {
    primary: 'AWS::Lambda::Function',
    alsoImportedFrom: ['AWS::Serverless::Function'],
    parts: ['AWS::Lambda::Permission', 'AWS::Lambda::Url'],
  },
  'aws.apigateway.api': {
    primary: 'AWS::ApiGateway::RestApi',
    alsoImportedFrom: ['AWS::ApiGatewayV2::Api', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi'],
    parts: [
      'AWS::ApiGateway::Resource',
      'AWS::ApiGateway::Method',
      'AWS::ApiGateway::Deployment',
      'AWS::ApiGateway::Stage',
      'AWS::ApiGateway::Model',
      'AWS::ApiGatewayV2::Integration',
      'AWS::ApiGatewayV2::Route',
      'AWS::ApiGatewayV2::Stage',
    ],
  },
  'aws.ebs.volume': { primary: 'AWS::EC2::Volume', parts: ['AWS::EC2::VolumeAttachment'] },
  'aws.efs.filesystem': { primary: 'AWS::EFS::FileSystem', parts: ['AWS::EFS::MountTarget', 'AWS::EFS::AccessPoint'] },
  'aws.fsx.filesystem': { primary: 'AWS::FSx::FileSystem' },
  'aws.s3.bucket': { primary: 'AWS::S3::Bucket', parts: ['AWS::S3::BucketPolicy'] },
  'aws.rds.instance': { primary: 'AWS::RDS::DBInstance', parts: ['AWS::RDS::DBSubnetGroup', 'AWS::RDS::DBParameterGroup'] },
  'aws.rds.aurora': {
    primary: 'AWS::RDS::DBCluster',
    parts: ['AWS::RDS::DBInstance', 'AWS::RDS::DBSubnetGroup', 'AWS::RDS::DBClusterParameterGroup', 'AWS::RDS::GlobalCluster'],
  },
  'aws.dynamodb.table': {
    primary: 'AWS::DynamoDB::Table',
    alsoImportedFrom: ['AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable'],
  },
  'aws.docdb.cluster': { primary: 'AWS::DocDB::DBCluster', parts: ['AWS::DocDB::DBInstance', 'AWS::DocDB::DBSubnetGroup'] },
  'aws.neptune.cluster': { primary: 'AWS::Neptune::DBCluster', parts: ['AWS::Neptune::DBInstance', 'AWS::Neptune::DBSubnetGroup'] },
  'aws.timestream.database': { primary: 'AWS::Timestream::Database', parts: ['AWS::Timestream::Table'] },
  'aws.qldb.ledger': { primary: 'AWS::QLDB::Ledger' },
  'aws.managedblockchain.network': { primary: 'AWS::ManagedBlockchain::Member', parts: ['AWS::ManagedBlockchain::Node'] },
  'aws.redshift.cluster': {
    primary: 'AWS::Redshift::Cluster',
    alsoImportedFrom: ['AWS::RedshiftServerless::Workgroup'],
    parts: ['AWS::Redshift::ClusterSubnetGroup'],
  },
  'aws.emr.cluster': { primary: 'AWS::EMR::Cluster' },
  'aws.athena.workgroup': { primary: 'AWS::Athena::WorkGroup' },
  'aws.quicksight.dashboard': { primary: 'AWS::QuickSight::Dashboard' },
  'aws.glue.job': { primary: 'AWS::Glue::Job' },
  'aws.glue.crawler': { primary: 'AWS::Glue::Crawler' },
  'aws.dms.task': {
    primary: 'AWS::DMS::ReplicationTask',
    parts: ['AWS::DMS::ReplicationInstance', 'AWS::DMS::Endpoint', 'AWS::DMS::ReplicationSubnetGroup'],
  },
  'aws.snow.device': {
    primary: undefined,
    note: 'Snow Family jobs are ordered through the console or API, not CloudFormation; kept in the template metadata',
  },
};

/** The catalog types a CloudFormation type can be imported as (an ELBv2 load balancer is one of three). */
export function catalogTypesOfCloudFormation(cfnType: string): string[] {
  return Object.entries(cloudFormationTypes)
    .filter(([, mapping]) => mapping.primary === cfnType || mapping.alsoImportedFrom?.includes(cfnType))
    .map(([catalogType]) => catalogType);
}

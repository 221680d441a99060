/**
 * Architecture -> CloudFormation. `exportCloudFormation(doc)` writes a template that deploys the
 * design: a VPC with a public and a private subnet in each zone in use, route tables, an internet
 * gateway and, where private compute needs the internet, a NAT gateway per zone; security groups
 * with the design's rules; every resource with the properties the design states, plus the safe
 * defaults the security rules ask for where the design leaves a property unset (encryption,
 * IMDSv2, public access blocks); parameters for what the design leaves open (the AMI through the
 * SSM public parameter, certificates, database user names; passwords are managed by RDS in
 * Secrets Manager, never written); outputs for the entry points.
 *
 * What CloudFormation has no place for (traffic figures, the internet, connections, names) rides
 * in `Metadata.CloudArch` (see metadata.ts), so importing the template gives the design back.
 */
import { stringify } from 'yaml';
import type { ArchDocument, ResourceNode } from '../core/document';
import { resourceType } from '../model/catalog';
import { cloudFormationTypes } from '../model/cloudformation-types';
import { metadataKey, type ResourceMetadata, type TemplateMetadata } from './metadata';
import { logicalIdOf } from './names';

export interface SafeDefault {
  readonly resource: string;
  readonly property: string;
  readonly value: unknown;
  readonly why: string;
}

export interface ExportReport {
  /** Properties the design leaves unset that the template sets to the safe value. */
  readonly safeDefaults: readonly SafeDefault[];
  /** Parameters the template asks for at deploy time. */
  readonly parameters: readonly string[];
  /** Things the reader must know: resources of another region, NAT gateways the design did not state... */
  readonly notes: readonly string[];
}

export interface ExportResult {
  readonly text: string;
  /** The template as an object (what `text` is the YAML of). */
  readonly template: Record<string, unknown>;
  readonly report: ExportReport;
}

type Json = unknown;
type CfnResource = {
  Type: string;
  Properties?: Record<string, Json>;
  DependsOn?: string[];
  Metadata?: Record<string, Json>;
  DeletionPolicy?: string;
};

const ref = (id: string): Json => ({ Ref: id });
const getAtt = (id: string, attribute: string): Json => ({ 'Fn::GetAtt': [id, attribute] });
const sub = (text: string): Json => ({ 'Fn::Sub': text });

/** The image the `LatestAmiId` parameter resolves to: Amazon Linux 2023, from the SSM public parameters. */
const amiParameterPath = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/** Types whose units are machines in the VPC that usually need the internet (packages, APIs). */
const privateComputeTypes = new Set([
  'aws.ec2.instance',
  'aws.autoscaling.group',
  'aws.ecs.service',
  'aws.elasticbeanstalk.environment',
  'aws.batch.environment',
  'aws.emr.cluster',
]);

/** Properties that only feed the estimates; they always ride in the metadata. */
class Builder {
  readonly resources: Record<string, CfnResource> = {};
  readonly parameters: Record<string, Record<string, Json>> = {};
  readonly outputs: Record<string, Record<string, Json>> = {};
  readonly safeDefaults: SafeDefault[] = [];
  readonly notes: string[] = [];
  readonly ids = new Map<string, string>();
  readonly subnets = new Map<string, { public: string; private: string }>();
  readonly zones: string[];
  private readonly used = new Set<string>();

  constructor(readonly doc: ArchDocument) {
    this.zones = [...doc.zones];
  }

  id(name: string, suffix = ''): string {
    const base = logicalIdOf(name, suffix);
    let candidate = /^[A-Za-z]/.test(base) ? base : `R${base}`;
    for (let counter = 2; this.used.has(candidate); counter++) candidate = `${logicalIdOf(name, suffix)}${counter}`;
    this.used.add(candidate);
    return candidate;
  }

  /** Logical ids in the order they were added (what a writer added is the tail after its call). */
  readonly added: string[] = [];

  add(id: string, resource: CfnResource): string {
    if (this.resources[id] === undefined) this.added.push(id);
    this.resources[id] = resource;
    return id;
  }

  parameter(name: string, definition: Record<string, Json>): Json {
    this.parameters[name] ??= definition;
    return ref(name);
  }

  resourceId(name: string): string | undefined {
    return this.ids.get(name);
  }

  subnetsFor(zones: readonly string[], tier: 'public' | 'private'): Json[] {
    return zones.map((zone) => ref(this.subnets.get(zone)![tier]));
  }

  safe(resource: string, property: string, value: unknown, why: string): void {
    this.safeDefaults.push({ resource, property, value, why });
  }
}

function zonesOf(resource: ResourceNode, doc: ArchDocument): { zones: string[]; stated: boolean } {
  const zones = resource.props.zones;
  if (Array.isArray(zones) && zones.every((zone) => typeof zone === 'string')) return { zones: zones as string[], stated: true };
  return { zones: [...doc.zones], stated: false };
}

function tierOf(resource: ResourceNode): 'public' | 'private' {
  return resource.props.subnet === 'public' ? 'public' : 'private';
}

function azOf(zone: string): Json {
  return sub(`\${AWS::Region}${zone}`);
}

/** `443` -> [443, 443]; `8000-8100` -> [8000, 8100]; `all` -> [-1, -1] with protocol -1, or the whole range. */
function portRange(port: unknown, protocol: string): { IpProtocol: string; FromPort?: number; ToPort?: number } {
  const ipProtocol = protocol === 'all' ? '-1' : protocol;
  if (ipProtocol === '-1') return { IpProtocol: '-1' };
  if (port === 'all')
    return ipProtocol === 'icmp'
      ? { IpProtocol: 'icmp', FromPort: -1, ToPort: -1 }
      : { IpProtocol: ipProtocol, FromPort: 0, ToPort: 65535 };
  if (typeof port === 'string' && /^\d+-\d+$/.test(port)) {
    const [from, to] = port.split('-').map(Number);
    return { IpProtocol: ipProtocol, FromPort: from!, ToPort: to! };
  }
  return { IpProtocol: ipProtocol, FromPort: Number(port), ToPort: Number(port) };
}

function isCidr(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-fA-F:.]+\/\d+$/.test(value);
}

interface Written {
  /** Design properties the CloudFormation properties express (the rest ride in the metadata). */
  readonly expressed: readonly string[];
  /** Properties the import would read from the template although the design leaves them unset. */
  readonly unset?: readonly string[];
}

type Writer = (resource: ResourceNode, id: string, builder: Builder) => Written;

/**
 * Takes `property` off a writer's `expressed` list when the template does not express it after all
 * (it rides in the metadata instead). Safe to call twice: `splice(indexOf(...), 1)` on a name
 * already taken off would take off the list's last name instead.
 */
function unexpress(expressed: string[], property: string): void {
  const index = expressed.indexOf(property);
  if (index >= 0) expressed.splice(index, 1);
}

const common = ['type', 'label', 'tags'];

function tagsOf(resource: ResourceNode): Json[] | undefined {
  const tags = resource.props.tags;
  if (typeof tags !== 'object' || tags === null) return undefined;
  return Object.entries(tags as Record<string, unknown>).map(([Key, Value]) => ({ Key, Value: String(Value) }));
}

/** Placement of a VPC resource: its subnets by zone and tier, and whether zones/subnet are the design's. */
function placement(resource: ResourceNode, builder: Builder): { subnets: Json[]; zones: string[]; unset: string[] } {
  const { zones, stated } = zonesOf(resource, builder.doc);
  const unset: string[] = [];
  if (!stated) unset.push('zones');
  if (resource.props.subnet === undefined) unset.push('subnet');
  return { subnets: builder.subnetsFor(zones, tierOf(resource)), zones, unset };
}

function securityGroupRefs(resource: ResourceNode, builder: Builder): Json[] {
  const groups = resource.props.securityGroups;
  return Array.isArray(groups)
    ? groups.flatMap((name) => (typeof name === 'string' && builder.resourceId(name) !== undefined ? [ref(builder.resourceId(name)!)] : []))
    : [];
}

function blockDevices(resource: ResourceNode, builder: Builder): Json[] {
  const volumes = Array.isArray(resource.props.volumes) ? resource.props.volumes : [];
  const devices: Json[] = [];
  volumes.forEach((volume, index) => {
    if (typeof volume !== 'object' || volume === null) return;
    const v = volume as Record<string, unknown>;
    const ebs: Record<string, Json> = { VolumeSize: v.sizeGB };
    if (v.volumeType !== undefined) ebs.VolumeType = v.volumeType;
    if (v.iops !== undefined) ebs.Iops = v.iops;
    if (v.throughputMBps !== undefined) ebs.Throughput = v.throughputMBps;
    if (v.encrypted === undefined)
      builder.safe(resource.name, `volumes[${index}].encrypted`, true, 'EBS volumes are encrypted at rest (CA-EBS rules).');
    ebs.Encrypted = v.encrypted ?? true;
    if (v.deleteOnTermination !== undefined) ebs.DeleteOnTermination = v.deleteOnTermination;
    devices.push({ DeviceName: index === 0 ? '/dev/xvda' : `/dev/sd${String.fromCharCode(102 + index - 1)}`, Ebs: ebs });
  });
  return devices;
}

/** The launch data of an instance or of an auto scaling group's launch template. */
function machineData(
  resource: ResourceNode,
  builder: Builder,
  subnet: Json | undefined,
): { data: Record<string, Json>; expressed: string[] } {
  const p = resource.props;
  const data: Record<string, Json> = {};
  const expressed = ['instanceType', 'ami', 'securityGroups', 'volumes', 'imdsv2', 'keyPair', 'detailedMonitoring', 'publicIp'];
  data.ImageId =
    typeof p.ami === 'string' && p.ami.startsWith('ami-')
      ? p.ami
      : builder.parameter('LatestAmiId', {
          Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
          Default: amiParameterPath,
          Description: 'The machine image: the latest Amazon Linux 2023 by default, resolved from the SSM public parameter at deploy time.',
        });
  if (typeof p.ami === 'string' && !p.ami.startsWith('ami-')) unexpress(expressed, 'ami');
  data.InstanceType = p.instanceType;
  const groups = securityGroupRefs(resource, builder);
  if (p.publicIp === true || subnet !== undefined) {
    const networkInterface: Record<string, Json> = { DeviceIndex: '0' };
    if (p.publicIp !== undefined) networkInterface.AssociatePublicIpAddress = p.publicIp;
    if (subnet !== undefined) networkInterface.SubnetId = subnet;
    if (groups.length > 0) networkInterface.GroupSet = groups;
    data.NetworkInterfaces = [networkInterface];
  } else if (groups.length > 0) data.SecurityGroupIds = groups;
  const devices = blockDevices(resource, builder);
  if (devices.length > 0) data.BlockDeviceMappings = devices;
  if (p.imdsv2 === undefined)
    builder.safe(resource.name, 'imdsv2', 'required', 'IMDSv2 tokens stop SSRF from reading instance credentials (CA-EC2 rules).');
  const options: Record<string, Json> = { HttpTokens: p.imdsv2 ?? 'required', HttpEndpoint: 'enabled' };
  if (typeof p.metadataHopLimit === 'number') {
    options.HttpPutResponseHopLimit = p.metadataHopLimit;
    expressed.push('metadataHopLimit');
  }
  data.MetadataOptions = options;
  if (typeof p.keyPair === 'string') data.KeyName = p.keyPair;
  if (p.detailedMonitoring !== undefined)
    data.Monitoring = resource.type === 'aws.ec2.instance' ? p.detailedMonitoring : { Enabled: p.detailedMonitoring };
  return { data, expressed };
}

function ruleProperties(
  rule: Record<string, unknown>,
  direction: 'ingress' | 'egress',
  builder: Builder,
): { inline?: Record<string, Json>; peerGroup?: string; base: Record<string, Json> } {
  const base: Record<string, Json> = { ...portRange(rule.port, typeof rule.protocol === 'string' ? rule.protocol : 'tcp') };
  if (typeof rule.description === 'string') base.Description = rule.description;
  const peer = direction === 'ingress' ? rule.from : rule.to;
  if (isCidr(peer)) {
    const key = peer.includes(':') ? 'CidrIpv6' : 'CidrIp';
    return { inline: { ...base, [key]: peer }, base };
  }
  const group = typeof peer === 'string' ? builder.resourceId(peer) : undefined;
  return group === undefined ? { base } : { peerGroup: group, base };
}

const writers: Readonly<Record<string, Writer>> = {
  'aws.ec2.security-group': (resource, id, builder) => {
    const p = resource.props;
    const properties: Record<string, Json> = {
      GroupDescription: typeof p.description === 'string' ? p.description : `${resource.name} security group`,
      VpcId: ref('Vpc'),
    };
    const inlineIngress: Json[] = [];
    const inlineEgress: Json[] = [];
    (['ingress', 'egress'] as const).forEach((direction) => {
      const rules = Array.isArray(p[direction]) ? (p[direction] as Record<string, unknown>[]) : [];
      rules.forEach((rule, index) => {
        const written = ruleProperties(rule, direction, builder);
        if (written.inline !== undefined) (direction === 'ingress' ? inlineIngress : inlineEgress).push(written.inline);
        else if (written.peerGroup !== undefined) {
          // Rules between groups are separate resources, so two groups that name each other form no circular dependency.
          const peerKey = direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId';
          builder.add(builder.id(resource.name, `${direction === 'ingress' ? 'Ingress' : 'Egress'}${index + 1}`), {
            Type: direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress',
            Properties: { GroupId: getAtt(id, 'GroupId'), ...written.base, [peerKey]: getAtt(written.peerGroup, 'GroupId') },
          });
        }
      });
    });
    if (inlineIngress.length > 0) properties.SecurityGroupIngress = inlineIngress;
    if (inlineEgress.length > 0) properties.SecurityGroupEgress = inlineEgress;
    builder.add(id, { Type: 'AWS::EC2::SecurityGroup', Properties: properties });
    const egress = p.egress;
    // An empty egress list cannot be said inline (no rules means "all outbound" to CloudFormation).
    const expressed = ['description', 'ingress'];
    if (Array.isArray(egress) && egress.length > 0) expressed.push('egress');
    return { expressed };
  },

  'aws.ec2.instance': (resource, id, builder) => {
    const p = resource.props;
    const place = placement(resource, builder);
    const { data, expressed } = machineData(resource, builder, place.subnets[0]);
    const properties: Record<string, Json> = { ...data };
    if (typeof p.iamRole === 'string') {
      properties.IamInstanceProfile = p.iamRole;
      expressed.push('iamRole');
    }
    if (p.terminationProtection !== undefined) {
      properties.DisableApiTermination = p.terminationProtection;
      expressed.push('terminationProtection');
    }
    if (typeof p.count === 'number' && p.count > 1)
      builder.notes.push(
        `${resource.name}: count ${p.count}; the template deploys one instance (CloudFormation has no count); copy it or use an auto scaling group.`,
      );
    builder.add(id, { Type: 'AWS::EC2::Instance', Properties: properties });
    if (p.elasticIp === true) {
      builder.add(builder.id(resource.name, 'Eip'), { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc', InstanceId: ref(id) } });
      expressed.push('elasticIp');
    }
    builder.outputs[`${id}PublicIp`] =
      p.publicIp === true ? { Description: `Public IP address of ${resource.name}`, Value: getAtt(id, 'PublicIp') } : (undefined as never);
    if (p.publicIp !== true) delete builder.outputs[`${id}PublicIp`];
    return { expressed: [...expressed, 'zones', 'subnet'], unset: place.unset };
  },

  'aws.autoscaling.group': (resource, id, builder) => {
    const p = resource.props;
    const place = placement(resource, builder);
    const { data, expressed } = machineData(resource, builder, undefined);
    const templateId = builder.add(builder.id(resource.name, 'LaunchTemplate'), {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: { LaunchTemplateData: data },
    });
    const properties: Record<string, Json> = {
      MinSize: String(p.min ?? 1),
      MaxSize: String(p.max ?? Math.max(Number(p.min ?? 1), Number(p.desired ?? 1))),
      VPCZoneIdentifier: place.subnets,
      LaunchTemplate: { LaunchTemplateId: ref(templateId), Version: getAtt(templateId, 'LatestVersionNumber') },
    };
    expressed.push('min', 'max', 'zones', 'subnet');
    if (p.desired !== undefined) {
      properties.DesiredCapacity = String(p.desired);
      expressed.push('desired');
    }
    if (p.healthCheck !== undefined) {
      properties.HealthCheckType = p.healthCheck === 'elb' ? 'ELB' : 'EC2';
      expressed.push('healthCheck');
    }
    if (p.healthCheckGracePeriodSeconds !== undefined) {
      properties.HealthCheckGracePeriod = p.healthCheckGracePeriodSeconds;
      expressed.push('healthCheckGracePeriodSeconds');
    }
    if (p.capacityRebalance !== undefined) {
      properties.CapacityRebalance = p.capacityRebalance;
      expressed.push('capacityRebalance');
    }
    const groups = targetGroupsOf(resource.name, builder);
    if (groups.length > 0) properties.TargetGroupARNs = groups.map(ref);
    builder.add(id, { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: properties });
    const scaling = p.scaling as Record<string, unknown> | undefined;
    if (scaling !== undefined && typeof scaling.target === 'number' && (scaling.metric ?? 'cpu') === 'cpu') {
      builder.add(builder.id(resource.name, 'ScalingPolicy'), {
        Type: 'AWS::AutoScaling::ScalingPolicy',
        Properties: {
          AutoScalingGroupName: ref(id),
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingConfiguration: {
            PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' },
            TargetValue: scaling.target,
          },
        },
      });
      if (scaling.warmupSeconds === undefined) expressed.push('scaling');
    }
    return { expressed, unset: place.unset };
  },

  'aws.ebs.volume': (resource, id, builder) => {
    const p = resource.props;
    const { zones, stated } = zonesOf(resource, builder.doc);
    const properties: Record<string, Json> = { AvailabilityZone: azOf(zones[0] ?? 'a'), Size: p.sizeGB };
    const expressed = ['zones', 'sizeGB', 'volumeType', 'iops', 'throughputMBps', 'encrypted', 'multiAttach', 'attachedTo'];
    if (p.volumeType !== undefined) properties.VolumeType = p.volumeType;
    if (p.iops !== undefined) properties.Iops = p.iops;
    if (p.throughputMBps !== undefined) properties.Throughput = p.throughputMBps;
    if (p.encrypted === undefined) builder.safe(resource.name, 'encrypted', true, 'EBS volumes are encrypted at rest.');
    properties.Encrypted = p.encrypted ?? true;
    if (p.multiAttach !== undefined) properties.MultiAttachEnabled = p.multiAttach;
    builder.add(id, { Type: 'AWS::EC2::Volume', Properties: properties });
    const attached = Array.isArray(p.attachedTo) ? p.attachedTo : [];
    attached.forEach((name, index) => {
      const instance = typeof name === 'string' ? builder.resourceId(name) : undefined;
      if (instance !== undefined)
        builder.add(builder.id(resource.name, `Attachment${index + 1}`), {
          Type: 'AWS::EC2::VolumeAttachment',
          Properties: { Device: `/dev/sd${String.fromCharCode(104 + index)}`, InstanceId: ref(instance), VolumeId: ref(id) },
        });
    });
    return { expressed, unset: stated ? [] : ['zones'] };
  },

  'aws.elb.application': (resource, id, builder) => loadBalancer(resource, id, builder, 'application'),
  'aws.elb.network': (resource, id, builder) => loadBalancer(resource, id, builder, 'network'),
  'aws.elb.gateway': (resource, id, builder) => loadBalancer(resource, id, builder, 'gateway'),

  'aws.vpc.nat-gateway': (resource, id, builder) => {
    const p = resource.props;
    const { zones, stated } = zonesOf(resource, builder.doc);
    const zone = zones[0] ?? builder.zones[0] ?? 'a';
    const properties: Record<string, Json> = { SubnetId: ref(builder.subnets.get(zone)![p.subnet === 'private' ? 'private' : 'public']) };
    if (p.connectivity === 'private') properties.ConnectivityType = 'private';
    else
      properties.AllocationId = getAtt(
        builder.add(builder.id(resource.name, 'Eip'), { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } }),
        'AllocationId',
      );
    builder.add(id, { Type: 'AWS::EC2::NatGateway', Properties: properties });
    return {
      expressed: ['zones', 'subnet', 'connectivity'],
      unset: [
        ...(stated ? [] : ['zones']),
        ...(p.subnet === undefined ? ['subnet'] : []),
        ...(p.connectivity === undefined ? ['connectivity'] : []),
      ],
    };
  },

  'aws.s3.bucket': (resource, id, builder) => {
    const p = resource.props;
    const properties: Record<string, Json> = {};
    const expressed = [
      'versioning',
      'publicAccess',
      'accessLogging',
      'requireTls',
      'objectLock',
      'objectOwnership',
      'website',
      'transferAcceleration',
      'lifecycle',
      'replication',
    ];
    if (p.encryption === 'SSE-KMS' || p.encryption === 'SSE-S3' || p.encryption === undefined) {
      properties.BucketEncryption = {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: p.encryption === 'SSE-KMS' ? 'aws:kms' : 'AES256' } },
        ],
      };
      if (p.encryption !== undefined) expressed.push('encryption');
    }
    const publicAccess = p.publicAccess ?? 'blocked';
    const blocked = publicAccess === 'blocked';
    properties.PublicAccessBlockConfiguration = {
      BlockPublicAcls: blocked,
      BlockPublicPolicy: blocked,
      IgnorePublicAcls: blocked,
      RestrictPublicBuckets: blocked,
    };
    if (p.versioning !== undefined) properties.VersioningConfiguration = { Status: p.versioning === true ? 'Enabled' : 'Suspended' };
    if (p.accessLogging === true) properties.LoggingConfiguration = { LogFilePrefix: `${resource.name}/` };
    if (p.objectLock !== undefined) properties.ObjectLockEnabled = p.objectLock;
    if (p.objectOwnership !== undefined) properties.OwnershipControls = { Rules: [{ ObjectOwnership: p.objectOwnership }] };
    if (p.website === true) properties.WebsiteConfiguration = { IndexDocument: 'index.html' };
    if (p.transferAcceleration === true) properties.AccelerateConfiguration = { AccelerationStatus: 'Enabled' };
    const lifecycle = p.lifecycle as Record<string, unknown> | undefined;
    if (lifecycle !== undefined) {
      const rule: Record<string, Json> = { Id: 'lifecycle', Status: 'Enabled' };
      const transitions = Array.isArray(lifecycle.transitions) ? (lifecycle.transitions as Record<string, unknown>[]) : [];
      if (transitions.length > 0)
        rule.Transitions = transitions.map((transition) => ({
          TransitionInDays: transition.afterDays,
          StorageClass: transition.storageClass,
        }));
      if (lifecycle.expireAfterDays !== undefined) rule.ExpirationInDays = lifecycle.expireAfterDays;
      if (lifecycle.noncurrentExpireAfterDays !== undefined)
        rule.NoncurrentVersionExpiration = { NoncurrentDays: lifecycle.noncurrentExpireAfterDays };
      properties.LifecycleConfiguration = { Rules: [rule] };
    }
    const replication = p.replication as Record<string, unknown> | undefined;
    const destination = typeof replication?.to === 'string' ? builder.resourceId(replication.to) : undefined;
    if (destination !== undefined) {
      properties.ReplicationConfiguration = {
        Role: builder.parameter('ReplicationRoleArn', {
          Type: 'String',
          Description:
            'The IAM role S3 assumes to replicate objects (s3.amazonaws.com may assume it; it may read the source and write the destination).',
        }),
        Rules: [{ Status: 'Enabled', Destination: { Bucket: getAtt(destination, 'Arn') } }],
      };
    }
    if (replication !== undefined && (replication.kind === 'CRR' || destination === undefined)) unexpress(expressed, 'replication');
    builder.add(id, { Type: 'AWS::S3::Bucket', Properties: properties });
    const statements: Json[] = [];
    if (p.requireTls === true) {
      statements.push({
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [getAtt(id, 'Arn'), sub(`\${${id}.Arn}/*`)],
        Condition: { Bool: { 'aws:SecureTransport': false } },
      });
    }
    if (!blocked) {
      const actions = publicAccess === 'public-read-write' ? ['s3:GetObject', 's3:PutObject'] : ['s3:GetObject'];
      statements.push({ Sid: 'PublicAccess', Effect: 'Allow', Principal: '*', Action: actions, Resource: sub(`\${${id}.Arn}/*`) });
    }
    if (statements.length > 0)
      builder.add(builder.id(resource.name, 'Policy'), {
        Type: 'AWS::S3::BucketPolicy',
        Properties: { Bucket: ref(id), PolicyDocument: { Version: '2012-10-17', Statement: statements } },
      });
    return { expressed, unset: p.publicAccess === undefined ? ['publicAccess'] : [] };
  },

  'aws.rds.instance': (resource, id, builder) => {
    const p = resource.props;
    const place = placement(resource, builder);
    const expressed = [
      'engine',
      'engineVersion',
      'instanceClass',
      'multiAZ',
      'storage',
      'encrypted',
      'backupRetentionDays',
      'publiclyAccessible',
      'deletionProtection',
      'replicaOf',
      'autoMinorVersionUpgrade',
      'iamAuthentication',
      'performanceInsights',
      'cloudwatchLogsExports',
      'port',
      'securityGroups',
      'zones',
      'subnet',
    ];
    const properties: Record<string, Json> = { Engine: rdsEngineName(String(p.engine)), DBInstanceClass: p.instanceClass };
    const source = typeof p.replicaOf === 'string' ? builder.resourceId(p.replicaOf) : undefined;
    const sourceResource = typeof p.replicaOf === 'string' ? builder.doc.resourceByName.get(p.replicaOf) : undefined;
    const crossRegion =
      sourceResource !== undefined && (sourceResource.props.region ?? builder.doc.region) !== (p.region ?? builder.doc.region);
    if (source !== undefined) properties.SourceDBInstanceIdentifier = crossRegion ? getAtt(source, 'DBInstanceArn') : ref(source);
    else {
      properties.MasterUsername = masterUsername(builder);
      properties.ManageMasterUserPassword = true;
    }
    if (typeof p.engineVersion === 'string') properties.EngineVersion = p.engineVersion;
    const storage = (p.storage ?? {}) as Record<string, unknown>;
    properties.AllocatedStorage = String(storage.sizeGB ?? 20);
    if (storage.volumeType !== undefined) properties.StorageType = storage.volumeType;
    if (storage.iops !== undefined) properties.Iops = storage.iops;
    if (p.storage === undefined) unexpress(expressed, 'storage');
    if (p.multiAZ !== undefined) properties.MultiAZ = p.multiAZ;
    if (p.encrypted === undefined) builder.safe(resource.name, 'encrypted', true, 'RDS storage is encrypted at rest.');
    if (source === undefined || p.encrypted !== undefined) properties.StorageEncrypted = p.encrypted ?? true;
    if (p.backupRetentionDays !== undefined) properties.BackupRetentionPeriod = p.backupRetentionDays;
    if (p.publiclyAccessible !== undefined) properties.PubliclyAccessible = p.publiclyAccessible;
    if (p.deletionProtection !== undefined) properties.DeletionProtection = p.deletionProtection;
    if (p.autoMinorVersionUpgrade !== undefined) properties.AutoMinorVersionUpgrade = p.autoMinorVersionUpgrade;
    if (p.iamAuthentication !== undefined) properties.EnableIAMDatabaseAuthentication = p.iamAuthentication;
    if (p.performanceInsights !== undefined) properties.EnablePerformanceInsights = p.performanceInsights;
    if (Array.isArray(p.cloudwatchLogsExports) && p.cloudwatchLogsExports.length > 0)
      properties.EnableCloudwatchLogsExports = p.cloudwatchLogsExports;
    if (p.port !== undefined) properties.Port = String(p.port);
    const groups = securityGroupRefs(resource, builder);
    if (groups.length > 0) properties.VPCSecurityGroups = groups;
    properties.DBSubnetGroupName = ref(subnetGroup(resource, builder, place.zones));
    if (p.multiAZ !== true && place.zones.length === 1) properties.AvailabilityZone = azOf(place.zones[0]!);
    builder.add(id, { Type: 'AWS::RDS::DBInstance', Properties: properties, DeletionPolicy: 'Snapshot' });
    return { expressed, unset: place.unset };
  },

  'aws.rds.aurora': (resource, id, builder) => {
    const p = resource.props;
    const place = placement(resource, builder);
    const expressed = [
      'engine',
      'engineVersion',
      'instanceClass',
      'instances',
      'serverless',
      'encrypted',
      'backupRetentionDays',
      'deletionProtection',
      'iamAuthentication',
      'securityGroups',
      'zones',
      'subnet',
      'publiclyAccessible',
      'performanceInsights',
      'cloudwatchLogsExports',
    ];
    const properties: Record<string, Json> = {
      Engine: p.engine,
      MasterUsername: masterUsername(builder),
      ManageMasterUserPassword: true,
      DBSubnetGroupName: ref(subnetGroup(resource, builder, place.zones)),
    };
    if (typeof p.engineVersion === 'string') properties.EngineVersion = p.engineVersion;
    if (p.encrypted === undefined) builder.safe(resource.name, 'encrypted', true, 'Aurora storage is encrypted at rest.');
    properties.StorageEncrypted = p.encrypted ?? true;
    if (p.backupRetentionDays !== undefined) properties.BackupRetentionPeriod = p.backupRetentionDays;
    if (p.deletionProtection !== undefined) properties.DeletionProtection = p.deletionProtection;
    if (p.iamAuthentication !== undefined) properties.EnableIAMDatabaseAuthentication = p.iamAuthentication;
    if (typeof p.backtrackHours === 'number' && p.backtrackHours > 0) {
      properties.BacktrackWindow = Math.round(p.backtrackHours * 3600);
      expressed.push('backtrackHours');
    }
    if (Array.isArray(p.cloudwatchLogsExports) && p.cloudwatchLogsExports.length > 0)
      properties.EnableCloudwatchLogsExports = p.cloudwatchLogsExports;
    const serverless = p.serverless as Record<string, unknown> | undefined;
    if (serverless !== undefined) {
      properties.ServerlessV2ScalingConfiguration = { MinCapacity: serverless.minACU ?? 0.5, MaxCapacity: serverless.maxACU ?? 16 };
      if (serverless.averageACU !== undefined || serverless.minACU === undefined || serverless.maxACU === undefined)
        unexpress(expressed, 'serverless');
    }
    const groups = securityGroupRefs(resource, builder);
    if (groups.length > 0) properties.VpcSecurityGroupIds = groups;
    builder.add(id, { Type: 'AWS::RDS::DBCluster', Properties: properties, DeletionPolicy: 'Snapshot' });
    const count = typeof p.instances === 'number' ? p.instances : 1;
    for (let index = 0; index < count; index++) {
      const instance: Record<string, Json> = {
        DBClusterIdentifier: ref(id),
        Engine: p.engine,
        DBInstanceClass: p.instanceClass ?? 'db.serverless',
      };
      if (p.zones !== undefined) instance.AvailabilityZone = azOf(place.zones[index % place.zones.length]!);
      if (p.publiclyAccessible !== undefined) instance.PubliclyAccessible = p.publiclyAccessible;
      if (p.performanceInsights !== undefined) instance.EnablePerformanceInsights = p.performanceInsights;
      builder.add(builder.id(resource.name, `Instance${index + 1}`), { Type: 'AWS::RDS::DBInstance', Properties: instance });
    }
    const unset = [...place.unset];
    if (p.instances === undefined) unset.push('instances');
    return { expressed, unset };
  },

  'aws.dynamodb.table': (resource, id, builder) => {
    const p = resource.props;
    const expressed = [
      'capacityMode',
      'readCapacityUnits',
      'writeCapacityUnits',
      'pointInTimeRecovery',
      'encryption',
      'streams',
      'ttl',
      'tableClass',
      'deletionProtection',
    ];
    const onDemand = p.capacityMode !== 'provisioned';
    const key = {
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    };
    const properties: Record<string, Json> = { ...key, BillingMode: onDemand ? 'PAY_PER_REQUEST' : 'PROVISIONED' };
    if (!onDemand) {
      properties.ProvisionedThroughput = { ReadCapacityUnits: p.readCapacityUnits ?? 5, WriteCapacityUnits: p.writeCapacityUnits ?? 5 };
    }
    if (p.pointInTimeRecovery !== undefined)
      properties.PointInTimeRecoverySpecification = { PointInTimeRecoveryEnabled: p.pointInTimeRecovery };
    if (p.encryption === 'aws-managed') properties.SSESpecification = { SSEEnabled: true };
    else if (p.encryption === 'customer-managed') {
      properties.SSESpecification = {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: builder.parameter('DynamoDbKmsKeyId', {
          Type: 'String',
          Description: 'The customer-managed KMS key of the DynamoDB tables.',
        }),
      };
    }
    if (p.streams === true) properties.StreamSpecification = { StreamViewType: 'NEW_AND_OLD_IMAGES' };
    if (p.ttl !== undefined) properties.TimeToLiveSpecification = { AttributeName: 'ttl', Enabled: p.ttl };
    if (p.tableClass !== undefined) properties.TableClass = p.tableClass === 'standard-ia' ? 'STANDARD_INFREQUENT_ACCESS' : 'STANDARD';
    if (p.deletionProtection !== undefined) properties.DeletionProtectionEnabled = p.deletionProtection;
    builder.add(id, { Type: 'AWS::DynamoDB::Table', Properties: properties });
    builder.notes.push(`${resource.name}: the design does not state the table's key; the template uses a string partition key \`id\`.`);
    const unset = p.capacityMode === undefined ? ['capacityMode'] : [];
    if (!onDemand && p.readCapacityUnits === undefined) unset.push('readCapacityUnits');
    if (!onDemand && p.writeCapacityUnits === undefined) unset.push('writeCapacityUnits');
    return { expressed, unset };
  },

  'aws.lambda.function': (resource, id, builder) => {
    const p = resource.props;
    const expressed = [
      'memoryMB',
      'runtime',
      'architecture',
      'timeoutSeconds',
      'inVpc',
      'securityGroups',
      'reservedConcurrency',
      'tracing',
      'environment',
      'functionUrl',
    ];
    const roleId = builder.add(builder.id(resource.name, 'Role'), {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        ManagedPolicyArns: [
          sub(
            `arn:\${AWS::Partition}:iam::aws:policy/service-role/${p.inVpc === true ? 'AWSLambdaVPCAccessExecutionRole' : 'AWSLambdaBasicExecutionRole'}`,
          ),
        ],
      },
    });
    // A design without a runtime gets the catalog's default (a supported one), and the import leaves it unset again.
    const runtime =
      typeof p.runtime === 'string' ? p.runtime : String(resourceType('aws.lambda.function')?.properties.runtime?.default ?? 'nodejs22.x');
    const properties: Record<string, Json> = { Role: getAtt(roleId, 'Arn') };
    if (runtime === 'container-image') {
      properties.PackageType = 'Image';
      properties.Code = {
        ImageUri: builder.parameter(`${id}ImageUri`, { Type: 'String', Description: `The container image of ${resource.name}.` }),
      };
    } else {
      properties.Runtime = runtime;
      properties.Handler = 'index.handler';
      const inline = runtime.startsWith('nodejs')
        ? 'exports.handler = async () => ({ statusCode: 200, body: "placeholder" });\n'
        : runtime.startsWith('python')
          ? 'def handler(event, context):\n    return {"statusCode": 200, "body": "placeholder"}\n'
          : undefined;
      properties.Code =
        inline !== undefined
          ? { ZipFile: inline }
          : {
              S3Bucket: builder.parameter('CodeBucket', {
                Type: 'String',
                Description: "The S3 bucket holding the functions' deployment packages.",
              }),
              S3Key: builder.parameter(`${id}CodeKey`, {
                Type: 'String',
                Description: `The key of ${resource.name}'s deployment package.`,
              }),
            };
    }
    if (p.memoryMB !== undefined) properties.MemorySize = p.memoryMB;
    if (p.timeoutSeconds !== undefined) properties.Timeout = p.timeoutSeconds;
    if (p.architecture !== undefined) properties.Architectures = [p.architecture];
    if (p.reservedConcurrency !== undefined) properties.ReservedConcurrentExecutions = p.reservedConcurrency;
    if (p.tracing === true) properties.TracingConfig = { Mode: 'Active' };
    if (p.tracing === false) unexpress(expressed, 'tracing');
    if (p.inVpc === true) {
      properties.VpcConfig = {
        SubnetIds: builder.subnetsFor(builder.zones, 'private'),
        SecurityGroupIds: securityGroupRefs(resource, builder),
      };
    } else if (p.inVpc === false) unexpress(expressed, 'inVpc');
    const environment = p.environment as Record<string, unknown> | undefined;
    if (environment !== undefined)
      properties.Environment = { Variables: Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, String(value)])) };
    builder.add(id, { Type: 'AWS::Lambda::Function', Properties: properties });
    if (p.functionUrl === 'public' || p.functionUrl === 'iam') {
      builder.add(builder.id(resource.name, 'Url'), {
        Type: 'AWS::Lambda::Url',
        Properties: { TargetFunctionArn: getAtt(id, 'Arn'), AuthType: p.functionUrl === 'public' ? 'NONE' : 'AWS_IAM' },
      });
    } else if (p.functionUrl === 'none') unexpress(expressed, 'functionUrl');
    return { expressed, unset: p.runtime === undefined ? ['runtime'] : [] };
  },

  'aws.apigateway.api': (resource, id, builder) => {
    const p = resource.props;
    const kind = p.kind ?? 'rest';
    const integrations = (Array.isArray(p.integrations) ? p.integrations : []).filter((name): name is string => typeof name === 'string');
    const lambdas = integrations.filter((name) => builder.doc.resourceByName.get(name)?.type === 'aws.lambda.function');
    const expressed = ['kind'];
    if (lambdas.length === integrations.length) expressed.push('integrations');
    if (kind === 'rest') {
      const properties: Record<string, Json> = { Name: resource.name };
      if (typeof p.endpointType === 'string') {
        properties.EndpointConfiguration = { Types: [p.endpointType.toUpperCase()] };
        expressed.push('endpointType');
      }
      builder.add(id, { Type: 'AWS::ApiGateway::RestApi', Properties: properties });
      const authorization =
        p.authorization === 'iam' ? 'AWS_IAM' : p.authorization === undefined || p.authorization === 'none' ? 'NONE' : undefined;
      if (authorization !== undefined) expressed.push('authorization');
      const methods: string[] = [];
      lambdas.forEach((name, index) => {
        const fn = builder.resourceId(name)!;
        const path = builder.add(builder.id(resource.name, `Path${index + 1}`), {
          Type: 'AWS::ApiGateway::Resource',
          Properties: { RestApiId: ref(id), ParentId: getAtt(id, 'RootResourceId'), PathPart: name },
        });
        const method = builder.add(builder.id(resource.name, `Method${index + 1}`), {
          Type: 'AWS::ApiGateway::Method',
          Properties: {
            RestApiId: ref(id),
            ResourceId: ref(path),
            HttpMethod: 'ANY',
            AuthorizationType: authorization ?? 'AWS_IAM',
            ...(p.apiKeyRequired === true ? { ApiKeyRequired: true } : {}),
            Integration: {
              Type: 'AWS_PROXY',
              IntegrationHttpMethod: 'POST',
              Uri: sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fn}.Arn}/invocations`),
            },
          },
        });
        methods.push(method);
        allowApiToInvoke(builder, resource.name, index, id, fn);
      });
      if (p.apiKeyRequired === true && lambdas.length > 0) expressed.push('apiKeyRequired');
      if (methods.length > 0) {
        const deployment = builder.add(builder.id(resource.name, 'Deployment'), {
          Type: 'AWS::ApiGateway::Deployment',
          Properties: { RestApiId: ref(id) },
          DependsOn: methods,
        });
        const stage: Record<string, Json> = { RestApiId: ref(id), DeploymentId: ref(deployment), StageName: 'prod' };
        if (p.tracing === true) stage.TracingEnabled = true;
        if (p.cache === true) {
          stage.CacheClusterEnabled = true;
          stage.CacheClusterSize = '0.5';
        }
        builder.add(builder.id(resource.name, 'Stage'), { Type: 'AWS::ApiGateway::Stage', Properties: stage });
        expressed.push('tracing', 'cache');
        builder.outputs[`${id}Url`] = {
          Description: `The URL of ${resource.name}`,
          Value: sub(`https://\${${id}}.execute-api.\${AWS::Region}.amazonaws.com/prod`),
        };
      }
    } else {
      builder.add(id, {
        Type: 'AWS::ApiGatewayV2::Api',
        Properties: {
          Name: resource.name,
          ProtocolType: kind === 'websocket' ? 'WEBSOCKET' : 'HTTP',
          ...(kind === 'websocket' ? { RouteSelectionExpression: '$request.body.action' } : {}),
        },
      });
      lambdas.forEach((name, index) => {
        const fn = builder.resourceId(name)!;
        const integration = builder.add(builder.id(resource.name, `Integration${index + 1}`), {
          Type: 'AWS::ApiGatewayV2::Integration',
          Properties: {
            ApiId: ref(id),
            IntegrationType: 'AWS_PROXY',
            IntegrationUri: getAtt(fn, 'Arn'),
            ...(kind === 'http' ? { PayloadFormatVersion: '2.0' } : {}),
          },
        });
        builder.add(builder.id(resource.name, `Route${index + 1}`), {
          Type: 'AWS::ApiGatewayV2::Route',
          Properties: {
            ApiId: ref(id),
            RouteKey: kind === 'http' ? `ANY /${name}` : index === 0 ? '$default' : name,
            Target: sub(`integrations/\${${integration}}`),
          },
        });
        allowApiToInvoke(builder, resource.name, index, id, fn);
      });
      builder.add(builder.id(resource.name, 'Stage'), {
        Type: 'AWS::ApiGatewayV2::Stage',
        Properties: { ApiId: ref(id), StageName: kind === 'http' ? '$default' : 'prod', AutoDeploy: true },
      });
      builder.outputs[`${id}Url`] = { Description: `The endpoint of ${resource.name}`, Value: getAtt(id, 'ApiEndpoint') };
    }
    return { expressed };
  },

  'aws.ecs.service': (resource, id, builder) => {
    const p = resource.props;
    const place = placement(resource, builder);
    const expressed = [
      'launchType',
      'desiredCount',
      'cpu',
      'memory',
      'image',
      'containerPort',
      'assignPublicIp',
      'privileged',
      'readonlyRootFilesystem',
      'securityGroups',
      'circuitBreaker',
      'executeCommand',
      'zones',
      'subnet',
      'fileSystems',
    ];
    const fargate = (p.launchType ?? 'fargate') === 'fargate';
    const cluster = builder.add(builder.id(resource.name, 'Cluster'), { Type: 'AWS::ECS::Cluster', Properties: {} });
    const container: Record<string, Json> = {
      Name: 'app',
      Essential: true,
      Image:
        typeof p.image === 'string'
          ? p.image
          : builder.parameter(`${id}Image`, { Type: 'String', Description: `The container image of ${resource.name}.` }),
    };
    if (p.containerPort !== undefined) container.PortMappings = [{ ContainerPort: p.containerPort }];
    if (p.privileged !== undefined) container.Privileged = p.privileged;
    if (p.readonlyRootFilesystem !== undefined) container.ReadonlyRootFilesystem = p.readonlyRootFilesystem;
    if (p.runAsNonRoot === true) {
      container.User = '1000';
      expressed.push('runAsNonRoot');
    }
    const volumes: Json[] = [];
    const fileSystems = Array.isArray(p.fileSystems) ? p.fileSystems : [];
    fileSystems.forEach((name, index) => {
      const fs = typeof name === 'string' ? builder.resourceId(name) : undefined;
      if (fs !== undefined)
        volumes.push({ Name: `efs${index + 1}`, EFSVolumeConfiguration: { FilesystemId: ref(fs), TransitEncryption: 'ENABLED' } });
    });
    const task: Record<string, Json> = {
      RequiresCompatibilities: [fargate ? 'FARGATE' : 'EC2'],
      NetworkMode: 'awsvpc',
      Cpu: String(p.cpu ?? 256),
      Memory: String(p.memory ?? 512),
      ContainerDefinitions: [container],
    };
    if (volumes.length > 0) task.Volumes = volumes;
    const taskId = builder.add(builder.id(resource.name, 'Task'), { Type: 'AWS::ECS::TaskDefinition', Properties: task });
    const network: Record<string, Json> = { Subnets: place.subnets, SecurityGroups: securityGroupRefs(resource, builder) };
    if (p.assignPublicIp !== undefined) network.AssignPublicIp = p.assignPublicIp === true ? 'ENABLED' : 'DISABLED';
    const service: Record<string, Json> = {
      Cluster: ref(cluster),
      TaskDefinition: ref(taskId),
      LaunchType: fargate ? 'FARGATE' : 'EC2',
      NetworkConfiguration: { AwsvpcConfiguration: network },
    };
    if (p.desiredCount !== undefined) service.DesiredCount = p.desiredCount;
    if (p.circuitBreaker !== undefined)
      service.DeploymentConfiguration = { DeploymentCircuitBreaker: { Enable: p.circuitBreaker, Rollback: p.circuitBreaker } };
    if (p.executeCommand !== undefined) service.EnableExecuteCommand = p.executeCommand;
    const groups = targetGroupsOf(resource.name, builder);
    if (groups.length > 0)
      service.LoadBalancers = groups.map((group) => ({
        ContainerName: 'app',
        ContainerPort: p.containerPort ?? 80,
        TargetGroupArn: ref(group),
      }));
    const listeners = Object.entries(builder.resources)
      .filter(
        ([, item]) => item.Type === 'AWS::ElasticLoadBalancingV2::Listener' && JSON.stringify(item.Properties).includes('TargetGroup'),
      )
      .map(([listener]) => listener);
    builder.add(id, {
      Type: 'AWS::ECS::Service',
      Properties: service,
      ...(groups.length > 0 && listeners.length > 0 ? { DependsOn: listeners } : {}),
    });
    const unset = [...place.unset];
    if (p.launchType === undefined) unset.push('launchType');
    if (p.cpu === undefined) unset.push('cpu');
    if (p.memory === undefined) unset.push('memory');
    return { expressed, unset };
  },

  'aws.cloudfront.distribution': (resource, id, builder) => {
    const p = resource.props;
    const expressed = [
      'origins',
      'originFailover',
      'viewerProtocol',
      'originProtocol',
      'minimumTlsVersion',
      'waf',
      'originAccessControl',
      'accessLogging',
      'priceClass',
      'defaultRootObject',
      'geoRestriction',
    ];
    const originNames = (Array.isArray(p.origins) ? p.origins : []).filter((name): name is string => typeof name === 'string');
    let oac: string | undefined;
    if (p.originAccessControl === true) {
      oac = builder.add(builder.id(resource.name, 'OriginAccessControl'), {
        Type: 'AWS::CloudFront::OriginAccessControl',
        Properties: {
          OriginAccessControlConfig: {
            Name: sub(`\${AWS::StackName}-${resource.name}`),
            OriginAccessControlOriginType: 's3',
            SigningBehavior: 'always',
            SigningProtocol: 'sigv4',
          },
        },
      });
    }
    const origins: Json[] = [];
    for (const name of originNames) {
      const target = builder.doc.resourceByName.get(name);
      const targetId = builder.resourceId(name);
      if (target === undefined || targetId === undefined) {
        unexpress(expressed, 'origins');
        continue;
      }
      const origin: Record<string, Json> = { Id: name };
      if (target.type === 'aws.s3.bucket') {
        origin.DomainName = getAtt(targetId, 'RegionalDomainName');
        origin.S3OriginConfig = { OriginAccessIdentity: '' };
        if (oac !== undefined) origin.OriginAccessControlId = getAtt(oac, 'Id');
      } else {
        if ((target.type ?? '').startsWith('aws.elb.')) origin.DomainName = getAtt(targetId, 'DNSName');
        else if (target.type === 'aws.apigateway.api') origin.DomainName = sub(`\${${targetId}}.execute-api.\${AWS::Region}.amazonaws.com`);
        else {
          origin.DomainName = builder.parameter(`${logicalIdOf(name)}OriginDomain`, {
            Type: 'String',
            Description: `The domain name CloudFront reaches ${name} at.`,
          });
          unexpress(expressed, 'origins');
        }
        origin.CustomOriginConfig = { OriginProtocolPolicy: p.originProtocol ?? 'https-only' };
      }
      origins.push(origin);
    }
    const config: Record<string, Json> = {
      Enabled: true,
      Origins: origins,
      DefaultCacheBehavior: {
        TargetOriginId: originNames[0] ?? 'origin',
        ViewerProtocolPolicy: p.viewerProtocol ?? 'allow-all',
        CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
      },
    };
    if (p.originFailover === true && originNames.length >= 2) {
      config.OriginGroups = {
        Quantity: 1,
        Items: [
          {
            Id: 'failover',
            FailoverCriteria: { StatusCodes: { Quantity: 4, Items: [500, 502, 503, 504] } },
            Members: { Quantity: 2, Items: originNames.slice(0, 2).map((name) => ({ OriginId: name })) },
          },
        ],
      };
      (config.DefaultCacheBehavior as Record<string, Json>).TargetOriginId = 'failover';
    }
    if (p.viewerProtocol === undefined) unexpress(expressed, 'viewerProtocol');
    if (p.originProtocol === undefined || !originNames.some((name) => builder.doc.resourceByName.get(name)?.type !== 'aws.s3.bucket'))
      unexpress(expressed, 'originProtocol');
    if (p.minimumTlsVersion !== undefined) {
      config.ViewerCertificate = {
        AcmCertificateArn: builder.parameter('CdnCertificateArn', {
          Type: 'String',
          Description: "The ARN of the ACM certificate (in us-east-1) of the distributions' custom domain.",
        }),
        MinimumProtocolVersion: p.minimumTlsVersion,
        SslSupportMethod: 'sni-only',
      };
    }
    if (p.waf === true)
      config.WebACLId = builder.parameter('CdnWebAclArn', {
        Type: 'String',
        Description: "The ARN of the AWS WAF web ACL (scope CLOUDFRONT) that filters the distributions' requests.",
      });
    if (p.accessLogging === true)
      config.Logging = {
        Bucket: builder.parameter('CdnLogBucketDomain', {
          Type: 'String',
          Description: 'The domain name of the S3 bucket receiving CloudFront access logs (bucket.s3.amazonaws.com).',
        }),
      };
    if (p.priceClass !== undefined) config.PriceClass = p.priceClass;
    if (typeof p.defaultRootObject === 'string') config.DefaultRootObject = p.defaultRootObject;
    if (p.geoRestriction === true) {
      config.Restrictions = {
        GeoRestriction: {
          RestrictionType: 'blacklist',
          Locations: builder.parameter('CdnBlockedCountries', {
            Type: 'CommaDelimitedList',
            Description: 'The ISO country codes the distributions refuse.',
          }),
        },
      };
    }
    builder.add(id, { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: config } });
    builder.outputs[`${id}DomainName`] = { Description: `The domain name of ${resource.name}`, Value: getAtt(id, 'DomainName') };
    const unset: string[] = [];
    if (p.originAccessControl === undefined) unset.push('originAccessControl');
    return { expressed, unset };
  },

  'aws.route53.zone': (resource, id, builder) => {
    const p = resource.props;
    const expressed = ['domain', 'private', 'routing', 'targets', 'healthChecks', 'queryLogging'];
    const properties: Record<string, Json> = { Name: p.domain };
    if (p.private === true) properties.VPCs = [{ VPCId: ref('Vpc'), VPCRegion: ref('AWS::Region') }];
    if (p.queryLogging === true)
      properties.QueryLoggingConfig = {
        CloudWatchLogsLogGroupArn: builder.parameter('DnsQueryLogGroupArn', {
          Type: 'String',
          Description: 'The CloudWatch Logs log group (in us-east-1) receiving Route 53 query logs.',
        }),
      };
    builder.add(id, { Type: 'AWS::Route53::HostedZone', Properties: properties });
    const routing = typeof p.routing === 'string' ? p.routing : 'simple';
    const targets = (Array.isArray(p.targets) ? p.targets : []).filter((name): name is string => typeof name === 'string');
    const records: Json[] = [];
    targets.forEach((name, index) => {
      const target = builder.doc.resourceByName.get(name);
      const targetId = builder.resourceId(name);
      let alias: Record<string, Json> | undefined;
      if (target?.type === 'aws.cloudfront.distribution' && targetId !== undefined)
        alias = { DNSName: getAtt(targetId, 'DomainName'), HostedZoneId: 'Z2FDTNDATAQYW2' };
      else if ((target?.type ?? '').startsWith('aws.elb.') && targetId !== undefined)
        alias = { DNSName: getAtt(targetId, 'DNSName'), HostedZoneId: getAtt(targetId, 'CanonicalHostedZoneID') };
      if (alias === undefined) {
        unexpress(expressed, 'targets');
        return;
      }
      if (p.healthChecks === true) alias.EvaluateTargetHealth = true;
      const record: Record<string, Json> = { Name: p.domain, Type: 'A', AliasTarget: alias };
      if (routing !== 'simple') record.SetIdentifier = name;
      if (routing === 'failover') record.Failover = index === 0 ? 'PRIMARY' : 'SECONDARY';
      if (routing === 'weighted') record.Weight = Array.isArray(p.weights) ? (p.weights[index] ?? 1) : 1;
      if (routing === 'latency') record.Region = (target!.props.region as string | undefined) ?? builder.doc.region;
      if (routing === 'geolocation' || routing === 'geoproximity') {
        unexpress(expressed, 'routing');
        record.Weight = 1;
      }
      records.push(record);
    });
    if (routing === 'simple' && records.length > 1) {
      // A simple record has one alias target; the rest of the design's targets ride in the metadata.
      records.splice(1);
      unexpress(expressed, 'targets');
    }
    if (records.length > 0)
      builder.add(builder.id(resource.name, 'Records'), {
        Type: 'AWS::Route53::RecordSetGroup',
        Properties: { HostedZoneId: ref(id), RecordSets: records },
      });
    if (p.healthChecks === false || (p.healthChecks === true && records.length === 0)) unexpress(expressed, 'healthChecks');
    builder.outputs[`${id}NameServers`] = {
      Description: `The name servers of ${String(p.domain)}`,
      Value: { 'Fn::Join': [',', getAtt(id, 'NameServers')] },
    };
    return { expressed, unset: p.routing === undefined ? ['routing'] : [] };
  },

  'aws.efs.filesystem': (resource, id, builder) => {
    const p = resource.props;
    const place = placement(resource, builder);
    const expressed = [
      'zones',
      'subnet',
      'securityGroups',
      'deployment',
      'performanceMode',
      'throughputMode',
      'provisionedThroughputMBps',
      'encrypted',
      'lifecyclePolicy',
      'backup',
    ];
    const properties: Record<string, Json> = {};
    if (p.encrypted === undefined) builder.safe(resource.name, 'encrypted', true, 'EFS file systems are encrypted at rest.');
    properties.Encrypted = p.encrypted ?? true;
    if (p.deployment === 'one-zone') properties.AvailabilityZoneName = azOf(place.zones[0] ?? 'a');
    if (p.performanceMode !== undefined) properties.PerformanceMode = p.performanceMode;
    if (p.throughputMode !== undefined) properties.ThroughputMode = p.throughputMode;
    if (p.provisionedThroughputMBps !== undefined) properties.ProvisionedThroughputInMibps = p.provisionedThroughputMBps;
    if (typeof p.lifecyclePolicy === 'string' && p.lifecyclePolicy !== 'none')
      properties.LifecyclePolicies = [{ TransitionToIA: p.lifecyclePolicy }];
    if (p.lifecyclePolicy === 'none') unexpress(expressed, 'lifecyclePolicy');
    if (p.backup !== undefined) properties.BackupPolicy = { Status: p.backup === true ? 'ENABLED' : 'DISABLED' };
    builder.add(id, { Type: 'AWS::EFS::FileSystem', Properties: properties });
    const groups = securityGroupRefs(resource, builder);
    const mountZones = p.deployment === 'one-zone' ? place.zones.slice(0, 1) : place.zones;
    mountZones.forEach((zone) => {
      builder.add(builder.id(resource.name, `Mount${zone.toUpperCase()}`), {
        Type: 'AWS::EFS::MountTarget',
        Properties: {
          FileSystemId: ref(id),
          SubnetId: ref(builder.subnets.get(zone)![tierOf(resource)]),
          SecurityGroups: groups.length > 0 ? groups : [getAtt('Vpc', 'DefaultSecurityGroup')],
        },
      });
    });
    return { expressed, unset: [...place.unset, ...(p.deployment === undefined ? ['deployment'] : [])] };
  },

  'aws.fsx.filesystem': (resource, id, builder) => {
    const p = resource.props;
    const place = placement(resource, builder);
    const windows = p.kind === 'windows';
    const multiAz = p.deploymentType === 'multi-az-1';
    const properties: Record<string, Json> = {
      FileSystemType: windows ? 'WINDOWS' : 'LUSTRE',
      StorageCapacity: p.storageCapacityGB,
      SubnetIds: multiAz ? place.subnets.slice(0, 2) : place.subnets.slice(0, 1),
    };
    if (p.storageType !== undefined) properties.StorageType = String(p.storageType).toUpperCase();
    const groups = securityGroupRefs(resource, builder);
    if (groups.length > 0) properties.SecurityGroupIds = groups;
    if (windows) {
      const configuration: Record<string, Json> = {
        ThroughputCapacity: p.throughputMBps ?? 32,
        DeploymentType: String(p.deploymentType ?? 'single-az-2')
          .toUpperCase()
          .replace(/-/g, '_'),
      };
      configuration.ActiveDirectoryId = builder.parameter('DirectoryServiceId', {
        Type: 'String',
        Description: 'The AWS Managed Microsoft AD the Windows file systems join.',
      });
      if (multiAz) configuration.PreferredSubnetId = place.subnets[0];
      configuration.AutomaticBackupRetentionDays = p.backupRetentionDays ?? 7;
      properties.WindowsConfiguration = configuration;
    } else {
      properties.LustreConfiguration = {
        DeploymentType: String(p.deploymentType ?? 'scratch-2')
          .toUpperCase()
          .replace(/-/g, '_'),
      };
    }
    builder.add(id, { Type: 'AWS::FSx::FileSystem', Properties: properties });
    return { expressed: ['kind', 'storageCapacityGB', 'storageType', 'securityGroups'], unset: [] };
  },
};

/** The template parameter every database's master user name comes from (its password is managed by AWS). */
function masterUsername(builder: Builder): Json {
  return builder.parameter('DatabaseMasterUsername', {
    Type: 'String',
    Default: 'dbadmin',
    Description: 'The master user name of the databases; the password is generated and kept in Secrets Manager (ManageMasterUserPassword).',
  });
}

/** Lets the API `apiId` (route `index` of `resourceName`) invoke the Lambda function `functionId`. */
function allowApiToInvoke(builder: Builder, resourceName: string, index: number, apiId: string, functionId: string): void {
  builder.add(builder.id(resourceName, `Permission${index + 1}`), {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      Action: 'lambda:InvokeFunction',
      FunctionName: ref(functionId),
      Principal: 'apigateway.amazonaws.com',
      SourceArn: sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiId}}/*`),
    },
  });
}

function rdsEngineName(engine: string): string {
  if (engine === 'oracle') return 'oracle-se2';
  if (engine === 'sqlserver') return 'sqlserver-se';
  return engine;
}

/** A DB subnet group over the resource's zones (at least two, as RDS requires). */
function subnetGroup(resource: ResourceNode, builder: Builder, zones: readonly string[]): string {
  const all = zones.length >= 2 ? zones : [...new Set([...zones, ...builder.zones])].slice(0, 2);
  return builder.add(builder.id(resource.name, 'SubnetGroup'), {
    Type: 'AWS::RDS::DBSubnetGroup',
    Properties: { DBSubnetGroupDescription: `Subnets of ${resource.name}`, SubnetIds: builder.subnetsFor(all, tierOf(resource)) },
  });
}

/** The target groups (logical ids) registered for a resource by the load balancers that target it. */
function targetGroupsOf(name: string, builder: Builder): string[] {
  return targetGroupRegistry.get(builder)?.get(name) ?? [];
}
const targetGroupRegistry = new WeakMap<Builder, Map<string, string[]>>();

function loadBalancer(resource: ResourceNode, id: string, builder: Builder, kind: 'application' | 'network' | 'gateway'): Written {
  const p = resource.props;
  const place = placement(resource, builder);
  const expressed = [
    'scheme',
    'zones',
    'subnet',
    'securityGroups',
    'listeners',
    'targets',
    'deletionProtection',
    'accessLogging',
    'dropInvalidHeaders',
    'idleTimeoutSeconds',
    'crossZone',
  ];
  const scheme = p.scheme ?? (kind === 'gateway' ? 'internal' : 'internet-facing');
  const properties: Record<string, Json> = { Type: kind, Subnets: place.subnets };
  if (kind !== 'gateway') properties.Scheme = scheme;
  if (p.scheme === undefined) unexpress(expressed, 'scheme');
  const groups = securityGroupRefs(resource, builder);
  if (groups.length > 0 && kind !== 'gateway') properties.SecurityGroups = groups;
  const attributes: Json[] = [];
  if (p.deletionProtection !== undefined) attributes.push({ Key: 'deletion_protection.enabled', Value: String(p.deletionProtection) });
  if (p.accessLogging === true) {
    attributes.push(
      { Key: 'access_logs.s3.enabled', Value: 'true' },
      {
        Key: 'access_logs.s3.bucket',
        Value: builder.parameter('LoadBalancerLogBucket', {
          Type: 'String',
          Description: 'The S3 bucket receiving load balancer access logs.',
        }),
      },
    );
  } else if (p.accessLogging === false) attributes.push({ Key: 'access_logs.s3.enabled', Value: 'false' });
  if (kind === 'application' && p.dropInvalidHeaders !== undefined)
    attributes.push({ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: String(p.dropInvalidHeaders) });
  if (kind === 'application' && p.idleTimeoutSeconds !== undefined)
    attributes.push({ Key: 'idle_timeout.timeout_seconds', Value: String(p.idleTimeoutSeconds) });
  if (kind !== 'application' && p.crossZone !== undefined)
    attributes.push({ Key: 'load_balancing.cross_zone.enabled', Value: String(p.crossZone) });
  if (kind === 'application' && p.crossZone !== undefined) unexpress(expressed, 'crossZone');
  if (attributes.length > 0) properties.LoadBalancerAttributes = attributes;
  builder.add(id, { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: properties });

  // One target group per target, of the kind the target registers as.
  const targets = (Array.isArray(p.targets) ? p.targets : []).filter((name): name is string => typeof name === 'string');
  const groupIds: string[] = [];
  const registry = targetGroupRegistry.get(builder) ?? new Map<string, string[]>();
  targetGroupRegistry.set(builder, registry);
  const protocol = kind === 'application' ? 'HTTP' : kind === 'network' ? 'TCP' : 'GENEVE';
  for (const name of targets) {
    const target = builder.doc.resourceByName.get(name);
    if (
      target === undefined ||
      !['aws.ec2.instance', 'aws.autoscaling.group', 'aws.ecs.service', 'aws.lambda.function'].includes(target.type ?? '')
    ) {
      unexpress(expressed, 'targets');
      continue;
    }
    const group: Record<string, Json> = {};
    if (target.type === 'aws.lambda.function') group.TargetType = 'lambda';
    else {
      const port = kind === 'gateway' ? 6081 : target.type === 'aws.ecs.service' ? (target.props.containerPort ?? 80) : 80;
      Object.assign(group, {
        Port: port,
        Protocol: protocol,
        VpcId: ref('Vpc'),
        TargetType: target.type === 'aws.ecs.service' ? 'ip' : 'instance',
      });
    }
    const groupId = builder.add(builder.id(resource.name, `${logicalIdOf(name)}Targets`), {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: group,
    });
    const targetId = builder.resourceId(name)!;
    if (target.type === 'aws.ec2.instance') group.Targets = [{ Id: ref(targetId) }];
    if (target.type === 'aws.lambda.function') {
      group.Targets = [{ Id: getAtt(targetId, 'Arn') }];
      builder.resources[groupId]!.DependsOn = [
        builder.add(builder.id(resource.name, `${logicalIdOf(name)}Invoke`), {
          Type: 'AWS::Lambda::Permission',
          Properties: {
            Action: 'lambda:InvokeFunction',
            FunctionName: getAtt(targetId, 'Arn'),
            Principal: 'elasticloadbalancing.amazonaws.com',
          },
        }),
      ];
    }
    groupIds.push(groupId);
    registry.set(name, [...(registry.get(name) ?? []), groupId]);
  }
  const forward = (): Json =>
    groupIds.length === 1
      ? { Type: 'forward', TargetGroupArn: ref(groupIds[0]!) }
      : { Type: 'forward', ForwardConfig: { TargetGroups: groupIds.map((group) => ({ TargetGroupArn: ref(group), Weight: 1 })) } };
  const listeners = Array.isArray(p.listeners) ? (p.listeners as Record<string, unknown>[]) : [];
  const unset = [...place.unset];
  if (kind === 'gateway') {
    if (groupIds.length > 0)
      builder.add(builder.id(resource.name, 'Listener'), {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: { LoadBalancerArn: ref(id), DefaultActions: [forward()] },
      });
  } else if (groupIds.length > 0 || listeners.length > 0) {
    const written = listeners.length > 0 ? listeners : [{ port: 80, protocol: kind === 'application' ? 'HTTP' : 'TCP' }];
    if (listeners.length === 0) unset.push('listeners');
    written.forEach((listener, index) => {
      const properties: Record<string, Json> = { LoadBalancerArn: ref(id), Port: listener.port, Protocol: listener.protocol };
      const encrypted = listener.protocol === 'HTTPS' || listener.protocol === 'TLS';
      if (listener.sslPolicy !== undefined) properties.SslPolicy = listener.sslPolicy;
      if (encrypted)
        properties.Certificates = [
          {
            CertificateArn: builder.parameter(`${id}Certificate${index + 1}Arn`, {
              Type: 'String',
              Description: `The ARN of the ACM certificate${typeof listener.certificate === 'string' ? ` for ${listener.certificate}` : ''} of ${resource.name}'s port ${String(listener.port)} listener.`,
            }),
          },
        ];
      if (listener.redirectToHttps === true)
        properties.DefaultActions = [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }];
      else if (groupIds.length > 0) properties.DefaultActions = [forward()];
      else properties.DefaultActions = [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }];
      builder.add(builder.id(resource.name, `Listener${index + 1}`), {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: properties,
      });
    });
    if (
      listeners.some(
        (listener) =>
          typeof listener.certificate === 'string' ||
          (listener.sslPolicy === undefined && (listener.protocol === 'HTTPS' || listener.protocol === 'TLS')),
      )
    ) {
      // The certificate's name becomes a parameter, which the import reads back only as "a certificate".
      unexpress(expressed, 'listeners');
    }
  }
  if (scheme === 'internet-facing')
    builder.outputs[`${id}DnsName`] = { Description: `The DNS name of ${resource.name}`, Value: getAtt(id, 'DNSName') };
  return { expressed, unset };
}

/**
 * Types without a writer above get a template resource of their CloudFormation type with the
 * properties CloudFormation requires, taken from the design or asked for as parameters; every
 * design property rides in the metadata.
 */
const skeletons: Readonly<Record<string, (resource: ResourceNode, id: string, builder: Builder) => Record<string, Json>>> = {
  'aws.athena.workgroup': (resource) => ({ Name: resource.name }),
  'aws.glue.job': (resource, id, builder) => ({
    Role: builder.parameter('GlueRoleArn', { Type: 'String', Description: 'The IAM role Glue jobs and crawlers run as.' }),
    Command: {
      Name: resource.props.jobType ?? 'glueetl',
      ScriptLocation: builder.parameter(`${id}Script`, { Type: 'String', Description: `The S3 location of ${resource.name}'s script.` }),
    },
  }),
  'aws.glue.crawler': (resource, _id, builder) => {
    const targets = (Array.isArray(resource.props.targets) ? resource.props.targets : []).flatMap((name) => {
      const target = typeof name === 'string' ? builder.resourceId(name) : undefined;
      return target !== undefined && builder.doc.resourceByName.get(name as string)?.type === 'aws.s3.bucket'
        ? [{ Path: sub(`s3://\${${target}}/`) }]
        : [];
    });
    return {
      Role: builder.parameter('GlueRoleArn', { Type: 'String', Description: 'The IAM role Glue jobs and crawlers run as.' }),
      Targets: { S3Targets: targets },
    };
  },
  'aws.emr.cluster': (resource, _id, builder) => {
    const p = resource.props;
    const group = (value: unknown, fallback: number): Json => {
      const g = (value ?? {}) as Record<string, unknown>;
      return {
        InstanceType: g.instanceType ?? 'm5.xlarge',
        InstanceCount: g.count ?? fallback,
        ...(g.purchase === 'spot' ? { Market: 'SPOT' } : {}),
      };
    };
    const zones = zonesOf(resource, builder.doc).zones;
    return {
      Name: resource.name,
      ReleaseLabel: p.releaseLabel ?? 'emr-7.2.0',
      JobFlowRole: builder.parameter('EmrInstanceProfile', {
        Type: 'String',
        Default: 'EMR_EC2_DefaultRole',
        Description: 'The instance profile of EMR cluster nodes.',
      }),
      ServiceRole: builder.parameter('EmrServiceRole', {
        Type: 'String',
        Default: 'EMR_DefaultRole',
        Description: 'The EMR service role.',
      }),
      Instances: {
        MasterInstanceGroup: group(p.master, 1),
        CoreInstanceGroup: group(p.core, 2),
        Ec2SubnetId: ref(builder.subnets.get(zones[0] ?? builder.zones[0]!)![tierOf(resource)]),
      },
    };
  },
  'aws.redshift.cluster': (resource, _id, builder) => {
    const p = resource.props;
    const nodes = typeof p.nodes === 'number' ? p.nodes : 2;
    const subnetGroupId = builder.add(builder.id(resource.name, 'SubnetGroup'), {
      Type: 'AWS::Redshift::ClusterSubnetGroup',
      Properties: { Description: `Subnets of ${resource.name}`, SubnetIds: builder.subnetsFor(builder.zones, tierOf(resource)) },
    });
    if (p.encrypted === undefined) builder.safe(resource.name, 'encrypted', true, 'Redshift clusters are encrypted at rest.');
    return {
      ClusterType: nodes > 1 ? 'multi-node' : 'single-node',
      ...(nodes > 1 ? { NumberOfNodes: nodes } : {}),
      NodeType: p.nodeType ?? 'ra3.xlplus',
      DBName: 'warehouse',
      MasterUsername: masterUsername(builder),
      ManageMasterPassword: true,
      Encrypted: p.encrypted ?? true,
      ClusterSubnetGroupName: ref(subnetGroupId),
      ...(p.publiclyAccessible !== undefined ? { PubliclyAccessible: p.publiclyAccessible } : {}),
    };
  },
  'aws.quicksight.dashboard': (resource, id, builder) => ({
    AwsAccountId: ref('AWS::AccountId'),
    DashboardId: resource.name,
    Name: typeof resource.props.label === 'string' ? resource.props.label : resource.name,
    SourceEntity: {
      SourceTemplate: {
        Arn: builder.parameter(`${id}TemplateArn`, {
          Type: 'String',
          Description: `The QuickSight template ${resource.name} is made from.`,
        }),
        DataSetReferences: [
          {
            DataSetPlaceholder: 'data',
            DataSetArn: builder.parameter(`${id}DataSetArn`, {
              Type: 'String',
              Description: `The QuickSight data set of ${resource.name}.`,
            }),
          },
        ],
      },
    },
  }),
  'aws.elasticbeanstalk.environment': (resource, id, builder) => {
    const application = builder.add(builder.id(resource.name, 'Application'), {
      Type: 'AWS::ElasticBeanstalk::Application',
      Properties: {},
    });
    return {
      ApplicationName: ref(application),
      SolutionStackName: builder.parameter(`${id}SolutionStack`, {
        Type: 'String',
        Description: `The Elastic Beanstalk solution stack (platform ${String(resource.props.platform)}) of ${resource.name}.`,
      }),
    };
  },
  'aws.dms.task': (resource, id, builder) => ({
    MigrationType: resource.props.migrationType ?? 'full-load-and-cdc',
    ReplicationInstanceArn: builder.parameter(`${id}ReplicationInstanceArn`, {
      Type: 'String',
      Description: `The DMS replication instance of ${resource.name}.`,
    }),
    SourceEndpointArn: builder.parameter(`${id}SourceEndpointArn`, {
      Type: 'String',
      Description: `The DMS source endpoint of ${resource.name}.`,
    }),
    TargetEndpointArn: builder.parameter(`${id}TargetEndpointArn`, {
      Type: 'String',
      Description: `The DMS target endpoint of ${resource.name}.`,
    }),
    TableMappings:
      '{"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"%","table-name":"%"},"rule-action":"include"}]}',
  }),
  'aws.docdb.cluster': (resource, id, builder) => documentCluster(resource, id, builder, 'DocDB'),
  'aws.neptune.cluster': (resource, id, builder) => documentCluster(resource, id, builder, 'Neptune'),
  'aws.batch.environment': (resource, _id, builder) => {
    const p = resource.props;
    const computeType = String(p.computeType ?? 'ec2')
      .toUpperCase()
      .replace('-', '_');
    const fargate = computeType.startsWith('FARGATE');
    const compute: Record<string, Json> = {
      Type: computeType,
      MaxvCpus: p.maxvCpus,
      Subnets: builder.subnetsFor(zonesOf(resource, builder.doc).zones, tierOf(resource)),
      SecurityGroupIds: securityGroupRefs(resource, builder),
    };
    if (!fargate) {
      compute.MinvCpus = p.minvCpus ?? 0;
      compute.InstanceTypes = Array.isArray(p.instanceTypes) && p.instanceTypes.length > 0 ? p.instanceTypes : ['optimal'];
      compute.InstanceRole = builder.parameter('BatchInstanceProfileArn', {
        Type: 'String',
        Description: 'The instance profile of AWS Batch container instances.',
      });
    }
    return { Type: p.managed === false ? 'UNMANAGED' : 'MANAGED', ...(p.managed === false ? {} : { ComputeResources: compute }) };
  },
  'aws.lightsail.instance': (resource, _id, builder) => ({
    InstanceName: resource.name,
    BundleId: `${String(resource.props.bundle ?? 'micro')}_3_0`,
    BlueprintId: String(resource.props.blueprint ?? 'amazon-linux-2023').replace(/-/g, '_'),
    AvailabilityZone: azOf(zonesOf(resource, builder.doc).zones[0] ?? 'a'),
  }),
  'aws.imagebuilder.pipeline': (resource, id, builder) => ({
    Name: resource.name,
    InfrastructureConfigurationArn: builder.parameter(`${id}InfrastructureConfigurationArn`, {
      Type: 'String',
      Description: `The Image Builder infrastructure configuration of ${resource.name}.`,
    }),
    ImageRecipeArn: builder.parameter(`${id}ImageRecipeArn`, {
      Type: 'String',
      Description: `The Image Builder recipe of ${resource.name}.`,
    }),
  }),
  'aws.managedblockchain.network': (resource) => ({
    MemberConfiguration: { Name: resource.name },
    NetworkConfiguration: {
      Name: `${resource.name}-network`,
      Framework: resource.props.framework === 'ethereum' ? 'ETHEREUM' : 'HYPERLEDGER_FABRIC',
      FrameworkVersion: resource.props.framework === 'ethereum' ? 'ETHEREUM_MAINNET' : '2.2',
      VotingPolicy: {
        ApprovalThresholdPolicy: { ThresholdPercentage: 50, ProposalDurationInHours: 24, ThresholdComparator: 'GREATER_THAN' },
      },
    },
  }),
  'aws.timestream.database': () => ({}),
  'aws.qldb.ledger': (resource) => ({ PermissionsMode: resource.props.permissionsMode === 'allow-all' ? 'ALLOW_ALL' : 'STANDARD' }),
};

/** A DocumentDB or Neptune cluster with its subnet group and instances. */
function documentCluster(resource: ResourceNode, id: string, builder: Builder, service: 'DocDB' | 'Neptune'): Record<string, Json> {
  const p = resource.props;
  const { zones } = zonesOf(resource, builder.doc);
  const all = zones.length >= 2 ? zones : [...new Set([...zones, ...builder.zones])].slice(0, 2);
  const group = builder.add(builder.id(resource.name, 'SubnetGroup'), {
    Type: `AWS::${service}::DBSubnetGroup`,
    Properties: { DBSubnetGroupDescription: `Subnets of ${resource.name}`, SubnetIds: builder.subnetsFor(all, tierOf(resource)) },
  });
  const count = typeof p.instances === 'number' ? p.instances : 1;
  for (let index = 0; index < count; index++) {
    builder.add(builder.id(resource.name, `Instance${index + 1}`), {
      Type: `AWS::${service}::DBInstance`,
      Properties: {
        DBClusterIdentifier: ref(id),
        DBInstanceClass: p.instanceClass ?? 'db.r5.large',
        ...(p.zones !== undefined ? { AvailabilityZone: azOf(zones[index % zones.length]!) } : {}),
      },
    });
  }
  if (p.encrypted === undefined)
    builder.safe(resource.name, 'encrypted', true, `${service === 'DocDB' ? 'DocumentDB' : 'Neptune'} storage is encrypted at rest.`);
  const groups = securityGroupRefs(resource, builder);
  return {
    DBSubnetGroupName: ref(group),
    StorageEncrypted: p.encrypted ?? true,
    ...(groups.length > 0 ? { VpcSecurityGroupIds: groups } : {}),
    ...(p.deletionProtection !== undefined ? { DeletionProtection: p.deletionProtection } : {}),
    ...(service === 'DocDB'
      ? {
          MasterUsername: masterUsername(builder),
          ManageMasterUserPassword: true,
        }
      : { IamAuthEnabled: p.iamAuthentication ?? false }),
  };
}

/** Resources the design states but CloudFormation has no type for (or none written yet), with why. */
function writeSkeleton(resource: ResourceNode, id: string, builder: Builder): Written | undefined {
  const mapping = cloudFormationTypes[resource.type ?? ''];
  const make = skeletons[resource.type ?? ''];
  if (mapping?.primary === undefined || make === undefined) return undefined;
  builder.add(id, { Type: mapping.primary, Properties: make(resource, id, builder) });
  builder.notes.push(
    `${resource.name}: ${resource.type} is written with the properties CloudFormation requires; its design properties ride in the metadata (complete it before deploying).`,
  );
  return { expressed: [] };
}

/** Which zones hold VPC resources, and whether private compute needs NAT gateways. */
function networkNeeds(doc: ArchDocument): { zones: string[]; nat: boolean; hasVpc: boolean } {
  const zones = new Set<string>();
  let nat = false;
  let hasVpc = false;
  for (const resource of doc.resources) {
    const def = resource.typeDef;
    if (def === undefined) continue;
    const inVpc =
      def.inVpc ||
      resource.type === 'aws.ec2.security-group' ||
      (resource.type === 'aws.lambda.function' && resource.props.inVpc === true) ||
      resource.type === 'aws.route53.zone' ||
      resource.type === 'aws.emr.cluster';
    if (!inVpc) continue;
    hasVpc = true;
    for (const zone of zonesOf(resource, doc).zones) zones.add(zone);
    if (privateComputeTypes.has(resource.type ?? '') && resource.props.subnet !== 'public') nat = true;
  }
  if (hasVpc && zones.size < 2) for (const zone of doc.zones) if (zones.size < 2) zones.add(zone);
  return { zones: [...zones].sort(), nat: nat && !doc.resources.some((resource) => resource.type === 'aws.vpc.nat-gateway'), hasVpc };
}

function writeNetwork(builder: Builder, needs: { zones: string[]; nat: boolean }): void {
  const generated = { [metadataKey]: { generated: 'network' } };
  builder.add('Vpc', {
    Type: 'AWS::EC2::VPC',
    Properties: { CidrBlock: '10.0.0.0/16', EnableDnsHostnames: true, EnableDnsSupport: true },
    Metadata: generated,
  });
  builder.add('InternetGateway', { Type: 'AWS::EC2::InternetGateway', Properties: {}, Metadata: generated });
  builder.add('InternetGatewayAttachment', {
    Type: 'AWS::EC2::VPCGatewayAttachment',
    Properties: { VpcId: ref('Vpc'), InternetGatewayId: ref('InternetGateway') },
    Metadata: generated,
  });
  builder.add('PublicRouteTable', { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('Vpc') }, Metadata: generated });
  builder.add('PublicDefaultRoute', {
    Type: 'AWS::EC2::Route',
    Properties: { RouteTableId: ref('PublicRouteTable'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('InternetGateway') },
    DependsOn: ['InternetGatewayAttachment'],
    Metadata: generated,
  });
  needs.zones.forEach((zone, index) => {
    const letter = zone.toUpperCase();
    const publicSubnet = builder.add(`PublicSubnet${letter}`, {
      Type: 'AWS::EC2::Subnet',
      Properties: { VpcId: ref('Vpc'), AvailabilityZone: azOf(zone), CidrBlock: `10.0.${index}.0/24`, MapPublicIpOnLaunch: false },
      Metadata: generated,
    });
    const privateSubnet = builder.add(`PrivateSubnet${letter}`, {
      Type: 'AWS::EC2::Subnet',
      Properties: { VpcId: ref('Vpc'), AvailabilityZone: azOf(zone), CidrBlock: `10.0.${128 + index}.0/24` },
      Metadata: generated,
    });
    builder.subnets.set(zone, { public: publicSubnet, private: privateSubnet });
    builder.add(`PublicSubnet${letter}RouteTableAssociation`, {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: ref(publicSubnet), RouteTableId: ref('PublicRouteTable') },
      Metadata: generated,
    });
    const table = builder.add(`PrivateRouteTable${letter}`, {
      Type: 'AWS::EC2::RouteTable',
      Properties: { VpcId: ref('Vpc') },
      Metadata: generated,
    });
    builder.add(`PrivateSubnet${letter}RouteTableAssociation`, {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: ref(privateSubnet), RouteTableId: ref(table) },
      Metadata: generated,
    });
    if (needs.nat) {
      const eip = builder.add(`NatGateway${letter}Eip`, {
        Type: 'AWS::EC2::EIP',
        Properties: { Domain: 'vpc' },
        DependsOn: ['InternetGatewayAttachment'],
        Metadata: generated,
      });
      const nat = builder.add(`NatGateway${letter}`, {
        Type: 'AWS::EC2::NatGateway',
        Properties: { SubnetId: ref(publicSubnet), AllocationId: getAtt(eip, 'AllocationId') },
        Metadata: generated,
      });
      builder.add(`PrivateRoute${letter}`, {
        Type: 'AWS::EC2::Route',
        Properties: { RouteTableId: ref(table), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ref(nat) },
        Metadata: generated,
      });
    }
  });
  if (needs.nat)
    builder.notes.push(
      `The template adds a NAT gateway in each of zones ${needs.zones.join(', ')} so private instances and tasks reach the internet; the design does not state them, so its cost estimate does not include them.`,
    );
}

/** Routes each zone's private subnets through the design's own NAT gateway in that zone. */
function routeThroughDesignNat(builder: Builder): void {
  for (const resource of builder.doc.resources) {
    if (resource.type !== 'aws.vpc.nat-gateway' || resource.props.connectivity === 'private') continue;
    const zone = zonesOf(resource, builder.doc).zones[0];
    const natId = builder.resourceId(resource.name);
    if (zone === undefined || natId === undefined || !builder.subnets.has(zone)) continue;
    const routeId = `PrivateRoute${zone.toUpperCase()}`;
    if (builder.resources[routeId] !== undefined) continue;
    builder.add(routeId, {
      Type: 'AWS::EC2::Route',
      Properties: {
        RouteTableId: ref(`PrivateRouteTable${zone.toUpperCase()}`),
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: ref(natId),
      },
      Metadata: { [metadataKey]: { generated: 'network' } },
    });
  }
}

/** Writing order: what others refer to first (groups, stores, functions), then what refers to them. */
const writeOrder = [
  'aws.ec2.security-group',
  'aws.vpc.nat-gateway',
  'aws.s3.bucket',
  'aws.efs.filesystem',
  'aws.fsx.filesystem',
  'aws.lambda.function',
  'aws.ec2.instance',
  'aws.ebs.volume',
  'aws.rds.instance',
  'aws.rds.aurora',
  'aws.dynamodb.table',
  'aws.elb.network',
  'aws.elb.application',
  'aws.elb.gateway',
  'aws.autoscaling.group',
  'aws.ecs.service',
];

/** Exports a parsed architecture as a CloudFormation template (YAML). */
export function exportCloudFormation(doc: ArchDocument): ExportResult {
  const builder = new Builder(doc);
  const needs = networkNeeds(doc);
  const zones = needs.zones.length > 0 ? needs.zones : [...doc.zones];
  (builder as { zones: string[] }).zones = zones;
  if (needs.hasVpc) writeNetwork(builder, { zones, nat: needs.nat });

  const external: Record<string, Record<string, unknown>> = {};
  const order = (type: string): number => {
    const index = writeOrder.indexOf(type);
    return index < 0 ? writeOrder.length : index;
  };
  const resources = [...doc.resources].filter((resource) => resource.typeDef !== undefined);
  for (const resource of resources) {
    if (cloudFormationTypes[resource.type ?? '']?.primary !== undefined) builder.ids.set(resource.name, builder.id(resource.name));
  }
  const sorted = resources
    .map((resource, index) => ({ resource, index }))
    .sort((a, b) => order(a.resource.type ?? '') - order(b.resource.type ?? '') || a.index - b.index);
  for (const { resource } of sorted) {
    const id = builder.ids.get(resource.name);
    if (id === undefined) {
      external[resource.name] = { ...resource.props };
      continue;
    }
    const writer = writers[resource.type ?? ''];
    const before = builder.added.length;
    const written = writer !== undefined ? writer(resource, id, builder) : writeSkeleton(resource, id, builder);
    // What a writer adds besides the resource itself (launch templates, listeners, roles) is marked as belonging to it.
    for (const added of builder.added.slice(before)) {
      if (added === id || builder.resources[added]!.Metadata !== undefined) continue;
      builder.resources[added]!.Metadata = { [metadataKey]: { generated: 'support', for: resource.name } };
    }
    if (written === undefined) {
      external[resource.name] = { ...resource.props };
      builder.ids.delete(resource.name);
      continue;
    }
    const unexpressed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(resource.props)) {
      if (common.includes(key) && key !== 'label') continue;
      if (!written.expressed.includes(key)) unexpressed[key] = value;
    }
    const meta: ResourceMetadata = {
      name: resource.name,
      type: resource.type ?? '',
      ...(Object.keys(unexpressed).length > 0 ? { properties: unexpressed } : {}),
      ...(written.unset !== undefined && written.unset.length > 0 ? { unset: written.unset } : {}),
    };
    const cfn = builder.resources[id]!;
    cfn.Metadata = { ...(cfn.Metadata ?? {}), [metadataKey]: meta };
    const tags = tagsOf(resource);
    if (tags !== undefined && cfn.Properties !== undefined && acceptsTags(cfn.Type)) cfn.Properties.Tags = tags;
    if (typeof resource.props.region === 'string' && resource.props.region !== doc.region) {
      builder.notes.push(
        `${resource.name} is in ${resource.props.region}; a stack deploys to one region, so deploy it with a stack in that region (its references to this region's resources need their values passed as parameters).`,
      );
    }
  }
  routeThroughDesignNat(builder);

  const templateMeta: TemplateMetadata = {
    name: doc.name ?? 'Architecture',
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    region: doc.region,
    zones: [...doc.zones],
    ...topLevel(doc, 'workload'),
    ...topLevel(doc, 'assumptions'),
    ...topLevel(doc, 'targets'),
    ...topLevel(doc, 'scenarios'),
    ...(Object.keys(external).length > 0 ? { resources: external } : {}),
  };
  const template: Record<string, unknown> = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      `${doc.name ?? 'Architecture'}${doc.description !== undefined ? `: ${doc.description}` : ''} (exported by CloudArch)`.slice(0, 1024),
    Metadata: { [metadataKey]: templateMeta },
    ...(Object.keys(builder.parameters).length > 0 ? { Parameters: builder.parameters } : {}),
    Resources: builder.resources,
    ...(Object.keys(builder.outputs).length > 0 ? { Outputs: builder.outputs } : {}),
  };
  const header = [
    `# ${doc.name ?? 'Architecture'}: exported by \`cloudarch export --to cloudformation\`.`,
    '# Deploy with: aws cloudformation deploy --template-file THIS_FILE --stack-name NAME --parameter-overrides ...',
    ...(builder.safeDefaults.length > 0
      ? [
          '#',
          '# Safe defaults set where the design leaves them open:',
          ...builder.safeDefaults.map((item) => `#   ${item.resource}.${item.property} = ${String(item.value)}: ${item.why}`),
        ]
      : []),
    ...(builder.notes.length > 0 ? ['#', '# Notes:', ...builder.notes.map((note) => `#   ${note}`)] : []),
  ];
  const text = `${header.join('\n')}\n${stringify(template, { lineWidth: 0, aliasDuplicateObjects: false })}`;
  return {
    text,
    template,
    report: { safeDefaults: builder.safeDefaults, parameters: Object.keys(builder.parameters), notes: builder.notes },
  };
}

function topLevel(doc: ArchDocument, key: string): Record<string, unknown> {
  const entry = doc.root?.entries.find((item) => item.key === key);
  if (entry?.value === undefined) return {};
  return { [key]: plain(entry.value) };
}

function plain(node: import('../core/document').ValueNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  return Object.fromEntries(node.entries.filter((entry) => entry.value !== undefined).map((entry) => [entry.key, plain(entry.value!)]));
}

/** Types whose template resource takes a `Tags` list of `{ Key, Value }`. */
function acceptsTags(cfnType: string): boolean {
  return ![
    'AWS::EC2::SecurityGroupIngress',
    'AWS::S3::BucketPolicy',
    'AWS::AutoScaling::AutoScalingGroup',
    'AWS::CloudFront::Distribution',
    'AWS::Route53::HostedZone',
    'AWS::QuickSight::Dashboard',
    'AWS::Glue::Job',
    'AWS::Glue::Crawler',
    'AWS::EMR::Cluster',
    'AWS::EFS::FileSystem',
    'AWS::Timestream::Database',
    'AWS::ApiGatewayV2::Api',
  ].includes(cfnType);
}

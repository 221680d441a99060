/**
 * CloudFormation -> architecture. `importCloudFormation(templateText)` reads a template (YAML or
 * JSON, SAM's common types included), evaluates its parameters, conditions and mappings, maps every
 * resource the catalog models to an architecture resource (the mapping table is
 * `src/model/cloudformation-types.ts`), folds the parts of a resource into it (a load balancer's
 * listeners and target groups, an auto scaling group's launch template, a security group's ingress
 * resources), turns subnets and route tables into zones and subnet tiers, and lists everything it
 * could not map. The result is the text of a `.cloudarch.yaml` file, with a comment naming the
 * template resource each architecture resource came from, and a report.
 */
import { stringify } from 'yaml';
import { allResourceTypes, resourceType } from '../model/catalog';
import type { PropertyShape } from '../model/catalog-types';
import { catalogTypesOfCloudFormation, cloudFormationTypes } from '../model/cloudformation-types';
import { IntrinsicError, ResourceRef, TemplateEvaluator, Unknown, noValue, refsIn, type Evaluated } from './intrinsics';
import { metadataKey, resourceMetadataOf, templateMetadataOf, type ResourceMetadata } from './metadata';
import { NameAllocator, isResourceName } from './names';
import { LocatedError, readTemplate, TemplateError, type CfnObject, type CfnValue } from './template';
import { bool, directRef, int, isPlainObject, list, num, obj, refIds, str, type Props } from './values';

export interface ImportOptions {
  /** Parameter values (`--param Name=Value`), overriding the template's defaults. */
  readonly params?: Readonly<Record<string, string>>;
  /** The region the template is deployed to (default: the template's CloudArch metadata, or us-east-1). */
  readonly region?: string;
  /** The file name shown in the output's first comment. */
  readonly sourceName?: string;
}

export interface ImportedResource {
  readonly logicalId: string;
  readonly cfnType: string;
  readonly name: string;
  readonly type: string;
}

export interface ImportReport {
  /** Template resources that became architecture resources. */
  readonly mapped: readonly ImportedResource[];
  /** Template resources folded into another (a listener into its load balancer, a subnet into zones). */
  readonly absorbed: readonly { readonly logicalId: string; readonly cfnType: string; readonly into: string }[];
  /** Template resources that are not in the architecture, and why. Never dropped silently. */
  readonly unmapped: readonly { readonly logicalId: string; readonly cfnType: string; readonly reason: string }[];
  /** Resources left out because their `Condition` is false. */
  readonly skipped: readonly { readonly logicalId: string; readonly cfnType: string; readonly condition: string }[];
  /** Assumptions made where the template does not say (parameters without values, defaults). */
  readonly notes: readonly string[];
}

export interface ImportResult {
  /** The `.cloudarch.yaml` text. */
  readonly text: string;
  readonly report: ImportReport;
}

/** A template that cannot be imported, with its 1-based line and column. */
export class ImportError extends LocatedError {
  override readonly name = 'ImportError';
}

interface TemplateResource {
  readonly id: string;
  readonly type: string;
  readonly props: Props;
  readonly meta: ResourceMetadata | undefined;
  readonly line: number;
  /** The properties as written, before evaluation (to match a name built by the same expression). */
  readonly raw?: CfnValue;
  /** Set on resources an export generated around the design's own (network, roles...): what they belong to. */
  readonly generatedFor?: string;
  /** Created by the import for SAM's implicit APIs and for hosted zones known only by name. */
  readonly synthetic?: boolean;
}

interface Built {
  readonly name: string;
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly source: TemplateResource;
  readonly notes: string[];
}

type Handler = (
  resource: TemplateResource,
  importer: Importer,
) => { type: string; props: Record<string, unknown>; notes?: string[] } | { unmapped: string };

/** Network resources whose meaning the import keeps as zones and subnet tiers. */
const networkTypes = new Set([
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::EC2::RouteTable',
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::NetworkAcl',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::SubnetNetworkAclAssociation',
  'AWS::EC2::VPCCidrBlock',
  'AWS::EC2::EgressOnlyInternetGateway',
  'AWS::RDS::DBSubnetGroup',
]);

const zoneLetter = /^[a-z]{2}(?:-gov)?-[a-z]+-\d+([a-f])$/;

function letterOf(zone: Evaluated | undefined): string | undefined {
  return typeof zone === 'string' ? zoneLetter.exec(zone)?.[1] : undefined;
}

class Importer {
  readonly notes: string[] = [];
  readonly resources = new Map<string, TemplateResource>();
  readonly names = new Map<string, string>();
  readonly absorbed = new Map<string, string>();
  readonly zonesUsed = new Set<string>();
  private readonly publicRouteTables = new Set<string>();
  private readonly routeTableOfSubnet = new Map<string, string>();
  readonly fromCloudArch: boolean;
  /** SAM's `Globals.Function`, which every serverless function inherits. */
  samGlobals: Props = {};

  constructor(
    readonly region: string,
    resources: readonly TemplateResource[],
  ) {
    for (const resource of resources) this.resources.set(resource.id, resource);
    this.fromCloudArch = resources.some((resource) => resource.meta !== undefined);
    for (const route of this.ofType('AWS::EC2::Route')) {
      const destination = str(route.props.DestinationCidrBlock) ?? str(route.props.DestinationIpv6CidrBlock);
      const gateway = directRef(route.props.GatewayId);
      if (
        (destination === '0.0.0.0/0' || destination === '::/0') &&
        gateway !== undefined &&
        this.resources.get(gateway)?.type === 'AWS::EC2::InternetGateway'
      ) {
        const table = directRef(route.props.RouteTableId);
        if (table !== undefined) this.publicRouteTables.add(table);
      }
    }
    for (const association of this.ofType('AWS::EC2::SubnetRouteTableAssociation')) {
      const subnet = directRef(association.props.SubnetId);
      const table = directRef(association.props.RouteTableId);
      if (subnet !== undefined && table !== undefined) this.routeTableOfSubnet.set(subnet, table);
    }
  }

  ofType(...types: string[]): TemplateResource[] {
    return [...this.resources.values()].filter((resource) => types.includes(resource.type));
  }

  /** Resource id -> the ids of the resources whose properties mention it anywhere (built once). */
  private mentionedBy: Map<string, TemplateResource[]> | undefined;

  /** The resources of `types` whose property read by `read` refers to `id`. */
  referencing(id: string, types: readonly string[], read: (props: Props) => Evaluated | undefined): TemplateResource[] {
    if (this.mentionedBy === undefined) {
      // One pass over every resource's references, so finding the parts of a resource is not a scan of the template.
      this.mentionedBy = new Map();
      for (const resource of this.resources.values()) {
        for (const target of refIds(resource.props)) {
          const list = this.mentionedBy.get(target) ?? [];
          list.push(resource);
          this.mentionedBy.set(target, list);
        }
      }
    }
    return (this.mentionedBy.get(id) ?? []).filter(
      (resource) => types.includes(resource.type) && refIds(read(resource.props)).includes(id),
    );
  }

  absorb(part: TemplateResource, into: string): void {
    if (!this.absorbed.has(part.id)) this.absorbed.set(part.id, into);
  }

  /** The architecture name of the resource a value refers to (directly or inside a string). */
  nameOf(value: Evaluated | undefined): string | undefined {
    for (const id of refIds(value)) {
      const name = this.names.get(id);
      if (name !== undefined) return name;
    }
    return undefined;
  }

  namesOf(value: Evaluated | undefined, types?: readonly string[]): string[] {
    const found: string[] = [];
    for (const item of list(value)) {
      for (const id of refIds(item)) {
        const name = this.names.get(id);
        if (name === undefined || found.includes(name)) continue;
        if (
          types !== undefined &&
          !types.some(
            (type) =>
              this.catalogTypeOf(id) === type || (type.endsWith('*') && (this.catalogTypeOf(id) ?? '').startsWith(type.slice(0, -1))),
          )
        )
          continue;
        found.push(name);
      }
    }
    return found;
  }

  readonly catalogTypes = new Map<string, string>();

  catalogTypeOf(id: string): string | undefined {
    return this.catalogTypes.get(id);
  }

  /** Zones and tier of a list of subnets (or of one subnet). */
  placement(subnets: Evaluated | undefined): { zones: string[]; tier: 'public' | 'private' | undefined } {
    const zones: string[] = [];
    let anyPublic = false;
    let anyKnown = false;
    for (const item of list(subnets)) {
      const id = directRef(item);
      const subnet = id === undefined ? undefined : this.resources.get(id);
      if (subnet?.type !== 'AWS::EC2::Subnet') continue;
      anyKnown = true;
      const letter = letterOf(subnet.props.AvailabilityZone);
      if (letter !== undefined && !zones.includes(letter)) zones.push(letter);
      const table = this.routeTableOfSubnet.get(subnet.id);
      if (bool(subnet.props.MapPublicIpOnLaunch) === true || (table !== undefined && this.publicRouteTables.has(table))) anyPublic = true;
    }
    zones.sort();
    for (const zone of zones) this.zonesUsed.add(zone);
    return { zones, tier: anyKnown ? (anyPublic ? 'public' : 'private') : undefined };
  }

  zonesOf(letters: readonly (string | undefined)[]): string[] {
    const zones = [...new Set(letters.filter((letter): letter is string => letter !== undefined))].sort();
    for (const zone of zones) this.zonesUsed.add(zone);
    return zones;
  }

  /** Subnets of a DB subnet group (RDS, Aurora), for zones and tier. */
  subnetGroupPlacement(group: Evaluated | undefined): { zones: string[]; tier: 'public' | 'private' | undefined } {
    const id = directRef(group);
    const resource = id === undefined ? undefined : this.resources.get(id);
    if (resource === undefined) return { zones: [], tier: undefined };
    this.absorb(resource, 'zones and subnet tiers');
    return this.placement(resource.props.SubnetIds);
  }
}

/** Sets `key` when the value is defined. */
function put(props: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined && !(Array.isArray(value) && value.length === 0 && key !== 'ingress')) props[key] = value;
}

function enumValues(type: string, property: string): unknown[] {
  const shape: PropertyShape | undefined = resourceType(type)?.properties[property]?.shape;
  return shape?.kind === 'enum' ? shape.values.map((value) => value.value) : [];
}

/** The value if the catalog's enum for it allows it; otherwise a note and nothing. */
function enumOr(type: string, property: string, value: unknown, notes: string[]): unknown {
  if (value === undefined) return undefined;
  if (enumValues(type, property).includes(value)) return value;
  notes.push(`${property} \`${String(value)}\` is not one the catalog knows; left unset.`);
  return undefined;
}

/** Applies the placement of subnets to a VPC resource's props. */
function placeIn(
  props: Record<string, unknown>,
  placement: { zones: string[]; tier: 'public' | 'private' | undefined },
  zonal = true,
): void {
  if (zonal && placement.zones.length > 0) props.zones = placement.zones;
  if (placement.tier !== undefined) props.subnet = placement.tier;
}

function ec2Volumes(mappings: Evaluated | undefined): Record<string, unknown>[] {
  const volumes: Record<string, unknown>[] = [];
  for (const mapping of list(mappings)) {
    const ebs = obj(obj(mapping).Ebs);
    const size = int(ebs.VolumeSize);
    if (size === undefined) continue;
    const volume: Record<string, unknown> = {};
    const volumeType = str(ebs.VolumeType);
    if (volumeType !== undefined && ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1'].includes(volumeType)) volume.volumeType = volumeType;
    volume.sizeGB = size;
    put(volume, 'iops', int(ebs.Iops));
    put(volume, 'throughputMBps', int(ebs.Throughput));
    put(volume, 'encrypted', bool(ebs.Encrypted));
    put(volume, 'deleteOnTermination', bool(ebs.DeleteOnTermination));
    volumes.push(volume);
  }
  return volumes;
}

function httpTokens(options: Evaluated | undefined): string | undefined {
  const tokens = str(obj(options).HttpTokens);
  return tokens === 'required' || tokens === 'optional' ? tokens : undefined;
}

/** File systems named anywhere in a value (user data that mounts `${FileSystem}`). */
/** The log types a database or cluster publishes to CloudWatch Logs (`EnableCloudwatchLogsExports`). */
function logExportsOf(p: Props): string[] {
  return list(p.EnableCloudwatchLogsExports)
    .map(str)
    .filter((item): item is string => item !== undefined);
}

function fileSystemsIn(value: Evaluated | undefined, importer: Importer): string[] {
  return refIds(value)
    .filter((id) => ['aws.efs.filesystem', 'aws.fsx.filesystem'].includes(importer.catalogTypeOf(id) ?? ''))
    .map((id) => importer.names.get(id)!)
    .filter((name, index, all) => all.indexOf(name) === index);
}

/** What an instance or a launch template/configuration says about the machines. */
function machineProps(type: string, data: Props, importer: Importer, notes: string[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const instanceType = str(data.InstanceType);
  if (instanceType !== undefined) props.instanceType = instanceType;
  const image = str(data.ImageId);
  if (image !== undefined) props.ami = image;
  const groups = [
    ...importer.namesOf(data.SecurityGroupIds, ['aws.ec2.security-group']),
    ...importer.namesOf(data.SecurityGroups, ['aws.ec2.security-group']),
  ];
  const interfaces = list(data.NetworkInterfaces).map(obj);
  for (const networkInterface of interfaces)
    groups.push(...importer.namesOf(networkInterface.GroupSet ?? networkInterface.Groups, ['aws.ec2.security-group']));
  put(props, 'securityGroups', [...new Set(groups)]);
  put(props, 'volumes', ec2Volumes(data.BlockDeviceMappings));
  put(props, 'imdsv2', httpTokens(data.MetadataOptions));
  const hopLimit = int(obj(data.MetadataOptions).HttpPutResponseHopLimit);
  if (hopLimit !== undefined && hopLimit >= 1 && hopLimit <= 64) props.metadataHopLimit = hopLimit;
  put(props, 'keyPair', str(data.KeyName));
  const monitoring = data.Monitoring;
  put(
    props,
    'detailedMonitoring',
    typeof monitoring === 'object' && monitoring !== null ? bool(obj(monitoring).Enabled) : bool(monitoring ?? data.InstanceMonitoring),
  );
  put(props, 'fileSystems', fileSystemsIn(data.UserData, importer));
  const publicIp =
    bool(data.AssociatePublicIpAddress) ??
    interfaces.map((item) => bool(item.AssociatePublicIpAddress)).find((value) => value !== undefined);
  put(props, 'publicIp', publicIp);
  const market = str(obj(data.InstanceMarketOptions).MarketType);
  if (market === 'spot' || str(data.SpotPrice) !== undefined) props.purchase = 'spot';
  if (type !== '' && props.instanceType === undefined) {
    notes.push('the instance type is not known before deployment (a parameter without a value); t3.micro is assumed.');
    props.instanceType = 't3.micro';
  }
  return props;
}

function portOf(protocol: string, from: number | undefined, to: number | undefined): string | number {
  if (protocol === 'all' || from === undefined || from === -1 || (from <= 0 && (to ?? 65535) >= 65535)) return 'all';
  if (to === undefined || to === from || to === -1) return from;
  return `${from}-${to}`;
}

function protocolOf(value: Evaluated | undefined): string {
  const protocol = str(value)?.toLowerCase() ?? 'tcp';
  if (protocol === '-1' || protocol === 'all') return 'all';
  if (protocol === '6') return 'tcp';
  if (protocol === '17') return 'udp';
  if (protocol === '1') return 'icmp';
  return ['tcp', 'udp', 'icmp'].includes(protocol) ? protocol : 'all';
}

function ruleOf(rule: Props, direction: 'ingress' | 'egress', importer: Importer, notes: string[]): Record<string, unknown> | undefined {
  const protocol = protocolOf(rule.IpProtocol);
  const peerKey = direction === 'ingress' ? 'from' : 'to';
  const groupValue =
    direction === 'ingress' ? (rule.SourceSecurityGroupId ?? rule.SourceSecurityGroupName) : rule.DestinationSecurityGroupId;
  const peer = str(rule.CidrIp) ?? str(rule.CidrIpv6) ?? importer.nameOf(groupValue);
  if (peer === undefined) {
    notes.push(
      `an ${direction} rule names a peer that is not an architecture resource (a prefix list, a group of another stack, of an unmapped resource or a parameter); it is left out.`,
    );
    return undefined;
  }
  const out: Record<string, unknown> = { port: portOf(protocol, int(rule.FromPort), int(rule.ToPort)), protocol, [peerKey]: peer };
  const description = str(rule.Description);
  if (description !== undefined && description.length <= 255) out.description = description;
  return out;
}

const handlers: Readonly<Record<string, Handler>> = {
  'AWS::EC2::Instance': (resource, importer) => {
    const notes: string[] = [];
    const p = resource.props;
    const props = machineProps('aws.ec2.instance', p, importer, notes);
    const subnetValue =
      p.SubnetId ??
      list(p.NetworkInterfaces)
        .map((item) => obj(item).SubnetId)
        .find((item) => item !== undefined);
    const placement = importer.placement(subnetValue);
    placeIn(props, placement);
    const letter = letterOf(p.AvailabilityZone);
    if (letter !== undefined) props.zones = importer.zonesOf([letter]);
    if (subnetValue === undefined && !importer.fromCloudArch) {
      // Without a subnet, EC2 launches into the default VPC, whose subnets are public and give a public IP.
      props.subnet = 'public';
      props.publicIp ??= true;
      notes.push('no subnet is given, so the instance goes to the default VPC: a public subnet with a public IP.');
    }
    const eips = importer.referencing(resource.id, ['AWS::EC2::EIP', 'AWS::EC2::EIPAssociation'], (item) => item.InstanceId);
    if (eips.length > 0) {
      props.elasticIp = true;
      props.publicIp = true;
      for (const eip of eips) importer.absorb(eip, importer.names.get(resource.id)!);
    }
    put(props, 'terminationProtection', bool(p.DisableApiTermination));
    put(props, 'iamRole', typeof p.IamInstanceProfile === 'string' ? p.IamInstanceProfile : directRef(p.IamInstanceProfile));
    return { type: 'aws.ec2.instance', props, notes };
  },

  'AWS::AutoScaling::AutoScalingGroup': (resource, importer) => {
    const notes: string[] = [];
    const p = resource.props;
    const owner = importer.names.get(resource.id)!;
    const spec = obj(p.LaunchTemplate ?? obj(obj(p.MixedInstancesPolicy).LaunchTemplate).LaunchTemplateSpecification);
    const templateId = directRef(spec.LaunchTemplateId ?? spec.LaunchTemplateName);
    const configurationId = directRef(p.LaunchConfigurationName);
    let data: Props = {};
    for (const id of [templateId, configurationId]) {
      const part = id === undefined ? undefined : importer.resources.get(id);
      if (part === undefined) continue;
      importer.absorb(part, owner);
      data = part.type === 'AWS::EC2::LaunchTemplate' ? obj(part.props.LaunchTemplateData) : part.props;
    }
    if (templateId === undefined && configurationId === undefined)
      notes.push('the launch template is not in this template; the machines are described only by what the group says.');
    const props = machineProps('aws.autoscaling.group', data, importer, notes);
    const overrides = list(obj(obj(p.MixedInstancesPolicy).LaunchTemplate).Overrides).map(obj);
    if (props.instanceType === 't3.micro' && str(overrides[0]?.InstanceType) !== undefined)
      props.instanceType = str(overrides[0]!.InstanceType);
    const distribution = obj(obj(p.MixedInstancesPolicy).InstancesDistribution);
    if (num(distribution.OnDemandPercentageAboveBaseCapacity) === 0 && (num(distribution.OnDemandBaseCapacity) ?? 0) === 0)
      props.purchase = 'spot';
    const placement = importer.placement(p.VPCZoneIdentifier);
    placeIn(props, placement);
    if (placement.zones.length === 0) {
      const zones = importer.zonesOf(list(p.AvailabilityZones).map(letterOf));
      if (zones.length > 0) props.zones = zones;
    }
    const min = int(p.MinSize);
    const max = int(p.MaxSize);
    const desired = int(p.DesiredCapacity);
    put(props, 'min', min);
    put(props, 'max', max);
    if (desired !== undefined) props.desired = desired;
    else if (min !== undefined && !importer.fromCloudArch) {
      props.desired = min;
      notes.push(`no DesiredCapacity: the group starts at its MinSize, ${min}.`);
    }
    const healthCheck = str(p.HealthCheckType);
    if (healthCheck !== undefined) props.healthCheck = healthCheck.toLowerCase() === 'elb' ? 'elb' : 'ec2';
    put(props, 'healthCheckGracePeriodSeconds', int(p.HealthCheckGracePeriod));
    put(props, 'cooldownSeconds', int(p.Cooldown));
    put(props, 'capacityRebalance', bool(p.CapacityRebalance));
    for (const policy of importer.referencing(resource.id, ['AWS::AutoScaling::ScalingPolicy'], (item) => item.AutoScalingGroupName)) {
      importer.absorb(policy, owner);
      const tracking = obj(policy.props.TargetTrackingConfiguration);
      const metric = str(obj(tracking.PredefinedMetricSpecification).PredefinedMetricType);
      const target = num(tracking.TargetValue);
      if (target !== undefined && metric === 'ASGAverageCPUUtilization') props.scaling = { metric: 'cpu', target };
      else if (target !== undefined && metric === 'ALBRequestCountPerTarget') props.scaling = { metric: 'requests', target };
    }
    return { type: 'aws.autoscaling.group', props, notes };
  },

  'AWS::EC2::SecurityGroup': (resource, importer) => {
    const notes: string[] = [];
    const p = resource.props;
    const owner = importer.names.get(resource.id)!;
    const props: Record<string, unknown> = {};
    const description = str(p.GroupDescription);
    if (description !== undefined && description.length <= 255) props.description = description;
    const ingress = list(p.SecurityGroupIngress).map((rule) => ruleOf(obj(rule), 'ingress', importer, notes));
    const egress =
      p.SecurityGroupEgress === undefined
        ? undefined
        : list(p.SecurityGroupEgress).map((rule) => ruleOf(obj(rule), 'egress', importer, notes));
    for (const part of importer.referencing(resource.id, ['AWS::EC2::SecurityGroupIngress'], (item) => item.GroupId ?? item.GroupName)) {
      importer.absorb(part, owner);
      ingress.push(ruleOf(part.props, 'ingress', importer, notes));
    }
    const egressParts = importer.referencing(resource.id, ['AWS::EC2::SecurityGroupEgress'], (item) => item.GroupId);
    const egressRules = egress ?? (egressParts.length > 0 ? [] : undefined);
    for (const part of egressParts) {
      importer.absorb(part, owner);
      egressRules!.push(ruleOf(part.props, 'egress', importer, notes));
    }
    const kept = ingress.filter((rule): rule is Record<string, unknown> => rule !== undefined);
    if (kept.length > 0) props.ingress = kept;
    if (egressRules !== undefined) props.egress = egressRules.filter((rule): rule is Record<string, unknown> => rule !== undefined);
    return { type: 'aws.ec2.security-group', props, notes };
  },

  'AWS::EC2::Volume': (resource, importer) => {
    const notes: string[] = [];
    const p = resource.props;
    const props: Record<string, unknown> = {};
    const zones = importer.zonesOf([letterOf(p.AvailabilityZone)]);
    if (zones.length > 0) props.zones = zones;
    const volumeType = str(p.VolumeType);
    if (volumeType !== undefined) put(props, 'volumeType', enumOr('aws.ebs.volume', 'volumeType', volumeType, notes));
    const size = int(p.Size);
    if (size === undefined) notes.push('the volume size is not known (taken from a snapshot at deploy time); 8 GB is assumed.');
    props.sizeGB = size ?? 8;
    put(props, 'iops', int(p.Iops));
    put(props, 'throughputMBps', int(p.Throughput));
    put(props, 'encrypted', bool(p.Encrypted));
    put(props, 'multiAttach', bool(p.MultiAttachEnabled));
    const attachments = importer.referencing(resource.id, ['AWS::EC2::VolumeAttachment'], (item) => item.VolumeId);
    for (const attachment of attachments) importer.absorb(attachment, importer.names.get(resource.id)!);
    put(
      props,
      'attachedTo',
      importer.namesOf(
        attachments.map((attachment) => attachment.props.InstanceId ?? null),
        ['aws.ec2.instance'],
      ),
    );
    return { type: 'aws.ebs.volume', props, notes };
  },

  'AWS::ElasticLoadBalancingV2::LoadBalancer': (resource, importer) => {
    const notes: string[] = [];
    const p = resource.props;
    const owner = importer.names.get(resource.id)!;
    const type = importer.catalogTypeOf(resource.id)!;
    const props: Record<string, unknown> = {};
    const scheme = str(p.Scheme);
    if (scheme === 'internet-facing' || scheme === 'internal') props.scheme = scheme;
    const subnets = p.Subnets ?? list(p.SubnetMappings).map((mapping) => obj(mapping).SubnetId ?? null);
    const placement = importer.placement(subnets);
    placeIn(props, placement);
    if (placement.tier === undefined && !importer.fromCloudArch)
      props.subnet = (scheme ?? 'internet-facing') === 'internet-facing' ? 'public' : 'private';
    if (type !== 'aws.elb.gateway' || p.SecurityGroups !== undefined)
      put(props, 'securityGroups', importer.namesOf(p.SecurityGroups, ['aws.ec2.security-group']));
    for (const attribute of list(p.LoadBalancerAttributes).map(obj)) {
      const key = str(attribute.Key);
      const value = str(attribute.Value);
      if (key === 'deletion_protection.enabled') props.deletionProtection = value === 'true';
      if (key === 'access_logs.s3.enabled') props.accessLogging = value === 'true';
      if (key === 'routing.http.drop_invalid_header_fields.enabled' && type === 'aws.elb.application')
        props.dropInvalidHeaders = value === 'true';
      if (key === 'idle_timeout.timeout_seconds' && type === 'aws.elb.application') put(props, 'idleTimeoutSeconds', int(value));
      if (key === 'load_balancing.cross_zone.enabled' && type !== 'aws.elb.application') props.crossZone = value === 'true';
    }
    const listeners = importer.referencing(resource.id, ['AWS::ElasticLoadBalancingV2::Listener'], (item) => item.LoadBalancerArn);
    const targetGroups = new Set<string>();
    const listenerProps: Record<string, unknown>[] = [];
    const protocols = enumValues(type, 'listeners').length > 0 ? [] : listenerProtocols(type);
    for (const listener of listeners) {
      importer.absorb(listener, owner);
      const lp = listener.props;
      const actions = list(lp.DefaultActions).map(obj);
      const rules = importer.referencing(listener.id, ['AWS::ElasticLoadBalancingV2::ListenerRule'], (item) => item.ListenerArn);
      for (const rule of rules) importer.absorb(rule, owner);
      for (const action of [...actions, ...rules.flatMap((rule) => list(rule.props.Actions).map(obj))]) {
        for (const id of refIds(action.TargetGroupArn ?? null)) targetGroups.add(id);
        for (const group of list(obj(action.ForwardConfig).TargetGroups).map(obj))
          for (const id of refIds(group.TargetGroupArn ?? null)) targetGroups.add(id);
      }
      const port = int(lp.Port);
      const protocol = str(lp.Protocol);
      if (type === 'aws.elb.gateway' || port === undefined || protocol === undefined) continue;
      if (!protocols.includes(protocol)) {
        notes.push(`a listener with protocol ${protocol} is not one a ${type} listener takes here; left out.`);
        continue;
      }
      const entry: Record<string, unknown> = { port, protocol };
      const policy = str(lp.SslPolicy);
      if (policy !== undefined) {
        if (sslPolicies().includes(policy)) entry.sslPolicy = policy;
        else notes.push(`TLS policy ${policy} is not one the catalog knows; left unset.`);
      }
      const certificate = str(obj(list(lp.Certificates)[0]).CertificateArn);
      if (certificate !== undefined) entry.certificate = certificate;
      else if (list(lp.Certificates).length > 0) entry.certificate = 'certificate';
      if (
        type === 'aws.elb.application' &&
        protocol === 'HTTP' &&
        actions.some((action) => str(action.Type) === 'redirect' && str(obj(action.RedirectConfig).Protocol) === 'HTTPS')
      ) {
        entry.redirectToHttps = true;
      }
      listenerProps.push(entry);
    }
    if (listenerProps.length > 0) props.listeners = listenerProps;
    const targets: string[] = [];
    for (const groupId of targetGroups) {
      const group = importer.resources.get(groupId);
      if (group === undefined) continue;
      importer.absorb(group, owner);
      for (const name of targetsOfGroup(group, importer)) if (!targets.includes(name)) targets.push(name);
    }
    const allowed = (resourceType(type)?.properties.targets?.shape as { items?: { to?: string[] } } | undefined)?.items?.to ?? [];
    const kept = targets.filter((name) => {
      const id = [...importer.names].find(([, candidate]) => candidate === name)?.[0];
      const catalogType = id === undefined ? undefined : importer.catalogTypeOf(id);
      return catalogType !== undefined && allowed.includes(catalogType);
    });
    put(props, 'targets', kept);
    for (const association of importer.referencing(resource.id, ['AWS::WAFv2::WebACLAssociation'], (item) => item.ResourceArn)) {
      importer.absorb(association, owner);
      if (type === 'aws.elb.application') props.waf = true;
    }
    return { type, props, notes };
  },

  'AWS::EC2::NatGateway': (resource, importer) => {
    const p = resource.props;
    const props: Record<string, unknown> = {};
    placeIn(props, importer.placement(p.SubnetId));
    const connectivity = str(p.ConnectivityType);
    if (connectivity === 'public' || connectivity === 'private') props.connectivity = connectivity;
    const eip = directRef(p.AllocationId);
    const eipResource = eip === undefined ? undefined : importer.resources.get(eip);
    if (eipResource !== undefined) importer.absorb(eipResource, importer.names.get(resource.id)!);
    return { type: 'aws.vpc.nat-gateway', props };
  },

  'AWS::S3::Bucket': (resource, importer) => {
    const notes: string[] = [];
    const p = resource.props;
    const owner = importer.names.get(resource.id)!;
    const props: Record<string, unknown> = {};
    const status = str(obj(p.VersioningConfiguration).Status);
    if (status !== undefined) props.versioning = status === 'Enabled';
    const rules = list(obj(p.BucketEncryption).ServerSideEncryptionConfiguration).map(obj);
    const algorithm = str(obj(rules[0]?.ServerSideEncryptionByDefault).SSEAlgorithm);
    if (algorithm === 'AES256') props.encryption = 'SSE-S3';
    else if (algorithm !== undefined && algorithm.startsWith('aws:kms')) props.encryption = 'SSE-KMS';
    const block = obj(p.PublicAccessBlockConfiguration);
    const blocksPolicy = bool(block.BlockPublicPolicy) ?? p.PublicAccessBlockConfiguration === undefined;
    const blocksAcls = bool(block.BlockPublicAcls) ?? p.PublicAccessBlockConfiguration === undefined;
    const acl = str(p.AccessControl);
    let publicAccess: string | undefined;
    if (acl === 'PublicReadWrite' && !blocksAcls) publicAccess = 'public-read-write';
    else if (acl === 'PublicRead' && !blocksAcls) publicAccess = 'public-read';
    let requireTls: boolean | undefined;
    // A policy names its bucket by Ref, or by the same expression that names the bucket.
    const bucketName = JSON.stringify(rawProperty(resource, 'BucketName') ?? null);
    const policies = importer
      .ofType('AWS::S3::BucketPolicy')
      .filter(
        (policy) =>
          refIds(policy.props.Bucket ?? null).includes(resource.id) ||
          (bucketName !== 'null' && JSON.stringify(rawProperty(policy, 'Bucket') ?? null) === bucketName),
      );
    for (const policy of policies) {
      importer.absorb(policy, owner);
      for (const statement of list(obj(policy.props.PolicyDocument).Statement).map(obj)) {
        const principal = statement.Principal;
        const everyone = principal === '*' || str(obj(principal).AWS) === '*' || list(obj(principal).AWS).includes('*');
        const actions = list(statement.Action).map((action) => str(action) ?? '');
        const effect = str(statement.Effect);
        const secureTransport = obj(obj(statement.Condition).Bool)['aws:SecureTransport'];
        if (effect === 'Deny' && (secureTransport === false || secureTransport === 'false')) requireTls = true;
        if (effect === 'Allow' && everyone && statement.Condition === undefined && !blocksPolicy) {
          const writes = actions.some(
            (action) => action === 's3:*' || action === '*' || action.startsWith('s3:Put') || action.startsWith('s3:Delete'),
          );
          publicAccess = writes ? 'public-read-write' : (publicAccess ?? 'public-read');
        }
      }
    }
    if (publicAccess !== undefined) props.publicAccess = publicAccess;
    else if (
      p.PublicAccessBlockConfiguration !== undefined &&
      [block.BlockPublicAcls, block.BlockPublicPolicy, block.IgnorePublicAcls, block.RestrictPublicBuckets].every(
        (value) => bool(value) === true,
      )
    )
      props.publicAccess = 'blocked';
    put(props, 'requireTls', requireTls);
    const replication = list(obj(p.ReplicationConfiguration).Rules).map(obj)[0];
    if (replication !== undefined) {
      const to = importer.nameOf(obj(replication.Destination).Bucket);
      if (to !== undefined) props.replication = { to, kind: 'SRR' };
      else notes.push('replication goes to a bucket outside the template; not shown.');
    }
    if (p.LoggingConfiguration !== undefined) props.accessLogging = true;
    put(props, 'objectLock', bool(p.ObjectLockEnabled));
    const ownership = str(obj(list(obj(p.OwnershipControls).Rules)[0]).ObjectOwnership);
    put(props, 'objectOwnership', enumOr('aws.s3.bucket', 'objectOwnership', ownership, notes));
    if (p.WebsiteConfiguration !== undefined) props.website = true;
    if (str(obj(p.AccelerateConfiguration).AccelerationStatus) === 'Enabled') props.transferAcceleration = true;
    put(
      props,
      'notifications',
      importer.namesOf(
        list(obj(p.NotificationConfiguration).LambdaConfigurations).map((item) => obj(item).Function ?? null),
        ['aws.lambda.function'],
      ),
    );
    const lifecycle = lifecycleOf(p.LifecycleConfiguration);
    if (lifecycle !== undefined) props.lifecycle = lifecycle;
    return { type: 'aws.s3.bucket', props, notes };
  },

  'AWS::RDS::DBInstance': (resource, importer) => {
    const notes: string[] = [];
    const p = resource.props;
    const props: Record<string, unknown> = {};
    const sourceId = directRef(p.SourceDBInstanceIdentifier);
    const source = sourceId === undefined ? undefined : importer.resources.get(sourceId);
    const engine = rdsEngine(str(p.Engine) ?? str(source?.props.Engine));
    if (engine === undefined) return { unmapped: `engine ${str(p.Engine) ?? '(unknown)'} is not one aws.rds.instance models` };
    props.engine = engine;
    put(props, 'engineVersion', str(p.EngineVersion));
    const instanceClass = str(p.DBInstanceClass) ?? str(source?.props.DBInstanceClass);
    if (instanceClass === undefined) notes.push('the instance class is not known before deployment; db.t3.micro is assumed.');
    props.instanceClass = instanceClass ?? 'db.t3.micro';
    const multiAZ = bool(p.MultiAZ);
    put(props, 'multiAZ', multiAZ);
    const placement = importer.subnetGroupPlacement(p.DBSubnetGroupName);
    const letter = letterOf(p.AvailabilityZone);
    if (letter !== undefined) props.zones = importer.zonesOf([letter]);
    else if (placement.zones.length > 0 && !importer.fromCloudArch) props.zones = placement.zones.slice(0, multiAZ === true ? 2 : 1);
    else if (placement.zones.length > 0) props.zones = placement.zones;
    if (placement.tier !== undefined) props.subnet = placement.tier;
    const storage: Record<string, unknown> = {};
    const storageType = str(p.StorageType);
    if (storageType !== undefined) {
      if (['gp2', 'gp3', 'io1', 'io2'].includes(storageType)) storage.volumeType = storageType;
      else notes.push(`storage type ${storageType} is not one the catalog models; left unset.`);
    }
    const allocated = int(p.AllocatedStorage);
    if (allocated !== undefined && allocated < 20) {
      notes.push(
        `AllocatedStorage ${allocated} GB is below the 20 GB the catalog's storage types need (smaller sizes were magnetic storage); 20 GB is written.`,
      );
      storage.sizeGB = 20;
    } else put(storage, 'sizeGB', allocated);
    put(storage, 'iops', int(p.Iops));
    if (Object.keys(storage).length > 0) props.storage = storage;
    put(props, 'encrypted', bool(p.StorageEncrypted));
    put(props, 'backupRetentionDays', int(p.BackupRetentionPeriod));
    put(props, 'publiclyAccessible', bool(p.PubliclyAccessible));
    put(props, 'deletionProtection', bool(p.DeletionProtection));
    if (sourceId !== undefined) {
      const replicaOf = importer.names.get(sourceId);
      if (replicaOf !== undefined) props.replicaOf = replicaOf;
    }
    put(props, 'autoMinorVersionUpgrade', bool(p.AutoMinorVersionUpgrade));
    put(props, 'iamAuthentication', bool(p.EnableIAMDatabaseAuthentication));
    put(props, 'performanceInsights', bool(p.EnablePerformanceInsights));
    put(props, 'cloudwatchLogsExports', logExportsOf(p));
    put(props, 'port', int(p.Port));
    put(props, 'securityGroups', importer.namesOf(p.VPCSecurityGroups, ['aws.ec2.security-group']));
    return { type: 'aws.rds.instance', props, notes };
  },

  'AWS::RDS::DBCluster': (resource, importer) => {
    const notes: string[] = [];
    const p = resource.props;
    const owner = importer.names.get(resource.id)!;
    const props: Record<string, unknown> = {};
    const engine = str(p.Engine);
    if (engine === 'aurora' || engine === 'aurora-mysql') props.engine = 'aurora-mysql';
    else if (engine === 'aurora-postgresql') props.engine = 'aurora-postgresql';
    else return { unmapped: `engine ${engine ?? '(unknown)'} is not Aurora (Multi-AZ DB clusters of RDS are not in the catalog)` };
    put(props, 'engineVersion', str(p.EngineVersion));
    const members = importer.referencing(resource.id, ['AWS::RDS::DBInstance'], (item) => item.DBClusterIdentifier);
    for (const member of members) importer.absorb(member, owner);
    const instanceClass = members
      .map((member) => str(member.props.DBInstanceClass))
      .find((value) => value !== undefined && value !== 'db.serverless');
    put(props, 'instanceClass', instanceClass);
    const serverless = obj(p.ServerlessV2ScalingConfiguration);
    const v1 = obj(p.ScalingConfiguration);
    const minACU = num(serverless.MinCapacity) ?? num(v1.MinCapacity);
    const maxACU = num(serverless.MaxCapacity) ?? num(v1.MaxCapacity);
    if (minACU !== undefined || maxACU !== undefined || str(p.EngineMode) === 'serverless') {
      const scaling: Record<string, unknown> = {};
      put(scaling, 'minACU', minACU);
      put(scaling, 'maxACU', maxACU);
      props.serverless = scaling;
    }
    if (members.length > 0) props.instances = Math.min(16, members.length);
    else if (str(p.EngineMode) !== 'serverless' && !importer.fromCloudArch)
      notes.push('the template defines no DB instances for this cluster; the catalog default of one instance is assumed.');
    const placement = importer.subnetGroupPlacement(p.DBSubnetGroupName);
    const memberZones = importer.zonesOf(members.map((member) => letterOf(member.props.AvailabilityZone)));
    const clusterZones = importer.zonesOf(list(p.AvailabilityZones).map(letterOf));
    const zones = memberZones.length > 0 ? memberZones : clusterZones.length > 0 ? clusterZones : placement.zones;
    if (zones.length > 0) props.zones = zones;
    if (placement.tier !== undefined) props.subnet = placement.tier;
    put(props, 'encrypted', bool(p.StorageEncrypted));
    put(props, 'backupRetentionDays', int(p.BackupRetentionPeriod));
    put(props, 'deletionProtection', bool(p.DeletionProtection));
    put(props, 'iamAuthentication', bool(p.EnableIAMDatabaseAuthentication));
    const backtrack = num(p.BacktrackWindow);
    if (backtrack !== undefined) props.backtrackHours = backtrack / 3600;
    const publicMember = members.map((member) => bool(member.props.PubliclyAccessible)).find((value) => value !== undefined);
    put(props, 'publiclyAccessible', publicMember);
    put(
      props,
      'performanceInsights',
      members.map((member) => bool(member.props.EnablePerformanceInsights)).find((value) => value !== undefined),
    );
    put(props, 'cloudwatchLogsExports', logExportsOf(p));
    put(props, 'securityGroups', importer.namesOf(p.VpcSecurityGroupIds, ['aws.ec2.security-group']));
    return { type: 'aws.rds.aurora', props, notes };
  },

  'AWS::DynamoDB::Table': (resource) =>
    dynamoTable(resource.props, str(resource.props.BillingMode) === 'PAY_PER_REQUEST' ? 'on-demand' : 'provisioned'),
  'AWS::DynamoDB::GlobalTable': (resource, importer) => {
    const result = dynamoTable(resource.props, str(resource.props.BillingMode) === 'PAY_PER_REQUEST' ? 'on-demand' : 'provisioned');
    const regions = list(resource.props.Replicas)
      .map((replica) => str(obj(replica).Region))
      .filter((region): region is string => region !== undefined && region !== importer.region);
    if (regions.length > 0) result.props.globalTables = regions;
    return result;
  },
  'AWS::Serverless::SimpleTable': (resource) => {
    const result = dynamoTable(resource.props, resource.props.ProvisionedThroughput === undefined ? 'on-demand' : 'provisioned');
    return result;
  },

  'AWS::Lambda::Function': (resource, importer) => lambdaFunction(resource, importer, false),
  'AWS::Serverless::Function': (resource, importer) => lambdaFunction(resource, importer, true),

  'AWS::ApiGateway::RestApi': (resource, importer) => {
    const owner = importer.names.get(resource.id)!;
    const props: Record<string, unknown> = { kind: 'rest' };
    const endpoint = str(list(obj(resource.props.EndpointConfiguration).Types)[0])?.toLowerCase();
    if (endpoint === 'edge' || endpoint === 'regional' || endpoint === 'private') props.endpointType = endpoint;
    const integrations: string[] = [];
    const authorizations = new Set<string>();
    const methods = importer.referencing(resource.id, ['AWS::ApiGateway::Method'], (item) => item.RestApiId);
    let apiKeys = methods.length > 0;
    for (const method of methods) {
      importer.absorb(method, owner);
      for (const name of importer.namesOf([obj(method.props.Integration).Uri ?? null]))
        if (!integrations.includes(name)) integrations.push(name);
      const authorization = str(method.props.AuthorizationType) ?? 'NONE';
      authorizations.add(authorization);
      if (bool(method.props.ApiKeyRequired) !== true) apiKeys = false;
    }
    for (const part of importer.ofType(
      'AWS::ApiGateway::Resource',
      'AWS::ApiGateway::Deployment',
      'AWS::ApiGateway::Model',
      'AWS::ApiGateway::Authorizer',
      'AWS::ApiGateway::RequestValidator',
      'AWS::ApiGateway::GatewayResponse',
    )) {
      if (refIds(part.props.RestApiId ?? null).includes(resource.id)) importer.absorb(part, owner);
    }
    for (const stage of importer.referencing(resource.id, ['AWS::ApiGateway::Stage'], (item) => item.RestApiId)) {
      importer.absorb(stage, owner);
      if (stage.props.AccessLogSetting !== undefined) props.accessLogging = true;
      if (bool(stage.props.TracingEnabled) === true) props.tracing = true;
      if (bool(stage.props.CacheClusterEnabled) === true) props.cache = true;
    }
    if (authorizations.size > 0)
      props.authorization = authorizations.has('NONE')
        ? 'none'
        : authorizations.has('AWS_IAM')
          ? 'iam'
          : authorizations.has('CUSTOM')
            ? 'lambda'
            : 'cognito';
    if (apiKeys) props.apiKeyRequired = true;
    put(props, 'integrations', restrictTo(importer, integrations, 'aws.apigateway.api', 'integrations'));
    return { type: 'aws.apigateway.api', props };
  },

  'AWS::ApiGatewayV2::Api': (resource, importer) => {
    const owner = importer.names.get(resource.id)!;
    const protocol = str(resource.props.ProtocolType);
    const props: Record<string, unknown> = { kind: protocol === 'WEBSOCKET' ? 'websocket' : 'http' };
    const integrations = importer.namesOf([resource.props.Target ?? null]);
    for (const integration of importer.referencing(resource.id, ['AWS::ApiGatewayV2::Integration'], (item) => item.ApiId)) {
      importer.absorb(integration, owner);
      for (const name of importer.namesOf([integration.props.IntegrationUri ?? null]))
        if (!integrations.includes(name)) integrations.push(name);
    }
    for (const part of importer.ofType(
      'AWS::ApiGatewayV2::Route',
      'AWS::ApiGatewayV2::Stage',
      'AWS::ApiGatewayV2::Deployment',
      'AWS::ApiGatewayV2::Authorizer',
    )) {
      if (refIds(part.props.ApiId ?? null).includes(resource.id)) {
        importer.absorb(part, owner);
        if (part.type === 'AWS::ApiGatewayV2::Stage' && part.props.AccessLogSettings !== undefined) props.accessLogging = true;
      }
    }
    put(props, 'integrations', restrictTo(importer, integrations, 'aws.apigateway.api', 'integrations'));
    return { type: 'aws.apigateway.api', props };
  },

  'AWS::Serverless::Api': (resource, importer) => samApi(resource, importer, 'rest'),
  'AWS::Serverless::HttpApi': (resource, importer) => samApi(resource, importer, 'http'),

  'AWS::ECS::Service': (resource, importer) => {
    const notes: string[] = [];
    const p = resource.props;
    const owner = importer.names.get(resource.id)!;
    const props: Record<string, unknown> = {};
    const taskId = directRef(p.TaskDefinition);
    const task = taskId === undefined ? undefined : importer.resources.get(taskId);
    if (task !== undefined) importer.absorb(task, owner);
    const clusterId = directRef(p.Cluster);
    const cluster = clusterId === undefined ? undefined : importer.resources.get(clusterId);
    if (cluster !== undefined) importer.absorb(cluster, owner);
    const strategy = list(p.CapacityProviderStrategy).map((item) => str(obj(item).CapacityProvider));
    const launchType = str(p.LaunchType);
    const compatibilities = list(task?.props.RequiresCompatibilities).map(str);
    if (
      launchType === 'FARGATE' ||
      strategy.some((item) => item?.startsWith('FARGATE')) ||
      (launchType === undefined && compatibilities.includes('FARGATE'))
    )
      props.launchType = 'fargate';
    else if (launchType === 'EC2' || compatibilities.includes('EC2')) props.launchType = 'ec2';
    if (strategy.length > 0 && strategy.every((item) => item === 'FARGATE_SPOT')) props.purchase = 'spot';
    put(props, 'desiredCount', int(p.DesiredCount));
    const network = obj(obj(p.NetworkConfiguration).AwsvpcConfiguration);
    placeIn(props, importer.placement(network.Subnets));
    put(props, 'securityGroups', importer.namesOf(network.SecurityGroups, ['aws.ec2.security-group']));
    if (str(network.AssignPublicIp) === 'ENABLED') props.assignPublicIp = true;
    if (task !== undefined) {
      const cpu = int(task.props.Cpu);
      if (cpu !== undefined) put(props, 'cpu', enumOr('aws.ecs.service', 'cpu', cpu, notes));
      put(props, 'memory', int(task.props.Memory));
      const container = obj(list(task.props.ContainerDefinitions)[0]);
      put(props, 'image', str(container.Image));
      const port = int(obj(list(container.PortMappings)[0]).ContainerPort);
      put(props, 'containerPort', port);
      put(props, 'privileged', bool(container.Privileged));
      put(props, 'readonlyRootFilesystem', bool(container.ReadonlyRootFilesystem));
      const user = str(container.User);
      if (user !== undefined) props.runAsNonRoot = user !== 'root' && user !== '0' && !user.startsWith('0:');
      if (container.LogConfiguration !== undefined) props.logging = true;
      put(
        props,
        'fileSystems',
        importer.namesOf(
          list(task.props.Volumes).map((volume) => obj(obj(volume).EFSVolumeConfiguration).FilesystemId ?? null),
          ['aws.efs.filesystem'],
        ),
      );
    }
    const breaker = bool(obj(obj(p.DeploymentConfiguration).DeploymentCircuitBreaker).Enable);
    put(props, 'circuitBreaker', breaker);
    put(props, 'executeCommand', bool(p.EnableExecuteCommand));
    return { type: 'aws.ecs.service', props, notes };
  },

  'AWS::CloudFront::Distribution': (resource, importer) => {
    const notes: string[] = [];
    const config = obj(resource.props.DistributionConfig);
    const owner = importer.names.get(resource.id)!;
    const props: Record<string, unknown> = {};
    const origins = list(config.Origins).map(obj);
    const originNames: string[] = [];
    let accessControl = false;
    for (const origin of origins) {
      const name = importer.nameOf(origin.DomainName);
      if (name !== undefined && !originNames.includes(name)) originNames.push(name);
      else if (name === undefined)
        notes.push(
          `origin ${str(origin.Id) ?? ''} is outside the template (${str(origin.DomainName) ?? 'a value known at deploy time'}); not shown.`,
        );
      const oac = directRef(origin.OriginAccessControlId);
      if (oac !== undefined) {
        accessControl = true;
        const part = importer.resources.get(oac);
        if (part !== undefined) importer.absorb(part, owner);
      }
      const identity = obj(origin.S3OriginConfig).OriginAccessIdentity;
      if (identity !== undefined && identity !== '') {
        accessControl = true;
        for (const id of refIds(identity)) {
          const part = importer.resources.get(id);
          if (part !== undefined) importer.absorb(part, owner);
        }
      }
    }
    put(props, 'origins', restrictTo(importer, originNames, 'aws.cloudfront.distribution', 'origins'));
    if ((int(obj(config.OriginGroups).Quantity) ?? 0) > 0) props.originFailover = true;
    const behavior = obj(config.DefaultCacheBehavior);
    put(props, 'viewerProtocol', enumOr('aws.cloudfront.distribution', 'viewerProtocol', str(behavior.ViewerProtocolPolicy), notes));
    const custom = origins.map((origin) => str(obj(origin.CustomOriginConfig).OriginProtocolPolicy)).find((value) => value !== undefined);
    put(props, 'originProtocol', enumOr('aws.cloudfront.distribution', 'originProtocol', custom, notes));
    put(
      props,
      'minimumTlsVersion',
      enumOr('aws.cloudfront.distribution', 'minimumTlsVersion', str(obj(config.ViewerCertificate).MinimumProtocolVersion), notes),
    );
    if (config.WebACLId !== undefined) props.waf = true;
    if (accessControl) props.originAccessControl = true;
    if (config.Logging !== undefined) props.accessLogging = true;
    put(props, 'priceClass', enumOr('aws.cloudfront.distribution', 'priceClass', str(config.PriceClass), notes));
    put(props, 'defaultRootObject', str(config.DefaultRootObject) || undefined);
    const restriction = str(obj(obj(config.Restrictions).GeoRestriction).RestrictionType);
    if (restriction !== undefined) props.geoRestriction = restriction !== 'none';
    return { type: 'aws.cloudfront.distribution', props, notes };
  },

  'AWS::Route53::HostedZone': (resource, importer) => route53Zone(resource, importer),
  'AWS::Route53::RecordSet': (resource, importer) => route53Zone(resource, importer),
  'AWS::Route53::RecordSetGroup': (resource, importer) => route53Zone(resource, importer),

  'AWS::EFS::FileSystem': (resource, importer) => {
    const notes: string[] = [];
    const p = resource.props;
    const owner = importer.names.get(resource.id)!;
    const props: Record<string, unknown> = {};
    const mounts = importer.referencing(resource.id, ['AWS::EFS::MountTarget'], (item) => item.FileSystemId);
    const groups: string[] = [];
    for (const mount of mounts) {
      importer.absorb(mount, owner);
      for (const group of importer.namesOf(mount.props.SecurityGroups, ['aws.ec2.security-group']))
        if (!groups.includes(group)) groups.push(group);
    }
    for (const point of importer.referencing(resource.id, ['AWS::EFS::AccessPoint'], (item) => item.FileSystemId))
      importer.absorb(point, owner);
    const placement = importer.placement(mounts.map((mount) => mount.props.SubnetId ?? null));
    placeIn(props, placement);
    if (p.AvailabilityZoneName !== undefined) {
      props.deployment = 'one-zone';
      const zones = importer.zonesOf([letterOf(p.AvailabilityZoneName)]);
      if (zones.length > 0) props.zones = zones;
    }
    put(props, 'securityGroups', groups);
    put(props, 'performanceMode', enumOr('aws.efs.filesystem', 'performanceMode', str(p.PerformanceMode), notes));
    put(props, 'throughputMode', enumOr('aws.efs.filesystem', 'throughputMode', str(p.ThroughputMode), notes));
    put(props, 'provisionedThroughputMBps', num(p.ProvisionedThroughputInMibps));
    put(props, 'encrypted', bool(p.Encrypted));
    const transition = list(p.LifecyclePolicies)
      .map((item) => str(obj(item).TransitionToIA))
      .find((value) => value !== undefined);
    put(props, 'lifecyclePolicy', enumOr('aws.efs.filesystem', 'lifecyclePolicy', transition, notes));
    const backup = str(obj(p.BackupPolicy).Status);
    if (backup !== undefined) props.backup = backup === 'ENABLED';
    return { type: 'aws.efs.filesystem', props, notes };
  },

  'AWS::FSx::FileSystem': (resource, importer) => {
    const p = resource.props;
    const kind = str(p.FileSystemType)?.toLowerCase();
    if (kind !== 'windows' && kind !== 'lustre')
      return { unmapped: `FSx for ${str(p.FileSystemType) ?? '(unknown)'} is not in the catalog (only Windows File Server and Lustre)` };
    const props: Record<string, unknown> = { kind };
    const capacity = int(p.StorageCapacity);
    props.storageCapacityGB = capacity ?? 1200;
    const notes = capacity === undefined ? ['the storage capacity is not known; 1,200 GB is assumed.'] : [];
    placeIn(props, importer.placement(p.SubnetIds));
    put(props, 'securityGroups', importer.namesOf(p.SecurityGroupIds, ['aws.ec2.security-group']));
    const storageType = str(p.StorageType)?.toLowerCase();
    if (storageType === 'ssd' || storageType === 'hdd') props.storageType = storageType;
    return { type: 'aws.fsx.filesystem', props, notes };
  },
};

function listenerProtocols(type: string): string[] {
  const shape = resourceType(type)?.properties.listeners?.shape;
  if (shape?.kind !== 'list' || shape.items.kind !== 'object') return [];
  const protocol = shape.items.properties.protocol?.shape;
  return protocol?.kind === 'enum' ? protocol.values.map((value) => String(value.value)) : [];
}

function sslPolicies(): string[] {
  const shape = resourceType('aws.elb.application')?.properties.listeners?.shape;
  if (shape?.kind !== 'list' || shape.items.kind !== 'object') return [];
  const policy = shape.items.properties.sslPolicy?.shape;
  return policy?.kind === 'enum' ? policy.values.map((value) => String(value.value)) : [];
}

/** Names whose catalog type a reference property of `type` accepts. */
function restrictTo(importer: Importer, names: readonly string[], type: string, property: string): string[] {
  const shape = resourceType(type)?.properties[property]?.shape;
  const patterns = shape?.kind === 'list' && shape.items.kind === 'reference' ? shape.items.to : [];
  const typeOfName = new Map([...importer.names].map(([id, name]) => [name, importer.catalogTypeOf(id) ?? '']));
  return names.filter((name) => {
    const catalogType = typeOfName.get(name) ?? '';
    return patterns.some((pattern) => pattern === catalogType || (pattern.endsWith('*') && catalogType.startsWith(pattern.slice(0, -1))));
  });
}

/** The architecture resources a target group sends to: its instances, and the groups and services that register with it. */
function targetsOfGroup(group: TemplateResource, importer: Importer): string[] {
  const names = importer.namesOf(list(group.props.Targets).map((target) => obj(target).Id ?? null));
  for (const asg of importer.referencing(group.id, ['AWS::AutoScaling::AutoScalingGroup'], (item) => item.TargetGroupARNs))
    names.push(importer.names.get(asg.id)!);
  for (const service of importer.referencing(group.id, ['AWS::ECS::Service'], (item) =>
    list(item.LoadBalancers).map((lb) => obj(lb).TargetGroupArn ?? null),
  ))
    names.push(importer.names.get(service.id)!);
  return names.filter((name): name is string => name !== undefined);
}

function rawProperty(resource: TemplateResource, key: string): CfnValue | undefined {
  const raw = resource.raw;
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw[key] : undefined;
}

function rdsEngine(engine: string | undefined): string | undefined {
  if (engine === undefined) return undefined;
  const lower = engine.toLowerCase();
  if (lower === 'mysql' || lower === 'postgres' || lower === 'mariadb') return lower;
  if (lower.startsWith('oracle')) return 'oracle';
  if (lower.startsWith('sqlserver')) return 'sqlserver';
  return undefined;
}

function lifecycleOf(configuration: Evaluated | undefined): Record<string, unknown> | undefined {
  const rules = list(obj(configuration).Rules)
    .map(obj)
    .filter((rule) => str(rule.Status) !== 'Disabled');
  if (rules.length === 0) return undefined;
  const lifecycle: Record<string, unknown> = {};
  const transitions: Record<string, unknown>[] = [];
  const classes = ['INTELLIGENT_TIERING', 'STANDARD_IA', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'];
  for (const rule of rules) {
    for (const transition of [...list(rule.Transitions), ...(rule.Transition === undefined ? [] : [rule.Transition])].map(obj)) {
      const days = int(transition.TransitionInDays);
      const storageClass = str(transition.StorageClass);
      if (days !== undefined && storageClass !== undefined && classes.includes(storageClass))
        transitions.push({ afterDays: days, storageClass });
    }
    put(lifecycle, 'expireAfterDays', int(rule.ExpirationInDays));
    put(
      lifecycle,
      'noncurrentExpireAfterDays',
      int(obj(rule.NoncurrentVersionExpiration).NoncurrentDays) ?? int(rule.NoncurrentVersionExpirationInDays),
    );
  }
  if (transitions.length > 0) lifecycle.transitions = transitions;
  return Object.keys(lifecycle).length > 0 ? lifecycle : undefined;
}

function dynamoTable(
  p: Props,
  capacityMode: 'on-demand' | 'provisioned',
): { type: string; props: Record<string, unknown>; notes: string[] } {
  const props: Record<string, unknown> = { capacityMode };
  const throughput = obj(p.ProvisionedThroughput);
  if (capacityMode === 'provisioned') {
    put(props, 'readCapacityUnits', int(throughput.ReadCapacityUnits));
    put(props, 'writeCapacityUnits', int(throughput.WriteCapacityUnits));
  }
  const pitr = bool(obj(p.PointInTimeRecoverySpecification).PointInTimeRecoveryEnabled);
  put(props, 'pointInTimeRecovery', pitr);
  const sse = obj(p.SSESpecification);
  if (bool(sse.SSEEnabled) === true) props.encryption = sse.KMSMasterKeyId !== undefined ? 'customer-managed' : 'aws-managed';
  if (p.StreamSpecification !== undefined) props.streams = true;
  put(props, 'ttl', bool(obj(p.TimeToLiveSpecification).Enabled));
  if (str(p.TableClass) === 'STANDARD_INFREQUENT_ACCESS') props.tableClass = 'standard-ia';
  else if (str(p.TableClass) === 'STANDARD') props.tableClass = 'standard';
  put(props, 'deletionProtection', bool(p.DeletionProtectionEnabled));
  return { type: 'aws.dynamodb.table', props, notes: [] };
}

function lambdaFunction(
  resource: TemplateResource,
  importer: Importer,
  sam: boolean,
): { type: string; props: Record<string, unknown>; notes: string[] } {
  const notes: string[] = [];
  const owner = importer.names.get(resource.id)!;
  const p = { ...(sam ? importer.samGlobals : {}), ...resource.props };
  const props: Record<string, unknown> = {};
  put(props, 'memoryMB', int(p.MemorySize));
  put(props, 'timeoutSeconds', int(p.Timeout));
  const runtime = str(p.Runtime);
  if (str(p.PackageType) === 'Image') props.runtime = 'container-image';
  else if (runtime !== undefined) put(props, 'runtime', enumOr('aws.lambda.function', 'runtime', runtime, notes));
  const architecture = str(list(p.Architectures)[0]);
  if (architecture === 'arm64' || architecture === 'x86_64') props.architecture = architecture;
  const vpc = obj(p.VpcConfig);
  if (list(vpc.SubnetIds).length > 0 || vpc.SubnetIds instanceof Unknown) props.inVpc = true;
  put(props, 'securityGroups', importer.namesOf(vpc.SecurityGroupIds, ['aws.ec2.security-group']));
  put(props, 'reservedConcurrency', int(p.ReservedConcurrentExecutions));
  const tracing = sam ? str(p.Tracing) : str(obj(p.TracingConfig).Mode);
  if (tracing === 'Active') props.tracing = true;
  if (p.DeadLetterConfig !== undefined || p.DeadLetterQueue !== undefined) props.deadLetterQueue = true;
  const variables = obj(obj(p.Environment).Variables);
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(variables))
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') environment[key] = String(value);
  if (Object.keys(environment).length > 0) props.environment = environment;
  const urls = importer.referencing(resource.id, ['AWS::Lambda::Url'], (item) => item.TargetFunctionArn);
  for (const url of urls) importer.absorb(url, owner);
  const authType = str((urls[0]?.props ?? obj(p.FunctionUrlConfig)).AuthType);
  if (authType === 'NONE') props.functionUrl = 'public';
  else if (authType === 'AWS_IAM') props.functionUrl = 'iam';
  for (const permission of importer.referencing(resource.id, ['AWS::Lambda::Permission'], (item) => item.FunctionName))
    importer.absorb(permission, owner);
  return { type: 'aws.lambda.function', props, notes };
}

function samApi(
  resource: TemplateResource,
  importer: Importer,
  kind: 'rest' | 'http',
): { type: string; props: Record<string, unknown>; notes: string[] } {
  const props: Record<string, unknown> = { kind };
  const integrations: string[] = [];
  for (const fn of importer.ofType('AWS::Serverless::Function')) {
    for (const event of Object.values(obj(fn.props.Events)).map(obj)) {
      const eventType = str(event.Type);
      if (eventType !== (kind === 'rest' ? 'Api' : 'HttpApi')) continue;
      const apiId = directRef(obj(event.Properties).RestApiId ?? obj(event.Properties).ApiId);
      const implicit = kind === 'rest' ? 'ServerlessRestApi' : 'ServerlessHttpApi';
      if ((apiId ?? implicit) !== resource.id) continue;
      const name = importer.names.get(fn.id);
      if (name !== undefined && !integrations.includes(name)) integrations.push(name);
    }
  }
  put(props, 'integrations', integrations);
  const auth = obj(resource.props.Auth);
  if (auth.DefaultAuthorizer !== undefined)
    props.authorization = str(auth.DefaultAuthorizer) === 'AWS_IAM' ? 'iam' : kind === 'http' ? 'jwt' : 'cognito';
  if (resource.props.AccessLogSetting !== undefined || resource.props.AccessLogSettings !== undefined) props.accessLogging = true;
  if (bool(resource.props.TracingEnabled) === true) props.tracing = true;
  const notes = resource.synthetic ? ["SAM creates this API implicitly for the functions' Api events."] : [];
  return { type: 'aws.apigateway.api', props, notes };
}

/** A hosted zone with its record sets, or, when the zone is not in the template, a zone made from its record sets. */
function route53Zone(
  resource: TemplateResource,
  importer: Importer,
): { type: string; props: Record<string, unknown>; notes: string[] } | { unmapped: string } {
  const notes: string[] = [];
  const owner = importer.names.get(resource.id)!;
  const props: Record<string, unknown> = {};
  let records: TemplateResource[];
  let domain: string | undefined;
  if (resource.type === 'AWS::Route53::HostedZone') {
    domain = str(resource.props.Name);
    records = importer
      .ofType('AWS::Route53::RecordSet', 'AWS::Route53::RecordSetGroup')
      .filter(
        (record) =>
          refIds(record.props.HostedZoneId ?? null).includes(resource.id) ||
          (domain !== undefined && sameDomain(str(record.props.HostedZoneName), domain)),
      );
    if (list(resource.props.VPCs).length > 0) props.private = true;
    if (resource.props.QueryLoggingConfig !== undefined) props.queryLogging = true;
  } else {
    domain = str(resource.props.HostedZoneName) ?? str(resource.props.Name);
    records = importer
      .ofType('AWS::Route53::RecordSet', 'AWS::Route53::RecordSetGroup')
      .filter((record) => recordZoneKey(record) === recordZoneKey(resource));
    notes.push('the hosted zone itself is not in the template; this zone stands for the records the template adds to it.');
  }
  if (domain === undefined) {
    domain = 'example.com';
    notes.push('the domain is not known before deployment; example.com is written in its place.');
  }
  props.domain = domain.replace(/\.$/, '');
  const targets: string[] = [];
  let routing: string | undefined;
  let healthChecks = false;
  for (const record of records) {
    if (record.id !== resource.id) importer.absorb(record, owner);
    const sets = record.type === 'AWS::Route53::RecordSetGroup' ? list(record.props.RecordSets).map(obj) : [record.props];
    for (const set of sets) {
      for (const name of importer.namesOf([obj(set.AliasTarget).DNSName ?? null, ...list(set.ResourceRecords)]))
        if (!targets.includes(name)) targets.push(name);
      if (set.Failover !== undefined) routing = 'failover';
      else if (set.Weight !== undefined) routing ??= 'weighted';
      else if (set.Region !== undefined) routing ??= 'latency';
      else if (set.GeoLocation !== undefined) routing ??= 'geolocation';
      if (set.HealthCheckId !== undefined || bool(obj(set.AliasTarget).EvaluateTargetHealth) === true) healthChecks = true;
    }
  }
  if (routing !== undefined) props.routing = routing;
  put(props, 'targets', restrictTo(importer, targets, 'aws.route53.zone', 'targets'));
  if (healthChecks) props.healthChecks = true;
  return { type: 'aws.route53.zone', props, notes };
}

function sameDomain(a: string | undefined, b: string): boolean {
  return a !== undefined && a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();
}

function recordZoneKey(record: TemplateResource): string {
  const name = str(record.props.HostedZoneName);
  if (name !== undefined) return `name:${name.replace(/\.$/, '').toLowerCase()}`;
  const id = str(record.props.HostedZoneId);
  return id !== undefined ? `id:${id}` : `record:${record.id}`;
}

/** Why a template resource that is not mapped is left out. */
function unmappedReason(cfnType: string): string {
  if (cfnType.startsWith('AWS::IAM::'))
    return "IAM roles, policies and profiles are not modelled; the architecture states permissions only where a property says so (an instance's iamRole)";
  if (cfnType.startsWith('AWS::KMS::')) return "KMS keys are not modelled; a resource's encryption property says whether it is encrypted";
  if (cfnType.startsWith('Custom::') || cfnType === 'AWS::CloudFormation::CustomResource')
    return 'a custom resource runs code at deploy time; what it creates cannot be known';
  if (cfnType.startsWith('AWS::CloudFormation::'))
    return 'a CloudFormation mechanism (wait condition, nested stack, macro), not part of the architecture';
  if (cfnType === 'AWS::CDK::Metadata') return "the CDK's own record of the constructs used; nothing is deployed";
  if (cfnType === 'AWS::ElasticLoadBalancing::LoadBalancer')
    return 'the Classic Load Balancer is not in the catalog (Application, Network and Gateway Load Balancers are)';
  return `the catalog has no type for ${cfnType}`;
}

/** Properties of a generic mapping: the type's required properties must be derivable, or it is not mapped. */
function genericHandler(catalogType: string): Handler {
  return (resource, importer) => {
    const props: Record<string, unknown> = {};
    const def = resourceType(catalogType)!;
    if (def.inVpc) {
      const p = resource.props;
      const vpc = obj(p.VpcConfiguration ?? p.VpcConfig ?? p.ComputeResources ?? p.Instances);
      placeIn(props, importer.placement(p.SubnetIds ?? p.SubnetId ?? vpc.SubnetIds ?? vpc.Subnets ?? vpc.Ec2SubnetId ?? null), def.zonal);
      put(
        props,
        'securityGroups',
        importer.namesOf(p.VpcSecurityGroupIds ?? p.SecurityGroupIds ?? vpc.SecurityGroupIds ?? vpc.SecurityGroups ?? null, [
          'aws.ec2.security-group',
        ]),
      );
    }
    const known = genericReaders[catalogType]?.(resource.props, importer) ?? {};
    Object.assign(props, known);
    const fromMetadata = resource.meta?.properties ?? {};
    const missing = Object.entries(def.properties)
      .filter(
        ([key, property]) => property.required === true && key !== 'type' && props[key] === undefined && fromMetadata[key] === undefined,
      )
      .map(([key]) => key);
    if (missing.length > 0) return { unmapped: `${catalogType} needs ${missing.join(', ')}, which the template does not say` };
    return { type: catalogType, props };
  };
}

/** What can be read of the less common types; the rest comes from CloudArch metadata when present. */
const genericReaders: Readonly<Record<string, (p: Props, importer: Importer) => Record<string, unknown>>> = {
  'aws.redshift.cluster': (p) => {
    const props: Record<string, unknown> = {};
    const nodeType = str(p.NodeType);
    if (nodeType !== undefined && enumValues('aws.redshift.cluster', 'nodeType').includes(nodeType)) props.nodeType = nodeType;
    props.nodes = str(p.ClusterType) === 'single-node' ? 1 : (int(p.NumberOfNodes) ?? 2);
    put(props, 'encrypted', bool(p.Encrypted));
    put(props, 'publiclyAccessible', bool(p.PubliclyAccessible));
    put(props, 'multiAZ', bool(p.MultiAZ));
    put(props, 'enhancedVpcRouting', bool(p.EnhancedVpcRouting));
    put(props, 'snapshotRetentionDays', int(p.AutomatedSnapshotRetentionPeriod));
    if (p.LoggingProperties !== undefined) props.auditLogging = true;
    return props;
  },
  'aws.emr.cluster': (p) => {
    const props: Record<string, unknown> = {};
    put(props, 'releaseLabel', str(p.ReleaseLabel));
    const instances = obj(p.Instances);
    const group = (value: Evaluated | undefined): Record<string, unknown> | undefined => {
      const g = obj(value);
      const instanceType = str(g.InstanceType);
      const count = int(g.InstanceCount);
      if (instanceType === undefined && count === undefined) return undefined;
      const out: Record<string, unknown> = {};
      put(out, 'instanceType', instanceType);
      put(out, 'count', count);
      if (str(g.Market) === 'SPOT') out.purchase = 'spot';
      return out;
    };
    put(props, 'master', group(instances.MasterInstanceGroup));
    put(props, 'core', group(instances.CoreInstanceGroup));
    put(props, 'terminationProtection', bool(instances.TerminationProtected));
    const applications = list(p.Applications)
      .map((item) => str(obj(item).Name)?.toLowerCase())
      .filter((name): name is string => name !== undefined);
    const allowed =
      (resourceType('aws.emr.cluster')?.properties.applications?.shape as { items?: { values?: { value: unknown }[] } }).items?.values?.map(
        (value) => value.value,
      ) ?? [];
    put(
      props,
      'applications',
      applications.filter((name) => allowed.includes(name)),
    );
    return props;
  },
  'aws.elasticbeanstalk.environment': (p) => {
    const props: Record<string, unknown> = {};
    const stack = (str(p.SolutionStackName) ?? str(p.PlatformArn) ?? '').toLowerCase();
    const platform = [
      ['node.js', 'nodejs'],
      ['python', 'python'],
      ['tomcat', 'java'],
      ['java', 'java'],
      ['.net', 'dotnet'],
      ['php', 'php'],
      ['ruby', 'ruby'],
      [' go ', 'go'],
      ['docker', 'docker'],
    ].find(([needle]) => stack.includes(needle!));
    if (platform !== undefined) props.platform = platform[1];
    if (str(p.Tier && obj(p.Tier).Name) === 'Worker') props.tier = 'worker';
    return props;
  },
  'aws.athena.workgroup': (p, importer) => {
    const props: Record<string, unknown> = {};
    const configuration = obj(p.WorkGroupConfiguration);
    put(props, 'resultsBucket', importer.nameOf(obj(configuration.ResultConfiguration).OutputLocation));
    put(props, 'enforceConfiguration', bool(configuration.EnforceWorkGroupConfiguration));
    put(props, 'bytesScannedCutoffPerQuery', int(configuration.BytesScannedCutoffPerQuery));
    const option = str(obj(obj(configuration.ResultConfiguration).EncryptionConfiguration).EncryptionOption);
    if (option !== undefined && ['SSE_S3', 'SSE_KMS', 'CSE_KMS'].includes(option)) props.encryption = option.replace('_', '-');
    return props;
  },
  'aws.glue.crawler': (p, importer) => {
    const targets = obj(p.Targets);
    const paths = [
      ...list(targets.S3Targets).map((item) => obj(item).Path ?? null),
      ...list(targets.DynamoDBTargets).map((item) => obj(item).Path ?? null),
    ];
    const names = importer.namesOf(paths);
    return names.length > 0 ? { targets: names } : {};
  },
  'aws.docdb.cluster': (p, importer) => clusterOf(p, importer, 'AWS::DocDB::DBInstance'),
  'aws.neptune.cluster': (p, importer) => clusterOf(p, importer, 'AWS::Neptune::DBInstance'),
  'aws.batch.environment': (p) => {
    const resources = obj(p.ComputeResources);
    const props: Record<string, unknown> = {};
    const type = str(resources.Type)?.toLowerCase().replace('_', '-');
    if (type !== undefined && ['ec2', 'spot', 'fargate', 'fargate-spot'].includes(type)) props.computeType = type;
    put(props, 'maxvCpus', int(resources.MaxvCpus));
    put(props, 'minvCpus', int(resources.MinvCpus));
    if (str(p.Type) === 'UNMANAGED') props.managed = false;
    return props;
  },
  'aws.qldb.ledger': (p) => {
    const props: Record<string, unknown> = {};
    const mode = str(p.PermissionsMode);
    if (mode === 'STANDARD') props.permissionsMode = 'standard';
    if (mode === 'ALLOW_ALL') props.permissionsMode = 'allow-all';
    put(props, 'deletionProtection', bool(p.DeletionProtection));
    return props;
  },
};

function clusterOf(p: Props, importer: Importer, instanceType: string): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const clusterId = [...importer.resources.values()].find((resource) => resource.props === p)?.id;
  const members = clusterId === undefined ? [] : importer.referencing(clusterId, [instanceType], (item) => item.DBClusterIdentifier);
  const owner = clusterId === undefined ? undefined : importer.names.get(clusterId);
  for (const member of members) if (owner !== undefined) importer.absorb(member, owner);
  put(
    props,
    'instanceClass',
    members.map((member) => str(member.props.DBInstanceClass)).find((value) => value !== undefined),
  );
  if (members.length > 0) props.instances = members.length;
  put(props, 'encrypted', bool(p.StorageEncrypted));
  put(props, 'backupRetentionDays', int(p.BackupRetentionPeriod));
  put(props, 'deletionProtection', bool(p.DeletionProtection));
  return props;
}

/** The handler of a template resource, with the catalog type it makes, or undefined when none applies. */
function handlerFor(resource: TemplateResource): { handler: Handler; catalogType: string } | undefined {
  if (resource.generatedFor !== undefined) return undefined;
  if (resource.meta !== undefined && resourceType(resource.meta.type) !== undefined) {
    const specific = handlers[resource.type];
    return { handler: specific ?? genericHandler(resource.meta.type), catalogType: resource.meta.type };
  }
  const specific = handlers[resource.type];
  if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
    const kind = str(resource.props.Type) ?? 'application';
    return { handler: specific!, catalogType: `aws.elb.${kind}` };
  }
  if (resource.type === 'AWS::RDS::DBInstance' && resource.props.DBClusterIdentifier !== undefined) return undefined;
  if (specific !== undefined) {
    const catalogType =
      catalogTypesOfCloudFormation(resource.type)[0] ?? (resource.type.startsWith('AWS::Route53::') ? 'aws.route53.zone' : undefined);
    return catalogType === undefined ? undefined : { handler: specific, catalogType };
  }
  const catalogType = catalogTypesOfCloudFormation(resource.type)[0];
  return catalogType === undefined ? undefined : { handler: genericHandler(catalogType), catalogType };
}

/** Imports a template. Throws `ImportError` (or `TemplateError`) with a location when it cannot. */
export function importCloudFormation(templateText: string, options: ImportOptions = {}): ImportResult {
  const read = readTemplate(templateText);
  const template = read.value;
  const templateMeta = templateMetadataOf(template.Metadata);
  const region = options.region ?? (typeof templateMeta?.region === 'string' ? templateMeta.region : 'us-east-1');
  const notes: string[] = [];
  const lineOf = (id: string): number => read.resourceLines.get(id) ?? 1;
  const fail = (error: unknown, id?: string): never => {
    if (error instanceof IntrinsicError)
      throw new ImportError(id === undefined ? error.message : `${id}: ${error.message}`, id === undefined ? 1 : lineOf(id), 1);
    throw error;
  };
  let evaluator: TemplateEvaluator;
  try {
    evaluator = new TemplateEvaluator({ template, params: options.params ?? {}, region, notes });
  } catch (error) {
    return fail(error);
  }

  const rawResources = template.Resources as Record<string, CfnObject>;
  const resources: TemplateResource[] = [];
  const skipped: { logicalId: string; cfnType: string; condition: string }[] = [];
  for (const [id, raw] of Object.entries(rawResources)) {
    const type = raw.Type as string;
    try {
      if (typeof raw.Condition === 'string' && !evaluator.condition(raw.Condition)) {
        skipped.push({ logicalId: id, cfnType: type, condition: raw.Condition });
        continue;
      }
      const evaluated = raw.Properties === undefined ? {} : evaluator.evaluate(raw.Properties);
      const props = evaluated === noValue || !isPlainObject(evaluated) ? {} : evaluated;
      const generated = generatedFor(raw.Metadata);
      resources.push({
        id,
        type,
        props,
        meta: resourceMetadataOf(raw.Metadata),
        line: lineOf(id),
        ...(raw.Properties !== undefined ? { raw: raw.Properties } : {}),
        ...(generated !== undefined ? { generatedFor: generated } : {}),
      });
    } catch (error) {
      fail(error, id);
    }
  }
  let samGlobals: Props = {};
  const globals = template.Globals;
  if (isPlainObject(globals)) {
    try {
      const evaluated = evaluator.value((globals as CfnObject).Function);
      if (isPlainObject(evaluated)) samGlobals = evaluated;
    } catch (error) {
      fail(error);
    }
  }
  // SAM makes an API for functions with Api (HttpApi) events that name none.
  for (const [kind, implicit] of [
    ['Api', 'ServerlessRestApi'],
    ['HttpApi', 'ServerlessHttpApi'],
  ] as const) {
    const needs = resources.some(
      (resource) =>
        resource.type === 'AWS::Serverless::Function' &&
        Object.values(obj(resource.props.Events)).some(
          (event) =>
            str(obj(event).Type) === kind &&
            obj(obj(event).Properties).RestApiId === undefined &&
            obj(obj(event).Properties).ApiId === undefined,
        ),
    );
    if (needs && !resources.some((resource) => resource.id === implicit)) {
      resources.push({
        id: implicit,
        type: kind === 'Api' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi',
        props: {},
        meta: undefined,
        line: 1,
        synthetic: true,
      });
    }
  }

  const importer = new Importer(region, resources);
  importer.samGlobals = samGlobals;
  const allocator = new NameAllocator();
  const primaries: { resource: TemplateResource; handler: Handler }[] = [];
  const seenZones = new Set<string>();
  // Names from CloudArch metadata are taken first, so a round trip keeps every name.
  const ordered = [
    ...resources.filter((resource) => resource.meta !== undefined),
    ...resources.filter((resource) => resource.meta === undefined),
  ];
  const externalNames = Object.keys(templateMeta?.resources ?? {}).filter(isResourceName);
  for (const name of externalNames) allocator.take(name);
  for (const resource of ordered) {
    const found = handlerFor(resource);
    if (found === undefined) continue;
    if (resource.type === 'AWS::Route53::RecordSet' || resource.type === 'AWS::Route53::RecordSetGroup') {
      const hasZone = importer
        .ofType('AWS::Route53::HostedZone')
        .some(
          (zone) =>
            refIds(resource.props.HostedZoneId ?? null).includes(zone.id) ||
            sameDomain(str(resource.props.HostedZoneName), str(zone.props.Name) ?? ''),
        );
      const key = recordZoneKey(resource);
      if (hasZone || seenZones.has(key)) continue;
      seenZones.add(key);
    }
    importer.names.set(resource.id, allocator.take(resource.meta?.name ?? resource.id));
    importer.catalogTypes.set(resource.id, found.catalogType);
    primaries.push({ resource, handler: found.handler });
  }

  const built: Built[] = [];
  const unmapped: { logicalId: string; cfnType: string; reason: string }[] = [];
  for (const { resource, handler } of primaries) {
    const name = importer.names.get(resource.id)!;
    let result: ReturnType<Handler>;
    try {
      result = handler(resource, importer);
    } catch (error) {
      return fail(error, resource.id);
    }
    if ('unmapped' in result) {
      unmapped.push({ logicalId: resource.id, cfnType: resource.type, reason: result.unmapped });
      importer.names.delete(resource.id);
      continue;
    }
    const props = { ...result.props };
    const meta = resource.meta;
    if (meta !== undefined) {
      // What the metadata holds is what the template could not say, so it wins over what was read.
      for (const [key, value] of Object.entries(meta.properties ?? {})) props[key] = value;
      for (const key of meta.unset ?? []) delete props[key];
    }
    built.push({ name, type: result.type, props, source: resource, notes: result.notes ?? [] });
  }
  // A reference to a resource that turned out unmapped is dropped from the built props.
  const present = new Set(built.map((item) => item.name).concat(externalNames));
  for (const item of built) dropDangling(item, present);

  if (!importer.fromCloudArch) deriveConnections(built, importer);
  pruneCycles(built, notes);

  for (const resource of resources) {
    if (importer.names.has(resource.id) || resource.synthetic) continue;
    if (importer.absorbed.has(resource.id)) continue;
    if (resource.generatedFor !== undefined) {
      importer.absorbed.set(resource.id, resource.generatedFor);
      continue;
    }
    if (networkTypes.has(resource.type)) {
      importer.absorbed.set(resource.id, 'zones and subnet tiers');
      continue;
    }
    if (unmapped.some((entry) => entry.logicalId === resource.id)) continue;
    if (resource.type.startsWith('AWS::Route53::Record')) {
      const zone = [...importer.names].find(
        ([id]) =>
          importer.resources.get(id)?.type.startsWith('AWS::Route53::') &&
          recordZoneKey(importer.resources.get(id)!) === recordZoneKey(resource),
      );
      if (zone !== undefined) {
        importer.absorbed.set(resource.id, zone[1]);
        continue;
      }
    }
    const partOwner = partOwnerType(resource.type);
    unmapped.push({
      logicalId: resource.id,
      cfnType: resource.type,
      reason:
        partOwner !== undefined
          ? `a part of ${partOwner} whose owner is not in this template (or not mapped)`
          : unmappedReason(resource.type),
    });
  }

  // The internet: from the template's CloudArch metadata, or derived from the entry points.
  const externals: { name: string; props: Record<string, unknown>; comment: string }[] = [];
  for (const [name, props] of Object.entries(templateMeta?.resources ?? {})) {
    if (!isResourceName(name) || typeof props.type !== 'string') continue;
    const { type, ...rest } = props;
    externals.push({ name, props: { type, ...rest }, comment: "kept in the template's CloudArch metadata (not deployed)" });
  }
  if (templateMeta?.resources === undefined) {
    const entries = entryPoints(built);
    if (entries.length > 0) {
      const name = allocator.take('internet');
      externals.push({
        name,
        props: { type: 'external.users', connectsTo: entries },
        comment: "added by the import: the internet, reaching the template's public entry points",
      });
    }
  }

  const zones =
    templateMeta?.zones !== undefined && Array.isArray(templateMeta.zones) ? [...templateMeta.zones] : [...importer.zonesUsed].sort();
  const absorbed = [...importer.absorbed].map(([logicalId, into]) => ({
    logicalId,
    cfnType: importer.resources.get(logicalId)!.type,
    into,
  }));
  const mapped = built.map((item) => ({ logicalId: item.source.id, cfnType: item.source.type, name: item.name, type: item.type }));
  const report: ImportReport = { mapped, absorbed, unmapped, skipped, notes };
  const description = typeof template.Description === 'string' ? template.Description : undefined;
  const text = renderArchitecture({ options, templateMeta, description, region, zones, built, externals, report, importer });
  return { text, report };
}

/** What a resource generated by an export belongs to (`Metadata.CloudArch.generated`). */
function generatedFor(metadata: CfnValue | undefined): string | undefined {
  const ours = isPlainObject(metadata) ? (metadata as Record<string, unknown>)[metadataKey] : undefined;
  if (!isPlainObject(ours) || typeof ours.generated !== 'string') return undefined;
  return typeof ours.for === 'string' ? ours.for : 'zones and subnet tiers';
}

function partOwnerType(cfnType: string): string | undefined {
  for (const [catalogType, mapping] of Object.entries(cloudFormationTypes)) if (mapping.parts?.includes(cfnType)) return catalogType;
  return undefined;
}

const referenceKeysByType = new Map<string, string[]>();

/** Reference properties of a type, by name (for dropping references to resources that were not mapped). */
function referenceKeys(type: string): string[] {
  let keys = referenceKeysByType.get(type);
  if (keys === undefined) {
    const def = resourceType(type);
    keys =
      def === undefined
        ? []
        : Object.entries(def.properties)
            .filter(
              ([, property]) =>
                property.shape.kind === 'reference' || (property.shape.kind === 'list' && property.shape.items.kind === 'reference'),
            )
            .map(([key]) => key);
    referenceKeysByType.set(type, keys);
  }
  return keys;
}

function dropDangling(item: Built, present: ReadonlySet<string>): void {
  for (const key of referenceKeys(item.type)) {
    const value = item.props[key];
    if (typeof value === 'string' && !present.has(value)) delete item.props[key];
    if (Array.isArray(value)) {
      const kept = value.filter((entry) => typeof entry !== 'string' || present.has(entry));
      if (kept.length > 0) item.props[key] = kept;
      else delete item.props[key];
    }
  }
  const connects = item.props.connectsTo;
  if (Array.isArray(connects)) {
    item.props.connectsTo = connects.filter((entry) => {
      const target = typeof entry === 'string' ? entry.split(':')[0] : (entry as { to?: string }).to;
      return target !== undefined && present.has(target);
    });
    if ((item.props.connectsTo as unknown[]).length === 0) delete item.props.connectsTo;
  }
}

/**
 * Traffic the template implies: a security group rule that admits another group on a port means
 * the resources carrying the source group talk to those carrying the rule's group on that port;
 * a function's or task's environment naming a resource means it calls that resource.
 */
function deriveConnections(built: Built[], importer: Importer): void {
  const byName = new Map(built.map((item) => [item.name, item]));
  const carriersOf = new Map<string, Built[]>();
  for (const item of built) {
    for (const group of Array.isArray(item.props.securityGroups) ? (item.props.securityGroups as string[]) : [])
      carriersOf.set(group, [...(carriersOf.get(group) ?? []), item]);
  }
  const carriers = (group: string): Built[] => carriersOf.get(group) ?? [];
  const alreadyLinked = (from: Built, to: string): boolean =>
    referenceKeys(from.type).some((key) => {
      const value = from.props[key];
      return value === to || (Array.isArray(value) && value.includes(to));
    });
  const add = (from: Built, to: Built, port: unknown): void => {
    if (from === to || alreadyLinked(from, to.name) || to.type === 'aws.ec2.security-group' || from.type === 'aws.ec2.security-group')
      return;
    if (from.type.startsWith('aws.elb.') || from.type === 'aws.vpc.nat-gateway') return;
    const entry = typeof port === 'number' ? `${to.name}:${port}` : to.name;
    const list = (from.props.connectsTo as string[] | undefined) ?? [];
    if (!list.some((existing) => existing === entry || existing === to.name || existing.startsWith(`${to.name}:`))) list.push(entry);
    from.props.connectsTo = list;
  };
  for (const group of built.filter((item) => item.type === 'aws.ec2.security-group')) {
    for (const rule of (group.props.ingress as Record<string, unknown>[] | undefined) ?? []) {
      const source = rule.from;
      if (typeof source !== 'string' || !byName.has(source)) continue;
      for (const from of carriers(source)) for (const to of carriers(group.name)) add(from, to, rule.port);
    }
  }
  for (const item of built) {
    const source = item.source;
    const environment =
      source.type === 'AWS::ECS::Service'
        ? (() => {
            const task = importer.resources.get(directRef(source.props.TaskDefinition) ?? '');
            return list(task?.props.ContainerDefinitions).map((container) => obj(container).Environment ?? null);
          })()
        : obj(obj(source.props).Environment).Variables;
    for (const id of refIds(environment ?? null)) {
      const name = importer.names.get(id);
      const target = name === undefined ? undefined : byName.get(name);
      if (target !== undefined) add(item, target, undefined);
    }
  }
}

/** Hard dependencies by name, for the cycle check. */
function dependencyEdges(item: Built): string[] {
  const edges: string[] = [];
  const def = resourceType(item.type);
  for (const key of referenceKeys(item.type)) {
    const role = def?.properties[key]?.dependency ?? 'hard';
    if (role === 'none') continue;
    const value = item.props[key];
    for (const entry of Array.isArray(value) ? value : [value]) if (typeof entry === 'string') edges.push(entry);
  }
  for (const entry of (item.props.connectsTo as unknown[] | undefined) ?? []) {
    if (typeof entry === 'string') edges.push(entry.split(':')[0]!);
  }
  return edges;
}

/** Derived connections must not close a dependency cycle (the architecture forbids them): such a connection is dropped, with a note. */
function pruneCycles(built: Built[], notes: string[]): void {
  // Each resource's dependencies by name, kept up to date as connections are dropped.
  const edges = new Map(built.map((item) => [item.name, dependencyEdges(item)]));
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (current === to) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      for (const next of edges.get(current) ?? []) stack.push(next);
    }
    return false;
  };
  for (const item of built) {
    const connects = item.props.connectsTo as unknown[] | undefined;
    if (connects === undefined) continue;
    const kept: unknown[] = [];
    item.props.connectsTo = kept;
    for (const entry of connects) {
      const target = typeof entry === 'string' ? entry.split(':')[0]! : String((entry as { to?: unknown }).to);
      if (reaches(target, item.name)) {
        notes.push(
          `${item.name} -> ${target}: the template implies traffic both ways; the connection from ${item.name} is left out so the dependencies have no cycle.`,
        );
        continue;
      }
      kept.push(entry);
    }
    if (kept.length === 0) delete item.props.connectsTo;
    edges.set(item.name, dependencyEdges(item));
  }
}

/** The public entry points: internet-facing resources that no other public resource fronts. */
function entryPoints(built: readonly Built[]): string[] {
  const fronted = new Set<string>();
  for (const item of built) {
    if (item.type === 'aws.route53.zone' && item.props.private !== true)
      for (const target of (item.props.targets as string[] | undefined) ?? []) fronted.add(target);
    if (item.type === 'aws.cloudfront.distribution')
      for (const origin of (item.props.origins as string[] | undefined) ?? []) fronted.add(origin);
  }
  const entries: string[] = [];
  for (const item of built) {
    if (fronted.has(item.name)) continue;
    const isPublic =
      (item.type === 'aws.route53.zone' && item.props.private !== true && item.props.targets !== undefined) ||
      item.type === 'aws.cloudfront.distribution' ||
      (item.type === 'aws.apigateway.api' && item.props.endpointType !== 'private') ||
      (item.type.startsWith('aws.elb.') &&
        (item.props.scheme ?? (item.type === 'aws.elb.gateway' ? 'internal' : 'internet-facing')) === 'internet-facing') ||
      (item.type === 'aws.ec2.instance' && item.props.publicIp === true) ||
      (item.type === 'aws.lambda.function' && item.props.functionUrl === 'public') ||
      (item.type === 'aws.s3.bucket' && item.props.website === true);
    if (isPublic) entries.push(item.name);
  }
  return entries;
}

interface RenderInput {
  readonly options: ImportOptions;
  readonly templateMeta: ReturnType<typeof templateMetadataOf>;
  readonly description: string | undefined;
  readonly region: string;
  readonly zones: readonly string[];
  readonly built: readonly Built[];
  readonly externals: readonly { name: string; props: Record<string, unknown>; comment: string }[];
  readonly report: ImportReport;
  readonly importer: Importer;
}

function comment(text: string, indent = ''): string {
  return text
    .split('\n')
    .map((line) => `${indent}# ${line}`.trimEnd())
    .join('\n');
}

function block(value: unknown, indent: string): string {
  const text = stringify(value, { lineWidth: 0, indent: 2, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }).trimEnd();
  return text
    .split('\n')
    .map((line) => `${indent}${line}`)
    .join('\n');
}

/** Writes the architecture: the report's lists as a comment block on top, each resource with where it came from. */
function renderArchitecture(input: RenderInput): string {
  const { report, templateMeta } = input;
  const source = input.options.sourceName ?? 'a CloudFormation template';
  const head: string[] = [`Imported from ${source} by \`cloudarch import\`.`];
  head.push(
    `${report.mapped.length} template resources became architecture resources; ${report.absorbed.length} were folded into them (listeners, rules, subnets...).`,
  );
  if (report.unmapped.length > 0) {
    head.push('', `Not mapped (${report.unmapped.length}): these template resources are not in this architecture.`);
    for (const entry of report.unmapped) head.push(`  ${entry.logicalId} (${entry.cfnType}): ${entry.reason}`);
  }
  if (report.skipped.length > 0) {
    head.push('', 'Left out because their condition is false:');
    for (const entry of report.skipped) head.push(`  ${entry.logicalId} (${entry.cfnType}): condition ${entry.condition}`);
  }
  if (report.notes.length > 0) {
    head.push('', 'Assumptions:');
    for (const note of report.notes) head.push(`  ${note}`);
  }
  const lines: string[] = [comment(head.join('\n')), ''];
  const top: Record<string, unknown> = { cloudarch: '1' };
  const baseName = input.options.sourceName?.replace(/^.*[\\/]/, '').replace(/\.(template|yaml|yml|json)$/i, '');
  top.name =
    typeof templateMeta?.name === 'string'
      ? templateMeta.name
      : baseName !== undefined && baseName !== ''
        ? baseName
        : input.description !== undefined
          ? truncate(input.description.split('\n')[0]!.trim(), 120)
          : 'Imported template';
  const description = typeof templateMeta?.description === 'string' ? templateMeta.description : input.description?.trim();
  if (description !== undefined && description !== '' && description !== top.name) top.description = description;
  top.region = input.region;
  if (input.zones.length > 0) top.zones = input.zones;
  for (const key of ['workload', 'assumptions', 'targets', 'scenarios'] as const)
    if (templateMeta?.[key] !== undefined) top[key] = templateMeta[key];
  lines.push(block(top, ''), '', 'resources:');
  const foldedInto = new Map<string, ImportReport['absorbed'][number][]>();
  for (const entry of report.absorbed) foldedInto.set(entry.into, [...(foldedInto.get(entry.into) ?? []), entry]);
  for (const external of input.externals) {
    lines.push(comment(external.comment, '  '));
    lines.push(block({ [external.name]: external.props }, '  '), '');
  }
  for (const item of input.built) {
    const where = item.source.synthetic
      ? `SAM's implicit ${item.source.type} ${item.source.id}`
      : `${item.source.type} ${item.source.id} (line ${item.source.line})`;
    const folded = (foldedInto.get(item.name) ?? []).map((entry) => `${entry.logicalId} (${entry.cfnType})`);
    lines.push(comment(`from ${where}`, '  '));
    if (folded.length > 0) lines.push(comment(`  with ${folded.join(', ')}`, '  '));
    for (const note of item.notes) lines.push(comment(`  note: ${note}`, '  '));
    const { type: _unused, ...rest } = item.props;
    void _unused;
    lines.push(block({ [item.name]: { type: item.type, ...orderedProps(item.type, rest) } }, '  '), '');
  }
  if (input.externals.length === 0 && input.built.length === 0) lines.push('  {}');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Properties in catalog order, so imported files read like hand-written ones. */
function orderedProps(type: string, props: Record<string, unknown>): Record<string, unknown> {
  const order = Object.keys(resourceType(type)?.properties ?? {});
  const out: Record<string, unknown> = {};
  for (const key of order) if (props[key] !== undefined) out[key] = props[key];
  for (const [key, value] of Object.entries(props)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** Every catalog type has a row in the mapping table (checked by a test). */
export function catalogTypesWithoutMapping(): string[] {
  return allResourceTypes()
    .map((def) => def.id)
    .filter((id) => cloudFormationTypes[id] === undefined);
}

export { ResourceRef, Unknown, TemplateError, refsIn };

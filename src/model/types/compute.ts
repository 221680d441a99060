/**
 * Compute: EC2 instances and auto scaling groups, the Image Builder pipelines that produce their
 * images, and the services that run instances for you (Lightsail, Batch, Elastic Beanstalk).
 * The instance-level properties are shared by `aws.ec2.instance` and `aws.autoscaling.group`,
 * because a group is a launch template plus a count.
 */
import type { PropertyDef, PropertyShape, ResourceTypeDef } from '../catalog-types';
import { batchInherited, beanstalkInherited, ec2InstanceSla, imageBuilderEstimate, lightsailInstanceSla } from '../availability-figures';
import { boolProp, enumProp, numberProp, objectShape, referenceList, stringProp } from './property-helpers';
import { inlineVolumeShape } from './storage';

/** The EC2 purchase options; the cost evaluation applies each one's discount or premium. */
export const purchaseOptionValues = [
  [
    'on-demand',
    'Pay per second with no commitment: the most flexible and the most expensive per hour. Right for short-lived, spiky or unpredictable workloads.',
  ],
  [
    'reserved-1y',
    'A one-year Reserved Instance: a lower hourly rate in exchange for committing to this instance type in this region for a year.',
  ],
  [
    'reserved-3y',
    'A three-year Reserved Instance: the deepest commitment discount (up to about 72%), for steady workloads that will run for years.',
  ],
  [
    'savings-plan-1y',
    'A one-year Savings Plan: a commitment to spend an hourly amount on compute, applied across instance families, regions, Fargate and Lambda (Compute Savings Plan).',
  ],
  [
    'savings-plan-3y',
    'A three-year Savings Plan: a larger discount (up to about 66% for Compute Savings Plans) for a longer spend commitment.',
  ],
  [
    'spot',
    'Spare EC2 capacity at up to 90% off, which AWS can reclaim with a two-minute notice. Only for fault-tolerant, interruptible work such as batch jobs or stateless workers behind a group.',
  ],
  [
    'dedicated-instance',
    'An instance on hardware dedicated to your account, for compliance that forbids sharing hosts; billed at a premium per instance plus a regional fee.',
  ],
  [
    'dedicated-host',
    'A whole physical server for your account, with visibility of sockets and cores for bring-your-own-licence software (Windows Server, SQL Server); billed per host.',
  ],
] as const;

const purchaseProperty: PropertyDef = enumProp(
  "How the instance hours are bought. It does not change how the instance behaves, except that spot capacity can be reclaimed; it changes the hourly price through the catalog's discount for each option.",
  purchaseOptionValues,
  { default: 'on-demand' },
);

const instanceTypeProperty: PropertyDef = {
  shape: { kind: 'instance-type' },
  required: true,
  example: 't3.medium',
  description:
    'The EC2 instance type: family, generation and size, such as `t3.medium` or `m6g.large`. It fixes the vCPUs, memory, local instance store, network performance and the hourly price. Families ending in `g` run on AWS Graviton (arm64) and cost less for the same size.',
};

/** `ami`: a well-known image name or AMI id, or the name of an Image Builder pipeline in the file. */
const amiShape: PropertyShape = {
  kind: 'one-of',
  variants: [
    { kind: 'reference', to: ['aws.imagebuilder.pipeline'] },
    {
      kind: 'string',
      examples: [
        'amazon-linux-2023',
        'amazon-linux-2',
        'ubuntu-24.04',
        'ubuntu-22.04',
        'rhel-9',
        'windows-server-2022',
        'ami-0123456789abcdef0',
      ],
    },
  ],
};

const amiProperty: PropertyDef = {
  shape: amiShape,
  dependency: 'none',
  example: 'amazon-linux-2023',
  description:
    'The Amazon Machine Image the instances boot from: a well-known image name such as `amazon-linux-2023`, an AMI id (`ami-...`), or the name of an `aws.imagebuilder.pipeline` in this file whose output image is used. A name that matches a pipeline resource is read as a reference. The pipeline is not a runtime dependency: running instances keep working while it is down.',
};

const imdsProperty: PropertyDef = enumProp(
  'Whether the instance metadata service requires session tokens (IMDSv2). Requiring them blocks the server-side request forgery attacks that steal instance credentials through IMDSv1.',
  [
    ['required', 'Only IMDSv2 (token-based) requests are answered. The secure choice, and the default of Amazon Linux 2023 images.'],
    [
      'optional',
      "IMDSv1 requests are still answered, so an SSRF flaw in the application can read the instance role's credentials. The API default for images that do not say otherwise.",
    ],
  ],
  { default: 'optional' },
);

const metadataHopLimitProperty: PropertyDef = numberProp(
  'How many network hops a metadata response may travel. 1 keeps credentials on the instance itself; containers that need metadata require 2, and anything higher lets forwarded requests reach it.',
  { minimum: 1, maximum: 64, integer: true, default: 1 },
);

const userDataProperty: PropertyDef = stringProp(
  'The script or cloud-init document run at first boot. Anyone who can describe the instance can read it, so it must never contain passwords, keys or tokens: fetch them from Secrets Manager or Parameter Store instead. The security evaluation scans it for secret-looking values.',
  { example: '#!/bin/bash\ndnf install -y nginx' },
);

const iamRoleProperty: PropertyDef = stringProp(
  'The IAM role given to the instances through an instance profile, so software gets short-lived credentials instead of stored access keys. Absent means no role.',
  { examples: ['web-server-role'] },
);

const publicIpProperty: PropertyDef = boolProp(
  'Whether the instances get a public IPv4 address. Together with a public subnet and an open security group this makes them reachable from the internet; prefer a load balancer, a bastion or Session Manager. Public IPv4 addresses are billed per hour.',
  false,
);

const instanceStoreProperty: PropertyDef = boolProp(
  'Whether the application uses the instance store: the NVMe or HDD disks physically attached to the host, fast and included in the price but ephemeral (their data is lost when the instance stops, hibernates or terminates). Only the `d` variants and the storage-optimised families (i3, i4i, d2, d3...) have them; keep only scratch data, caches or replicated data there.',
  false,
);

const detailedMonitoringProperty: PropertyDef = boolProp(
  'CloudWatch detailed monitoring: metrics every minute instead of every five, for faster alarms and scaling, at a small per-instance charge.',
  false,
);

const volumesProperty: PropertyDef = {
  shape: {
    kind: 'list',
    items: { kind: 'one-of', variants: [inlineVolumeShape, { kind: 'reference', to: ['aws.ebs.volume'] }] },
  },
  dependency: 'hard',
  description:
    'The EBS volumes of each instance: inline `{ volumeType, sizeGB, iops, throughputMBps, encrypted, deleteOnTermination }` objects (the first is the root volume), or names of `aws.ebs.volume` resources in the same zone. Named volumes are hard dependencies.',
};

const fileSystemsProperty: PropertyDef = referenceList(
  ['aws.efs.filesystem', 'aws.fsx.filesystem'],
  'Shared file systems the instances mount. Each one is a hard dependency: the application stops working when its file system is unavailable.',
  'hard',
);

/** Instance settings shared by a single instance and an auto scaling group's launch template. */
const launchProperties: Readonly<Record<string, PropertyDef>> = {
  instanceType: instanceTypeProperty,
  ami: amiProperty,
  purchase: purchaseProperty,
  publicIp: publicIpProperty,
  volumes: volumesProperty,
  instanceStore: instanceStoreProperty,
  fileSystems: fileSystemsProperty,
  imdsv2: imdsProperty,
  metadataHopLimit: metadataHopLimitProperty,
  userData: userDataProperty,
  iamRole: iamRoleProperty,
  detailedMonitoring: detailedMonitoringProperty,
  keyPair: stringProp(
    'The name of the EC2 key pair whose public key is installed for SSH. Leave it out and use Session Manager to avoid managing SSH keys and opening port 22.',
    { examples: ['ops-key'] },
  ),
};

const ec2Docs = {
  limits: [
    'An instance lives in one availability zone and fails with it; spread several instances over zones for availability.',
    'A single instance carries a 99.5% instance-level SLA; the 99.99% Region-level commitment needs instances in two or more zones.',
    'Instance store disks (the `d` families, i3, i4i, d2, d3...) are fast but ephemeral: their data is lost when the instance stops, hibernates or terminates.',
    'Spot instances can be reclaimed with a two-minute notice.',
    'An elastic network interface accepts at most five security groups (a default quota).',
    'EBS volumes can only attach to instances in their own zone.',
  ],
  customerResponsibility: [
    'Patch the guest operating system and everything installed on it, or replace instances from freshly built images.',
    'Configure security groups, the instance role, IMDSv2 and key or Session Manager access.',
    'Encrypt volumes, back them up, and keep secrets out of user data.',
    'Design for failure: several instances across zones behind a load balancer, with monitoring and recovery.',
  ],
  securityControls: [
    'Security groups (stateful, allow-only) and network ACLs.',
    'IAM roles through instance profiles; IMDSv2 with a hop limit of 1.',
    'EBS encryption with KMS; Nitro hardware isolation.',
    'Systems Manager Session Manager instead of open SSH or RDP ports.',
    'CloudWatch monitoring and VPC flow logs.',
  ],
} as const;

const ec2Instance: ResourceTypeDef = {
  id: 'aws.ec2.instance',
  service: 'Amazon EC2',
  title: 'EC2 instance',
  category: 'compute',
  serviceModel: 'IaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  units: { rule: 'property', property: 'count', default: 1 },
  availability: ec2InstanceSla,
  mttrMinutes: 45,
  capacityPerUnitRps: 200,
  dataStore: false,
  docs: {
    what: 'A virtual server in the cloud. You choose its hardware (the instance type), its image (the AMI), its disks and its network placement, and you manage everything from the operating system up.',
    whenToUse:
      'Use when you need full control of the operating system, software that expects a server, or a purchase option such as Reserved or Spot. For a fleet that must heal and scale, wrap the instance settings in an auto scaling group; for code without servers, consider Lambda, Fargate or Elastic Beanstalk.',
    ...ec2Docs,
    pricing:
      "Billed per second of running time (one-minute minimum for Linux) at the instance type's hourly rate, reduced by Reserved Instances, Savings Plans or Spot, raised for dedicated tenancy. EBS volumes, public IPv4 addresses and data transfer out are billed separately; instance store is included.",
  },
  properties: {
    ...launchProperties,
    count: numberProp(
      'How many identical instances this resource stands for, spread round-robin over `zones`. Unlike an auto scaling group, nothing replaces a failed instance automatically.',
      { minimum: 1, maximum: 1000, integer: true, default: 1 },
    ),
    elasticIp: boolProp(
      'Whether the instance holds an Elastic IP: a static public address that survives stop and start and can be moved to a replacement instance. Implies a public address.',
      false,
    ),
    autoRecovery: boolProp(
      'Simplified automatic recovery: AWS restarts the instance on healthy hardware when the underlying host fails a system status check. On by default for supported instance types.',
      true,
    ),
    terminationProtection: boolProp(
      'Prevents the instance from being terminated through the API or console until the flag is cleared, guarding against accidental deletion.',
      false,
    ),
    spotInterruptionBehavior: enumProp(
      'What happens to a spot instance when AWS reclaims the capacity, after the two-minute interruption notice. Stopping or hibernating keeps the EBS volumes for a later restart.',
      [
        ['terminate', 'The instance is terminated; its root volume is deleted if marked so.'],
        ['stop', 'The instance stops and keeps its EBS volumes; it can restart when capacity returns.'],
        ['hibernate', 'Memory is saved to the root volume and the instance resumes where it left off.'],
      ],
      { default: 'terminate' },
    ),
  },
  snippet: [
    'type: aws.ec2.instance',
    'instanceType: ${1:t3.micro}',
    'ami: ${2:amazon-linux-2023}',
    'purchase: ${3|on-demand,reserved-1y,reserved-3y,savings-plan-1y,savings-plan-3y,spot,dedicated-instance,dedicated-host|}',
    'zones: [${4:a}]',
    'subnet: ${5|private,public|}',
    'count: ${6:1}',
    'imdsv2: required',
    'volumes:',
    '  - { volumeType: gp3, sizeGB: ${7:20}, encrypted: true }',
  ].join('\n'),
};

const scalingShape: PropertyShape = objectShape(
  {
    metric: enumProp(
      'The metric that target tracking keeps at `target`. CPU suits compute-bound servers; request count per instance suits web servers behind a load balancer whose cost per request is steady.',
      [
        ['cpu', 'Average CPU utilization of the group, in percent.'],
        ['requests', 'Requests per instance per minute counted by the load balancer target group (ALB request count per target).'],
      ],
      { default: 'cpu' },
    ),
    target: numberProp('The value the policy keeps the metric at: a CPU percentage (e.g. 60) or a request count per instance.', {
      minimum: 1,
      required: true,
    }),
    warmupSeconds: numberProp('How long a new instance is excluded from the metric while it starts, so the group does not over-scale.', {
      minimum: 0,
      integer: true,
      unit: 's',
      default: 300,
    }),
  },
  ['target'],
);

/** A whole, non-negative number as written, or undefined (the schema reports anything else). */
function writtenCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
}

/**
 * Auto scaling capacity defaults, as EC2 Auto Scaling users expect them: `desired` alone is a valid
 * group. `min` defaults to min(1, desired), `desired` to `min`, `max` to max(desired, min).
 */
function asgMin(props: Readonly<Record<string, unknown>>): number {
  const desired = writtenCount(props.desired);
  return desired === undefined ? 1 : Math.min(1, desired);
}
function asgDesired(props: Readonly<Record<string, unknown>>): number {
  return writtenCount(props.min) ?? asgMin(props);
}
function asgMax(props: Readonly<Record<string, unknown>>): number {
  const min = writtenCount(props.min) ?? asgMin(props);
  // `max` has a minimum of 1 in the schema, so the default never falls below it.
  return Math.max(1, writtenCount(props.desired) ?? min, min);
}

const autoScalingGroup: ResourceTypeDef = {
  id: 'aws.autoscaling.group',
  service: 'Amazon EC2 Auto Scaling',
  title: 'Auto scaling group',
  category: 'compute',
  serviceModel: 'IaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  units: { rule: 'property', property: 'desired', default: 1 },
  availability: ec2InstanceSla,
  mttrMinutes: 5,
  capacityPerUnitRps: 200,
  dataStore: false,
  docs: {
    what: 'A group of identical EC2 instances, launched from one launch template, that EC2 Auto Scaling keeps at a desired size: it replaces instances that fail their health check and adds or removes instances as load changes.',
    whenToUse:
      'Use for any fleet of stateless servers, usually behind a load balancer, spread over two or more zones. Keep state in databases, S3 or EFS, since instances come and go.',
    limits: [
      'Instances are replaced, not repaired: anything kept on their local disks is lost.',
      'A group in a single zone goes down with that zone; spread it over at least two.',
      'Scaling reacts after a warm-up; size `min` for the load you must absorb immediately.',
      'With EC2 health checks only, an instance whose application hangs still counts as healthy; use ELB health checks behind a load balancer.',
      ...ec2Docs.limits.filter((limit) => limit.startsWith('Instance store') || limit.startsWith('Spot') || limit.startsWith('An elastic')),
    ],
    customerResponsibility: [
      ...ec2Docs.customerResponsibility,
      'Choose health checks, scaling policies and capacity limits that keep enough instances running during failures and deployments.',
    ],
    securityControls: [
      ...ec2Docs.securityControls,
      'Launch templates that enforce IMDSv2, encrypted volumes and no public IP for every instance.',
    ],
    pricing:
      'Auto Scaling itself is free: you pay for the instances it runs (priced here at `desired` instances), their volumes and CloudWatch detailed monitoring if enabled.',
  },
  properties: {
    ...launchProperties,
    min: {
      ...numberProp(
        'The smallest number of instances the group keeps, even with no load. Defaults to 1 (0 when `desired` is 0), so a group written with only `desired` is valid.',
        { minimum: 0, integer: true },
      ),
      derivedDefault: { text: '`min(1, desired)`', value: (props) => asgMin(props) },
    },
    desired: {
      ...numberProp('The number of instances the group runs now; the availability and cost estimates use it. Defaults to `min`.', {
        minimum: 0,
        integer: true,
      }),
      derivedDefault: { text: '`min`', value: (props) => asgDesired(props) },
    },
    max: {
      ...numberProp(
        'The largest number of instances scaling may reach; it caps the cost of a traffic spike or a runaway policy. Defaults to the larger of `desired` and `min`, so the group cannot scale out until you raise it.',
        { minimum: 1, integer: true },
      ),
      derivedDefault: { text: '`max(desired, min)`', value: (props) => asgMax(props) },
    },
    minHealthy: numberProp(
      'How many instances must be working for the group to serve its load, used by the availability estimate (k of n). Defaults to 1: the group is up while any instance is.',
      { minimum: 1, integer: true, default: 1 },
    ),
    scaling: {
      shape: scalingShape,
      description:
        'A target-tracking scaling policy: the group adds instances when the metric is above the target and removes them when it is below.',
    },
    healthCheck: enumProp(
      'Which health check decides that an instance must be replaced.',
      [
        ['ec2', 'Only EC2 status checks: catches hardware and operating-system failures, not a hung application.'],
        [
          'elb',
          "Also the load balancer's target health check, so an instance whose application stops answering is replaced. Use it whenever the group is behind a load balancer.",
        ],
      ],
      { default: 'ec2' },
    ),
    healthCheckGracePeriodSeconds: numberProp('How long after launch a failing health check is ignored, so instances have time to start.', {
      minimum: 0,
      integer: true,
      unit: 's',
      default: 300,
    }),
    cooldownSeconds: numberProp('The pause after a simple scaling action before another one starts.', {
      minimum: 0,
      integer: true,
      unit: 's',
      default: 300,
    }),
    capacityRebalance: boolProp(
      'For spot capacity: launch a replacement as soon as AWS signals an elevated risk of interruption, before the two-minute notice.',
      false,
    ),
  },
  snippet: [
    'type: aws.autoscaling.group',
    'instanceType: ${1:t3.medium}',
    'ami: ${2:amazon-linux-2023}',
    'purchase: ${3|on-demand,reserved-1y,reserved-3y,savings-plan-1y,savings-plan-3y,spot|}',
    'zones: [${4:a, b}]',
    'min: ${5:2}',
    'desired: ${6:2}',
    'max: ${7:6}',
    'scaling: { metric: ${8|cpu,requests|}, target: ${9:60} }',
    'healthCheck: elb',
    'imdsv2: required',
    'volumes:',
    '  - { volumeType: gp3, sizeGB: 20, encrypted: true }',
  ].join('\n'),
};

const imageBuilderPipeline: ResourceTypeDef = {
  id: 'aws.imagebuilder.pipeline',
  service: 'EC2 Image Builder',
  title: 'Image Builder pipeline',
  category: 'compute',
  serviceModel: 'PaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: imageBuilderEstimate,
  mttrMinutes: 60,
  dataStore: false,
  docs: {
    what: 'An automated pipeline that builds, tests and distributes machine images: it starts from a base image, applies components (packages, scripts, hardening), runs tests, and copies the resulting AMI to the regions and accounts you choose, on a schedule.',
    whenToUse:
      'Use to keep golden images patched and consistent instead of configuring each instance at boot or by hand. Instances and groups refer to the pipeline through `ami:`.',
    limits: [
      "An AMI belongs to one region; the pipeline's distribution settings copy it to others.",
      "Images built on a schedule only help if instances are replaced with them (for example by an auto scaling group's instance refresh).",
      'Building happens on temporary EC2 instances in your account.',
    ],
    customerResponsibility: [
      'Choose trusted base images and components, and test images before distributing them.',
      'Enable vulnerability scanning and rebuild when patches are released.',
      'Encrypt the output AMIs and control who they are shared with.',
    ],
    securityControls: [
      'Amazon Inspector vulnerability scanning of built images.',
      'Encrypted AMIs and snapshots with KMS; launch permissions limited to chosen accounts.',
      'IAM roles for the build instances.',
    ],
    pricing:
      'Image Builder itself is free; you pay for the build and test instances while they run, the EBS snapshots behind the images, and logs stored in S3.',
  },
  properties: {
    baseImage: stringProp('The image the pipeline starts from, such as `amazon-linux-2023` or `windows-server-2022`.', {
      examples: ['amazon-linux-2023', 'ubuntu-24.04', 'windows-server-2022'],
      default: 'amazon-linux-2023',
    }),
    components: {
      shape: {
        kind: 'list',
        items: {
          kind: 'string',
          examples: ['update-linux', 'aws-cli-version-2-linux', 'amazon-cloudwatch-agent-linux', 'stig-build-linux-high'],
        },
      },
      description: 'The build components applied in order: package installs, configuration scripts, hardening such as STIG.',
    },
    schedule: enumProp(
      'How often the pipeline builds a new image. A regular schedule keeps images patched; building when a dependency changes catches security updates as soon as they appear.',
      [
        ['manual', 'Only when started by hand or from CI.'],
        ['daily', 'Every day.'],
        ['weekly', 'Every week, a common rhythm for patching.'],
        ['monthly', 'Every month.'],
        ['on-dependency-update', 'Whenever the base image or a component gets a new version.'],
      ],
      { default: 'manual' },
    ),
    tests: boolProp('Whether test components run against each new image before it is distributed.', true),
    vulnerabilityScanning: boolProp('Whether Amazon Inspector scans each built image for known vulnerabilities.', false),
    encryptedImage: boolProp("Whether the output AMI's snapshots are encrypted with a KMS key.", false),
    distributeTo: {
      shape: { kind: 'list', items: { kind: 'region' }, uniqueItems: true },
      description: 'Additional regions the finished image is copied to, so instances there can use it.',
    },
    buildInstanceType: {
      shape: { kind: 'instance-type' },
      description: 'The instance type used to build and test images; it affects build time and the cost of each build.',
      example: 'm5.large',
    },
  },
  snippet: [
    'type: aws.imagebuilder.pipeline',
    'baseImage: ${1:amazon-linux-2023}',
    'components: [${2:update-linux}]',
    'schedule: ${3|weekly,daily,monthly,manual,on-dependency-update|}',
    'vulnerabilityScanning: true',
    'encryptedImage: true',
  ].join('\n'),
};

const lightsailFirewallRule: PropertyShape = objectShape(
  {
    port: {
      shape: { kind: 'one-of', variants: [{ kind: 'port' }, { kind: 'string', pattern: '^\\d{1,5}-\\d{1,5}$' }] },
      required: true,
      description: 'A port number, a range such as `8000-8100`, or `all`.',
    },
    protocol: enumProp(
      "The IP protocol the rule opens on the instance's public address.",
      [
        ['tcp', 'TCP traffic.'],
        ['udp', 'UDP traffic.'],
        ['all', 'Every protocol.'],
      ],
      { default: 'tcp' },
    ),
    from: { shape: { kind: 'cidr' }, description: 'The source addresses allowed, as a CIDR block.', default: '0.0.0.0/0' },
  },
  ['port'],
);

const lightsailInstance: ResourceTypeDef = {
  id: 'aws.lightsail.instance',
  service: 'Amazon Lightsail',
  title: 'Lightsail instance',
  category: 'compute',
  serviceModel: 'IaaS',
  placement: 'zonal',
  inVpc: false,
  zonal: true,
  units: { rule: 'fixed', units: 1 },
  availability: lightsailInstanceSla,
  mttrMinutes: 60,
  capacityPerUnitRps: 50,
  dataStore: false,
  docs: {
    what: 'A simple virtual private server sold as a monthly bundle of CPU, memory, SSD storage and data transfer, with ready-made blueprints such as WordPress or LAMP, in a VPC that Lightsail manages for you.',
    whenToUse:
      'Use for small websites, blogs, development servers and simple business applications where a flat, predictable price matters more than fine control. Move to EC2 when you need auto scaling, other purchase options or full VPC networking.',
    limits: [
      'A Lightsail instance lives in one zone and is not replaced automatically when it fails.',
      'Networking is limited: its own managed VPC (peering with the default VPC only) and a simple per-instance firewall.',
      'Bundles fix the CPU, memory, disk and included transfer; outgrowing them means a snapshot and a larger bundle.',
    ],
    customerResponsibility: [
      "Patch the operating system and the blueprint's application (WordPress plugins included).",
      'Restrict the firewall, especially SSH and RDP, and use key-based access.',
      'Enable automatic snapshots and keep the static IP attached.',
    ],
    securityControls: [
      'A per-instance firewall with source CIDR restrictions.',
      'SSH key pairs and browser-based SSH; IAM for console and API access.',
      'Encrypted disks and automatic snapshots.',
    ],
    pricing:
      'A fixed monthly price per bundle that includes the disk and a data-transfer allowance; extra transfer, additional disks, snapshots and load balancers are billed separately.',
  },
  properties: {
    bundle: enumProp(
      'The Lightsail plan, which fixes CPU, memory, disk and included data transfer for a flat monthly price. Bundles are burstable, like the EC2 t families: sustained full CPU use exhausts their credits.',
      [
        ['nano', 'The smallest bundle: 2 vCPUs (burstable) and 0.5 GB of memory.'],
        ['micro', '2 vCPUs (burstable) and 1 GB of memory.'],
        ['small', '2 vCPUs (burstable) and 2 GB of memory.'],
        ['medium', '2 vCPUs (burstable) and 4 GB of memory.'],
        ['large', '2 vCPUs (burstable) and 8 GB of memory.'],
        ['xlarge', '4 vCPUs (burstable) and 16 GB of memory.'],
        ['2xlarge', '8 vCPUs (burstable) and 32 GB of memory.'],
      ],
      { default: 'micro' },
    ),
    blueprint: stringProp('The image or application stack the instance starts from.', {
      examples: ['amazon-linux-2023', 'ubuntu-22-04', 'wordpress', 'lamp', 'nodejs', 'windows-server-2022'],
      default: 'amazon-linux-2023',
    }),
    staticIp: boolProp('Whether a static public IP is attached, so the address survives stop and start and DNS can point at it.', false),
    firewall: {
      shape: { kind: 'list', items: lightsailFirewallRule },
      default: [
        { port: 22, protocol: 'tcp', from: '0.0.0.0/0' },
        { port: 80, protocol: 'tcp', from: '0.0.0.0/0' },
      ],
      description:
        "The instance's firewall rules. Lightsail opens SSH (22) and HTTP (80) to the whole internet by default on Linux; restrict SSH to your own addresses.",
    },
    automaticSnapshots: boolProp('Daily automatic snapshots of the instance and its disk, kept for seven days.', false),
  },
  snippet: [
    'type: aws.lightsail.instance',
    'bundle: ${1|micro,nano,small,medium,large,xlarge,2xlarge|}',
    'blueprint: ${2:wordpress}',
    'zones: [${3:a}]',
    'staticIp: true',
    'automaticSnapshots: true',
    'firewall:',
    '  - { port: 443, protocol: tcp, from: 0.0.0.0/0 }',
    '  - { port: 22, protocol: tcp, from: ${4:203.0.113.0/24} }',
  ].join('\n'),
};

const batchEnvironment: ResourceTypeDef = {
  id: 'aws.batch.environment',
  service: 'AWS Batch',
  title: 'Batch compute environment',
  category: 'compute',
  serviceModel: 'PaaS',
  // A managed environment launches capacity in whichever of its zones is up, so it behaves like a
  // load balancer in the model: it needs its region and at least one of its zones.
  placement: 'load-balancer',
  inVpc: true,
  zonal: true,
  units: { rule: 'fixed', units: 1 },
  availability: batchInherited,
  mttrMinutes: 10,
  dataStore: false,
  docs: {
    what: 'A compute environment and job queue in which AWS Batch runs containerized batch jobs, starting and stopping EC2, Spot or Fargate capacity to match the queue so nothing runs while there is no work.',
    whenToUse:
      'Use for simulations, rendering, ETL and machine-learning jobs that can wait in a queue and run in parallel. For event-driven work under 15 minutes, Lambda is simpler; for long-running services, ECS.',
    limits: [
      'AWS Batch has no SLA of its own; jobs depend on the EC2 or Fargate capacity underneath.',
      'Spot capacity can be reclaimed with a two-minute notice, so jobs must be retryable or checkpoint their work.',
      '`maxvCpus` caps how much capacity the environment can start, and therefore the cost.',
    ],
    customerResponsibility: [
      'Build and patch the job container images and their dependencies.',
      'Give jobs least-privilege IAM roles and keep secrets in Secrets Manager.',
      'Place the environment in private subnets and make jobs idempotent and retryable.',
    ],
    securityControls: [
      'IAM job roles and execution roles.',
      'Security groups and private subnets for the compute resources.',
      'Encrypted EBS volumes through launch templates; secrets injected from Secrets Manager or Parameter Store.',
    ],
    pricing: 'AWS Batch is free; you pay for the EC2 instances, Spot capacity or Fargate vCPU and memory the jobs consume while they run.',
  },
  properties: {
    computeType: enumProp(
      'The capacity the environment starts for jobs. Spot and Fargate Spot cut the cost sharply for jobs that can be retried after an interruption.',
      [
        ['ec2', 'On-Demand EC2 instances chosen from `instanceTypes`.'],
        ['spot', 'Spot instances: much cheaper, interrupted with a two-minute notice.'],
        ['fargate', 'Fargate tasks: no instances to manage, billed per vCPU and GB per second.'],
        ['fargate-spot', 'Fargate Spot: Fargate at a discount, with interruptions.'],
      ],
      { default: 'ec2' },
    ),
    managed: boolProp(
      'Whether AWS Batch manages the capacity (scaling instances up and down). An unmanaged environment runs on an ECS cluster you manage yourself.',
      true,
    ),
    instanceTypes: {
      shape: { kind: 'list', items: { kind: 'instance-type' }, uniqueItems: true },
      description:
        'The instance types the environment may launch for EC2 and Spot capacity. Absent means `optimal`: AWS picks from current C, M and R families.',
    },
    minvCpus: numberProp('The vCPUs kept running even when the queue is empty; 0 lets the environment scale to nothing.', {
      minimum: 0,
      integer: true,
      default: 0,
    }),
    maxvCpus: numberProp('The most vCPUs the environment may run at once; it bounds throughput and cost.', {
      minimum: 1,
      integer: true,
      required: true,
    }),
    jobsPerMonth: numberProp('How many jobs run per month, for the cost estimate.', { minimum: 0, default: 0 }),
    avgJobMinutes: numberProp('The average run time of one job, for the cost estimate.', { minimum: 0, unit: 'minutes', default: 10 }),
    avgJobvCpus: numberProp('The vCPUs one job uses, for the cost estimate.', { minimum: 0.25, default: 1 }),
    imdsv2: imdsProperty,
  },
  snippet: [
    'type: aws.batch.environment',
    'computeType: ${1|spot,ec2,fargate,fargate-spot|}',
    'zones: [${2:a, b}]',
    'maxvCpus: ${3:256}',
    'jobsPerMonth: ${4:1000}',
    'avgJobMinutes: ${5:10}',
  ].join('\n'),
};

const beanstalkEnvironment: ResourceTypeDef = {
  id: 'aws.elasticbeanstalk.environment',
  service: 'AWS Elastic Beanstalk',
  title: 'Elastic Beanstalk environment',
  category: 'compute',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  units: { rule: 'property', property: 'minInstances', default: 1 },
  availability: beanstalkInherited,
  mttrMinutes: 10,
  capacityPerUnitRps: 200,
  dataStore: false,
  docs: {
    what: 'A managed application environment: you upload code for a supported platform (Java, .NET, Node.js, PHP, Python, Ruby, Go or Docker) and Elastic Beanstalk creates and runs the EC2 instances, auto scaling group, load balancer and monitoring for it.',
    whenToUse:
      'Use to run a conventional web application or worker without assembling the infrastructure yourself, while keeping access to the underlying resources. For containers with more control use ECS; for event-driven code, Lambda.',
    limits: [
      'There is no Elastic Beanstalk SLA: availability is that of the instances and load balancer it creates.',
      'A single-instance environment has no load balancer and fails with its one instance and zone.',
      'All-at-once deployments take the application down while they run; rolling, immutable or traffic-splitting deployments avoid that.',
    ],
    customerResponsibility: [
      'Your application code, its dependencies and configuration.',
      'Keep the platform current (managed platform updates) and choose safe deployment policies.',
      'Security groups, instance roles, HTTPS on the load balancer and secrets kept out of environment properties.',
    ],
    securityControls: [
      'Managed platform updates that apply patches during a weekly maintenance period.',
      'Enhanced health reporting and log streaming to CloudWatch.',
      'Instance profiles, security groups, VPC placement, HTTPS listeners and IMDSv2 on its instances.',
    ],
    pricing:
      'Elastic Beanstalk is free; you pay for the resources it creates: EC2 instances, EBS volumes, the load balancer, and CloudWatch logs.',
  },
  properties: {
    platform: enumProp(
      'The language platform the application runs on. Elastic Beanstalk picks the matching managed platform version (operating system, language runtime, web server) and keeps it patched when managed updates are on.',
      [
        ['java', 'Java SE or Tomcat.'],
        ['dotnet', '.NET on Linux or Windows Server with IIS.'],
        ['nodejs', 'Node.js behind nginx.'],
        ['php', 'PHP on Apache or nginx.'],
        ['python', 'Python behind nginx and Gunicorn.'],
        ['ruby', 'Ruby with Puma or Passenger.'],
        ['go', 'Go binaries built from source.'],
        ['docker', 'Any application packaged as a Docker container.'],
      ],
      { required: true },
    ),
    tier: enumProp(
      'What kind of work the environment does. A web server environment answers HTTP requests; a worker environment pulls jobs from a queue and has no public endpoint.',
      [
        ['webserver', 'Serves HTTP requests, usually behind a load balancer.'],
        ['worker', 'Processes messages from an SQS queue in the background.'],
      ],
      { default: 'webserver' },
    ),
    environmentType: enumProp(
      'Whether the environment has a load balancer and several instances. Only a load-balanced environment spread over two or more zones survives the loss of an instance or a zone.',
      [
        ['load-balanced', 'A load balancer in front of an auto scaling group spread over the zones: the highly available choice.'],
        ['single-instance', 'One instance with a public address and no load balancer: cheap, for development.'],
      ],
      { default: 'load-balanced' },
    ),
    instanceType: {
      shape: { kind: 'instance-type' },
      default: 't3.micro',
      description: "The instance type of the environment's instances.",
      example: 't3.small',
    },
    minInstances: numberProp(
      "The smallest number of instances the environment's auto scaling group keeps; the availability and cost estimates use it.",
      { minimum: 1, integer: true, default: 1 },
    ),
    maxInstances: numberProp('The largest number of instances the environment may scale to.', { minimum: 1, integer: true, default: 4 }),
    loadBalancerType: enumProp(
      'The load balancer Elastic Beanstalk creates for a load-balanced environment. It becomes part of the environment and is billed like any load balancer.',
      [
        ['application', 'An Application Load Balancer (HTTP and HTTPS, path rules).'],
        ['network', 'A Network Load Balancer (TCP, very high throughput).'],
        ['classic', 'The previous-generation Classic Load Balancer; avoid for new environments.'],
      ],
      { default: 'application' },
    ),
    deploymentPolicy: enumProp(
      'How new application versions are rolled out. The choice trades deployment speed against capacity and downtime during the rollout, and decides how a bad version is rolled back.',
      [
        ['all-at-once', 'Every instance is updated at the same time: fastest, with downtime.'],
        ['rolling', 'Instances are updated in batches, reducing capacity during the deployment.'],
        ['rolling-with-additional-batch', 'A new batch is launched first so capacity never drops.'],
        ['immutable', 'A fresh set of instances is launched and swapped in; the safest rollback.'],
        ['traffic-splitting', 'A canary: a share of traffic goes to new instances before the switch.'],
      ],
      { default: 'all-at-once' },
    ),
    managedUpdates: boolProp(
      'Managed platform updates: Elastic Beanstalk applies platform patches and minor version updates automatically during a weekly maintenance period, so the environment does not drift onto an unsupported platform.',
      false,
    ),
    enhancedHealth: boolProp(
      'Enhanced health reporting: instance and request-level health from an agent on each instance, rather than only load balancer checks.',
      true,
    ),
    logStreaming: boolProp('Whether instance logs are streamed to CloudWatch Logs, so they survive instance replacement.', false),
    publicIp: publicIpProperty,
    imdsv2: imdsProperty,
    iamRole: iamRoleProperty,
  },
  snippet: [
    'type: aws.elasticbeanstalk.environment',
    'platform: ${1|python,nodejs,java,dotnet,php,ruby,go,docker|}',
    'environmentType: load-balanced',
    'instanceType: ${2:t3.small}',
    'zones: [${3:a, b}]',
    'minInstances: ${4:2}',
    'maxInstances: ${5:4}',
    'deploymentPolicy: ${6|rolling-with-additional-batch,immutable,rolling,traffic-splitting,all-at-once|}',
    'managedUpdates: true',
    'enhancedHealth: true',
  ].join('\n'),
};

export const computeTypes: readonly ResourceTypeDef[] = [
  ec2Instance,
  autoScalingGroup,
  imageBuilderPipeline,
  lightsailInstance,
  batchEnvironment,
  beanstalkEnvironment,
];

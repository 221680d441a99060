/**
 * The starting point that "CloudArch: New Architecture" writes: a small, valid, two-zone web
 * application that shows the main ideas of the format (references, zones, security groups, the
 * workload and the targets) and evaluates without findings above medium.
 */

/** The text of a new architecture file named `name`. */
export function architectureTemplate(name: string): string {
  const title = name.trim() === '' ? 'My architecture' : name.trim();
  // The first line names the architecture: VS Code titles an untitled editor after its first line.
  return `# ${title.replace(/[\r\n]+/g, ' ')}
# A CloudArch architecture. Hover any key for its documentation; Ctrl+Space completes.
cloudarch: "1"
name: ${JSON.stringify(title)}
region: us-east-1
zones: [a, b]

workload:
  requestsPerSecond: 50
  peakRequestsPerSecond: 200
  dataTransferOutGB: 100

targets:
  availability: 99.9
  monthlyBudget: 1000
  maxFindingSeverity: medium

resources:
  users:
    type: external.users
    connectsTo: [web-lb]

  web-lb:
    type: aws.elb.application
    scheme: internet-facing
    zones: [a, b]
    subnet: public
    listeners:
      - { port: 443, protocol: HTTPS }
    securityGroups: [lb-sg]
    targets: [web]

  web:
    type: aws.autoscaling.group
    instanceType: t3.small
    zones: [a, b]
    min: 2
    desired: 2
    max: 4
    healthCheck: elb
    imdsv2: required
    securityGroups: [web-sg]
    connectsTo: [db:5432]

  db:
    type: aws.rds.instance
    engine: postgres
    instanceClass: db.t3.medium
    multiAZ: true
    zones: [a, b]
    storage: { volumeType: gp3, sizeGB: 50 }
    encrypted: true
    backupRetentionDays: 7
    publiclyAccessible: false
    deletionProtection: true
    securityGroups: [db-sg]

  lb-sg:
    type: aws.ec2.security-group
    ingress:
      - { port: 443, protocol: tcp, from: 0.0.0.0/0 }

  web-sg:
    type: aws.ec2.security-group
    ingress:
      - { port: 80, protocol: tcp, from: lb-sg }

  db-sg:
    type: aws.ec2.security-group
    ingress:
      - { port: 5432, protocol: tcp, from: web-sg }
`;
}

/** Turns a user's answer into a file name: `My Shop` becomes `my-shop.cloudarch.yaml`. */
export function architectureFileName(name: string): string {
  const base = name
    .trim()
    .toLowerCase()
    .replace(/\.cloudarch\.ya?ml$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base === '' ? 'architecture' : base}.cloudarch.yaml`;
}

/**
 * Service icons, drawn by the project: a rounded square in the category's colour (AWS's own
 * convention: the colour says the category) with a simple line glyph for the kind of service.
 * The glyphs are our own paths on a 32 x 32 grid, all with the same stroke, so the set reads as
 * one family; they are not AWS's icon files.
 */

/** Line glyphs (stroke only, 2 px, round joins), on a 32 x 32 grid with a 6 px margin. */
const glyphs: Readonly<Record<string, string>> = {
  // A chip: the square with pins on every side.
  instance: 'M10 10h12v12H10z M13 6v4 M16 6v4 M19 6v4 M13 22v4 M16 22v4 M19 22v4 M6 13h4 M6 16h4 M6 19h4 M22 13h4 M22 16h4 M22 19h4',
  // Two chips behind each other with the scaling arrows.
  autoscaling:
    'M11 11h10v10H11z M6 16h3 M23 16h3 M7.5 14.5L6 16l1.5 1.5 M24.5 14.5L26 16l-1.5 1.5 M16 6v3 M16 23v3 M14.5 7.5L16 6l1.5 1.5 M14.5 24.5L16 26l1.5-1.5',
  // A disc image being produced by a gear-like ring.
  image: 'M16 7a9 9 0 1 0 0.01 0z M16 13a3 3 0 1 0 0.01 0z M16 7v3 M25 16h-3',
  batch: 'M7 9h18v4H7z M7 15h18v4H7z M7 21h12v4H7z',
  // Leaves of a plant: a managed environment that grows.
  beanstalk: 'M16 26V14 M16 18c-5 0-8-3-8-8 5 0 8 3 8 8z M16 14c0-5 3-8 8-8 0 5-3 8-8 8z',
  // Containers: three boxes.
  container: 'M6 12h9v8H6z M17 12h9v8h-9z M11.5 4h9v8h-9z M10.5 20v6 M21.5 20v6',
  // Lambda.
  lambda: 'M9 25l6-11-4-7h4l9 18 M15 14l-6 11',
  // An API: angle brackets around a dot.
  api: 'M12 9l-6 7 6 7 M20 9l6 7-6 7 M16 15a1 1 0 1 0 0.01 0z',
  // A block volume.
  volume: 'M8 9h16v14H8z M8 13h16 M11 18h4',
  // A shared file system: folder.
  filesystem: 'M6 10h7l2 2h11v12H6z M6 15h20',
  // A bucket.
  bucket: 'M6 10c0-2 20-2 20 0l-3 14c0 2-14 2-14 0z M6 10c0 2 20 2 20 0',
  // A database cylinder.
  database: 'M7 9c0-4 18-4 18 0v14c0 4-18 4-18 0z M7 9c0 4 18 4 18 0 M7 16c0 4 18 4 18 0',
  // A table: the cylinder with a key-value line.
  table: 'M7 9c0-4 18-4 18 0v14c0 4-18 4-18 0z M7 9c0 4 18 4 18 0 M12 19h8 M12 23h5',
  // Blockchain: linked cubes.
  blockchain: 'M6 8h8v8H6z M18 16h8v8h-8z M14 12h3v4 M15 20h3',
  // A warehouse: stacked shelves.
  warehouse: 'M6 12l10-6 10 6v14H6z M10 17h12 M10 21h12',
  // An analytics cluster: three nodes linked.
  cluster: 'M16 6a3 3 0 1 0 0.01 0z M8 22a3 3 0 1 0 0.01 0z M24 22a3 3 0 1 0 0.01 0z M14.5 11.5l-5 8 M17.5 11.5l5 8 M11 25h10',
  // A query: magnifier.
  query: 'M14 7a7 7 0 1 0 0.01 0z M19 19l7 7',
  // A dashboard: bars.
  dashboard: 'M7 25h18 M9 25V17 M14 25V10 M19 25V14 M24 25V7',
  // ETL: a funnel.
  etl: 'M6 7h20l-8 9v8l-4 2V16z',
  // Migration: two arrows.
  migration: 'M6 11h18 M20 7l4 4-4 4 M26 21H8 M12 17l-4 4 4 4',
  // A portable device: a rugged box with a handle.
  device: 'M7 11h18v14H7z M12 11V7h8v4 M11 18h10',
  // DNS: a shield-shaped "53" plaque is AWS's; ours is a signpost.
  dns: 'M16 6v20 M16 9h9l2 3-2 3h-9 M16 15H7l-2 3 2 3h9',
  // A CDN: a globe.
  cdn: 'M16 6a10 10 0 1 0 0.01 0z M6 16h20 M16 6c-5 5-5 15 0 20 M16 6c5 5 5 15 0 20',
  // A load balancer: one line fanning out to three.
  loadbalancer: 'M6 16h6 M12 16l8-8h6 M12 16h14 M12 16l8 8h6 M12 13a3 3 0 1 0 0.01 0z',
  // A NAT gateway: a door with an arrow out.
  nat: 'M8 7h10v18H8z M14 16h12 M22 12l4 4-4 4',
  // An internet gateway: a globe with an arrow through the VPC's wall.
  internet: 'M13 8a8 8 0 1 0 0.01 0z M5 16h16 M13 8c-3.5 4-3.5 12 0 16 M13 8c3.5 4 3.5 12 0 16 M24 9v14 M21 16h6 M25 14l2 2-2 2',
  // A virtual private gateway: a padlock on a tunnel.
  vpn: 'M6 24c0-8 4-14 10-14s10 6 10 14 M11 16h10v8H11z M13 16v-3a3 3 0 0 1 6 0v3 M16 19v2',
  // Users: a person.
  users: 'M16 7a4 4 0 1 0 0.01 0z M8 26c0-5 4-8 8-8s8 3 8 8z',
  // A server in a rack.
  server: 'M8 6h16v8H8z M8 18h16v8H8z M11 10h2 M11 22h2',
  // A security group shield (also used on badges).
  shield: 'M16 5l9 4v6c0 6-4 10-9 12-5-2-9-6-9-12V9z',
  // An unknown type: a question mark.
  unknown: 'M12 12a4 4 0 1 1 6 3.5c-1.5 1-2 2-2 3.5 M16 23v1',
};

/** Which glyph a type is drawn with. */
export function iconKeyOf(type: string | undefined): string {
  if (type === undefined) return 'unknown';
  const exact: Readonly<Record<string, string>> = {
    'aws.ec2.instance': 'instance',
    'aws.lightsail.instance': 'instance',
    'aws.autoscaling.group': 'autoscaling',
    'aws.imagebuilder.pipeline': 'image',
    'aws.batch.environment': 'batch',
    'aws.elasticbeanstalk.environment': 'beanstalk',
    'aws.ecs.service': 'container',
    'aws.lambda.function': 'lambda',
    'aws.apigateway.api': 'api',
    'aws.ebs.volume': 'volume',
    'aws.efs.filesystem': 'filesystem',
    'aws.fsx.filesystem': 'filesystem',
    'aws.s3.bucket': 'bucket',
    'aws.dynamodb.table': 'table',
    'aws.managedblockchain.network': 'blockchain',
    'aws.redshift.cluster': 'warehouse',
    'aws.emr.cluster': 'cluster',
    'aws.athena.workgroup': 'query',
    'aws.quicksight.dashboard': 'dashboard',
    'aws.glue.job': 'etl',
    'aws.glue.crawler': 'etl',
    'aws.dms.task': 'migration',
    'aws.snow.device': 'device',
    'aws.route53.zone': 'dns',
    'aws.cloudfront.distribution': 'cdn',
    'aws.vpc.nat-gateway': 'nat',
    // Not catalog types: the parts the network-details layer draws as implied by the design.
    'aws.vpc.internet-gateway': 'internet',
    'aws.vpc.vpn-gateway': 'vpn',
    'aws.ec2.security-group': 'shield',
    'external.users': 'users',
    'external.onprem-server': 'server',
    'external.onprem-database': 'database',
  };
  if (exact[type] !== undefined) return exact[type];
  if (type.startsWith('aws.elb.')) return 'loadbalancer';
  if (/^aws\.(rds|docdb|neptune|timestream|qldb)\./.test(type)) return 'database';
  return 'unknown';
}

/** The path data of a glyph (an unknown key draws the question mark). */
export function glyphPath(key: string): string {
  return glyphs[key] ?? glyphs.unknown!;
}

/** Every glyph key, for tests and the legend. */
export const glyphKeys: readonly string[] = Object.keys(glyphs);

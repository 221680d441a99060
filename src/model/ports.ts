/**
 * The ports the catalog knows: what listens on them, which completion offers, which are database
 * and cache ports that must never face the internet (Security Hub FSBP EC2.19 lists several), and the
 * port a resource listens on by its engine or its type. The one source for completion of `port:`
 * and `connectsTo: name:port`, the security group rules and the exposure analysis.
 */

export interface KnownPort {
  readonly port: number;
  /** What listens on it, as findings and completion name it. */
  readonly service: string;
  /** Whether completion offers it for a `port:` value. */
  readonly offered: boolean;
  /** A database or cache port: never to face the internet (CA-SG-004). */
  readonly database: boolean;
}

function port(portNumber: number, service: string, kind: { offered?: boolean; database?: boolean }): KnownPort {
  return { port: portNumber, service, offered: kind.offered ?? false, database: kind.database ?? false };
}

/** Every known port, in the order completion offers them. */
export const knownPorts: readonly KnownPort[] = [
  port(443, 'HTTPS', { offered: true }),
  port(80, 'HTTP', { offered: true }),
  port(22, 'SSH', { offered: true }),
  port(3389, 'RDP', { offered: true }),
  port(5432, 'PostgreSQL/Aurora PostgreSQL', { offered: true, database: true }),
  port(3306, 'MySQL/MariaDB/Aurora MySQL', { offered: true, database: true }),
  port(1521, 'Oracle', { offered: true, database: true }),
  port(1433, 'SQL Server', { offered: true, database: true }),
  port(27017, 'MongoDB/DocumentDB', { offered: true, database: true }),
  port(8182, 'Neptune', { offered: true, database: true }),
  port(5439, 'Redshift', { offered: true, database: true }),
  port(6379, 'Redis', { offered: true, database: true }),
  port(11211, 'Memcached', { offered: true, database: true }),
  port(2049, 'NFS (EFS)', { offered: true }),
  port(445, 'SMB (FSx for Windows)', { offered: true }),
  port(988, 'Lustre (FSx for Lustre)', { offered: true }),
  port(8080, 'HTTP (alternate)', { offered: true }),
  port(1434, 'SQL Server browser', { database: true }),
  port(9042, 'Cassandra/Keyspaces', { database: true }),
  port(9200, 'OpenSearch', { database: true }),
  port(9300, 'OpenSearch transport', { database: true }),
];

/** The ports completion offers for a `port:` value, in order. */
export const offeredPorts: readonly KnownPort[] = knownPorts.filter((known) => known.offered);

/** Database and cache ports by number (ascending, as integer keys are), named as findings name them. */
export const databasePorts: Readonly<Record<number, string>> = Object.fromEntries(
  knownPorts.filter((known) => known.database).map((known) => [known.port, known.service]),
);

/** Ports that may face the internet without a finding of their own (web traffic). */
export const webPorts: readonly number[] = [80, 443];

/**
 * The default port of a database engine. The order matters where an engine is matched by the
 * name it contains (`oracle-ee` listens where `oracle` does).
 */
export const enginePorts: Readonly<Record<string, number>> = {
  mysql: 3306,
  mariadb: 3306,
  'aurora-mysql': 3306,
  postgres: 5432,
  postgresql: 5432,
  'aurora-postgresql': 5432,
  oracle: 1521,
  sqlserver: 1433,
};

/** The port of an engine named exactly or by a name that contains it (`sqlserver-se`). */
export function enginePort(engine: string): number | undefined {
  return enginePorts[engine] ?? Object.entries(enginePorts).find(([known]) => engine.includes(known))?.[1];
}

/** The port a resource of a type listens on when neither it nor its engine says. */
export const typePorts: Readonly<Record<string, number>> = {
  'aws.docdb.cluster': 27017,
  'aws.neptune.cluster': 8182,
  'aws.redshift.cluster': 5439,
  'aws.efs.filesystem': 2049,
  'aws.s3.bucket': 443,
  'aws.dynamodb.table': 443,
  'aws.apigateway.api': 443,
  'aws.cloudfront.distribution': 443,
  'aws.lambda.function': 443,
  'aws.timestream.database': 443,
  'aws.qldb.ledger': 443,
};

/** FSx listens by its kind: Lustre on 988, Windows File Server (SMB) on 445. */
export function fsxPort(kind: unknown): number {
  return kind === 'lustre' ? 988 : 445;
}

/**
 * Database pricing: RDS (instance-hours doubled for Multi-AZ, storage doubled for Multi-AZ, read
 * replicas), Aurora (instances or Serverless v2 ACU-hours, storage), DynamoDB (on-demand request
 * units or provisioned capacity, storage, backups, global-table replicas, DAX), DocumentDB,
 * Neptune, Timestream, QLDB and Managed Blockchain.
 */
import type { ResourceNode } from '../../../core/document';
import type { CostContext, PriceFactor } from '../context';
import { amountOr } from '../context';
import { addOptionCharged, addOptionCosts, databaseFactor, databaseOptionFactors } from '../purchase';

/**
 * Charges `instanceCount` database instances of `key` (USD per instance-hour) under the resource's
 * `purchase` reservation, and records the cost under every reservation option.
 */
function chargeDbInstances(
  ctx: CostContext,
  r: ResourceNode,
  key: string,
  instanceHours: number,
  what: string,
  recordOptions = true,
): void {
  const purchase = ctx.str(r, 'purchase') ?? 'on-demand';
  const factor: PriceFactor | undefined = databaseFactor(ctx, purchase);
  const base = ctx.price(key, ctx.regionOf(r));
  const charged = ctx.charge(r.name, ctx.regionOf(r), {
    key,
    quantity: instanceHours,
    what: `${what} ${purchase} instance-hours`,
    unit: 'instance-hours',
    ...(factor ? { factor } : {}),
  });
  if (!base || !recordOptions) return;
  addOptionCharged(ctx, charged);
  addOptionCosts(ctx, databaseOptionFactors(ctx), instanceHours, base.usd);
}

function objectProp(ctx: CostContext, r: ResourceNode, name: string): Readonly<Record<string, unknown>> | undefined {
  const value = ctx.prop(r, name);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `aws.rds.instance`. */
export function priceRdsInstance(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const engine = ctx.str(r, 'engine') ?? 'mysql';
  const className = ctx.str(r, 'instanceClass');
  const multiAZ = ctx.bool(r, 'multiAZ');
  const copies = multiAZ ? 2 : 1;
  const deployment = multiAZ ? 'Multi-AZ (primary + standby)' : 'Single-AZ';
  if (className) {
    chargeDbInstances(ctx, r, `rds:${className}:${engine}`, ctx.unitHours(copies), `${className} ${engine} ${deployment}`);
    const replicas = ctx.num(r, 'readReplicas', 0);
    if (replicas > 0)
      chargeDbInstances(ctx, r, `rds:${className}:${engine}`, ctx.unitHours(replicas), `${className} ${engine} read replica`, false);
  } else {
    ctx.addUnpriced(r.name, 'instance-hours', 'no instanceClass is set');
  }
  const storage = objectProp(ctx, r, 'storage') ?? {};
  const volumeType = typeof storage.volumeType === 'string' ? storage.volumeType : 'gp3';
  const sizeGB = amountOr(storage.sizeGB, 20);
  const replicaCopies = copies + ctx.num(r, 'readReplicas', 0);
  ctx.charge(r.name, region, {
    key: `rds:storage:${volumeType}`,
    quantity: sizeGB * replicaCopies,
    what: `${volumeType} storage (${sizeGB} GB x ${replicaCopies} ${replicaCopies === 1 ? 'copy' : 'copies'})`,
    unit: 'GB-month',
  });
  if ((volumeType === 'io1' || volumeType === 'io2') && storage.iops !== undefined) {
    ctx.charge(r.name, region, {
      key: `rds:storage:${volumeType}:iops`,
      quantity: amountOr(storage.iops, 0) * replicaCopies,
      what: `${volumeType} provisioned IOPS`,
      unit: 'IOPS-month',
    });
  }
}

/** `aws.rds.aurora`: provisioned instances or Serverless v2, plus cluster storage. */
export function priceAurora(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const engine = ctx.str(r, 'engine') ?? 'aurora-mysql';
  const instances = ctx.num(r, 'instances', 1);
  const serverless = objectProp(ctx, r, 'serverless');
  if (r.props.serverless !== undefined && serverless) {
    const acu = amountOr(serverless.averageACU ?? serverless.minACU, 0.5);
    const note =
      serverless.averageACU !== undefined
        ? 'averageACU over the month'
        : 'minACU all month (set serverless.averageACU for a better estimate)';
    ctx.charge(r.name, region, {
      key: 'aurora:serverless-v2',
      quantity: ctx.unitHours(instances) * acu,
      what: `Serverless v2 capacity (${instances} x ${acu} ACU)`,
      unit: 'ACU-hours',
      note,
      estimate: serverless.averageACU === undefined,
    });
  } else {
    const className = ctx.str(r, 'instanceClass');
    if (className) {
      // The instance-class table's Aurora price wins; the snapshot's own Aurora list is the fallback.
      const key = ctx.price(`rds:${className}:${engine}`, region) ? `rds:${className}:${engine}` : `aurora:${className}`;
      chargeDbInstances(ctx, r, key, ctx.unitHours(instances), `${className} ${engine}`);
    } else {
      ctx.addUnpriced(r.name, 'instance-hours', 'no instanceClass is set');
    }
  }
  const storageGB = ctx.num(r, 'storageGB', 10);
  const regions = Array.isArray(r.props.globalDatabase) ? r.props.globalDatabase.length : 0;
  ctx.charge(r.name, region, {
    key: 'aurora:storage',
    quantity: storageGB * (1 + regions),
    what: `cluster storage${regions > 0 ? ` (primary + ${regions} secondary region${regions === 1 ? '' : 's'})` : ''}`,
    unit: 'GB-month',
  });
  ctx.addUnpriced(r.name, 'Aurora I/O requests', 'the number of I/O operations depends on the queries, which are not modeled');
  if (regions > 0)
    ctx.addUnpriced(
      r.name,
      'instances in secondary regions and replicated write I/O',
      "a global database's secondary clusters are not sized in the file",
    );
}

/** `aws.dynamodb.table`. */
export function priceDynamoDb(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const mode = ctx.str(r, 'capacityMode') ?? 'on-demand';
  const secondsPerMonth = ctx.hours * 3600;
  const replicas = Array.isArray(r.props.globalTables)
    ? r.props.globalTables.filter((x) => typeof x === 'string' && x !== region).length
    : 0;
  let writeUnitsPerMonth = 0;
  if (mode === 'provisioned') {
    const rcu = ctx.num(r, 'readCapacityUnits', 5);
    const wcu = ctx.num(r, 'writeCapacityUnits', 5);
    ctx.charge(r.name, region, {
      key: 'dynamodb:provisioned:rcu',
      quantity: rcu * ctx.hours,
      what: `provisioned read capacity (${rcu} RCU)`,
      unit: 'RCU-hours',
    });
    ctx.charge(r.name, region, {
      key: 'dynamodb:provisioned:wcu',
      quantity: wcu * ctx.hours,
      what: `provisioned write capacity (${wcu} WCU)`,
      unit: 'WCU-hours',
    });
    if (replicas > 0) {
      ctx.charge(r.name, region, {
        key: 'dynamodb:replicated-wcu',
        quantity: wcu * ctx.hours * replicas,
        what: `replicated write capacity in ${replicas} replica region${replicas === 1 ? '' : 's'}`,
        unit: 'rWCU-hours',
        estimate: true,
      });
    }
  } else {
    const onPath = ctx.onRequestPath(r.name);
    const reads = r.props.readsPerSecond !== undefined ? ctx.num(r, 'readsPerSecond') * secondsPerMonth : ctx.requestsReaching(r.name);
    const readNote =
      r.props.readsPerSecond !== undefined
        ? 'readsPerSecond x seconds a month'
        : onPath
          ? 'one read request unit per workload request reaching the table'
          : undefined;
    ctx.charge(r.name, region, {
      key: 'dynamodb:on-demand:read',
      quantity: reads / 1e6,
      what: 'on-demand reads',
      unit: 'million RRU',
      ...(readNote ? { note: readNote } : {}),
    });
    if (r.props.writesPerSecond !== undefined) {
      writeUnitsPerMonth = ctx.num(r, 'writesPerSecond') * secondsPerMonth;
      ctx.charge(r.name, region, {
        key: 'dynamodb:on-demand:write',
        quantity: writeUnitsPerMonth / 1e6,
        what: 'on-demand writes',
        unit: 'million WRU',
        note: 'writesPerSecond x seconds a month',
      });
    } else if (onPath) {
      ctx.addUnpriced(r.name, 'on-demand writes', 'the workload does not say how many requests write; set writesPerSecond on the table');
    }
    if (replicas > 0 && writeUnitsPerMonth > 0) {
      ctx.charge(r.name, region, {
        key: 'dynamodb:on-demand:write',
        quantity: (writeUnitsPerMonth * replicas) / 1e6,
        what: `replicated writes in ${replicas} replica region${replicas === 1 ? '' : 's'}`,
        unit: 'million rWRU',
        estimate: true,
      });
    }
  }
  const storageGB = ctx.num(r, 'storageGB', 1);
  const ia = ctx.str(r, 'tableClass') === 'standard-ia';
  const storageKey = ia ? 'dynamodb:storage:standard-ia' : 'dynamodb:storage';
  ctx.charge(r.name, region, {
    key: storageKey,
    quantity: storageGB * (1 + replicas),
    what: `table storage${replicas > 0 ? ` (x${1 + replicas} regions)` : ''}`,
    unit: 'GB-month',
  });
  if (ctx.bool(r, 'pointInTimeRecovery')) {
    ctx.charge(r.name, region, { key: 'dynamodb:pitr', quantity: storageGB, what: 'point-in-time recovery', unit: 'GB-month' });
  }
  const dax =
    r.props.dax && typeof r.props.dax === 'object' && !Array.isArray(r.props.dax) ? (r.props.dax as Record<string, unknown>) : undefined;
  if (dax) {
    const nodeType = typeof dax.nodeType === 'string' ? dax.nodeType : 'dax.r5.large';
    const nodes = amountOr(dax.nodes, 3);
    ctx.charge(r.name, region, {
      key: `dax:${nodeType}`,
      quantity: ctx.unitHours(nodes),
      what: `DAX ${nodeType} nodes (${nodes})`,
      unit: 'node-hours',
    });
  }
}

/** DocumentDB and Neptune clusters: instances, storage; I/O is not modeled. */
function priceInstanceCluster(ctx: CostContext, r: ResourceNode, service: 'docdb' | 'neptune'): void {
  const region = ctx.regionOf(r);
  const instances = ctx.num(r, 'instances', 1);
  const className = ctx.str(r, 'instanceClass');
  if (className) {
    const key = ctx.price(`${service}:${className}:${service}`, region) ? `${service}:${className}:${service}` : `${service}:${className}`;
    chargeDbInstances(ctx, r, key, ctx.unitHours(instances), `${className} x${instances}`);
  } else {
    ctx.addUnpriced(r.name, 'instance-hours', 'no instanceClass is set');
  }
  ctx.charge(r.name, region, {
    key: `${service}:storage`,
    quantity: ctx.num(r, 'storageGB', 10),
    what: 'cluster storage',
    unit: 'GB-month',
  });
  ctx.addUnpriced(r.name, 'I/O requests', 'the number of I/O operations depends on the queries, which are not modeled');
}

export function priceDocDb(ctx: CostContext, r: ResourceNode): void {
  priceInstanceCluster(ctx, r, 'docdb');
}

export function priceNeptune(ctx: CostContext, r: ResourceNode): void {
  priceInstanceCluster(ctx, r, 'neptune');
}

/** `aws.timestream.database`: writes from ingest (1 KB each), memory store, magnetic store. */
export function priceTimestream(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const ingestGB = ctx.num(r, 'ingestGBPerMonth', 1);
  ctx.charge(r.name, region, {
    key: 'timestream:writes',
    quantity: ingestGB,
    what: 'writes (1 KB each: a GB ingested is a million writes)',
    unit: 'million writes',
  });
  const memoryGBHours = ingestGB * ctx.num(r, 'memoryRetentionHours', 24);
  ctx.charge(r.name, region, {
    key: 'timestream:memory-store',
    quantity: memoryGBHours,
    what: 'memory store (GB ingested x retention hours)',
    unit: 'GB-hours',
  });
  ctx.charge(r.name, region, {
    key: 'timestream:magnetic-store',
    quantity: ctx.num(r, 'storageGB', 10),
    what: 'magnetic store',
    unit: 'GB-month',
  });
  ctx.addUnpriced(r.name, 'queries (per GB scanned)', 'the query volume is not modeled');
}

/** `aws.qldb.ledger`: QLDB reached end of support, so there is no price to apply. */
export function priceQldb(ctx: CostContext, r: ResourceNode): void {
  ctx.addUnpriced(r.name, 'QLDB ledger', 'Amazon QLDB reached end of support on 2025-07-31; there is no current list price');
}

/** `aws.managedblockchain.network`: the membership fee per member-hour; peer nodes need a price key. */
export function priceManagedBlockchain(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  if (ctx.str(r, 'framework') === 'ethereum') {
    ctx.addUnpriced(r.name, 'Ethereum nodes and requests', 'the snapshot has no Managed Blockchain Ethereum prices');
    return;
  }
  const edition = ctx.str(r, 'edition') ?? 'starter';
  const members = ctx.num(r, 'members', 1);
  // Each member pays its own membership by the hour (there is no network fee).
  ctx.charge(r.name, region, {
    key: `managedblockchain:${edition}`,
    quantity: ctx.unitHours(members),
    what: `Hyperledger Fabric ${edition} edition membership (${members} member${members === 1 ? '' : 's'})`,
    unit: 'member-hours',
  });
  const peerType = ctx.str(r, 'peerNodeType') ?? 'bc.t3.small';
  ctx.charge(r.name, region, {
    key: `managedblockchain:peer:${peerType}`,
    quantity: ctx.unitHours(ctx.num(r, 'peerNodes', 1)),
    what: `${peerType} peer nodes`,
    unit: 'node-hours',
  });
}

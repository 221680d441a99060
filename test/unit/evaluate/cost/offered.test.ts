/**
 * Which SKUs completion offers: only those the cost model can price, so that a value picked from the
 * list never makes the total silently incomplete. One row per SKU property and resource type, with
 * a priced and an unpriced value (and, for databases, the engine that decides it). A value that is
 * not a SKU the cost model prices gets `undefined` (completion then offers every allowed value).
 */
import { strict as assert } from 'node:assert';
import { isOfferedDbClass, isOfferedInstanceType, isPricedSku } from '../../../../src/evaluate/cost/offered';

describe('cost: the SKUs completion offers', () => {
  const rows: readonly [
    type: string | undefined,
    property: string,
    value: string,
    engine: string | undefined,
    offered: boolean | undefined,
  ][] = [
    ['aws.ec2.instance', 'instanceType', 't3.medium', undefined, true],
    ['aws.ec2.instance', 'instanceType', 'zz.top', undefined, false],
    ['aws.batch.environment', 'instanceTypes', 'c5.xlarge', undefined, true],
    ['aws.batch.environment', 'instanceTypes', 'x1.nope', undefined, false],
    // RDS: the instance-class table prices MySQL, PostgreSQL and MariaDB alike; other engines
    // (Oracle, SQL Server) have no price of their own, so any priced engine will do.
    ['aws.rds.instance', 'instanceClass', 'db.t3.small', 'mysql', true],
    ['aws.rds.instance', 'instanceClass', 'db.m5.2xlarge', 'oracle', true],
    ['aws.rds.instance', 'instanceClass', 'db.m5.2xlarge', undefined, true],
    ['aws.rds.instance', 'instanceClass', 'db.m5d.2xlarge', 'oracle', false],
    ['aws.rds.instance', 'instanceClass', 'db.m5d.2xlarge', 'mysql', false],
    ['aws.rds.instance', 'instanceClass', 'db.t4g.medium', 'postgres', false],
    // Aurora: db.t3.small is priced for Aurora MySQL only; db.t4g.medium only in the snapshot's
    // own Aurora list; db.m5.2xlarge for RDS engines only.
    ['aws.rds.aurora', 'instanceClass', 'db.t3.small', 'aurora-mysql', true],
    ['aws.rds.aurora', 'instanceClass', 'db.t3.small', 'aurora-postgresql', false],
    ['aws.rds.aurora', 'instanceClass', 'db.t3.small', undefined, true],
    ['aws.rds.aurora', 'instanceClass', 'db.t3.small', 'mysql', true],
    ['aws.rds.aurora', 'instanceClass', 'db.t4g.medium', 'aurora-postgresql', true],
    ['aws.rds.aurora', 'instanceClass', 'db.m5.2xlarge', 'aurora-mysql', false],
    ['aws.rds.aurora', 'instanceClass', 'db.m5.2xlarge', undefined, false],
    ['aws.docdb.cluster', 'instanceClass', 'db.r5.large', undefined, true],
    ['aws.docdb.cluster', 'instanceClass', 'db.r6i.large', undefined, false],
    ['aws.docdb.cluster', 'instanceClass', 'db.t3.small', undefined, false],
    ['aws.neptune.cluster', 'instanceClass', 'db.r5.large', undefined, true],
    ['aws.neptune.cluster', 'instanceClass', 'db.t4g.medium', undefined, false],
    ['aws.neptune.cluster', 'instanceClass', 'db.t3.small', undefined, false],
    [undefined, 'instanceClass', 'db.t3.small', undefined, true],
    [undefined, 'instanceClass', 'db.m5d.2xlarge', undefined, false],
    ['aws.rds.instance', 'engine', 'postgres', undefined, true],
    ['aws.rds.instance', 'engine', 'mariadb', undefined, true],
    ['aws.rds.instance', 'engine', 'oracle', undefined, false],
    ['aws.rds.aurora', 'engine', 'aurora-mysql', undefined, undefined],
    ['aws.redshift.cluster', 'nodeType', 'ra3.xlplus', undefined, true],
    ['aws.redshift.cluster', 'nodeType', 'ra3.64xlarge', undefined, false],
    ['aws.emr.cluster', 'nodeType', 'ra3.xlplus', undefined, undefined],
    // The snapshot has no Managed Blockchain peer-node prices yet.
    ['aws.managedblockchain.network', 'peerNodeType', 'bc.t3.small', undefined, false],
    ['aws.dms.task', 'replicationInstanceClass', 'dms.t3.medium', undefined, true],
    ['aws.dms.task', 'replicationInstanceClass', 'dms.r5.large', undefined, false],
    ['aws.ec2.instance', 'ami', 'ami-1', undefined, undefined],
  ];
  for (const [type, property, value, engine, offered] of rows) {
    it(`${type ?? 'no type'} ${property}: ${value}${engine ? ` (${engine})` : ''} -> ${String(offered)}`, () => {
      assert.equal(isPricedSku(type, property, value, engine), offered);
    });
  }

  it('offers a DB class by the same rule directly', () => {
    assert.equal(isOfferedDbClass('aws.rds.aurora', 'db.t3.small', 'aurora-postgresql'), false);
    assert.equal(isOfferedDbClass('aws.docdb.cluster', 'db.r5.large'), true);
    assert.equal(isOfferedInstanceType('t3.medium'), true);
    assert.equal(isOfferedInstanceType('zz.top'), false);
  });
});

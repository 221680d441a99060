/**
 * Which SKUs completion may offer: only those the cost model can price. A value that names a
 * SKU (an instance type, a DB class, an engine, a node type) and has no sourced price would make
 * the cost total silently incomplete, so completion leaves it out (it stays valid when written;
 * the cost evaluation then says it is unpriced and how to supply the price).
 */
import { isPricedDbClass, PRICED_DB_ENGINES } from '../../model/db-instance-classes';
import { isPricedInstanceType } from '../../model/instance-types';
import { priceEntry } from '../../model/prices';

const auroraEngines = ['aurora-mysql', 'aurora-postgresql'];

/** Whether the DB class `name` is priced for a resource of `typeId` running `engine` (when known). */
export function isOfferedDbClass(typeId: string | undefined, name: string, engine?: string): boolean {
  if (typeId === 'aws.docdb.cluster' || typeId?.startsWith('aws.docdb.')) return priceEntry(`docdb:${name}`) !== undefined;
  if (typeId?.startsWith('aws.neptune.')) return priceEntry(`neptune:${name}`) !== undefined;
  if (typeId === 'aws.rds.aurora') {
    const engines = engine !== undefined && auroraEngines.includes(engine) ? [engine] : auroraEngines;
    return engines.some((candidate) => isPricedDbClass(name, candidate)) || priceEntry(`aurora:${name}`) !== undefined;
  }
  if (engine !== undefined && PRICED_DB_ENGINES.includes(engine)) return isPricedDbClass(name, engine);
  return isPricedDbClass(name);
}

/** Whether an EC2 instance type may be offered (it has a sourced price in at least one region). */
export function isOfferedInstanceType(name: string): boolean {
  return isPricedInstanceType(name);
}

/**
 * For a value of `property` on a resource of `typeId`: true or false when the value names a SKU
 * (priced or not), undefined when the property is not a SKU the cost model prices.
 */
export function isPricedSku(typeId: string | undefined, property: string, value: string, engine?: string): boolean | undefined {
  if (property === 'instanceType' || property === 'instanceTypes') return isOfferedInstanceType(value);
  if (property === 'instanceClass') return isOfferedDbClass(typeId, value, engine);
  if (property === 'engine' && typeId === 'aws.rds.instance') return PRICED_DB_ENGINES.includes(value);
  if (property === 'nodeType' && typeId === 'aws.redshift.cluster') return priceEntry(`redshift:${value}`) !== undefined;
  if (property === 'peerNodeType') return priceEntry(`managedblockchain:peer:${value}`) !== undefined;
  if (property === 'replicationInstanceClass') return priceEntry(`dms:${value}`) !== undefined;
  return undefined;
}

/**
 * Every security rule, in the order the rule table documents them. Ids are stable and never reused:
 * a retired rule keeps its id out of circulation (list it in `retiredRuleIds`).
 */
import type { SecurityRule } from './rule';
import { analyticsRules } from './rules/analytics';
import { coverageRules } from './rules/coverage';
import { beanstalkRules, computeRules } from './rules/compute';
import { databaseRules } from './rules/databases';
import { migrationRules } from './rules/migration';
import { applicationRules } from './rules/application';
import { exposureRules } from './rules/exposure-rules';
import { loadBalancerAndCdnRules, securityGroupRules } from './rules/networking';
import { severityRationale } from './rules/severity-rationale';
import { storageRules } from './rules/storage';

/** Ids that once named a rule and must never name another. */
export const retiredRuleIds: readonly string[] = [];

/** All rules of the engine, each with the rationale of its severity where one is written. */
export const securityRules: readonly SecurityRule[] = [
  ...exposureRules,
  ...securityGroupRules,
  ...computeRules,
  ...storageRules,
  ...databaseRules,
  ...loadBalancerAndCdnRules,
  ...applicationRules,
  ...beanstalkRules,
  ...analyticsRules,
  ...migrationRules,
  ...coverageRules,
].map((rule) => {
  const rationale = rule.severityRationale ?? severityRationale[rule.id];
  return rationale === undefined ? rule : { ...rule, severityRationale: rationale };
});

const byId: ReadonlyMap<string, SecurityRule> = new Map(securityRules.map((rule) => [rule.id, rule]));

export function securityRule(id: string): SecurityRule | undefined {
  return byId.get(id);
}

/** The rules of each resource type, in registry order (the registry never changes). */
const rulesByType: ReadonlyMap<string, readonly SecurityRule[]> = new Map(
  [...new Set(securityRules.flatMap((rule) => rule.types))].map((type) => [
    type,
    securityRules.filter((rule) => rule.types.includes(type)),
  ]),
);

const noRules: readonly SecurityRule[] = [];

/** Rules that apply to a resource type. */
export function rulesForType(type: string): readonly SecurityRule[] {
  return rulesByType.get(type) ?? noRules;
}

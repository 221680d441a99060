/**
 * Migration services: DMS replication (public access, TLS to its endpoints, storage encryption).
 */
import { isTrue, propertyRule, shown, type SecurityRule } from '../rule';

const DMS = ['aws.dms.task'];

/** DMS (listed after the analytics rules in the rule table). */
export const migrationRules: readonly SecurityRule[] = [
  propertyRule({
    id: 'CA-DMS-001',
    title: 'DMS replication instance is publicly accessible',
    description: 'A public replication instance holds credentials for both endpoints and is reachable from the internet.',
    severity: 'critical',
    concern: 'security',
    types: DMS,
    remediation: 'Set `publiclyAccessible: false` and reach on-premises sources through VPN or Direct Connect.',
    checkov: [],
    securityHub: [],
    responsibility: 'customer',
    path: ['publiclyAccessible'],
    assumedDefault: true,
    ok: (value) => !isTrue(value),
    message: (resource, _value, written) =>
      `DMS replication instance of \`${resource.name}\` is publicly accessible${written ? '' : ' (the AWS default when not set)'}.`,
    fix: { value: false, title: 'Make it private (publiclyAccessible: false)' },
  }),
  propertyRule({
    id: 'CA-DMS-002',
    title: 'DMS endpoint connections do not use TLS',
    description: 'With sslMode none the migrated data crosses the network in clear text.',
    severity: 'medium',
    concern: 'security',
    types: DMS,
    remediation: 'Set `sslMode: verify-full` (or at least `require`).',
    checkov: [],
    securityHub: [],
    responsibility: 'customer',
    path: ['sslMode'],
    assumedDefault: 'none',
    ok: (value) => value !== 'none',
    message: (resource, value) => `DMS task \`${resource.name}\` connects to its endpoints with sslMode ${shown(value)}.`,
    fix: { value: 'verify-full', title: 'Use verified TLS (sslMode: verify-full)' },
  }),
  propertyRule({
    id: 'CA-DMS-003',
    title: 'DMS replication instance storage is not encrypted with KMS',
    description:
      'A configuration without KMS encryption leaves cached changes and logs on the replication instance without a key you control.',
    severity: 'medium',
    concern: 'security',
    types: DMS,
    remediation: 'Set `encrypted: true`.',
    checkov: [],
    securityHub: [],
    responsibility: 'customer',
    path: ['encrypted'],
    assumedDefault: true,
    ok: isTrue,
    message: (resource) => `DMS task \`${resource.name}\` is configured without KMS encryption (encrypted: false).`,
    fix: { value: true, title: 'Encrypt with KMS (encrypted: true)' },
  }),
];

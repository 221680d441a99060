/**
 * Exposure rules: a data store that the internet reaches, graded by how direct the path is. The
 * paths come from the graph analysis in `../exposure.ts`; these rules only turn the shortest path to
 * each data store into one finding.
 */
import type { ArchDocument, ResourceNode } from '../../../core/document';
import type { ExposurePath, SecurityFinding } from '../../types';
import { finding, type RuleMeta, type SecurityRule } from '../rule';

const common = {
  concern: 'security' as const,
  types: ['*'],
  responsibility: 'customer' as const,
  fixable: false,
  checkov: [],
  securityHub: [],
};

/** Exposure rules' metadata, by directness: the store itself faces the internet, one hop in front, or several tiers. */
export const exposureRuleMeta: readonly RuleMeta[] = [
  {
    ...common,
    id: 'CA-NET-001',
    title: 'Data store is reachable directly from the internet',
    description:
      'The data store itself accepts connections from the internet on the port shown; only its authentication stands between an attacker and the data.',
    severity: 'critical',
    remediation:
      "Make the data store private (no public access, no public address) and let only the application tier's security group reach its port.",
  },
  {
    ...common,
    id: 'CA-NET-002',
    title: 'Data store is one hop from the internet',
    description:
      'An internet-facing resource (a public instance, a load balancer, an API) connects straight to the data store, so one compromised or misrouted front end reaches the data.',
    severity: 'high',
    remediation:
      "Put an application tier between the internet-facing resource and the data store, or restrict the data store's security group to the tier that really needs it.",
  },
  {
    ...common,
    id: 'CA-NET-003',
    title: 'Data store is reachable from the internet through application tiers',
    description:
      "A chain of resources admitted by each other's security groups leads from the internet to the data store. This is how most applications work; the finding lists the path so each hop can be reviewed.",
    severity: 'low',
    remediation:
      "Check that every hop admits only the previous tier's security group on the one port it needs, and that the data store is not also reachable by a shorter path.",
  },
];

function metaFor(path: ExposurePath, storeType: string | undefined): RuleMeta {
  // Serving a bucket's objects through CloudFront is what that pattern is for: a reviewed path, not a shortcut.
  if (path.entry === 'cdn' && storeType === 'aws.s3.bucket') return exposureRuleMeta[2]!;
  const index = Math.min(path.hops.length, 3) - 1;
  return exposureRuleMeta[index]!;
}

function describe(path: ExposurePath): string {
  return path.hops.map((hop) => (hop.port === undefined ? hop.resource : `${hop.resource}:${hop.port}`)).join(' → ');
}

/**
 * Memo: The finding of each path, by path object: exposure paths are reused while the graph is unchanged
 * (see exposure.ts), and the finding is reused with them while the data store is the same object.
 */
const findingByPath = new WeakMap<ExposurePath, { readonly store: ResourceNode; readonly finding: SecurityFinding | undefined }>();

/** One finding per data store reachable from the internet, for its shortest path. */
export function exposureFindings(doc: ArchDocument, paths: readonly ExposurePath[]): SecurityFinding[] {
  const findings: SecurityFinding[] = [];
  const done = new Set<string>();
  for (const path of paths) {
    if (done.has(path.dataStore)) continue;
    done.add(path.dataStore);
    const store = doc.resourceByName.get(path.dataStore);
    if (store === undefined) continue;
    const cached = findingByPath.get(path);
    if (cached !== undefined && cached.store === store) {
      if (cached.finding !== undefined) findings.push(cached.finding);
      continue;
    }
    const made = exposureFinding(path, store);
    findingByPath.set(path, { store, finding: made });
    if (made !== undefined) findings.push(made);
  }
  return findings;
}

function exposureFinding(path: ExposurePath, store: ResourceNode): SecurityFinding | undefined {
  // A public bucket that reaches nothing else is already reported by CA-S3-001/002.
  if (path.hops.length === 1 && store.type === 'aws.s3.bucket') return undefined;
  const meta = metaFor(path, store.type);
  const port = path.hops[path.hops.length - 1]?.port;
  const message =
    path.hops.length === 1
      ? `\`${store.name}\` accepts connections from the internet${port === undefined ? '' : ` on ${port === 'all' ? 'every port' : `port ${port}`}`}.`
      : `\`${store.name}\` is reachable from the internet: internet → ${describe(path)}.`;
  return finding(meta, store, { path: [], range: store.nameRange, message, exposurePath: path.hops });
}

/** The exposure rules as registry entries; their findings are produced for the whole document at once. */
export const exposureRules: readonly SecurityRule[] = exposureRuleMeta.map((meta) => ({ ...meta, check: () => [] }));

/**
 * Names between the two worlds: CloudFormation logical ids are alphanumeric (`WebServerGroup`),
 * architecture names are lower-case with hyphens (`web-server-group`, at most 63 characters).
 */

const namePattern = /^[a-z][a-z0-9-]{0,62}$/;

/** Whether a name is a valid architecture resource name. */
export function isResourceName(name: string): boolean {
  return namePattern.test(name);
}

/** `WebServerGroup` -> `web-server-group`; `RDSDBInstance2` -> `rdsdb-instance2`. Always a valid name. */
export function kebabName(logicalId: string): string {
  const words = logicalId
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  let name = /^[a-z]/.test(words) ? words : `r-${words}`;
  name = name.slice(0, 63).replace(/-$/, '');
  return name === '' || name === 'r' ? 'resource' : name;
}

/** Hands out unique names: the wanted one, or the wanted one with `-2`, `-3`... (kept within 63 characters). */
export class NameAllocator {
  private readonly taken = new Set<string>();

  take(wanted: string): string {
    const base = isResourceName(wanted) ? wanted : kebabName(wanted);
    if (!this.taken.has(base)) {
      this.taken.add(base);
      return base;
    }
    for (let counter = 2; ; counter++) {
      const suffix = `-${counter}`;
      const candidate = `${base.slice(0, 63 - suffix.length).replace(/-$/, '')}${suffix}`;
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate);
        return candidate;
      }
    }
  }
}

/** `web-lb` -> `WebLb`: a logical id for an architecture name (alphanumeric, starting with a capital). */
export function logicalIdOf(name: string, suffix = ''): string {
  const pascal = name
    .split(/[^a-zA-Z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return `${pascal}${suffix}`;
}

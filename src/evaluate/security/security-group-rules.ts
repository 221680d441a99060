/**
 * Reading security-group rules: which ports a rule opens, and whether its peer is the whole
 * internet. Shared by the security-group checks and the exposure analysis, so both agree on what
 * `port: all`, `port: 8000-8080` and `from: ::/0` mean.
 */

/** An inclusive port interval; `all` rules are 0-65535. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/** A rule as written in `ingress:` or `egress:`, read leniently (validation reports bad shapes). */
export interface GroupRule {
  readonly ports: PortRange | undefined;
  readonly protocol: string;
  /** `from` for ingress, `to` for egress: a CIDR or a security group name. */
  readonly peer: string | undefined;
  readonly description: string | undefined;
}

/** Parses `22`, `'22'`, `all`, `-1`, `8000-8080` (and `{ fromPort, toPort }` on the rule) into a range. */
export function parsePorts(value: unknown, rule?: Readonly<Record<string, unknown>>): PortRange | undefined {
  if (value === undefined && rule && typeof rule.fromPort === 'number') {
    const to = typeof rule.toPort === 'number' ? rule.toPort : rule.fromPort;
    return { from: rule.fromPort, to };
  }
  if (value === 'all' || value === -1 || value === '-1' || value === '*') return ALL_PORTS;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535) return { from: value, to: value };
  if (typeof value === 'string') {
    const single = /^\s*(\d{1,5})\s*$/.exec(value);
    if (single) return parsePorts(Number(single[1]));
    const range = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(value);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from <= to && to <= 65535) return { from, to };
    }
  }
  return undefined;
}

/** Reads the rule at one index of `ingress` or `egress`. */
export function readGroupRule(item: unknown, direction: 'ingress' | 'egress'): GroupRule | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const rule = item as Readonly<Record<string, unknown>>;
  const protocol = typeof rule.protocol === 'string' ? rule.protocol.toLowerCase() : rule.protocol === -1 ? 'all' : 'tcp';
  const peerValue = direction === 'ingress' ? rule.from : rule.to;
  const allProtocols = protocol === 'all' || protocol === '-1';
  return {
    ports: allProtocols ? ALL_PORTS : parsePorts(rule.port, rule),
    protocol: allProtocols ? 'all' : protocol,
    // The catalog's default for a missing `from`/`to` is the whole internet, as in AWS's own APIs.
    peer: typeof peerValue === 'string' ? peerValue.trim() : peerValue === undefined ? '0.0.0.0/0' : undefined,
    description: typeof rule.description === 'string' ? rule.description : undefined,
  };
}

/**
 * Whether a rule lets connections reach ports. ICMP has no ports: an ICMP rule (written with
 * `port: all`) lets ping and path-MTU messages through, not a connection to any service.
 */
export function reachesPorts(rule: GroupRule): boolean {
  return rule.protocol !== 'icmp';
}

/** Whether a CIDR is the whole IPv4 or IPv6 internet. */
export function isWorld(peer: string | undefined): boolean {
  return peer === '0.0.0.0/0' || peer === '::/0' || peer === '::0/0';
}

/** Whether a peer is written as a CIDR (rather than a security group name). */
export function isCidr(peer: string): boolean {
  return peer.includes('/') || /^\d{1,3}(\.\d{1,3}){3}$/.test(peer) || peer.includes(':');
}

export function coversPort(range: PortRange | undefined, port: number): boolean {
  return range !== undefined && range.from <= port && port <= range.to;
}

export function isAllPorts(range: PortRange | undefined): boolean {
  return range !== undefined && range.from <= 1 && range.to >= 65535;
}

/** Renders a range as the user would write it. */
export function portText(range: PortRange | undefined): string {
  if (range === undefined) return 'an unreadable port';
  if (isAllPorts(range)) return 'all ports';
  return range.from === range.to ? `port ${range.from}` : `ports ${range.from}-${range.to}`;
}

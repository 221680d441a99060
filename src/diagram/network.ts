/**
 * The network-details layer: what an architect reads off a network diagram, as far as the format
 * states it or implies it. The format has no address plan, route tables or VPC endpoints of its
 * own, so the layer shows only what follows from what is written:
 *
 * - the VPC's internet gateway, implied by a public subnet or a public NAT gateway;
 * - each subnet's default route: a public subnet's to the internet gateway, a private subnet's to
 *   the NAT gateway in its own zone (AWS routes a private subnet through one gateway, and the
 *   CloudFormation export routes each zone through its own), or none;
 * - each public NAT gateway's route to the internet gateway;
 * - the virtual private gateway an on-premises network reached by VPN or Direct Connect ends at,
 *   with the link (and the on-premises CIDR when written) on the edge;
 * - the port on every traffic edge, the target's own when the reference does not give one;
 * - a badge on each resource with an address reachable from the internet.
 *
 * Implied parts are nodes marked `implied`: they stand for no resource of the file, so a click
 * on one reveals nothing, and no figure is attached to them.
 */
import type { ArchDocument, Range, ResourceNode } from '../core/document';
import { defaultPort } from '../evaluate/security/exposure';
import type { DiagramContainer, DiagramEdge, DiagramGraph, DiagramNode, ImpliedNodeKind } from './types';

const natGatewayType = 'aws.vpc.nat-gateway';
const noRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A property's value, or the catalog's default when the file leaves it out. */
function valueOf(resource: ResourceNode, key: string): unknown {
  const written = resource.props[key];
  if (written !== undefined) return written;
  return resource.typeDef?.properties[key]?.default;
}

/** Whether a resource takes an address the internet can reach, by the properties that say so. */
export function hasPublicAddress(resource: ResourceNode): boolean {
  if (resource.props.publicIp === true || resource.props.publiclyAccessible === true) return true;
  return resource.type?.startsWith('aws.elb.') === true && valueOf(resource, 'scheme') === 'internet-facing';
}

const impliedTitles: Readonly<Record<ImpliedNodeKind, { label: string; type: string }>> = {
  'internet-gateway': { label: 'Internet gateway', type: 'aws.vpc.internet-gateway' },
  'vpn-gateway': { label: 'Virtual private gateway', type: 'aws.vpc.vpn-gateway' },
};

function impliedNode(kind: ImpliedNodeKind, region: string, container: string, size: { width: number; height: number }): DiagramNode {
  const id = `${kind === 'internet-gateway' ? 'igw' : 'vgw'}:${region}`;
  const title = impliedTitles[kind];
  return {
    id,
    resource: id,
    label: title.label,
    type: title.type,
    typeTitle: 'Implied by the design',
    service: 'Amazon VPC',
    category: 'networking',
    placement: 'regional',
    container,
    copyIndex: 0,
    copies: 1,
    range: noRange,
    nameRange: noRange,
    securityGroups: [],
    volumes: [],
    implied: kind,
    width: size.width,
    height: size.height,
  };
}

const linkTitles: Readonly<Record<string, string>> = { vpn: 'VPN', 'direct-connect': 'Direct Connect' };

/**
 * The graph with the network-details layer added. `structureKeyOf` is the graph's own key
 * function, so the layer's nodes and edges count in the layout's key like any other.
 */
export function withNetworkDetails(
  doc: ArchDocument,
  graph: DiagramGraph,
  structureKeyOf: (containers: readonly DiagramContainer[], nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]) => string,
  size: { width: number; height: number },
): DiagramGraph {
  const containerById = new Map(graph.containers.map((container) => [container.id, container]));
  const nodes: DiagramNode[] = graph.nodes.map((node) => {
    const resource = doc.resourceByName.get(node.resource);
    return resource && hasPublicAddress(resource) ? { ...node, publicAddress: true } : node;
  });

  // Public NAT gateways by full zone name, in file order (the first in a zone is the one routed through).
  const natByZone = new Map<string, DiagramNode>();
  const publicNats: DiagramNode[] = [];
  for (const node of nodes) {
    const resource = doc.resourceByName.get(node.resource);
    if (resource?.type !== natGatewayType || valueOf(resource, 'connectivity') === 'private') continue;
    publicNats.push(node);
    if (node.zone !== undefined && !natByZone.has(node.zone)) natByZone.set(node.zone, node);
  }

  // Each VPC that needs an internet gateway: one with a public subnet or a public NAT gateway.
  const vpcOf = (containerId: string | undefined): DiagramContainer | undefined => {
    let container = containerId === undefined ? undefined : containerById.get(containerId);
    while (container && container.kind !== 'vpc')
      container = container.parent === undefined ? undefined : containerById.get(container.parent);
    return container;
  };
  const vpcsWithInternet = new Set<string>();
  for (const container of graph.containers) if (container.kind === 'public-subnet') vpcsWithInternet.add(vpcOf(container.id)!.id);
  for (const nat of publicNats) {
    const vpc = vpcOf(nat.container);
    if (vpc) vpcsWithInternet.add(vpc.id);
  }

  const implied: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const gatewayOfVpc = new Map<string, DiagramNode>();
  for (const vpcId of [...vpcsWithInternet].sort()) {
    const vpc = containerById.get(vpcId)!;
    const gateway = impliedNode('internet-gateway', vpc.region ?? graph.region, vpc.id, size);
    gatewayOfVpc.set(vpc.id, gateway);
    implied.push(gateway);
  }
  for (const nat of publicNats) {
    const gateway = gatewayOfVpc.get(vpcOf(nat.container)?.id ?? '');
    if (!gateway) continue;
    edges.push({
      id: `${nat.id}->${gateway.id}#route`,
      kind: 'route',
      source: nat.id,
      target: gateway.id,
      fromResource: nat.resource,
      toResource: gateway.resource,
      property: '',
      label: '0.0.0.0/0',
    });
  }

  // On-premises networks linked privately end at a virtual private gateway in the default region's VPC (or the first VPC).
  const vpcs = graph.containers.filter((container) => container.kind === 'vpc');
  const privateVpc = vpcs.find((container) => container.region === graph.region) ?? vpcs[0];
  if (privateVpc) {
    let vpnGateway: DiagramNode | undefined;
    for (const node of nodes) {
      const resource = doc.resourceByName.get(node.resource);
      if (!resource?.type?.startsWith('external.onprem-')) continue;
      const link = linkTitles[String(valueOf(resource, 'connectivity'))];
      if (link === undefined) continue;
      if (!vpnGateway) implied.push((vpnGateway = impliedNode('vpn-gateway', privateVpc.region ?? graph.region, privateVpc.id, size)));
      const cidr = typeof resource.props.cidr === 'string' ? ` ${resource.props.cidr}` : '';
      edges.push({
        id: `${node.id}->${vpnGateway.id}#route`,
        kind: 'route',
        source: node.id,
        target: vpnGateway.id,
        fromResource: node.resource,
        toResource: vpnGateway.resource,
        property: '',
        label: `${link}${cidr}`,
      });
    }
  }

  // Each subnet's default route.
  const containers = graph.containers.map((container): DiagramContainer => {
    if (container.kind === 'public-subnet')
      return gatewayOfVpc.has(vpcOf(container.id)?.id ?? '') ? { ...container, route: '0.0.0.0/0 → internet gateway' } : container;
    if (container.kind !== 'private-subnet') return container;
    const nat = container.zone === undefined ? undefined : natByZone.get(container.zone);
    return { ...container, route: nat ? `0.0.0.0/0 → ${nat.label}` : 'no route to the internet' };
  });

  // The port of every traffic edge: the written one, else the target's.
  const withPorts = graph.edges.map((edge): DiagramEdge => {
    if (edge.kind !== 'traffic' || edge.port !== undefined) return edge;
    const target = doc.resourceByName.get(edge.toResource);
    const port = target ? defaultPort(target) : undefined;
    return port === undefined ? edge : { ...edge, port, portInferred: true, label: String(port) };
  });

  // Implied nodes come first in their container, the others keep their order.
  const containerOrder = new Map(containers.map((container, index) => [container.id, index]));
  const rank = (node: DiagramNode): number => (node.container === undefined ? -1 : containerOrder.get(node.container)!);
  const allNodes = [...implied, ...nodes]
    .map((node, index) => ({ node, index: node.implied ? index - implied.length : index }))
    .sort((a, b) => rank(a.node) - rank(b.node) || a.index - b.index)
    .map((entry) => entry.node);
  const allEdges = [...withPorts, ...edges];
  return { ...graph, containers, nodes: allNodes, edges: allEdges, structureKey: structureKeyOf(containers, allNodes, allEdges) };
}

/**
 * The diagram's data: what `buildDiagramGraph` makes of an architecture, what `layoutDiagram`
 * adds to it (positions and routes), and what `renderDiagramSvg` draws. Plain, serialisable
 * objects (no maps, no classes), so the graph and the laid-out diagram can cross a worker or
 * process boundary and be sent to the webview as JSON.
 */
import type { Range } from '../core/document';
import type { Category, Placement } from '../model/catalog-types';
import type { FindingSeverity } from '../evaluate/types';

export type { FindingSeverity };

/** A resource category as drawn (its colour); `unknown` for a type the catalog does not know. */
export type DiagramCategory = Category | 'unknown';

/**
 * The nesting of AWS's own diagrams: AWS Cloud > Region > VPC > Availability Zone > Subnet.
 * Global services sit in the cloud outside every region, external things outside the cloud.
 */
export type ContainerKind = 'cloud' | 'region' | 'vpc' | 'zone' | 'public-subnet' | 'private-subnet';

export interface DiagramContainer {
  /** Stable and readable: `cloud`, `region:us-east-1`, `vpc:us-east-1`, `zone:us-east-1a`, `subnet:us-east-1a:public`. */
  readonly id: string;
  readonly kind: ContainerKind;
  /** What the box is titled, e.g. `us-east-1`, `VPC`, `us-east-1a`, `Public subnet`. */
  readonly label: string;
  /** The id of the enclosing container; absent for a top-level container. */
  readonly parent?: string;
  readonly region?: string;
  /** The full zone name (`us-east-1a`) for zones and subnets. */
  readonly zone?: string;
  /**
   * With the network-details layer, a subnet's default route as the design implies it:
   * `0.0.0.0/0 → internet gateway` for a public subnet, `0.0.0.0/0 → <NAT gateway>` for a private
   * subnet with a NAT gateway in its zone, `no route to the internet` for one without.
   */
  readonly route?: string;
}

/** An EBS volume written inline in an instance's `volumes:` list: drawn inside the instance. */
export interface InlineVolume {
  /** e.g. `gp3 20 GB`. */
  readonly label: string;
  readonly encrypted?: boolean;
}

/**
 * A network part the design implies but does not write (the network-details layer): a VPC with a
 * public subnet has an internet gateway; an on-premises network reached by VPN or Direct Connect
 * ends at a virtual private gateway. Such a node stands for no resource of the file.
 */
export type ImpliedNodeKind = 'internet-gateway' | 'vpn-gateway';

/** Why a resource is drawn more than once: the part of it this copy stands for. */
export type NodeRole = 'primary' | 'standby' | 'member';

export interface DiagramNode {
  /** Unique in the graph: the resource name, or `name@zone` for a resource drawn in several zones. */
  readonly id: string;
  /** The resource name: every copy of a resource spread over zones carries the same one. */
  readonly resource: string;
  /** `label:` or the resource name. */
  readonly label: string;
  /** The `type:` as written (may be unknown to the catalog, or absent). */
  readonly type: string | undefined;
  /** The catalog's title (`EC2 instance`) or the type as written. */
  readonly typeTitle: string;
  /** The AWS product name (`Amazon EC2`), or empty for an unknown type. */
  readonly service: string;
  readonly category: DiagramCategory;
  readonly placement: Placement | 'unknown';
  /** The id of the innermost container; absent for a node outside every container (external.*). */
  readonly container?: string;
  /** The full zone name when the node sits in one zone. */
  readonly zone?: string;
  /** For a resource drawn in several zones: which part this copy is, its index and the total. */
  readonly role?: NodeRole;
  readonly copyIndex: number;
  readonly copies: number;
  /** The resource's whole text, and its name: where a click in the diagram takes the editor. */
  readonly range: Range;
  readonly nameRange: Range;
  /** Names of the security groups that protect the resource (drawn as badges). */
  readonly securityGroups: readonly string[];
  readonly volumes: readonly InlineVolume[];
  /** Set on a node the design implies (network-details layer); `resource` is then an id such as `igw:us-east-1`, never a resource name. */
  readonly implied?: ImpliedNodeKind;
  /** With the network-details layer: the resource has an address reachable from the internet (a public IP, an internet-facing scheme, `publiclyAccessible`). */
  readonly publicAddress?: boolean;
  /** Box size; fixed by the content's structure (never by a cost or a label's length) so layouts are stable. */
  readonly width: number;
  readonly height: number;
}

/**
 * How a reference is drawn. `traffic` carries requests (`connectsTo`, a load balancer's
 * targets), `route` a network path the network-details layer adds (a NAT gateway's default route
 * to the internet gateway, an on-premises network's VPN or Direct Connect link), `routing` DNS answers, `origin` a CDN's origins, `integration` an API's backends and
 * event notifications, `data` what an analytics or migration job reads and writes, `replication`
 * copies of data, `attachment` storage attached to compute, `dependency` everything else
 * (`dependsOn`, an AMI pipeline).
 */
export type DiagramEdgeKind =
  'traffic' | 'route' | 'routing' | 'origin' | 'integration' | 'data' | 'replication' | 'attachment' | 'dependency';

export interface DiagramEdge {
  /** Unique and stable: `source->target#property`. */
  readonly id: string;
  readonly kind: DiagramEdgeKind;
  /** Node ids. */
  readonly source: string;
  readonly target: string;
  /** Resource names of the two ends. */
  readonly fromResource: string;
  readonly toResource: string;
  /** The property the reference is written in (`connectsTo`, `origins`...); empty for edges the diagram adds (a standby's replication). */
  readonly property: string;
  readonly port?: number;
  /** The port was not written: the network-details layer took the target's (its engine's, listener's or service's). */
  readonly portInferred?: boolean;
  /** Drawn on the edge: the port for traffic, `sync` for a standby, the link for a route. */
  readonly label?: string;
  readonly optional?: boolean;
  /** Where the reference is written, when it is. */
  readonly range?: Range;
}

export interface FindingCounts {
  readonly critical: number;
  readonly high: number;
  readonly medium: number;
  readonly low: number;
  readonly info: number;
}

/** What the overlays show about one resource (absent fields: that evaluation did not run or has no figure). */
export interface ResourceOverlay {
  readonly monthlyUSD?: number;
  /** Percent that the resource works (up and its hard dependencies work). */
  readonly availabilityPercent?: number;
  readonly findings: FindingCounts;
  /** A single point of failure of the system. */
  readonly spof: boolean;
  /** Whether the cost evaluation could not price part of it. */
  readonly unpriced?: boolean;
}

/** The system with one zone down (and everything else up): what stops working and how available the rest is. */
export interface ZoneDownState {
  /** The key the availability evaluation uses: the letter in one region, the full name across regions. */
  readonly zone: string;
  /** Full zone name (`us-east-1a`): the `zone:` container id is `zone:<fullZone>`. */
  readonly fullZone: string;
  readonly region: string;
  /** Resource names that stop working with the zone down, sorted. */
  readonly stopped: readonly string[];
  /** Whether the system (every entry point) still works. */
  readonly systemWorks: boolean;
  /** The system's availability, percent, given that zone is down and the rest fail as usual. */
  readonly availabilityPercent: number;
}

export interface DiagramOverlayData {
  /** Resource name -> its figures. Only resources drawn as nodes. */
  readonly byResource: Readonly<Record<string, ResourceOverlay>>;
  readonly totals: {
    readonly monthlyUSD?: number;
    readonly availabilityPercent?: number;
    readonly findings: FindingCounts;
    readonly spofCount: number;
  };
  /** One entry per zone in use, in zone order; empty without an availability evaluation. */
  readonly zonesDown: readonly ZoneDownState[];
}

export interface DiagramGraph {
  /** The architecture's `name:` (the title block). */
  readonly title: string;
  readonly description?: string;
  /** The default region. */
  readonly region: string;
  /** Containers, parents before children, each level sorted. */
  readonly containers: readonly DiagramContainer[];
  /** Nodes in a stable order (container, then file order, then zone). */
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  readonly overlay: DiagramOverlayData;
  /**
   * A string that is equal for two graphs exactly when their layout is (same nodes, sizes,
   * containers, edges and edge labels). An edit of a property value leaves it unchanged.
   */
  readonly structureKey: string;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LaidOutNode extends Box {
  readonly id: string;
}

export interface LaidOutContainer extends Box {
  readonly id: string;
}

export interface LaidOutLabel extends Box {
  readonly text: string;
}

export interface LaidOutEdge {
  readonly id: string;
  /** The route, absolute: start, bends, end. Empty when ELK left the edge unrouted (a quality violation). */
  readonly points: readonly Point[];
  readonly labels: readonly LaidOutLabel[];
}

/**
 * Which layout produced a picture (reported by the benchmark): `channels` is the project's own
 * layout (the default, no elkjs); `fast` is elkjs's hierarchical layout with the project's settings;
 * `elk-default-hierarchical` is elkjs's defaults with the hierarchy laid out as a whole (the
 * benchmark's reference).
 */
export type LayoutProfile = 'channels' | 'fast' | 'elk-default-hierarchical';

export interface LaidOutDiagram {
  /** `error`: ELK failed (thrown or rejected); `error` says how, and there are no positions. */
  readonly status: 'ok' | 'error';
  readonly error?: string;
  readonly graph: DiagramGraph;
  /** All coordinates absolute, in the diagram's own units (px at zoom 1). */
  readonly nodes: readonly LaidOutNode[];
  readonly containers: readonly LaidOutContainer[];
  readonly edges: readonly LaidOutEdge[];
  readonly width: number;
  readonly height: number;
  /** Whether the positions were taken from `previous` because the structure was identical. */
  readonly reused: boolean;
  readonly profile: LayoutProfile;
}

/** The part of an elkjs instance the layout needs (the core never loads elkjs itself). */
export interface ElkLike {
  layout(graph: ElkGraphNode, args?: { readonly layoutOptions?: Readonly<Record<string, string>> }): Promise<ElkGraphNode>;
}

/** The subset of ELK's JSON graph format used here. */
export interface ElkGraphNode {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkGraphNode[];
  edges?: ElkGraphEdge[];
  labels?: ElkGraphLabel[];
}

export interface ElkGraphLabel {
  text?: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

export interface ElkGraphEdge {
  id: string;
  sources: string[];
  targets: string[];
  labels?: ElkGraphLabel[];
  sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[];
  layoutOptions?: Record<string, string>;
}

export type QualityViolationKind =
  'node-overlap' | 'node-outside-container' | 'container-overlap' | 'edge-through-node' | 'edge-unrouted' | 'layout-error';

export interface QualityViolation {
  readonly kind: QualityViolationKind;
  /** Ids of the nodes, containers or edge involved. */
  readonly ids: readonly string[];
  readonly message: string;
}

export type DiagramTheme = 'light' | 'dark' | 'high-contrast' | 'print';

/** Which overlays the renderer draws on top of the picture. */
export interface DiagramOverlays {
  /** Tint each resource by its share of the monthly cost, and show the cost badge. */
  readonly costHeat?: boolean;
  /** Show finding counts by severity on each resource. */
  readonly findings?: boolean;
  /** Mark single points of failure. */
  readonly spof?: boolean;
  /** Show each resource's availability badge. */
  readonly availability?: boolean;
  /** Zones taken down (letters or full names, as in `ZoneDownState.zone`): what stops working is greyed out. */
  readonly zonesDown?: readonly string[];
  /** Draw security-group badges on the resources they protect (default true). */
  readonly securityGroups?: boolean;
}

export interface RenderOptions {
  readonly theme?: DiagramTheme;
  readonly overlays?: DiagramOverlays;
  /** The title block; absent fields are taken from the graph (name, region) or left out (date). */
  readonly title?: {
    readonly name?: string;
    readonly region?: string;
    /** Shown as written (the core never reads the clock), e.g. `2026-12-03`. */
    readonly date?: string;
    /** Hide the title block altogether. */
    readonly hidden?: boolean;
  };
  /** Draw the legend (default true). */
  readonly legend?: boolean;
  /** Node ids or resource names to draw as selected. */
  readonly selected?: readonly string[];
  /** Leave out the `<style>` element (a host that supplies the same classes itself). Default false. */
  readonly omitStyle?: boolean;
}

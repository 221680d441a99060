/**
 * Laid-out diagram -> a draw.io file (uncompressed mxGraph XML) that opens in draw.io looking
 * native and stays editable: containers are draw.io's own AWS group shapes, each resource is one
 * vertex with draw.io's AWS 4 resource icon, and each reference is a connector whose source and
 * target are those vertices (so it follows them when the user moves a box).
 *
 * Shape and group names were checked against draw.io's AWS 4 sidebar
 * (`jgraph/drawio`, `src/main/webapp/js/diagramly/sidebar/Sidebar-AWS4.js`, read 2026-12-03): the
 * group styles are the sidebar's "AWS / Groups" entries (draw.io has no public/private subnet
 * group icon of its own: its subnet entries use `group_security_group` with a green or blue fill,
 * and its availability zone is a plain dashed rectangle), the resource icons its `resourceIcon`
 * entries. A type without an AWS 4 icon falls back to the sidebar's generic shapes.
 *
 * Labels are plain text (no `html=1` on vertices), so a name such as `<b>` is shown as written,
 * never interpreted as HTML by draw.io; everything is escaped for XML.
 */
import { escapeXml, num, truncate } from '../render/escape';
import { awsCategory } from '../render/theme';
import type { ContainerKind, DiagramContainer, DiagramNode, LaidOutDiagram } from '../types';

/** The AWS 4 `resIcon` of each catalog type (draw.io `mxgraph.aws4.<name>`). */
const resourceIconOfType: Readonly<Record<string, string>> = {
  'aws.ec2.instance': 'ec2',
  'aws.lightsail.instance': 'lightsail',
  'aws.autoscaling.group': 'auto_scaling2',
  'aws.imagebuilder.pipeline': 'ec2_image_builder',
  'aws.batch.environment': 'batch',
  'aws.elasticbeanstalk.environment': 'elastic_beanstalk',
  'aws.ecs.service': 'ecs',
  'aws.lambda.function': 'lambda',
  'aws.apigateway.api': 'api_gateway',
  'aws.ebs.volume': 'elastic_block_store',
  'aws.efs.filesystem': 'elastic_file_system',
  'aws.fsx.filesystem': 'fsx',
  'aws.s3.bucket': 's3',
  'aws.dynamodb.table': 'dynamodb',
  'aws.redshift.cluster': 'redshift',
  'aws.emr.cluster': 'emr',
  'aws.athena.workgroup': 'athena',
  'aws.quicksight.dashboard': 'quicksight',
  'aws.glue.job': 'glue',
  'aws.glue.crawler': 'glue',
  'aws.dms.task': 'database_migration_service',
  'aws.snow.device': 'snowball_edge',
  'aws.route53.zone': 'route_53',
  'aws.cloudfront.distribution': 'cloudfront',
  'aws.elb.application': 'elastic_load_balancing',
  'aws.elb.network': 'elastic_load_balancing',
  'aws.elb.gateway': 'elastic_load_balancing',
  'aws.rds.instance': 'rds',
  'aws.rds.aurora': 'aurora',
  'aws.docdb.cluster': 'documentdb_with_mongodb_compatibility',
  'aws.neptune.cluster': 'neptune',
  'aws.timestream.database': 'timestream',
  'aws.qldb.ledger': 'quantum_ledger_database',
};

/** Types drawn with one of the sidebar's stand-alone shapes (`shape=mxgraph.aws4.<name>`). */
const plainShapeOfType: Readonly<Record<string, string>> = {
  'aws.vpc.nat-gateway': 'nat_gateway',
  'external.users': 'users',
  'external.onprem-server': 'traditional_server',
  'external.onprem-database': 'generic_database',
};

/** The sidebar's "AWS / Groups" styles, one per container kind. */
const groupCommon =
  'outlineConnect=0;gradientColor=none;whiteSpace=wrap;fontSize=12;fontStyle=0;container=1;pointerEvents=0;collapsible=0;recursiveResize=0;';
const groupStyle: Readonly<Record<ContainerKind, string>> = {
  cloud: `${groupCommon}shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_aws_cloud_alt;strokeColor=#232F3E;fillColor=none;verticalAlign=top;align=left;spacingLeft=30;fontColor=#232F3E;dashed=0;`,
  region: `${groupCommon}shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_region;strokeColor=#00A4A6;fillColor=none;verticalAlign=top;align=left;spacingLeft=30;fontColor=#147EBA;dashed=1;`,
  vpc: `${groupCommon}shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc2;strokeColor=#8C4FFF;fillColor=none;verticalAlign=top;align=left;spacingLeft=30;fontColor=#AAB7B8;dashed=0;`,
  zone: `${groupCommon}fillColor=none;strokeColor=#147EBA;dashed=1;verticalAlign=top;fontColor=#147EBA;`,
  'public-subnet': `${groupCommon}shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_security_group;grStroke=0;strokeColor=#7AA116;fillColor=#F2F6E8;verticalAlign=top;align=left;spacingLeft=30;fontColor=#248814;dashed=0;`,
  'private-subnet': `${groupCommon}shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_security_group;grStroke=0;strokeColor=#00A4A6;fillColor=#E6F6F7;verticalAlign=top;align=left;spacingLeft=30;fontColor=#147EBA;dashed=0;`,
};

const edgeStyle = 'edgeStyle=orthogonalEdgeStyle;rounded=0;endArrow=block;endFill=1;strokeColor=#545B64;fontSize=10;';

/** A vertex's style: the AWS 4 icon of its type, its label to the right of the icon. */
export function drawioNodeStyle(node: Pick<DiagramNode, 'type' | 'category'>): string {
  const fill = awsCategory[node.category];
  const label =
    'labelPosition=right;verticalLabelPosition=middle;align=left;verticalAlign=middle;spacingLeft=4;fontColor=#232F3E;fontSize=12;';
  const resIcon = node.type !== undefined ? resourceIconOfType[node.type] : undefined;
  if (resIcon !== undefined) {
    return `sketch=0;outlineConnect=0;gradientColor=none;fillColor=${fill};strokeColor=#ffffff;dashed=0;aspect=fixed;${label}shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.${resIcon};`;
  }
  const plain = node.type !== undefined ? plainShapeOfType[node.type] : undefined;
  if (plain !== undefined) {
    return `sketch=0;outlineConnect=0;gradientColor=none;fillColor=${fill};strokeColor=none;dashed=0;aspect=fixed;pointerEvents=1;${label}shape=mxgraph.aws4.${plain};`;
  }
  // A type with no AWS 4 icon (or none at all): a rounded box in its category colour.
  return `rounded=1;whiteSpace=wrap;fillColor=#FFFFFF;strokeColor=${fill};fontColor=#232F3E;fontSize=12;`;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a vertex shows: the label, and the type under it when they differ. */
function nodeValue(node: DiagramNode): string {
  const copy = node.copies > 1 ? ` (${node.role ?? 'member'} ${node.copyIndex + 1}/${node.copies})` : '';
  return `${truncate(node.label, maxLabelCharacters).text}${copy}\n${truncate(node.typeTitle, maxLabelCharacters).text}`;
}

/** Labels longer than this are cut with an ellipsis (the full name stays in the tooltip). */
const maxLabelCharacters = 120;

/** Escapes an attribute value, keeping line breaks (an XML parser turns a raw one into a space). */
function attribute(text: string): string {
  return escapeXml(text).replace(/\r?\n/g, '&#10;');
}

/** The drawio file of a laid-out diagram. A layout that failed gives a page with its error. */
export function toDrawio(laidOut: LaidOutDiagram, options: { readonly name?: string } = {}): string {
  const { graph } = laidOut;
  const name = options.name ?? graph.title;
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
  const absolute = new Map<string, Rect>();
  const cellIdOfContainer = new Map<string, string>();
  const containerById = new Map<string, DiagramContainer>(graph.containers.map((c) => [c.id, c]));

  if (laidOut.status !== 'ok') {
    cells.push(
      `<mxCell id="error" value="${escapeXml(`The diagram could not be laid out: ${laidOut.error ?? 'unknown error'}`)}" style="text;whiteSpace=wrap;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="480" height="40" as="geometry"/></mxCell>`,
    );
    return wrap(name, cells, 480, 40);
  }

  for (const box of laidOut.containers) absolute.set(`c:${box.id}`, box);
  for (const box of laidOut.nodes) absolute.set(`n:${box.id}`, box);

  /** The cell a child goes into, and the geometry relative to it (draw.io nests coordinates). */
  const placeIn = (containerId: string | undefined, box: Rect): { parent: string; x: number; y: number } => {
    const parentCell = containerId !== undefined ? cellIdOfContainer.get(containerId) : undefined;
    const parentBox = containerId !== undefined ? absolute.get(`c:${containerId}`) : undefined;
    if (parentCell === undefined || parentBox === undefined) return { parent: '1', x: box.x, y: box.y };
    return { parent: parentCell, x: box.x - parentBox.x, y: box.y - parentBox.y };
  };

  // Containers come parents first (the graph's order), so a parent's cell exists before its children.
  graph.containers.forEach((container, index) => {
    const box = absolute.get(`c:${container.id}`);
    if (box === undefined) return;
    const cellId = `group-${index}`;
    const parentId = container.parent !== undefined && containerById.has(container.parent) ? container.parent : undefined;
    const at = placeIn(parentId, box);
    cellIdOfContainer.set(container.id, cellId);
    cells.push(
      `<mxCell id="${cellId}" value="${attribute(truncate(container.label, maxLabelCharacters).text)}" style="${groupStyle[container.kind]}" vertex="1" parent="${at.parent}"><mxGeometry x="${num(at.x)}" y="${num(at.y)}" width="${num(box.width)}" height="${num(box.height)}" as="geometry"/></mxCell>`,
    );
  });

  const cellIdOfNode = new Map<string, string>();
  graph.nodes.forEach((node, index) => {
    const box = absolute.get(`n:${node.id}`);
    if (box === undefined) return;
    // The icon is square and as tall as the box allows (draw.io's icons are drawn at 78 or 48);
    // the label sits to its right, inside the box our layout reserved.
    const size = Math.min(48, box.height, box.width);
    const iconBox = { x: box.x, y: box.y + (box.height - size) / 2, width: size, height: size };
    const at = placeIn(node.container, iconBox);
    const cellId = `node-${index}`;
    cellIdOfNode.set(node.id, cellId);
    cells.push(
      `<mxCell id="${cellId}" value="${attribute(nodeValue(node))}" tooltip="${escapeXml(`${node.resource} (${node.type ?? 'no type'})`)}" style="${drawioNodeStyle(node)}" vertex="1" parent="${at.parent}"><mxGeometry x="${num(at.x)}" y="${num(at.y)}" width="${num(size)}" height="${num(size)}" as="geometry"/></mxCell>`,
    );
  });

  const routes = new Map(laidOut.edges.map((edge) => [edge.id, edge]));
  graph.edges.forEach((edge, index) => {
    const source = cellIdOfNode.get(edge.source);
    const target = cellIdOfNode.get(edge.target);
    if (source === undefined || target === undefined) return;
    // Bends from our layout become waypoints (absolute: edges live on the root layer); draw.io
    // keeps them and attaches the ends to the vertices.
    const bends = (routes.get(edge.id)?.points ?? []).slice(1, -1);
    const points =
      bends.length > 0 ? `<Array as="points">${bends.map((p) => `<mxPoint x="${num(p.x)}" y="${num(p.y)}"/>`).join('')}</Array>` : '';
    const dashed = edge.kind === 'dependency' || edge.kind === 'replication' || edge.optional === true ? 'dashed=1;' : '';
    cells.push(
      `<mxCell id="edge-${index}" value="${attribute(truncate(edge.label ?? '', maxLabelCharacters).text)}" style="${edgeStyle}${dashed}" edge="1" parent="1" source="${source}" target="${target}"><mxGeometry relative="1" as="geometry">${points}</mxGeometry></mxCell>`,
    );
  });

  return wrap(name, cells, laidOut.width, laidOut.height);
}

function wrap(name: string, cells: readonly string[], width: number, height: number): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<mxfile host="CloudArch" type="device">',
    `<diagram id="cloudarch" name="${escapeXml(name)}">`,
    `<mxGraphModel grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" pageWidth="${Math.ceil(width)}" pageHeight="${Math.ceil(height)}" math="0" shadow="0">`,
    '<root>',
    ...cells,
    '</root>',
    '</mxGraphModel>',
    '</diagram>',
    '</mxfile>',
    '',
  ].join('\n');
}

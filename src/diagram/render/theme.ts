/**
 * Colours of the diagram. Category and container colours follow the current AWS palette as
 * draw.io's AWS 4 library uses it (../shared/notes/diagram-style.md; draw.io repository
 * `jgraph/drawio`, `src/main/webapp/js/diagramly/sidebar/Sidebar-AWS4.js`).
 *
 * Each colour is written twice into the SVG: as a presentation attribute (so an SVG opened
 * anywhere, or rasterised by a renderer without CSS variables, has its colours) and in the
 * style sheet as `var(--ca-<name>, <colour>)`, so the webview can map VS Code's theme variables
 * onto `--ca-*` custom properties and everything follows the editor's theme.
 */
import type { ContainerKind, DiagramCategory, DiagramEdgeKind, DiagramTheme } from '../types';

export interface Palette {
  readonly background: string;
  readonly text: string;
  readonly mutedText: string;
  readonly nodeFill: string;
  readonly nodeStroke: string;
  readonly iconGlyph: string;
  readonly badgeFill: string;
  readonly badgeText: string;
  readonly selection: string;
  readonly downFill: string;
  readonly heat: string;
  readonly containerStroke: Readonly<Record<ContainerKind, string>>;
  readonly containerFill: Readonly<Record<ContainerKind, string>>;
  readonly category: Readonly<Record<DiagramCategory, string>>;
  readonly edge: Readonly<Record<DiagramEdgeKind, string>>;
  readonly severity: Readonly<Record<'critical' | 'high' | 'medium' | 'low' | 'info', string>>;
  readonly spof: string;
}

/** The AWS category colours (diagram-style.md, "Colours of the current AWS palette"); draw.io export fills its icons with them too. */
export const awsCategory: Readonly<Record<DiagramCategory, string>> = {
  compute: '#ED7100',
  containers: '#ED7100',
  serverless: '#ED7100',
  storage: '#7AA116',
  database: '#C925D1',
  networking: '#8C4FFF',
  analytics: '#8C4FFF',
  security: '#DD344C',
  integration: '#E7157B',
  management: '#E7157B',
  migration: '#01A88D',
  // Not in the palette table of the notes: drawn in the compute orange, as a managed service of nodes.
  blockchain: '#ED7100',
  external: '#232F3E',
  unknown: '#7D8998',
};

const awsContainerStroke: Readonly<Record<ContainerKind, string>> = {
  cloud: '#232F3E',
  region: '#00A4A6',
  vpc: '#8C4FFF',
  zone: '#147EBA',
  'public-subnet': '#7AA116',
  'private-subnet': '#147EBA',
};

const edgeColours: Readonly<Record<DiagramEdgeKind, string>> = {
  traffic: '#545B64',
  route: '#8C4FFF',
  routing: '#8C4FFF',
  origin: '#8C4FFF',
  integration: '#E7157B',
  data: '#01A88D',
  replication: '#C925D1',
  attachment: '#7AA116',
  dependency: '#7D8998',
};

const severityColours = { critical: '#B0084D', high: '#DD344C', medium: '#ED7100', low: '#147EBA', info: '#7D8998' } as const;

/** The same colour for every kind of container (the high-contrast and print themes draw them alike). */
function everyContainer(colour: string): Readonly<Record<ContainerKind, string>> {
  return { cloud: colour, region: colour, vpc: colour, zone: colour, 'public-subnet': colour, 'private-subnet': colour };
}

const light: Palette = {
  background: '#FFFFFF',
  text: '#16191F',
  mutedText: '#545B64',
  nodeFill: '#FFFFFF',
  nodeStroke: '#AAB7B8',
  iconGlyph: '#FFFFFF',
  badgeFill: '#F2F3F3',
  badgeText: '#16191F',
  selection: '#0972D3',
  downFill: '#D5DBDB',
  heat: '#DD344C',
  containerStroke: awsContainerStroke,
  containerFill: {
    cloud: '#FFFFFF',
    region: '#FFFFFF',
    vpc: '#FFFFFF',
    zone: '#FFFFFF',
    'public-subnet': '#F2F6E8',
    'private-subnet': '#E6F2F8',
  },
  category: awsCategory,
  edge: edgeColours,
  severity: severityColours,
  spof: '#DD344C',
};

const dark: Palette = {
  background: '#16191F',
  text: '#E9EBED',
  mutedText: '#AAB7B8',
  nodeFill: '#232F3E',
  nodeStroke: '#545B64',
  iconGlyph: '#FFFFFF',
  badgeFill: '#354150',
  badgeText: '#E9EBED',
  selection: '#539FE5',
  downFill: '#414D5C',
  heat: '#FF5D64',
  containerStroke: {
    cloud: '#AAB7B8',
    region: '#00A4A6',
    vpc: '#A166FF',
    zone: '#539FE5',
    'public-subnet': '#8DB63C',
    'private-subnet': '#539FE5',
  },
  containerFill: {
    cloud: '#16191F',
    region: '#16191F',
    vpc: '#16191F',
    zone: '#16191F',
    'public-subnet': '#1D2A17',
    'private-subnet': '#14253A',
  },
  category: { ...awsCategory, external: '#5F6B7A' },
  edge: { ...edgeColours, traffic: '#AAB7B8', dependency: '#8D99A8' },
  severity: { ...severityColours, critical: '#FF5D64', high: '#FF7A80' },
  spof: '#FF5D64',
};

/** Black and white with the category colours kept only where they carry meaning; thick strokes. */
const highContrast: Palette = {
  background: '#000000',
  text: '#FFFFFF',
  mutedText: '#FFFFFF',
  nodeFill: '#000000',
  nodeStroke: '#FFFFFF',
  iconGlyph: '#000000',
  badgeFill: '#000000',
  badgeText: '#FFFFFF',
  selection: '#F38518',
  downFill: '#3C3C3C',
  heat: '#FF5D64',
  containerStroke: everyContainer('#FFFFFF'),
  containerFill: everyContainer('#000000'),
  category: {
    ...awsCategory,
    compute: '#FFB86B',
    containers: '#FFB86B',
    serverless: '#FFB86B',
    blockchain: '#FFB86B',
    storage: '#B5E66B',
    database: '#F08CF5',
    networking: '#C8A8FF',
    analytics: '#C8A8FF',
    integration: '#FF8CC6',
    management: '#FF8CC6',
    migration: '#5FE0C8',
    security: '#FF8C99',
    external: '#FFFFFF',
    unknown: '#FFFFFF',
  },
  edge: {
    traffic: '#FFFFFF',
    route: '#C8A8FF',
    routing: '#C8A8FF',
    origin: '#C8A8FF',
    integration: '#FF8CC6',
    data: '#5FE0C8',
    replication: '#F08CF5',
    attachment: '#B5E66B',
    dependency: '#FFFFFF',
  },
  severity: { critical: '#FF5D64', high: '#FF8C99', medium: '#FFB86B', low: '#8CC8FF', info: '#FFFFFF' },
  spof: '#FF5D64',
};

/** For paper: white, no tinted fills, category colours on the icons only. */
const print: Palette = {
  ...light,
  nodeStroke: '#545B64',
  badgeFill: '#FFFFFF',
  containerFill: everyContainer('#FFFFFF'),
};

export function paletteOf(theme: DiagramTheme): Palette {
  switch (theme) {
    case 'dark':
      return dark;
    case 'high-contrast':
      return highContrast;
    case 'print':
      return print;
    default:
      return light;
  }
}

/** Fonts named with safe fallbacks; nothing is loaded from anywhere. */
export const fontFamily = "'Amazon Ember', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif";

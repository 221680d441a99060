/**
 * The diagram core: architecture -> graph -> layout -> SVG. Pure: elkjs is injected by the caller
 * (the language server's worker, the webview's worker, the CLI, the tests), never loaded here.
 */
export * from './types';
export { buildDiagramGraph, type BuildDiagramOptions } from './graph';
export { layoutDiagram, layoutWithFallback, meanDisplacement, toElkGraph, type ChosenLayout, type LayoutOptions } from './layout';
export { diagramOverlayData, zoneDownStates } from './overlays';
export { checkLayoutQuality, segmentCrossesBox } from './quality';
export { renderDiagramSvg, diagramStyleSheet, formatMoney } from './render/svg';
export { escapeXml, truncate } from './render/escape';
export { paletteOf, fontFamily, type Palette } from './render/theme';
export { iconKeyOf, glyphPath, glyphKeys } from './render/icons';

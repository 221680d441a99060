/**
 * `parseArchitecture`: text -> `ArchDocument`. Pure, synchronous, and it never throws.
 *
 * The file is read in pieces (see blocks.ts): each top-level section and each resource separately.
 * With `options.previous`, every piece whose text is unchanged is taken from the previous parse
 * (its ranges shifted when it moved), so typing in one resource re-reads and re-validates only that
 * resource. The checks that span resources (references, cycles, zones) always run on the whole
 * file. Reading a file from scratch and reading it incrementally give identical documents; a
 * property test holds the two paths to that.
 */
import type { ArchDiagnostic, ArchDocument, MapEntry, MapNode, ReferenceOccurrence, ResourceNode, ValueNode } from './document';
import { splitEdited, splitPieces, type Piece, type Split, type SplitChange } from './blocks';
import { Codes } from './codes';
import { crossCheck, type CrossInput, type CrossState } from './cross-checks';
import { LineIndex, rangeContains } from './line-index';
import type { ReferenceDraft } from './references';
import { analyzeResource, type ResourceAnalysis } from './resource-analysis';
import { hasInvalidCharacters, maxAliasCount, maxFileSize, maxNestingDepth, sanitize, scanStructure, type StructureScan } from './scan';
import { shiftDiagnostic, shiftDiagnostics, shiftDrafts, shiftEntry, shiftResource, shiftValue } from './shift';
import { defaultRegion, defaultZones, duplicateTopLevelKeys, readTopLevel } from './top-level';
import { scenarioDiagnostics } from './scenarios';
import { readYaml } from './yaml-read';
import { fastReadYaml } from './fast-read';
import { registerResourceSource } from './resource-source';

/** Options of `parseArchitecture`. */
export interface ParseOptions {
  /** The previous parse of the same document: unchanged pieces are reused from it. */
  readonly previous?: ArchDocument;
}

/**
 * What one piece of text reads as, with ranges placed as if the piece started on file line `line`
 * (where it was last seen). A piece that did not move is reused as it is; one that moved is shifted
 * by the difference, which is far cheaper than reading it again.
 */
interface PieceResult {
  readonly line: number;
  readonly entries: readonly MapEntry[];
  readonly diagnostics: readonly ArchDiagnostic[];
  /** For resource pieces: the analysis of each resource entry (normally one). */
  readonly analyses: readonly ResourceAnalysis[];
}

type PieceCache = Map<string, PieceResult>;

/** What the pre-parse scans learned about one piece of text. */
interface PieceScan {
  readonly structure: StructureScan;
  /** No character in the piece needs cleaning up (see `sanitize`). */
  readonly clean: boolean;
}

/** What a parse keeps for the next one: read pieces, scans of piece texts, the cross-resource state. */
interface ParseState {
  /** The text as given and how it was cut before any clean-up, for cutting the next version. */
  readonly rawText: string;
  readonly rawSplit: Split;
  /** Read pieces by text (built on first use when the parse kept `aligned` results instead). */
  readonly pieces: () => PieceCache;
  /** Scans by piece text (built on first use likewise). */
  readonly scans: () => Map<string, PieceScan>;
  readonly cross: CrossState;
  /** Present when the next edit inside the resources may take the edit-sized path (see `parseEdited`). */
  readonly aligned: AlignedState | undefined;
}

/**
 * The results of a clean parse in pieces where every resource piece read as at most one resource
 * and no name repeats, kept by piece index (aligned with `rawSplit`), so that an edit of a few
 * pieces rebuilds the document's arrays by slicing around them instead of visiting every piece.
 */
interface AlignedState {
  readonly split: Extract<Split, { kind: 'pieces' }>;
  readonly sections: readonly PieceResult[];
  /** Per resource piece: its placed result. */
  readonly placed: readonly PieceResult[];
  /**
   * The indexes (ascending) of the resource pieces that hold no resource: a name being typed
   * before its `:` is one. Nearly always empty, so a piece's resource index is its own index less
   * the empty pieces before it, and the arrays below are indexed by resource.
   */
  readonly empties: readonly number[];
  /** Per resource: its entry, analysis, resource node and reference drafts. */
  readonly entries: readonly MapEntry[];
  readonly analyses: readonly ResourceAnalysis[];
  readonly resources: readonly ResourceNode[];
  readonly drafts: readonly (readonly ReferenceDraft[])[];
  readonly resourceByName: ReadonlyMap<string, ResourceNode>;
}

/** Memoises a map builder, so a state pays for its text-keyed maps only when a later parse asks. */
function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** The scan of a piece that passed on a clean parse in pieces: clean, shallow enough, no anchors. */
const passedScan: PieceScan = { structure: { depth: 0, tooDeepAt: undefined, hasAnchorsOrAliases: false, aliasCount: 0 }, clean: true };

/** Memo: The state of each parsed document, so `previous` can hand it to the next parse. */
const states = new WeakMap<ArchDocument, ParseState>();

function tooDeep(text: string, offset: number): ArchDiagnostic {
  const lines = new LineIndex(text);
  const at = lines.positionAt(offset);
  return {
    code: Codes.nestingTooDeep,
    severity: 'error',
    message: `Values are nested more than ${maxNestingDepth} levels deep here; the file is not read. Architectures need far less nesting.`,
    range: { start: at, end: { line: at.line, character: lines.lineEndOffset(at.line) - lines.lineStarts[at.line]! } },
    source: 'cloudarch',
  };
}

/** Parses an architecture file. Never throws: every failure becomes a diagnostic. */
export function parseArchitecture(text: string, options?: ParseOptions): ArchDocument {
  try {
    return parse(typeof text === 'string' ? text : String(text), options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return emptyDocument(text, [
      {
        code: Codes.yamlSyntax,
        severity: 'error',
        message: `The file could not be read (internal error: ${message}). Please report this with the file.`,
        range: zeroRange,
        source: 'cloudarch',
      },
    ]);
  }
}

const zeroRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function parse(text: string, options: ParseOptions | undefined): ArchDocument {
  if (text.length > maxFileSize) {
    return emptyDocument(text, [
      {
        code: Codes.fileTooLarge,
        severity: 'error',
        message: `The file is ${(text.length / 1048576).toFixed(1)} MiB; files over ${maxFileSize / 1048576} MiB are not read. Split the architecture into several files.`,
        range: zeroRange,
        source: 'cloudarch',
      },
    ]);
  }
  const diagnostics: ArchDiagnostic[] = [];
  const previousState = options?.previous !== undefined ? states.get(options.previous) : undefined;
  const cache: PieceCache = new Map();
  const scans = new Map<string, PieceScan>();
  const scanOf = (pieceText: string): PieceScan => {
    let scan = scans.get(pieceText) ?? previousState?.scans().get(pieceText);
    if (scan === undefined) scan = { structure: scanStructure(pieceText), clean: !hasInvalidCharacters(pieceText) };
    scans.set(pieceText, scan);
    return scan;
  };

  // The character clean-up looks only at new pieces of text: each piece remembers whether it was
  // clean, and the few lines between pieces (the `resources:` header, leading comments) are checked
  // directly. Only a file with something to clean up (or a byte-order mark) is cleaned as a whole,
  // and then cut again, because a lone `\r` is a line break.
  let split: Split;
  if (previousState !== undefined) {
    const edited = splitEdited(text, previousState.rawText, previousState.rawSplit);
    split = edited.split;
    if (edited.change !== undefined && previousState.aligned !== undefined && split.kind === 'pieces') {
      const document = parseEdited(text, previousState, previousState.aligned, split, edited.change);
      if (document !== undefined) return document;
    }
  } else split = splitPieces(text);
  const rawSplit = split;
  let clean = text;
  let cleaned = false;
  if (split.kind !== 'pieces' || text.charCodeAt(0) === 0xfeff || !piecesAreClean(text, split, scanOf)) {
    cleaned = true;
    const sanitized = sanitize(text);
    if (sanitized.problems.length > 0) {
      const lines = new LineIndex(text);
      for (const problem of sanitized.problems) {
        diagnostics.push({
          code: problem.kind === 'byte-order-mark' ? Codes.byteOrderMark : Codes.invalidCharacter,
          severity: problem.kind === 'byte-order-mark' ? 'information' : 'error',
          message: problem.message,
          range: lines.rangeOf(problem.offset, problem.offset + problem.length),
          source: 'cloudarch',
        });
      }
    }
    clean = sanitized.text;
    if (clean !== text) split = splitPieces(clean);
  }

  // Scan before any YAML is composed. In pieces, only new piece texts are scanned; anchors or
  // aliases anywhere send the whole file down the one-piece path, which scans the whole text.
  let refusal: ArchDiagnostic | undefined;
  if (split.kind === 'pieces') {
    for (const pieces of [split.sections, split.resources]) {
      for (const piece of pieces) {
        const scan = scanOf(piece.text).structure;
        if (scan.tooDeepAt !== undefined) {
          refusal = tooDeep(text, piece.start + scan.tooDeepAt);
          break;
        }
        if (scan.hasAnchorsOrAliases) {
          split = { kind: 'whole' };
          break;
        }
      }
      if (refusal !== undefined || split.kind === 'whole') break;
    }
  }
  if (split.kind === 'whole' && refusal === undefined) {
    const scan = scanStructure(clean);
    if (scan.tooDeepAt !== undefined) refusal = tooDeep(text, scan.tooDeepAt);
    else if (scan.aliasCount > maxAliasCount) {
      refusal = {
        code: Codes.tooManyAliases,
        severity: 'error',
        message: `The file uses ${scan.aliasCount} anchors and aliases; more than ${maxAliasCount} are not read (they can expand exponentially).`,
        range: zeroRange,
        source: 'cloudarch',
      };
    }
  }
  if (refusal !== undefined) {
    diagnostics.push(refusal);
    return emptyDocument(text, diagnostics);
  }
  const previousCache = previousState?.pieces();

  let root: MapNode | undefined;
  const analyses: ResourceAnalysis[] = [];
  let resourcesEntry: MapEntry | undefined;
  const sectionResults: PieceResult[] = [];
  const placedResources: PieceResult[] = [];
  let atMostOneEach = true;
  const empties: number[] = [];
  let allResourceEntries: MapEntry[] | undefined;

  if (split.kind === 'whole') {
    const read = readYaml(clean);
    diagnostics.push(...read.diagnostics);
    for (const range of read.extraDocuments) {
      diagnostics.push({
        code: Codes.multipleDocuments,
        severity: 'error',
        message: 'A second YAML document starts here; a file holds one architecture, so everything after this `---` is ignored.',
        range,
        source: 'cloudarch',
      });
    }
    if (read.value?.kind === 'map') {
      root = read.value;
      resourcesEntry = root.entries.find((entry) => entry.key === 'resources');
      if (resourcesEntry?.value?.kind === 'map') {
        for (const entry of resourcesEntry.value.entries) analyses.push(analyzeResource(entry));
      }
    } else if (read.value !== undefined) {
      diagnostics.push({
        code: Codes.notAMap,
        severity: 'error',
        message: 'The file must be a map of keys (`cloudarch`, `name`, `resources`, ...), not a list or a single value.',
        range: read.value.range,
        source: 'cloudarch',
      });
    }
  } else {
    const rootEntries: MapEntry[] = [];
    const placeSection = (piece: Piece): PieceResult => place(piece, readSection(piece, previousCache, cache), cache);
    split.sections.forEach((piece, order) => {
      if (split.resourcesHeader !== undefined && split.resourcesHeader.order === order) rootEntries.push(resourcesPlaceholder);
      const placed = placeSection(piece);
      sectionResults.push(placed);
      rootEntries.push(...placed.entries);
      diagnostics.push(...placed.diagnostics);
    });
    if (split.resourcesHeader !== undefined) {
      if (split.resourcesHeader.order >= split.sections.length) rootEntries.push(resourcesPlaceholder);
      const resourceEntries: MapEntry[] = [];
      for (const piece of split.resources) {
        const placed = place(piece, readResourcePiece(piece, previousCache, cache), cache);
        placedResources.push(placed);
        if (placed.entries.length > 1) atMostOneEach = false;
        else if (placed.entries.length === 0) empties.push(placedResources.length - 1);
        resourceEntries.push(...placed.entries);
        diagnostics.push(...placed.diagnostics);
        analyses.push(...placed.analyses);
      }
      const headerLine = split.resourcesHeader.line;
      const keyRange = { start: { line: headerLine, character: 0 }, end: { line: headerLine, character: 'resources'.length } };
      const first = resourceEntries[0];
      const last = resourceEntries[resourceEntries.length - 1];
      const value: MapNode | undefined =
        first === undefined || last === undefined
          ? undefined
          : {
              kind: 'map',
              range: { start: first.keyRange.start, end: last.value?.range.end ?? last.keyRange.end },
              entries: resourceEntries,
              flow: false,
            };
      resourcesEntry = { key: 'resources', keyRange, value };
      rootEntries[rootEntries.indexOf(resourcesPlaceholder)] = resourcesEntry;
      allResourceEntries = resourceEntries;
    } else {
      resourcesEntry = rootEntries.find((entry) => entry.key === 'resources');
      if (resourcesEntry?.value?.kind === 'map') {
        for (const entry of resourcesEntry.value.entries) analyses.push(analyzeResource(entry));
      }
    }
    diagnostics.push(...duplicateTopLevelKeys(rootEntries));
    if (rootEntries.length > 0) {
      const first = rootEntries[0]!;
      const last = rootEntries[rootEntries.length - 1]!;
      root = {
        kind: 'map',
        range: { start: first.keyRange.start, end: last.value?.range.end ?? last.keyRange.end },
        entries: rootEntries,
        flow: false,
      };
    }
  }

  if (root === undefined && !diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    diagnostics.push({
      code: Codes.emptyFile,
      severity: 'warning',
      message: 'The file is empty. Start with `cloudarch: "1"`, a `name` and a `resources:` map.',
      range: zeroRange,
      source: 'cloudarch',
    });
  }
  // Under a `resources:` header the value is always a map of the resource pieces (or nothing).
  if (resourcesEntry?.value !== undefined && resourcesEntry.value.kind !== 'map') {
    diagnostics.push({
      code: Codes.wrongType,
      severity: 'error',
      message: '`resources` must be a map from resource names to resources.',
      range: resourcesEntry.value.range,
      source: 'cloudarch',
    });
  }

  const top = root === undefined ? undefined : readTopLevel(root, diagnostics);

  // Resources by name; a repeated name is reported and the first definition kept.
  const resources: ResourceNode[] = [];
  const drafts: (readonly ReferenceDraft[])[] = [];
  const resourceByName = new Map<string, ResourceNode>();
  for (const analysis of analyses) {
    const existing = resourceByName.get(analysis.resource.name);
    if (existing !== undefined) {
      if (split.kind !== 'whole') {
        diagnostics.push({
          code: Codes.duplicateKey,
          severity: 'error',
          message: `A resource named \`${analysis.resource.name}\` is already defined; this later definition is ignored.`,
          range: analysis.resource.nameRange,
          source: 'cloudarch',
          resource: analysis.resource.name,
          related: [{ message: `First definition of \`${existing.name}\``, range: existing.nameRange }],
        });
      }
      continue;
    }
    resourceByName.set(analysis.resource.name, analysis.resource);
    resources.push(analysis.resource);
    drafts.push(analysis.drafts);
    diagnostics.push(...analysis.diagnostics);
  }

  // Resource pieces name their resources as they are read (`readPiece`); the other paths here.
  if (split.kind === 'whole' || split.resourcesHeader === undefined) attributeKeyProblems(diagnostics, resources);

  const zones = top?.zones ?? defaultZones;
  const input = { root, resources, resourceByName, drafts, zones, text: clean };
  const cross = checkAcross(previousState ? { ...input, previous: previousState.cross } : input, top?.region, diagnostics);
  const references: ReferenceOccurrence[] = cross.references;
  const alignable =
    !cleaned &&
    split.kind === 'pieces' &&
    split === rawSplit &&
    split.resourcesHeader !== undefined &&
    allResourceEntries !== undefined &&
    allResourceEntries.length > 0 &&
    atMostOneEach &&
    resources.length === analyses.length;

  diagnostics.sort(compareDiagnostics);
  const document: ArchDocument = {
    text,
    root,
    formatVersion: top?.formatVersion,
    name: top?.name,
    description: top?.description,
    region: top?.region ?? defaultRegion,
    zones,
    workload: top?.workload ?? emptyWorkload,
    assumptions: top?.assumptions ?? defaultAssumptions,
    targets: top?.targets ?? {},
    resources,
    resourceByName,
    references,
    diagnostics,
  };
  const aligned: AlignedState | undefined =
    alignable && split.kind === 'pieces'
      ? {
          split,
          sections: sectionResults,
          placed: placedResources,
          empties,
          entries: allResourceEntries!,
          analyses,
          resources,
          drafts,
          resourceByName,
        }
      : undefined;
  states.set(document, { rawText: text, rawSplit, pieces: () => cache, scans: () => scans, cross: cross.state, aligned });
  return document;
}

/**
 * The edit-sized path: an edit inside the resources replaced the pieces `change.from` to
 * `change.oldEnd` of the previous cut. Only the new pieces are scanned and read; the arrays of the
 * document are the previous ones sliced around them (the pieces after them shifted when lines were
 * added or removed), and the name table is copied and patched. Answers undefined, before anything
 * is kept, whenever the general path is needed: a new piece with characters to clean up, anchors,
 * deep nesting, a piece of more than one resource, or a name that repeats. A piece that holds no
 * resource (a name being typed before its `:`) is kept, mapped past by `AlignedState.empties`.
 */
function parseEdited(
  text: string,
  previous: ParseState,
  aligned: AlignedState,
  split: Extract<Split, { kind: 'pieces' }>,
  change: SplitChange,
): ArchDocument | undefined {
  if (text.charCodeAt(0) === 0xfeff || split.resourcesHeader === undefined) return undefined;
  const { from, oldEnd, newEnd, lineDelta } = change;
  const oldPieces = aligned.split.resources;
  // Pieces of the replaced span by text, so a piece typed back (undo) or moved is not read again.
  const replaced = new Map<string, PieceResult>();
  for (let index = from; index < oldEnd; index++) replaced.set(oldPieces[index]!.text, aligned.placed[index]!);
  const regionPlaced: PieceResult[] = [];
  const regionEmpties: number[] = [];
  for (let index = from; index < newEnd; index++) {
    const piece = split.resources[index]!;
    let result = replaced.get(piece.text);
    if (result === undefined) {
      if (hasInvalidCharacters(piece.text)) return undefined;
      const scan = scanStructure(piece.text);
      if (scan.tooDeepAt !== undefined || scan.hasAnchorsOrAliases) return undefined;
      result = readResourcePiece(piece, undefined, new Map());
    }
    const placed = placeOnly(piece, result);
    if (placed.entries.length > 1) return undefined;
    if (placed.entries.length === 0) regionEmpties.push(index);
    regionPlaced.push(placed);
  }
  // Pieces map to resources through the empty pieces: the replaced pieces held the resources
  // `resourceFrom` to `resourceOldEnd`; the pieces after them keep their resources, moved along.
  const oldEmpties = aligned.empties;
  const resourceFrom = from - countBelow(oldEmpties, from);
  const resourceOldEnd = oldEnd - countBelow(oldEmpties, oldEnd);
  const empties: number[] = [];
  for (const index of oldEmpties) if (index < from) empties.push(index);
  for (const index of regionEmpties) empties.push(index);
  for (const index of oldEmpties) if (index >= oldEnd) empties.push(index + newEnd - oldEnd);
  const regionEntries: MapEntry[] = [];
  const regionAnalyses: ResourceAnalysis[] = [];
  for (const result of regionPlaced) {
    if (result.entries.length === 0) continue;
    regionEntries.push(result.entries[0]!);
    regionAnalyses.push(result.analyses[0]!);
  }
  if (resourceFrom + regionAnalyses.length + (aligned.resources.length - resourceOldEnd) === 0) return undefined;
  // A new name must not repeat one kept outside the span, nor another new one.
  const removed = new Set<ResourceNode>(aligned.resources.slice(resourceFrom, resourceOldEnd));
  const newNames = new Set<string>();
  for (const analysis of regionAnalyses) {
    const name = analysis.resource.name;
    const holder = aligned.resourceByName.get(name);
    if ((holder !== undefined && !removed.has(holder)) || newNames.has(name)) return undefined;
    newNames.add(name);
  }

  const tailPlaced = aligned.placed.slice(oldEnd);
  if (lineDelta !== 0)
    for (let index = 0; index < tailPlaced.length; index++)
      tailPlaced[index] = placeOnly(split.resources[newEnd + index]!, tailPlaced[index]!);
  const placed = aligned.placed.slice(0, from).concat(regionPlaced, tailPlaced);
  let entries: MapEntry[];
  let analyses: ResourceAnalysis[];
  let resources: ResourceNode[];
  let drafts: (readonly ReferenceDraft[])[];
  const regionResources = regionAnalyses.map((analysis) => analysis.resource);
  const regionDrafts = regionAnalyses.map((analysis) => analysis.drafts);
  if (lineDelta === 0) {
    entries = aligned.entries.slice(0, resourceFrom).concat(regionEntries, aligned.entries.slice(resourceOldEnd));
    analyses = aligned.analyses.slice(0, resourceFrom).concat(regionAnalyses, aligned.analyses.slice(resourceOldEnd));
    resources = aligned.resources.slice(0, resourceFrom).concat(regionResources, aligned.resources.slice(resourceOldEnd));
    drafts = aligned.drafts.slice(0, resourceFrom).concat(regionDrafts, aligned.drafts.slice(resourceOldEnd));
  } else {
    const tailEntries: MapEntry[] = [];
    const tailAnalyses: ResourceAnalysis[] = [];
    const tailResources: ResourceNode[] = [];
    const tailDrafts: (readonly ReferenceDraft[])[] = [];
    for (const result of tailPlaced) {
      if (result.entries.length === 0) continue;
      const analysis = result.analyses[0]!;
      tailEntries.push(result.entries[0]!);
      tailAnalyses.push(analysis);
      tailResources.push(analysis.resource);
      tailDrafts.push(analysis.drafts);
    }
    entries = aligned.entries.slice(0, resourceFrom).concat(regionEntries, tailEntries);
    analyses = aligned.analyses.slice(0, resourceFrom).concat(regionAnalyses, tailAnalyses);
    resources = aligned.resources.slice(0, resourceFrom).concat(regionResources, tailResources);
    drafts = aligned.drafts.slice(0, resourceFrom).concat(regionDrafts, tailDrafts);
  }
  const resourceNewEnd = resourceFrom + regionAnalyses.length;
  // The name table in file order: when the names are the same ones in the same places, the
  // previous table copied with the new resource objects set; otherwise built again.
  let sameNames = lineDelta === 0 && resourceNewEnd === resourceOldEnd;
  for (let index = resourceFrom; sameNames && index < resourceNewEnd; index++)
    sameNames = aligned.resources[index]!.name === resources[index]!.name;
  let resourceByName: Map<string, ResourceNode>;
  if (sameNames) {
    resourceByName = new Map(aligned.resourceByName);
    for (let index = resourceFrom; index < resourceNewEnd; index++) resourceByName.set(resources[index]!.name, resources[index]!);
  } else {
    resourceByName = new Map();
    for (const resource of resources) resourceByName.set(resource.name, resource);
  }

  // Sections: the same results unless lines moved the ones after the edit.
  const sections = lineDelta === 0 ? aligned.sections : split.sections.map((piece, index) => placeOnly(piece, aligned.sections[index]!));
  const diagnostics: ArchDiagnostic[] = [];
  const rootEntries: MapEntry[] = [];
  const header = split.resourcesHeader;
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  const value: MapNode = {
    kind: 'map',
    range: { start: first.keyRange.start, end: last.value?.range.end ?? last.keyRange.end },
    entries,
    flow: false,
  };
  const resourcesEntry: MapEntry = {
    key: 'resources',
    keyRange: { start: { line: header.line, character: 0 }, end: { line: header.line, character: 'resources'.length } },
    value,
  };
  sections.forEach((result, order) => {
    if (header.order === order) rootEntries.push(resourcesEntry);
    for (const entry of result.entries) rootEntries.push(entry);
    for (const diagnostic of result.diagnostics) diagnostics.push(diagnostic);
  });
  if (header.order >= sections.length) rootEntries.push(resourcesEntry);
  for (const diagnostic of duplicateTopLevelKeys(rootEntries)) diagnostics.push(diagnostic);
  for (const result of placed) if (result.diagnostics.length > 0) for (const diagnostic of result.diagnostics) diagnostics.push(diagnostic);
  const root: MapNode = {
    kind: 'map',
    range: {
      start: rootEntries[0]!.keyRange.start,
      end: rootEntries[rootEntries.length - 1]!.value?.range.end ?? rootEntries[rootEntries.length - 1]!.keyRange.end,
    },
    entries: rootEntries,
    flow: false,
  };
  const top = readTopLevel(root, diagnostics);
  for (const analysis of analyses)
    if (analysis.diagnostics.length > 0) for (const diagnostic of analysis.diagnostics) diagnostics.push(diagnostic);

  const zones = top.zones ?? defaultZones;
  // The resources after the edit only moved (when lines were added or removed): their cached
  // cross-resource results are moved with them rather than worked out again.
  const moved = lineDelta === 0 ? undefined : { start: resourceNewEnd, previousStart: resourceOldEnd, lines: lineDelta };
  const input = { root, resources, resourceByName, drafts, zones, text, previous: previous.cross };
  const cross = checkAcross(moved !== undefined ? { ...input, moved } : input, top.region, diagnostics);
  diagnostics.sort(compareDiagnostics);
  const document: ArchDocument = {
    text,
    root,
    formatVersion: top.formatVersion,
    name: top.name,
    description: top.description,
    region: top.region ?? defaultRegion,
    zones,
    workload: top.workload ?? emptyWorkload,
    assumptions: top.assumptions ?? defaultAssumptions,
    targets: top.targets ?? {},
    resources,
    resourceByName,
    references: cross.references,
    diagnostics,
  };
  const next: AlignedState = { split, sections, placed, empties, entries, analyses, resources, drafts, resourceByName };
  states.set(document, {
    rawText: text,
    rawSplit: split,
    pieces: lazy(() => piecesByText(next)),
    scans: lazy(() => passedScans(next)),
    cross: cross.state,
    aligned: next,
  });
  return document;
}

/** How many of the ascending `indexes` are below `limit`. */
function countBelow(indexes: readonly number[], limit: number): number {
  let count = 0;
  while (count < indexes.length && indexes[count]! < limit) count++;
  return count;
}

/** The read pieces of an aligned state by text, for a later parse on the general path. */
function piecesByText(aligned: AlignedState): PieceCache {
  const cache: PieceCache = new Map();
  aligned.split.sections.forEach((piece, index) => cache.set(piece.text, aligned.sections[index]!));
  aligned.split.resources.forEach((piece, index) => cache.set(piece.text, aligned.placed[index]!));
  return cache;
}

/** Every piece text of an aligned state passed the scans. */
function passedScans(aligned: AlignedState): Map<string, PieceScan> {
  const scans = new Map<string, PieceScan>();
  for (const piece of aligned.split.sections) scans.set(piece.text, passedScan);
  for (const piece of aligned.split.resources) scans.set(piece.text, passedScan);
  return scans;
}

/** Whether every piece, and every line between pieces, is free of characters to clean up. */
function piecesAreClean(text: string, split: Extract<Split, { kind: 'pieces' }>, scanOf: (pieceText: string) => PieceScan): boolean {
  let covered = 0;
  let section = 0;
  let resource = 0;
  // Sections and resources are each in file order; walk them merged, checking the gaps between.
  while (section < split.sections.length || resource < split.resources.length) {
    const nextSection = split.sections[section];
    const nextResource = split.resources[resource];
    const piece =
      nextResource === undefined || (nextSection !== undefined && nextSection.start < nextResource.start)
        ? (section++, nextSection!)
        : (resource++, nextResource);
    if (piece.start > covered && hasInvalidCharacters(text.slice(covered, piece.start))) return false;
    if (!scanOf(piece.text).clean) return false;
    covered = piece.end;
  }
  return covered >= text.length || !hasInvalidCharacters(text.slice(covered));
}

/** A stand-in for the `resources` entry while the sections around it are placed. */
const resourcesPlaceholder: MapEntry = { key: 'resources', keyRange: zeroRange, value: undefined };

const emptyWorkload = { requestsPerSecond: 0, peakRequestsPerSecond: 0, dataTransferOutGB: 0, storageGrowthGBPerMonth: 0 };
const defaultAssumptions = { zoneAvailability: 99.99, regionAvailability: 99.999, hoursPerMonth: 730, prices: {} };

function compareDiagnostics(left: ArchDiagnostic, right: ArchDiagnostic): number {
  return (
    left.range.start.line - right.range.start.line ||
    left.range.start.character - right.range.start.character ||
    left.range.end.line - right.range.end.line ||
    left.range.end.character - right.range.end.character ||
    (left.code < right.code ? -1 : left.code > right.code ? 1 : 0) ||
    (left.message < right.message ? -1 : left.message > right.message ? 1 : 0)
  );
}

/**
 * The checks across resources: the scenarios' (in `region`, the file's or the default) and the
 * cross-checks', their diagnostics appended to `diagnostics` in that order.
 */
function checkAcross(input: CrossInput, region: string | undefined, diagnostics: ArchDiagnostic[]): ReturnType<typeof crossCheck> {
  for (const diagnostic of scenarioDiagnostics(input.root, region ?? defaultRegion, input.zones, input.resources))
    diagnostics.push(diagnostic);
  const cross = crossCheck(input, region ?? defaultRegion);
  for (const diagnostic of cross.diagnostics) diagnostics.push(diagnostic);
  return cross;
}

function lookup(text: string, previous: PieceCache | undefined, current: PieceCache): PieceResult | undefined {
  const found = current.get(text) ?? previous?.get(text);
  if (found !== undefined) current.set(text, found);
  return found;
}

/**
 * Reads a piece at its place in the file: with the fast reader when the piece lies inside its
 * subset (nearly always), else with yaml, whose piece-relative ranges are then moved into place.
 */
function readPlaced(piece: Piece): { value: ValueNode | undefined; diagnostics: readonly ArchDiagnostic[] } {
  const fast = fastReadYaml(piece.text, piece.startLine);
  if (fast !== undefined) return fast;
  const read = readYaml(piece.text);
  const line = piece.startLine;
  return {
    value: read.value === undefined ? undefined : shiftValue(read.value, line),
    diagnostics: read.diagnostics.map((diagnostic) => shiftDiagnostic(diagnostic, line)),
  };
}

/** A section piece: top-level `key: value` entries, read once per distinct text. */
function readSection(piece: Piece, previous: PieceCache | undefined, current: PieceCache): PieceResult {
  return readPiece(piece, previous, current, 'Expected a top-level `key: value` here.', false);
}

/** A `resources:` piece: its entries are resources, analysed once per distinct text. */
function readResourcePiece(piece: Piece, previous: PieceCache | undefined, current: PieceCache): PieceResult {
  return readPiece(piece, previous, current, 'Expected a resource name followed by `:` and its properties, such as `web:`.', true);
}

/**
 * A piece read as a map (`notAMap` is the error when it is something else), from the caches when
 * its text was read before; `resources` says whether its entries are resources to analyse.
 */
function readPiece(piece: Piece, previous: PieceCache | undefined, current: PieceCache, notAMap: string, resources: boolean): PieceResult {
  const cached = lookup(piece.text, previous, current);
  if (cached !== undefined) return cached;
  const read = readPlaced(piece);
  const diagnostics = [...read.diagnostics];
  let entries: readonly MapEntry[] = [];
  if (read.value?.kind === 'map') entries = read.value.entries;
  else if (read.value !== undefined) {
    diagnostics.push({ code: Codes.yamlSyntax, severity: 'error', message: notAMap, range: read.value.range, source: 'cloudarch' });
  }
  let analyses: readonly ResourceAnalysis[] = [];
  if (resources) {
    analyses = entries.map(analyzeResource);
    for (const analysis of analyses) registerResourceSource(analysis.resource, piece.text, piece.startLine);
    attributeKeyProblems(
      diagnostics,
      analyses.map((analysis) => analysis.resource),
    );
  }
  const result: PieceResult = { line: piece.startLine, entries, diagnostics, analyses };
  current.set(piece.text, result);
  return result;
}

/**
 * Names the resource of each forbidden or repeated key the YAML reader found inside one (replacing
 * the diagnostic in `diagnostics`): the reader knows no resources, but the CLI's JSON output and
 * the editor's quick fixes group diagnostics by the resource they name.
 */
function attributeKeyProblems(diagnostics: ArchDiagnostic[], resources: readonly ResourceNode[]): void {
  for (let index = 0; index < diagnostics.length; index++) {
    const diagnostic = diagnostics[index]!;
    if (diagnostic.resource !== undefined || (diagnostic.code !== Codes.forbiddenKey && diagnostic.code !== Codes.duplicateKey)) continue;
    const inside = resources.find((resource) => rangeContains(resource.range, diagnostic.range.start));
    if (inside !== undefined) diagnostics[index] = { ...diagnostic, resource: inside.name };
  }
}

/** The piece's result at its place in the file, remembered by text for the next parse. */
function place(piece: Piece, result: PieceResult, cache: PieceCache): PieceResult {
  const placed = placeOnly(piece, result);
  cache.set(piece.text, placed);
  return placed;
}

/** The piece's result at its place in the file: as it is when the piece did not move, else shifted. */
function placeOnly(piece: Piece, result: PieceResult): PieceResult {
  const line = piece.startLine;
  if (result.line === line) return result;
  const lines = line - result.line;
  const entries: MapEntry[] = [];
  for (const entry of result.entries) entries.push(shiftEntry(entry, lines));
  const analyses: ResourceAnalysis[] = [];
  for (const analysis of result.analyses) {
    analyses.push(shiftAnalysis(analysis, lines, result.entries, entries));
    registerResourceSource(analyses[analyses.length - 1]!.resource, piece.text, line);
  }
  return { line, entries, diagnostics: shiftDiagnostics(result.diagnostics, lines), analyses };
}

/**
 * An analysis moved by `lines`. A resource's body is its entry's value: the moved entry's value is
 * shared, as a fresh read shares it, and so are the entry's key range and positions (see `shiftResource`).
 */
function shiftAnalysis(
  analysis: ResourceAnalysis,
  lines: number,
  originals: readonly MapEntry[],
  moved: readonly MapEntry[],
): ResourceAnalysis {
  const resource = analysis.resource;
  const original = resource.body;
  let index = -1;
  // Nearly always one entry, the resource's own; several only on the general path.
  for (let at = 0; at < originals.length; at++) {
    if (originals[at]!.keyRange === resource.nameRange) {
      index = at;
      break;
    }
  }
  const entry = index >= 0 ? moved[index] : undefined;
  const originalEntry = index >= 0 ? originals[index] : undefined;
  let body: ValueNode | undefined;
  if (original === undefined) body = undefined;
  else if (originalEntry !== undefined && originalEntry.value === original) body = entry!.value;
  else body = shiftValue(original, lines);
  return {
    resource:
      originalEntry !== undefined ? shiftResource(resource, lines, body, originalEntry, entry) : shiftResource(resource, lines, body),
    drafts: shiftDrafts(analysis.drafts, lines),
    diagnostics: shiftDiagnostics(analysis.diagnostics, lines),
  };
}

function emptyDocument(text: string, diagnostics: ArchDiagnostic[]): ArchDocument {
  return {
    text,
    root: undefined,
    formatVersion: undefined,
    name: undefined,
    description: undefined,
    region: defaultRegion,
    zones: defaultZones,
    workload: emptyWorkload,
    assumptions: defaultAssumptions,
    targets: {},
    resources: [],
    resourceByName: new Map(),
    references: [],
    diagnostics,
  };
}

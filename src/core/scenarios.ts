/**
 * The `scenarios:` top-level key (docs/format.md): named simulations saved with the architecture,
 * run by `cloudarch simulate --scenario NAME` and by the editor. Each scenario gives a duration,
 * a seed, failures and surges in the same spec language as `--fail` (`simulation-spec.ts`).
 *
 *   scenarios:
 *     zone-a-at-peak:
 *       duration: 3d
 *       seed: 7
 *       failures: [zone:a@1d14h+2h, spot@2d]
 *       surges: [3x@1d+2h]
 *
 * Reading reports every bad spec and every unknown zone, region or resource as a diagnostic on the
 * exact list item, so the editor underlines it like any other mistake.
 */
import { Codes } from './codes';
import type { ArchDiagnostic, MapNode, Range, ValueNode } from './document';
import { checkSpecTarget, isSpecError, parseDuration, parseSimulationSpec, type SimulationSpec, type SpecTargets } from './simulation-spec';

/** A scenario as read from the file. */
export interface Scenario {
  readonly name: string;
  readonly nameRange: Range;
  readonly description?: string;
  /** Simulated days (from `duration:`; default 30). */
  readonly days: number;
  readonly seed?: number;
  /** Failures and surges, in file order. */
  readonly events: readonly SimulationSpec[];
}

export const defaultScenarioDays = 30;

/** Offsets a range inside a one-line scalar by `offset` characters after its opening quote, if any. */
function partRange(node: ValueNode, offset: number, length: number): Range {
  const range = node.range;
  if (range.start.line !== range.end.line || node.kind !== 'scalar') return range;
  const quote = node.source.startsWith('"') || node.source.startsWith("'") ? 1 : 0;
  const start = range.start.character + quote + offset;
  return {
    start: { line: range.start.line, character: start },
    end: { line: range.start.line, character: Math.min(range.end.character, start + length) },
  };
}

/** A spec that starts like a failure (`zone:`, `region:`, `resource:`, `spot@`...), not a surge. */
const failureSpec = /^(?:zone|region|resource|spot)[:@]/;

function problem(message: string, range: Range): ArchDiagnostic {
  return { code: Codes.invalidScenario, severity: 'error', message, range, source: 'cloudarch' };
}

/** Reads `scenarios:`; the schema check reports wrong shapes, this reports what only the spec language and the document know. */
export function readScenarios(
  root: MapNode | undefined,
  targets: SpecTargets | undefined,
): { scenarios: Scenario[]; diagnostics: ArchDiagnostic[] } {
  const scenarios: Scenario[] = [];
  const diagnostics: ArchDiagnostic[] = [];
  const entry = root?.entries.find((e) => e.key === 'scenarios');
  if (entry?.value?.kind !== 'map') return { scenarios, diagnostics };
  for (const scenarioEntry of entry.value.entries) {
    const body = scenarioEntry.value;
    let days = defaultScenarioDays;
    let seed: number | undefined;
    let description: string | undefined;
    const events: SimulationSpec[] = [];
    if (body?.kind === 'map') {
      for (const field of body.entries) {
        const value = field.value;
        if (value === undefined) continue;
        if (field.key === 'duration' && value.kind === 'scalar') {
          const parsed =
            typeof value.value === 'number'
              ? value.value * 86_400
              : typeof value.value === 'string'
                ? parseDuration(value.value)
                : undefined;
          // A value that is not a duration, or a negative number, is the schema check's (a wrong shape); a duration of no time is this one's.
          if (parsed !== undefined && parsed > 0) days = parsed / 86_400;
          else if (parsed === 0)
            diagnostics.push(problem(`\`${value.source}\` is no time at all: a scenario must last, such as 7d or 36h.`, value.range));
        } else if (field.key === 'seed' && value.kind === 'scalar' && typeof value.value === 'number' && Number.isInteger(value.value)) {
          seed = value.value;
        } else if (field.key === 'description' && value.kind === 'scalar' && typeof value.value === 'string') {
          description = value.value;
        } else if ((field.key === 'failures' || field.key === 'surges') && value.kind === 'seq') {
          for (const item of value.items) {
            if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
            const written = item.value.trim();
            const lead = item.value.indexOf(written);
            // Under `surges:` the `surge:` is implied; a failure written there is read as one, to say where it belongs.
            const prefix = field.key === 'surges' && !written.startsWith('surge:') && !failureSpec.test(written) ? 'surge:' : '';
            const parsed = parseSimulationSpec(prefix + written);
            if (isSpecError(parsed)) {
              diagnostics.push(
                problem(
                  prefix === '' ? parsed.message : parsed.message.replace(`\`surge:${written}\``, `\`${written}\``),
                  partRange(item, lead + Math.max(0, parsed.offset - prefix.length), parsed.length),
                ),
              );
              continue;
            }
            if (field.key === 'failures' && parsed.kind === 'surge') {
              diagnostics.push(problem(`\`${item.value}\`: a surge is not a failure; list it under \`surges:\`.`, item.range));
              continue;
            }
            if (field.key === 'surges' && parsed.kind !== 'surge') {
              diagnostics.push(
                problem(
                  `\`${item.value}\`: only surges (such as 3x@1d+2h) belong under \`surges:\`; list failures under \`failures:\`.`,
                  item.range,
                ),
              );
              continue;
            }
            const unknown = targets === undefined ? undefined : checkSpecTarget(parsed, targets);
            if (unknown !== undefined) {
              diagnostics.push(problem(`${unknown}.`, item.range));
              continue;
            }
            events.push(parsed);
          }
        }
      }
    }
    const late = events.filter((event) => event.atSeconds >= days * 86_400);
    for (const event of late) {
      const item = findItem(body, event.text);
      if (item !== undefined)
        diagnostics.push({
          ...problem(
            `\`${event.text}\` starts after the scenario ends (${days} ${days === 1 ? 'day' : 'days'}): it would never happen.`,
            item.range,
          ),
          severity: 'warning',
        });
    }
    scenarios.push({
      name: scenarioEntry.key,
      nameRange: scenarioEntry.keyRange,
      ...(description !== undefined ? { description } : {}),
      days,
      ...(seed !== undefined ? { seed } : {}),
      events,
    });
  }
  return { scenarios, diagnostics };
}

function findItem(body: ValueNode | undefined, text: string): ValueNode | undefined {
  if (body?.kind !== 'map') return undefined;
  for (const field of body.entries) {
    if (field.value?.kind !== 'seq') continue;
    for (const item of field.value.items) {
      if (item.kind === 'scalar' && typeof item.value === 'string' && (item.value.trim() === text || `surge:${item.value.trim()}` === text))
        return item;
    }
  }
  return undefined;
}

/**
 * The diagnostics of `scenarios:` for the parser; nothing at all (and no work) when the file has no
 * such key, so the keystroke path of files without scenarios is unchanged.
 */
export function scenarioDiagnostics(
  root: MapNode | undefined,
  region: string,
  zones: readonly string[],
  resources: readonly { readonly name: string; readonly props: Readonly<Record<string, unknown>> }[],
): ArchDiagnostic[] {
  if (root === undefined || !root.entries.some((e) => e.key === 'scenarios')) return [];
  const regions = new Set<string>([region]);
  for (const resource of resources)
    if (typeof resource.props.region === 'string' && resource.props.region !== '') regions.add(resource.props.region);
  const zoneNames = new Set<string>();
  for (const letter of zones) {
    zoneNames.add(letter);
    for (const r of regions) zoneNames.add(`${r}${letter}`);
  }
  for (const resource of resources) {
    const own = resource.props.zones;
    if (!Array.isArray(own)) continue;
    const r = typeof resource.props.region === 'string' && resource.props.region !== '' ? resource.props.region : region;
    for (const letter of own)
      if (typeof letter === 'string') {
        zoneNames.add(`${r}${letter}`);
        if (r === region) zoneNames.add(letter);
      }
  }
  return readScenarios(root, { zones: zoneNames, regions, resources: new Set(resources.map((r) => r.name)) }).diagnostics;
}

/**
 * Checks that read a value together with its unit from the catalog. Today one: a fraction written
 * where a percentage is expected. `availability: 0.999` is valid to the schema (0 to 100) but
 * means 0.999 %, which nobody designs for; the writer almost always meant 99.9 %.
 */
import type { PropertyDef } from '../model/catalog-types';
import type { ArchDiagnostic, MapNode } from './document';
import { Codes } from './codes';

/**
 * The percentages where a value of 1 or less is absurd: availabilities and hit ratios. Other
 * percentages (the share of data in a cheaper storage class, for example) can be legitimately small.
 */
const fractionSuspectName = /availability|ratio/i;

/**
 * Reports, in `map` and the objects nested in it, each percentage property of `properties` whose
 * value lies in (0, 1], with a fix that multiplies it by 100.
 */
export function checkPercentFractions(
  map: MapNode,
  properties: Readonly<Record<string, PropertyDef>>,
  resource: string | undefined,
  path = '',
): ArchDiagnostic[] {
  const diagnostics: ArchDiagnostic[] = [];
  for (const entry of map.entries) {
    if (!Object.prototype.hasOwnProperty.call(properties, entry.key)) continue;
    const def = properties[entry.key]!;
    const value = entry.value;
    if (value === undefined) continue;
    const name = path === '' ? entry.key : `${path}.${entry.key}`;
    if (def.shape.kind === 'object' && value.kind === 'map') {
      diagnostics.push(...checkPercentFractions(value, def.shape.properties, resource, name));
      continue;
    }
    if (def.unit !== 'percent' || !fractionSuspectName.test(entry.key) || value.kind !== 'scalar') continue;
    const number = value.value;
    if (typeof number !== 'number' || !(number > 0 && number <= 1)) continue;
    // toPrecision keeps 0.9995 * 100 from printing as 99.94999999999999.
    const percent = String(Number((number * 100).toPrecision(12)));
    diagnostics.push({
      code: Codes.percentWrittenAsFraction,
      severity: 'warning',
      message: `\`${name}\` is a percentage: \`${value.source}\` means ${value.source} %, not ${percent} %. Write \`${percent}\` if you meant ${percent} %.`,
      range: value.range,
      source: 'cloudarch',
      ...(resource !== undefined ? { resource } : {}),
      fixes: [{ title: `Change to \`${percent}\` (percent)`, edits: [{ range: value.range, newText: percent }], isPreferred: true }],
    });
  }
  return diagnostics;
}

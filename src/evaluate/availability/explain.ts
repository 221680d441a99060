/**
 * A short explanation of an availability result in plain sentences, for reports, hovers and the
 * CLI's text output.
 */
import type { AvailabilityResult } from '../types';

/** Formats a duration given in minutes the way a person reads downtime. */
export function formatDowntime(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) return 'no downtime';
  if (minutes < 1) return `${(minutes * 60).toFixed(1)} seconds`;
  if (minutes < 120) return `${minutes.toFixed(1)} minutes`;
  const hours = minutes / 60;
  if (hours < 48) return `${hours.toFixed(1)} hours`;
  return `${(hours / 24).toFixed(1)} days`;
}

/** Formats a percentage with enough digits to show its nines (99.99 %, 99.99995 %). */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return '0 %';
  if (value >= 100) return '100 %';
  const nines = Math.max(0, Math.floor(-Math.log10(Math.max(1e-12, 1 - value / 100))));
  return `${value.toFixed(Math.min(10, Math.max(2, nines + 1)))} %`;
}

function list(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

/** The lines of a human explanation of the result. */
export function explainAvailability(result: AvailabilityResult): string[] {
  const lines: string[] = [];
  const estimated = result.method === 'monte-carlo-estimate';
  const downtime = formatDowntime(result.downtimeMinutesPerYear);
  // "about no downtime of downtime" would read badly: none is said plainly.
  const perYear = downtime === 'no downtime' ? 'no downtime' : `about ${downtime} of downtime`;
  lines.push(`System availability${estimated ? ' (estimated)' : ''}: ${formatPercent(result.percent)}, ${perYear} a year.`);
  if (result.note !== undefined) lines.push(result.note);
  if (result.entryPoints.length > 0) lines.push(`The system works when every entry point works: ${list(result.entryPoints)}.`);
  else lines.push('There is no entry point, so nothing is required to work.');
  if (result.spof.length > 0) lines.push(`Single points of failure (one unit failing stops the system): ${list(result.spof)}.`);
  else lines.push('No single point of failure: every single unit can fail without stopping the system.');
  const zones = Object.entries(result.zoneOutage);
  if (zones.length > 0) {
    const survives = zones.filter(([, z]) => z.works).map(([k]) => k);
    const fails = zones.filter(([, z]) => !z.works).map(([k]) => k);
    if (fails.length === 0) lines.push(`Survives the loss of any one zone (${survives.join(', ')}).`);
    else
      lines.push(
        `Stops when zone ${fails.join(' or ')} is down${survives.length > 0 ? `; survives the loss of ${survives.join(', ')}` : ''}.`,
      );
  }
  const regions = Object.entries(result.regionOutage);
  if (regions.length > 0) {
    const fails = regions.filter(([, r]) => !r.works).map(([k]) => k);
    lines.push(
      fails.length === 0
        ? `Survives the loss of any one region (${regions.map(([k]) => k).join(', ')}).`
        : `Stops when region ${fails.join(' or ')} is down.`,
    );
  }
  const weakest = Object.entries(result.byResource)
    .filter(([name]) => result.spof.includes(name))
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3);
  if (weakest.length > 0) lines.push(`Weakest single points: ${weakest.map(([n, p]) => `\`${n}\` ${formatPercent(p)}`).join(', ')}.`);
  const mc = result.monteCarlo;
  if (mc.samples > 0) {
    lines.push(
      `Monte Carlo cross-check (${mc.samples.toLocaleString('en-US')} samples, seed ${mc.seed}): ${formatPercent(mc.percent)}, 95 % interval ${formatPercent(mc.ci95[0])} to ${formatPercent(mc.ci95[1])}.`,
    );
  }
  return lines;
}

/**
 * "Build a scenario…" of CloudArch: Simulate…: the answers to the prompts (days, a zone to fail at
 * the daily peak and for how long, a surge factor) as event specs in the `--fail` language
 * (docs/cli.md). Free of `vscode` so that it is unit-tested; the server checks the specs again.
 */

/** The simulated traffic peaks at 14:00 each day (evaluation.md, Simulation). */
const peakHour = 14;

export interface BuiltScenario {
  readonly days: number;
  /** A zone letter or name, or undefined for none. */
  readonly zone?: string;
  /** How long the zone stays down, in the spec's duration form (`2h`, `90m`). */
  readonly outage?: string;
  /** Traffic multiplier at the same peak (1 or undefined: no surge). */
  readonly surge?: number;
}

/** The day whose peak the events hit: the second day when there is one (the first warms up the scaling), else the first. */
function peakAt(days: number): string {
  return days >= 2 ? `1d${peakHour}h` : `${peakHour}h`;
}

/** The specs of a built scenario; every event starts at a daily peak inside the simulated time. */
export function builtScenarioEvents(built: BuiltScenario): string[] {
  const at = peakAt(built.days);
  const events: string[] = [];
  const outage = built.outage ?? '1h';
  if (built.zone !== undefined) events.push(`zone:${built.zone}@${at}+${outage}`);
  if (built.surge !== undefined && built.surge !== 1) events.push(`surge:${built.surge}x@${at}+${outage}`);
  return events;
}

/** Checks a typed number of days; the message is shown under the input box. */
export function daysProblem(text: string): string | undefined {
  const days = Number(text);
  return text.trim() !== '' && Number.isFinite(days) && days > 0 && days <= 3_650
    ? undefined
    : 'A number of days above 0 and at most 3650, e.g. 3 or 0.5.';
}

/** The simulation must reach the peak it injects at (14:00 of the chosen day). */
export function daysProblemWithEvents(text: string): string | undefined {
  const problem = daysProblem(text);
  if (problem !== undefined) return problem;
  return Number(text) * 24 > peakHour
    ? undefined
    : `Simulate past ${peakHour}:00 of the first day (more than ${peakHour / 24} days) to reach its peak.`;
}

/** Checks a typed duration (`2h`, `90m`, `1d`). */
export function durationProblem(text: string): string | undefined {
  return /^(?:\d+(?:\.\d+)?[dhms])+$/.test(text.trim()) ? undefined : 'A duration such as 2h, 90m or 1d2h.';
}

/** Checks a typed surge factor: empty or 1 for none. */
export function surgeProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const factor = Number(text.replace(/x$/i, ''));
  return Number.isFinite(factor) && factor > 0 && factor <= 1_000
    ? undefined
    : 'A traffic multiplier such as 3 (three times the traffic), or empty for none.';
}

export function surgeFactor(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  return Number(text.replace(/x$/i, ''));
}

/** The outage the diagram's "Simulate this outage" runs: the zone down for two hours at the second day's peak, in three simulated days. */
export const diagramOutage = { days: 3, outage: '2h' } as const;

/** What CloudArch: Simulate… is given for the diagram's zone-down toggle: its days and the zone's failure spec. */
export function zoneOutageSimulation(zone: string): { readonly days: number; readonly events: string[] } {
  return { days: diagramOutage.days, events: builtScenarioEvents({ days: diagramOutage.days, zone, outage: diagramOutage.outage }) };
}

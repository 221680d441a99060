/**
 * A simulation result as text (for the terminal) or Markdown (for a pull request or a review
 * document). Both show the same facts in the same order; JSON is the result itself.
 */
import { formatDuration } from '../../core/simulation-spec';
import type { SimulationTargetResult } from './targets';
import type { SimulationResult } from './types';

const timelineShown = 25;

function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function usd(value: number): string {
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function clock(seconds: number): string {
  const day = Math.floor(seconds / 86_400);
  const rest = seconds - day * 86_400;
  const h = Math.floor(rest / 3_600);
  const m = Math.floor((rest % 3_600) / 60);
  const s = Math.floor(rest % 60);
  return `day ${day + 1} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function recovery(seconds: number | null): string {
  if (seconds === null) return 'not recovered by the end';
  if (seconds === 0) return 'no impact';
  return `recovered after ${formatDuration(seconds)}`;
}

/** Timeline entries a report leaves out: those past the first it shows, and those the run did not keep. */
function hiddenEvents(result: SimulationResult): number {
  return Math.max(0, result.timeline.events.length - timelineShown) + result.timeline.omitted;
}

interface Line {
  readonly label: string;
  readonly text: string;
}

function summaryLines(result: SimulationResult): Line[] {
  const a = result.availability;
  const c = result.cost;
  return [
    {
      label: 'Requests',
      text: `${count(result.requests.offered)} offered, ${count(result.requests.served)} served, ${count(result.requests.dropped)} dropped (${result.requests.droppedPercent}%)`,
    },
    {
      label: 'Availability',
      text: `${a.observedPercent}% observed${a.ci95 ? ` (95% interval ${a.ci95[0]}-${a.ci95[1]}%)` : ''}${a.analyticPercent !== null ? `; analytic ${a.analyticPercent}%` : ''}; ${a.downtimeMinutes} minutes down`,
    },
    {
      label: 'Capacity',
      text: `below the load for ${formatDuration(result.capacity.belowNeededSeconds)} (${result.capacity.belowNeededPercent}% of the time)`,
    },
    {
      label: 'Cost',
      text: `${usd(c.accruedUSD)} accrued, ${usd(c.monthlyEquivalentUSD)} a month at this rate${c.staticMonthlyUSD !== null ? `; static estimate ${usd(c.staticMonthlyUSD)} a month` : ''}`,
    },
    {
      label: 'Events',
      text: `${result.counts.unitFailures} unit failures, ${result.counts.failovers} failovers, ${result.counts.scaleOuts} scale-outs, ${result.counts.scaleIns} scale-ins, ${result.counts.spotInterruptions} spot interruptions, ${result.counts.zoneOutages} zone and ${result.counts.regionOutages} region outages at random`,
    },
  ];
}

/** The terminal report. */
export function simulationText(result: SimulationResult, file: string, targets: readonly SimulationTargetResult[] = []): string {
  const out: string[] = [`${file}: simulated ${result.days} days (seed ${result.seed}, ${result.stepSeconds} s steps)`, ''];
  for (const line of summaryLines(result)) out.push(`${line.label.padEnd(13)}${line.text}`);
  if (result.injected.length > 0) {
    out.push('', 'Injected');
    const width = Math.max(...result.injected.map((i) => i.spec.length));
    for (const i of result.injected) {
      out.push(
        `  ${i.spec.padEnd(width)}  ${count(i.droppedRequests)} dropped (${i.droppedPercent}%), ${recovery(i.recoverySeconds)}, below the load for ${formatDuration(i.belowNeededSeconds)}`,
      );
    }
  }
  if (targets.length > 0) {
    out.push('', 'Targets');
    for (const t of targets) out.push(`  ${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.message}`);
  }
  const events = result.timeline.events;
  if (events.length > 0) {
    const more = hiddenEvents(result);
    out.push('', `Timeline${more > 0 ? ` (first ${Math.min(timelineShown, events.length)}; ${more} more in --format json)` : ''}`);
    for (const event of events.slice(0, timelineShown)) out.push(`  ${clock(event.at)}  ${event.message}`);
  }
  return `${out.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The Markdown report. */
export function simulationMarkdown(result: SimulationResult, file: string, targets: readonly SimulationTargetResult[] = []): string {
  const out: string[] = [
    `# Simulation of \`${cell(file)}\``,
    '',
    `${result.days} simulated days, seed ${result.seed}, ${result.stepSeconds}-second steps.`,
    '',
    '| | |',
    '| --- | --- |',
  ];
  for (const line of summaryLines(result)) out.push(`| ${line.label} | ${cell(line.text)} |`);
  if (result.injected.length > 0) {
    out.push(
      '',
      '## Injected events',
      '',
      '| event | dropped | dropped % | recovery | below the load |',
      '| --- | ---: | ---: | --- | --- |',
    );
    for (const i of result.injected)
      out.push(
        `| \`${cell(i.spec)}\` | ${count(i.droppedRequests)} | ${i.droppedPercent} | ${recovery(i.recoverySeconds)} | ${formatDuration(i.belowNeededSeconds)} |`,
      );
  }
  if (targets.length > 0) {
    out.push('', '## Targets', '', '| target | result | detail |', '| --- | --- | --- |');
    for (const t of targets) out.push(`| \`${t.target}\` | ${t.met ? 'met' : '**missed**'} | ${cell(t.message)} |`);
  }
  const events = result.timeline.events;
  if (events.length > 0) {
    out.push('', '## Timeline', '', '| when | what |', '| --- | --- |');
    for (const event of events.slice(0, timelineShown)) out.push(`| ${clock(event.at)} | ${cell(event.message)} |`);
    const more = hiddenEvents(result);
    if (more > 0) out.push('', `${more} more events in the JSON output.`);
  }
  return `${out.join('\n')}\n`;
}

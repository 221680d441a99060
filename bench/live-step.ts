/**
 * The evaluation worker's answer to one keystroke, in process: a document held in a `WorkerSession`
 * as the worker holds it, and a step that applies an edit to its text and runs the `live` handler
 * (incremental parse, the evaluations with the previous result, the diagnostics' JSON, the
 * figures), naming the lists the server would hold as the evaluation loader does. Used by
 * bench/measure-live.ts and bench/compare-live.mjs.
 */
import { generateArchitecture } from './generate';
import { createEngineLanguageService } from '../src/language/engine';
import { evaluationHandlers } from '../src/server/evaluation-handlers';
import type { LiveEvaluationMessage, LiveRequest } from '../src/server/evaluation-requests';
import { WorkerSession } from '../src/server/worker-session';

/** CPU and wall time (ms) of one live answer. */
export interface LiveStepTime {
  readonly cpu: number;
  readonly wall: number;
}

/**
 * A generated architecture of `size` resources in a fresh session, evaluated once (not timed); each
 * call of the step edits the text (`edit` maps the old text to the new) and answers it.
 */
export function createLiveStepper(size: number): (edit: (text: string) => string) => LiveStepTime {
  let text = generateArchitecture(size);
  const session = new WorkerSession(createEngineLanguageService());
  const uri = 'file:///bench/arch.cloudarch.yaml';
  // The lists the server holds, as the evaluation loader tracks them: named when unchanged.
  const held: { diagnostics?: number; parseDiagnostics?: number } = {};
  let version = 0;
  const step = (edit: (text: string) => string): LiveStepTime => {
    // Flattened, as a message from the server thread arrives.
    text = Buffer.from(edit(text)).toString();
    version++;
    const request: LiveRequest = { uri, version, text, minimumSeverity: 'low', held: { ...held } };
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    // The live handler answers synchronously (its type allows a promise, as every kind's does).
    const answer = evaluationHandlers.live(request, session) as LiveEvaluationMessage;
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpuBefore);
    if ('serial' in answer.diagnostics) held.diagnostics = answer.diagnostics.serial;
    if ('serial' in answer.parseDiagnostics) held.parseDiagnostics = answer.parseDiagnostics.serial;
    return { cpu: (used.user + used.system) / 1000, wall };
  };
  step((same) => same);
  return step;
}

/** The one-digit edit of a `sizeGB:` mid-file that "edit → diagnostics with evaluations" makes, writing `digit`. */
export function sizeDigitEdit(digit: number): (text: string) => string {
  return (text) => {
    const at = text.indexOf('sizeGB: ', Math.floor(text.length / 2)) + 'sizeGB: '.length;
    return text.slice(0, at) + String(digit) + text.slice(at + 1);
  };
}

/**
 * Quick fixes, built from the fixes each diagnostic carries in its `data` (FixPayload: a title and
 * text edits). Nothing here knows why a fix is right: the code that found the problem decided.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { ArchDocument } from '../core/document';
import type { EvaluationResult } from '../evaluate/types';
import { fixesOf } from './diagnostics';
import { rangesOverlap } from './text-utils';

/** One quick fix per fix payload of each diagnostic, in the order the diagnostics came. */
export function codeActions(uri: string, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
  if (
    only &&
    only.length > 0 &&
    !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === 'quickfix')
  ) {
    return [];
  }
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    for (const fix of fixesOf(diagnostic)) {
      // The same fix can be carried by two diagnostics (a finding and a missed target): offer it once.
      const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } },
      };
      if (fix.isPreferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}

/** The figures a fix's preview compares. */
export interface EffectFigures {
  readonly monthlyUSD?: number;
  readonly availabilityPercent?: number;
}

/**
 * A short preview of what a fix does to the bill and to availability, appended to a security fix's
 * title so the user sees the trade-off before applying it: `+$12.40/mo, availability unchanged`.
 */
export function effectPreview(before: EffectFigures, after: EffectFigures): string | undefined {
  const parts: string[] = [];
  if (before.monthlyUSD !== undefined && after.monthlyUSD !== undefined) {
    const delta = after.monthlyUSD - before.monthlyUSD;
    parts.push(Math.abs(delta) < 0.005 ? 'no cost change' : `${delta > 0 ? '+' : '−'}$${Math.abs(delta).toFixed(2)}/mo`);
  }
  if (before.availabilityPercent !== undefined && after.availabilityPercent !== undefined) {
    const same = Math.abs(after.availabilityPercent - before.availabilityPercent) < 0.000005;
    parts.push(
      same ? 'availability unchanged' : `availability ${before.availabilityPercent.toFixed(3)}% → ${after.availabilityPercent.toFixed(3)}%`,
    );
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The kind of the cost-saving actions, so an editor can bind or filter them. */
export const costSavingKind = `${CodeActionKind.RefactorRewrite}.cloudarch.cost`;

/**
 * The cost evaluation's savings (a cheaper purchase option, gp2 -> gp3...) for the resources the
 * range touches, as rewrite actions. They are not problems, so they are not quick fixes; the
 * evaluation computed both the edit and the saving, so nothing is re-derived here.
 */
export function costSavingActions(
  uri: string,
  doc: ArchDocument,
  result: EvaluationResult | undefined,
  range: Range,
  only?: readonly string[],
): CodeAction[] {
  if (!result?.cost) return [];
  if (only && only.length > 0 && !only.some((kind) => costSavingKind === kind || costSavingKind.startsWith(`${kind}.`))) return [];
  const actions: CodeAction[] = [];
  for (const alternative of result.cost.alternatives) {
    if (!alternative.fix) continue;
    const resource = doc.resourceByName.get(alternative.resource);
    if (!resource || !rangesOverlap(resource.range, range)) continue;
    actions.push({
      title: alternative.fix.title,
      kind: costSavingKind,
      edit: { changes: { [uri]: alternative.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } },
    });
  }
  return actions.sort((a, b) => savingOf(b, result) - savingOf(a, result));
}

function savingOf(action: CodeAction, result: EvaluationResult): number {
  return result.cost?.alternatives.find((alternative) => alternative.fix?.title === action.title)?.savingUSD ?? 0;
}

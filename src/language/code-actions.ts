/**
 * Quick fixes, built from the fixes each diagnostic carries in its `data` (FixPayload: a title and
 * text edits). Nothing here knows why a fix is right: the code that found the problem decided.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { fixesOf } from './diagnostics';

/** One quick fix per fix payload of each diagnostic, in the order the diagnostics came. */
export function codeActions(uri: string, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
  if (only && only.length > 0 && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === 'quickfix')) {
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
    parts.push(same ? 'availability unchanged' : `availability ${before.availabilityPercent.toFixed(3)}% → ${after.availabilityPercent.toFixed(3)}%`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

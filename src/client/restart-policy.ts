/**
 * When the language server dies, restart it once on our own; when it keeps dying, stop and let the
 * user decide. Kept free of `vscode` so the rule can be unit-tested with plain timestamps.
 */

/** How far back earlier deaths count towards "keeps dying". */
export const CRASH_WINDOW_MS = 3 * 60_000;

/** Automatic restarts allowed within the window before we give up and ask the user. */
export const AUTOMATIC_RESTARTS = 1;

/** What to do after the server's connection closed unexpectedly. */
export type RestartDecision = 'restart' | 'give-up';

/**
 * Records one death and decides. `deaths` is the list of earlier death times and is updated in
 * place, dropping those older than the window so that a server that crashes once a day is always
 * restarted.
 */
export function decideAfterDeath(deaths: number[], now: number): RestartDecision {
  while (deaths.length > 0 && now - (deaths[0] as number) > CRASH_WINDOW_MS) deaths.shift();
  deaths.push(now);
  return deaths.length <= AUTOMATIC_RESTARTS ? 'restart' : 'give-up';
}

/**
 * The severities of security findings, from the most to the least severe: the one order every
 * part of CloudArch reads (sorting, counts, targets, live filtering, completion of
 * `maxFindingSeverity`). The settings declaration (src/protocol/settings.ts, which the extension
 * client bundles without the catalog) repeats it, and a unit test holds the two equal.
 */
export const findingSeverities = ['critical', 'high', 'medium', 'low', 'info'] as const;

export type FindingSeverity = (typeof findingSeverities)[number];

/** Each severity's place in `findingSeverities` (0: the most severe). */
export const severityRank: Readonly<Record<FindingSeverity, number>> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

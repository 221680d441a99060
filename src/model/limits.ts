/**
 * Limits of what CloudArch does while the user types, in one place for the server, the language
 * service and the documentation.
 */

/**
 * Files with more resources than this are parsed and checked while typing, but not evaluated: the
 * live evaluation of 2,000 resources takes tens of milliseconds and publishes megabytes of findings
 * per keystroke (docs/benchmark.md). A report still evaluates them.
 */
export const maxResourcesForLiveEvaluation = 2000;

/**
 * The robustness properties, as a table: each names its generators and its check. The unit tests
 * run every property briefly with a fixed seed; the fuzz campaign runs them for minutes with fresh
 * seeds and saves what fails. A check throws (an assertion error listing the broken invariants)
 * when an input breaks the pipeline; its arguments are plain data, so a counterexample saved as
 * JSON can be replayed.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ArchDocument } from '../../src/core/document';
import { parseArchitecture } from '../../src/core/parse';
import {
  architectureArbitrary,
  caretsArbitrary,
  editedTexts,
  exampleEditsArbitrary,
  examples,
  positionsIn,
  scalarArbitrary,
  snippetArchitectureArbitrary,
  applyMutation,
  yamlishDocumentArbitrary,
  type ExampleEdits,
  type Mutation,
} from './arbitraries';
import { checkPipeline, documentDifference } from './pipeline-check';

export interface RobustnessProperty {
  readonly name: string;
  readonly title: string;
  /** Runs in the seeded unit test (kept small so the whole suite stays fast). */
  readonly unitRuns: number;
  /** The generators, one per argument of `check`. */
  readonly arbitraries: readonly fc.Arbitrary<unknown>[];
  /** Throws when the input breaks an invariant. */
  readonly check: (...args: never[]) => void;
}

/** Fails with every broken invariant and the text that broke it. */
export function expectClean(text: string, problems: readonly string[]): void {
  if (problems.length > 0)
    assert.fail(
      `${problems.length} problem(s) with ${JSON.stringify(text.length > 2000 ? `${text.slice(0, 2000)}…` : text)}:\n- ${problems.join('\n- ')}`,
    );
}

/** What the typing property types at a caret: values, a whole resource, comments, YAML syntax. */
const typedArbitrary = fc.oneof(
  scalarArbitrary,
  fc.constantFrom(
    '\n  new-one:\n    type: aws.ec2.instance\n    instanceType: t3.micro\n',
    '\n    connectsTo: [db, web]',
    ' # comment',
    '\n\t',
    ': &x\n  <<: *x',
  ),
);

export const robustnessProperties: readonly RobustnessProperty[] = [
  {
    name: 'yamlish',
    title: 'random YAML-ish documents go through the whole pipeline without breaking an invariant',
    unitRuns: 200,
    arbitraries: [yamlishDocumentArbitrary, caretsArbitrary, fc.option(yamlishDocumentArbitrary, { nil: undefined })],
    check: ((text: string, carets: readonly number[], previousText: string | undefined) => {
      expectClean(text, checkPipeline(text, { positions: positionsIn(text, carets), previousText }).problems);
    }) as (...args: never[]) => void,
  },
  {
    name: 'architecture',
    title: 'architecture-shaped files with hostile values are evaluated without breaking an invariant',
    unitRuns: 150,
    arbitraries: [architectureArbitrary, caretsArbitrary],
    check: ((text: string, carets: readonly number[]) => {
      // The previous text: the same file without its last resource, as if it had just been typed.
      expectClean(
        text,
        checkPipeline(text, { positions: positionsIn(text, carets), previousText: text.slice(0, text.lastIndexOf('\n  ') + 1) }).problems,
      );
    }) as (...args: never[]) => void,
  },
  {
    name: 'catalog-snippets',
    title: 'architectures built from the catalog snippets, then edited, are evaluated without breaking an invariant',
    unitRuns: 60,
    arbitraries: [snippetArchitectureArbitrary, caretsArbitrary],
    check: ((built: { text: string; mutations: readonly Mutation[] }, carets: readonly number[]) => {
      let previous = built.text;
      let text = built.text;
      for (const mutation of built.mutations) {
        previous = text;
        text = applyMutation(text, mutation);
      }
      expectClean(text, checkPipeline(text, { positions: positionsIn(text, carets), previousText: previous, maxFixesApplied: 4 }).problems);
    }) as (...args: never[]) => void,
  },
  {
    name: 'example-edits',
    title: 'edits of the real examples (what typing produces) keep every invariant, and parsing along the edits equals a fresh parse',
    unitRuns: 100,
    arbitraries: [exampleEditsArbitrary, caretsArbitrary],
    check: ((edits: ExampleEdits, carets: readonly number[]) => {
      const texts = editedTexts(edits);
      const final = texts[texts.length - 1]!;
      // Parse along the edits as the server does, each parse handed to the next.
      let chained: ArchDocument | undefined;
      for (const text of texts) chained = parseArchitecture(text, { previous: chained });
      const difference = documentDifference(parseArchitecture(final), chained!);
      if (difference !== undefined)
        assert.fail(`after the edits ${JSON.stringify(edits)}, the chained incremental parse differs: ${difference}`);
      expectClean(
        final,
        checkPipeline(final, { positions: positionsIn(final, carets), previousText: texts[texts.length - 2], maxFixesApplied: 2 }).problems,
      );
    }) as (...args: never[]) => void,
  },
  {
    name: 'typing',
    title: 'typing a value one keystroke at a time, and deleting it again, parses incrementally exactly as from scratch',
    unitRuns: 40,
    arbitraries: [fc.integer({ min: 0, max: examples.length - 1 }), fc.integer({ min: 0, max: 999_999 }), typedArbitrary],
    check: ((exampleIndex: number, caret: number, typed: string) => {
      const example = examples[exampleIndex]!;
      const at = Math.floor((caret / 1_000_000) * (example.text.length + 1));
      const keystrokes = [...typed];
      const textWith = (count: number) => example.text.slice(0, at) + keystrokes.slice(0, count).join('') + example.text.slice(at);
      let doc = parseArchitecture(example.text);
      for (let count = 1; count <= keystrokes.length; count++) doc = parseArchitecture(textWith(count), { previous: doc });
      const typedDifference = documentDifference(parseArchitecture(textWith(keystrokes.length)), doc);
      if (typedDifference !== undefined)
        assert.fail(`typing ${JSON.stringify(typed)} at offset ${at} of ${example.name}: ${typedDifference}`);
      for (let count = keystrokes.length - 1; count >= 0; count--) doc = parseArchitecture(textWith(count), { previous: doc });
      const difference = documentDifference(parseArchitecture(example.text), doc);
      if (difference !== undefined)
        assert.fail(`typing and deleting ${JSON.stringify(typed)} at offset ${at} of ${example.name}: ${difference}`);
    }) as (...args: never[]) => void,
  },
];

/** The fast-check property of a table entry. */
export function propertyOf(entry: RobustnessProperty): fc.IPropertyWithHooks<unknown[]> {
  return fc.property(...(entry.arbitraries as [fc.Arbitrary<unknown>]), (...args: unknown[]) => {
    (entry.check as (...values: unknown[]) => void)(...args);
  }) as unknown as fc.IPropertyWithHooks<unknown[]>;
}

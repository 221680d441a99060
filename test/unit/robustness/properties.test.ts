/**
 * Property-based robustness of the whole pipeline: random YAML-ish documents, architecture-shaped
 * files with hostile values, and edits of the real examples go through parse, every language
 * feature and the evaluations. Nothing may throw, hang, leave the document with a range, print or
 * return NaN or Infinity, or pollute a prototype; an incremental parse must equal a fresh one.
 *
 * The runs are seeded and short (CI); `npm run fuzz` runs the same properties for minutes.
 * Set FUZZ_SEED to replay another seed.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseArchitecture } from '../../../src/core/parse';
import type { ArchDocument } from '../../../src/core/document';
import { architectureArbitrary, caretsArbitrary, editedTexts, exampleEditsArbitrary, examples, positionsIn, scalarArbitrary, yamlishDocumentArbitrary } from '../../fuzz/arbitraries';
import { checkPipeline, documentDifference } from '../../fuzz/pipeline-check';

const seed = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : 20_251_104;

/** Fails with every broken invariant, so fast-check shrinks the input and prints them. */
function expectClean(text: string, problems: readonly string[]): void {
  if (problems.length > 0) assert.fail(`${problems.length} problem(s) with ${JSON.stringify(text.length > 2000 ? `${text.slice(0, 2000)}…` : text)}:\n- ${problems.join('\n- ')}`);
}

describe('robustness properties (seeded, short)', function () {
  // Generous: the properties are CPU-bound and CI machines are shared.
  this.timeout(120_000);

  it('random YAML-ish documents go through the whole pipeline without breaking an invariant', () => {
    fc.assert(
      fc.property(yamlishDocumentArbitrary, caretsArbitrary, fc.option(yamlishDocumentArbitrary, { nil: undefined }), (text, carets, previousText) => {
        expectClean(text, checkPipeline(text, { positions: positionsIn(text, carets), previousText }).problems);
      }),
      { seed, numRuns: 150 },
    );
  });

  it('architecture-shaped files with hostile values are evaluated without breaking an invariant', () => {
    fc.assert(
      fc.property(architectureArbitrary, caretsArbitrary, (text, carets) => {
        expectClean(text, checkPipeline(text, { positions: positionsIn(text, carets), previousText: text.slice(0, text.lastIndexOf('\n  ') + 1) }).problems);
      }),
      { seed, numRuns: 150 },
    );
  });

  it('edits of the real examples (what typing produces) keep every invariant, and parsing along the edits equals a fresh parse', () => {
    fc.assert(
      fc.property(exampleEditsArbitrary, caretsArbitrary, (edits, carets) => {
        const texts = editedTexts(edits);
        const final = texts[texts.length - 1]!;
        // Parse along the edits as the server does, each parse handed to the next.
        let chained: ArchDocument | undefined;
        for (const text of texts) chained = parseArchitecture(text, { previous: chained });
        const difference = documentDifference(parseArchitecture(final), chained!);
        if (difference !== undefined) assert.fail(`after the edits ${JSON.stringify(edits)}, the chained incremental parse differs: ${difference}`);
        expectClean(final, checkPipeline(final, { positions: positionsIn(final, carets), previousText: texts[texts.length - 2], maxFixesApplied: 2 }).problems);
      }),
      { seed, numRuns: 100 },
    );
  });

  it('typing a value one keystroke at a time, and deleting it again, parses incrementally exactly as from scratch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: examples.length - 1 }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.oneof(scalarArbitrary, fc.constantFrom('\n  new-one:\n    type: aws.ec2.instance\n    instanceType: t3.micro\n', '\n    connectsTo: [db, web]', ' # comment', '\n\t', ': &x\n  <<: *x')),
        (exampleIndex, caret, typed) => {
          const example = examples[exampleIndex]!.text;
          const at = Math.floor((caret / 1_000_000) * (example.length + 1));
          let doc = parseArchitecture(example);
          let text = example;
          const keystrokes = [...typed];
          for (let count = 1; count <= keystrokes.length; count++) {
            text = example.slice(0, at) + keystrokes.slice(0, count).join('') + example.slice(at);
            doc = parseArchitecture(text, { previous: doc });
          }
          for (let count = keystrokes.length - 1; count >= 0; count--) {
            text = example.slice(0, at) + keystrokes.slice(0, count).join('') + example.slice(at);
            doc = parseArchitecture(text, { previous: doc });
            if (count === Math.floor(keystrokes.length / 2)) {
              const difference = documentDifference(parseArchitecture(text), doc);
              if (difference !== undefined) assert.fail(`typing ${JSON.stringify(typed)} at offset ${at} of ${examples[exampleIndex]!.name}: ${difference}`);
            }
          }
          assert.equal(text, example);
          const difference = documentDifference(parseArchitecture(example), doc);
          if (difference !== undefined) assert.fail(`typing and deleting ${JSON.stringify(typed)} at offset ${at} of ${examples[exampleIndex]!.name}: ${difference}`);
        },
      ),
      { seed, numRuns: 40 },
    );
  });

  it('leaves no trace on the built-in prototypes after all of the above', () => {
    assert.equal((({}) as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    assert.equal(typeof (Object.prototype as Record<string, unknown>)['type'], 'undefined');
  });
});

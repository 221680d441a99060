/**
 * Rename, go to definition and find references, driven by test/fixtures/language/rename: the caret
 * sits on a resource name or a reference; the expected file gives the new name and either the
 * error shown or the text after the rename (`<name>.after.cloudarch.yaml`), plus how many places
 * refer to the resource.
 */
import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../../src/language/language-service';
import { applyEdits, loadFixtures, readSibling } from './fixtures';

interface RenameExpectation {
  readonly newName: string;
  /** The placeholder prepareRename proposes (the current name). */
  readonly placeholder?: string;
  /** A fragment of the error shown instead of renaming. */
  readonly error?: string;
  /** References excluding the declaration. */
  readonly references?: number;
  /** The line of the declaration that go-to-definition lands on (0-based). */
  readonly definitionLine?: number;
}

const service = createLanguageService();

describe('rename, definition and references', () => {
  for (const fixture of loadFixtures<RenameExpectation>('rename')) {
    it(fixture.name, () => {
      assert.ok(fixture.caret);
      const doc = service.parse(fixture.text);
      const expected = fixture.expected;
      if (expected.placeholder !== undefined) assert.equal(service.prepareRename(doc, fixture.caret)?.placeholder, expected.placeholder);
      if (expected.references !== undefined) {
        assert.equal(service.references(doc, fixture.caret, false).length, expected.references);
        assert.equal(service.references(doc, fixture.caret, true).length, expected.references + 1);
      }
      if (expected.definitionLine !== undefined)
        assert.equal(service.definition(doc, fixture.caret)?.targetSelection.start.line, expected.definitionLine);
      if (expected.error) {
        assert.throws(
          () => service.rename(doc, fixture.caret!, expected.newName),
          (error: Error) => error.name === 'RenameError' && error.message.includes(expected.error!),
        );
        return;
      }
      const after = applyEdits(fixture.text, service.rename(doc, fixture.caret, expected.newName));
      assert.equal(after, readSibling('rename', `${fixture.name}.after.cloudarch.yaml`));
      const reparsed = service.parse(after);
      assert.deepEqual(
        reparsed.diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-reference'),
        [],
        'every reference still resolves',
      );
    });
  }

  it('cannot rename a property key', () => {
    const text = 'cloudarch: "1"\nname: x\nresources:\n  a:\n    type: aws.s3.bucket\n';
    assert.equal(service.prepareRename(service.parse(text), { line: 4, character: 5 }), undefined);
  });
});

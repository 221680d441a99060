/**
 * What completion sends on the wire: whatever the client supports, once it has applied the list's
 * defaults and resolved an item, it holds the same edit and documentation the language service made.
 */
import { strict as assert } from 'node:assert';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../src/language/language-service';
import { CompletionWire, completionWireSupport, type CompletionWireSupport } from '../../../src/server/completion-wire';

const service = createLanguageService();
const text = ['resources:', '  web:', '    type: aws.ec2.instance', '    instanceType: t3', ''].join('\n');
const doc = service.parse(text);

/** The list as the language service makes it: an instance-type value being typed, and a key. */
const lists: Record<string, CompletionList> = {
  'instance types': service.completion(text, doc, { line: 3, character: 20 }),
  'resource keys': service.completion(text, doc, { line: 4, character: 4 }),
};

/** What a client does with the defaults it declared support for (LSP 3.17 itemDefaults). */
function applyDefaults(list: CompletionList, item: CompletionItem): CompletionItem {
  const editRange = list.itemDefaults?.editRange;
  const textEdit =
    item.textEdit ??
    (editRange !== undefined && 'start' in editRange ? { range: editRange, newText: item.textEditText ?? item.label } : undefined);
  const data: unknown = item.data ?? list.itemDefaults?.data;
  return { ...item, ...(textEdit ? { textEdit } : {}), ...(data !== undefined ? { data } : {}) };
}

const supports: Record<string, CompletionWireSupport> = {
  'a client without item defaults': completionWireSupport({}),
  'VS Code (edit range and data defaults)': completionWireSupport({
    textDocument: {
      completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } },
    },
  }),
};

describe('completion on the wire', () => {
  for (const [client, support] of Object.entries(supports)) {
    for (const [name, list] of Object.entries(lists)) {
      it(`${name}, to ${client}: the same edits, and the documentation on resolve`, () => {
        assert.ok(list.items.length > 0, 'the service offers something here');
        const wire = new CompletionWire(support);
        const sent = wire.toWire(list);
        assert.equal(sent.items.length, list.items.length);
        sent.items.forEach((sentItem, index) => {
          const original = list.items[index]!;
          assert.equal(sentItem.documentation, undefined, `'${original.label}' goes out without its documentation`);
          const received = applyDefaults(sent, sentItem);
          assert.deepEqual(received.textEdit, original.textEdit, `'${original.label}' edits the same text`);
          assert.deepEqual(
            wire.resolve(received).documentation,
            original.documentation,
            `'${original.label}' resolves to its documentation`,
          );
        });
      });
    }
  }

  it('sends the edit range once per list to a client that supports it', () => {
    const sent = new CompletionWire(supports['VS Code (edit range and data defaults)']!).toWire(lists['instance types']!);
    assert.ok(sent.itemDefaults?.editRange, 'the list carries the edit range');
    assert.ok(
      sent.items.every((item) => item.textEdit === undefined && item.data === undefined),
      'no item repeats the range or the data',
    );
  });

  it('resolves an item of an older list to itself', () => {
    const wire = new CompletionWire(completionWireSupport({}));
    const older = wire.toWire(lists['instance types']!).items[0]!;
    wire.toWire(lists['resource keys']!);
    assert.deepEqual(wire.resolve(older), older);
  });
});

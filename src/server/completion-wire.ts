/**
 * Completion on the wire. A list can hold 1,108 instance types; what each item carries is paid for
 * on every request (building it, encoding it, the client decoding it). So the list leaves the
 * server without the Markdown documentation (the editor shows one item's at a time and asks for it
 * with `completionItem/resolve`), and, where the client supports CompletionList `itemDefaults`
 * (VS Code does), the range every item replaces and the data resolve needs are sent once for the
 * list instead of once per item.
 */
import type { ClientCapabilities, CompletionItem, CompletionList, MarkupContent, Range } from 'vscode-languageserver';

/** What the client accepts as list-wide defaults (LSP 3.17 `completionList.itemDefaults`). */
export interface CompletionWireSupport {
  readonly editRangeDefault: boolean;
  readonly dataDefault: boolean;
}

export function completionWireSupport(capabilities: ClientCapabilities): CompletionWireSupport {
  const defaults = capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
  return { editRangeDefault: defaults.includes('editRange'), dataDefault: defaults.includes('data') };
}

/** What `completionItem/resolve` finds in an item's data (or the list's default data). */
interface ResolveData {
  readonly cloudarchCompletion: number;
  /** The item's place in the list; absent when the data is the list's default (looked up by label). */
  readonly index?: number;
}

type Documentation = string | MarkupContent;

function sameRange(a: Range, b: Range): boolean {
  return (
    a === b ||
    (a.start.line === b.start.line &&
      a.start.character === b.start.character &&
      a.end.line === b.end.line &&
      a.end.character === b.end.character)
  );
}

/** Holds the documentation of the last list sent, for `completionItem/resolve`. */
export class CompletionWire {
  private listId = 0;
  private byIndex: (Documentation | undefined)[] = [];
  private byLabel = new Map<string, Documentation>();

  constructor(private readonly support: CompletionWireSupport) {}

  /** The list as it goes out; remembers the documentation it leaves out. */
  toWire(list: CompletionList): CompletionList {
    const listId = ++this.listId;
    this.byIndex = [];
    this.byLabel = new Map();
    const first = list.items[0]?.textEdit;
    const editRange = this.support.editRangeDefault && first !== undefined && 'range' in first ? first.range : undefined;
    const items = list.items.map((item, index): CompletionItem => {
      const { documentation, textEdit, ...rest } = item;
      let wire: CompletionItem = rest;
      if (textEdit !== undefined) {
        if (editRange !== undefined && 'range' in textEdit && sameRange(textEdit.range, editRange)) {
          // The list's edit range applies; the text defaults to the label.
          if (textEdit.newText !== item.label) wire = { ...wire, textEditText: textEdit.newText };
        } else {
          wire = { ...wire, textEdit };
        }
      }
      if (documentation === undefined || item.data !== undefined) return documentation === undefined ? wire : { ...wire, documentation };
      if (this.support.dataDefault && !this.byLabel.has(item.label)) {
        this.byLabel.set(item.label, documentation);
        return wire;
      }
      this.byIndex[index] = documentation;
      const data: ResolveData = { cloudarchCompletion: listId, index };
      return { ...wire, data };
    });
    const defaultData: ResolveData | undefined = this.support.dataDefault ? { cloudarchCompletion: listId } : undefined;
    if (editRange === undefined && defaultData === undefined) return { ...list, items };
    return {
      ...list,
      itemDefaults: { ...(editRange !== undefined ? { editRange } : {}), ...(defaultData !== undefined ? { data: defaultData } : {}) },
      items,
    };
  }

  /** The item with its documentation back; an item of an older list, or one the client changed, resolves to itself. */
  resolve(item: CompletionItem): CompletionItem {
    const data = item?.data as Partial<ResolveData> | undefined;
    if (!data || data.cloudarchCompletion !== this.listId) return item;
    const documentation = typeof data.index === 'number' ? this.byIndex[data.index] : this.byLabel.get(item.label);
    return documentation === undefined ? item : { ...item, documentation };
  }
}

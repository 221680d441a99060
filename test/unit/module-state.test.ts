/**
 * Architecture invariant, checked mechanically: the pure layers keep no state of their own between
 * calls. What one call leaves for the next (the previous parse, the previous evaluation) is a value
 * the caller holds and passes back (`parseArchitecture(text, { previous })`,
 * `evaluateAll(doc, { previous })`), so one process can serve many documents and a test needs no
 * reset. Module level, these folders may hold only constants: no `let` or `var`, and no binding
 * that is changed after it is made (`set`, `push`, an assignment into it...), except a `WeakMap`
 * documented as a memo (its comment says `Memo:`), keyed by objects that are never changed once
 * made (resource nodes, documents, findings, results), which cannot carry one call's state into
 * another's answer.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
const statelessFolders = ['src/model', 'src/core', 'src/evaluate', 'src/language'];

/** Methods that change a Map, Set, array or object they are called on. */
const mutatingMethods = new Set([
  'set',
  'delete',
  'clear',
  'add',
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
]);

function* typescriptFiles(folder: string): Generator<string> {
  for (const name of readdirSync(folder)) {
    const full = join(folder, name);
    if (statSync(full).isDirectory()) yield* typescriptFiles(full);
    else if (full.endsWith('.ts')) yield full;
  }
}

/** The leading comments of a statement, as text. */
function commentsOf(source: ts.SourceFile, node: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  return ranges.map((range) => source.text.slice(range.pos, range.end)).join('\n');
}

/** Every problem with module-level state in one file's source, as `name: why`. */
export function moduleStateProblems(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  /** Module-level constants, with whether each is a WeakMap (which the comment rule covers). */
  const constants = new Map<string, { weakMap: boolean }>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const flags = statement.declarationList.flags;
    const isConst = (flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name)) continue;
      const name = declaration.name.text;
      if (!isConst) {
        problems.push(`${name}: a module-level ${flags & ts.NodeFlags.Let ? 'let' : 'var'}`);
        continue;
      }
      const initializer = declaration.initializer;
      const isWeakMap =
        initializer !== undefined && ts.isNewExpression(initializer) && initializer.expression.getText(source) === 'WeakMap';
      constants.set(name, { weakMap: isWeakMap });
      if (isWeakMap && !/\bMemo:/.test(commentsOf(source, statement)))
        problems.push(`${name}: a module-level WeakMap without a "Memo:" comment saying what it is keyed by`);
    }
  }
  /** Whether `node` is a reference to a module-level constant (not a same-named local). */
  const moduleConstant = (node: ts.Node): string | undefined => {
    if (!ts.isIdentifier(node) || !constants.has(node.text)) return undefined;
    return shadowed(node) ? undefined : node.text;
  };
  const shadowed = (identifier: ts.Identifier): boolean => {
    for (let scope: ts.Node | undefined = identifier.parent; scope && scope !== source; scope = scope.parent) {
      const locals = (scope as { locals?: Map<string, unknown> }).locals;
      if (locals?.has(identifier.text)) return true;
      if (
        ts.isFunctionLike(scope) &&
        scope.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === identifier.text)
      )
        return true;
      if (
        ts.isBlock(scope) ||
        ts.isSourceFile(scope) ||
        ts.isForStatement(scope) ||
        ts.isForOfStatement(scope) ||
        ts.isForInStatement(scope)
      ) {
        const declared = scope.getChildren(source).some((child) => declares(child, identifier.text));
        if (declared) return true;
      }
    }
    return false;
  };
  const declares = (node: ts.Node, name: string): boolean => {
    if (ts.isVariableStatement(node))
      return node.declarationList.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name);
    if (ts.isVariableDeclarationList(node))
      return node.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name);
    if (node.kind === ts.SyntaxKind.SyntaxList) return node.getChildren(source).some((child) => declares(child, name));
    return false;
  };
  const visit = (node: ts.Node): void => {
    // `constant.set(...)`, `constant.push(...)`...
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && mutatingMethods.has(node.expression.name.text)) {
      const name = moduleConstant(node.expression.expression);
      if (name !== undefined && !constants.get(name)!.weakMap)
        problems.push(`${name}: changed after it is made (.${node.expression.name.text})`);
    }
    // `constant[key] = ...`, `constant.field = ...`, `constant.length = 0`, `delete constant[key]`.
    const target =
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
        ? node.left
        : ts.isDeleteExpression(node)
          ? node.expression
          : undefined;
    if (target !== undefined && (ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target))) {
      const name = moduleConstant(target.expression);
      if (name !== undefined) problems.push(`${name}: changed after it is made (assignment into it)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...new Set(problems)];
}

describe('module state', () => {
  it('finds every kind of module-level state (the checker itself works)', () => {
    const sample = [
      'let last: string | undefined;',
      'const recent: string[] = [];',
      'const byKey = new Map<string, number>();',
      'const table: Record<string, number> = {};',
      'const constants: ReadonlySet<string> = new Set(["a"]);',
      '/** Memo: by document. */',
      'const memo = new WeakMap<object, number>();',
      'const undocumented = new WeakMap<object, number>();',
      'export function f(key: string): void {',
      '  recent.push(key);',
      '  byKey.set(key, 1);',
      '  table[key] = 2;',
      '  memo.set({}, 1);',
      '  constants.has(key);',
      '  const local = new Map<string, number>();',
      '  local.set(key, 1);',
      '}',
      'function g(byKey: Map<string, number>): void { byKey.set("x", 1); }',
    ].join('\n');
    assert.deepEqual(moduleStateProblems('sample.ts', sample).sort(), [
      'byKey: changed after it is made (.set)',
      'last: a module-level let',
      'recent: changed after it is made (.push)',
      'table: changed after it is made (assignment into it)',
      'undocumented: a module-level WeakMap without a "Memo:" comment saying what it is keyed by',
    ]);
  });

  for (const folder of statelessFolders) {
    it(`${folder} keeps no state between calls`, () => {
      const problems: string[] = [];
      for (const file of typescriptFiles(join(root, folder))) {
        // Generated code (ajv's standalone validators) is a constant module written by a generator.
        if (file.includes(`${join('core', 'generated')}`)) continue;
        for (const problem of moduleStateProblems(file, readFileSync(file, 'utf8'))) problems.push(`${relative(root, file)}: ${problem}`);
      }
      assert.deepEqual(
        problems,
        [],
        `module-level state (hand what the next call needs back to the caller instead):\n${problems.join('\n')}`,
      );
    });
  }
});

/**
 * fast-check generators of hostile architecture files, shared by the robustness properties (short,
 * seeded runs in `npm run test:unit`) and the fuzz campaign (`npm run fuzz`, long runs).
 *
 * Three families: YAML-ish documents built from random trees with every YAML feature a user or an
 * attacker can reach (anchors, aliases, merge keys, tags, flow and block styles, odd scalars);
 * architecture-shaped files with real resource types and property names but hostile values, so the
 * evaluations see them; and mutations of the real examples, which is what typing produces.
 * Every generator describes its input as data (a tree, a list of edits), so failures shrink.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Position } from 'vscode-languageserver-types';
import { allResourceTypes } from '../../src/model/catalog';
import { positionAt } from './pipeline-check';

export const examplesFolder = join(__dirname, '..', '..', 'examples');

/** The real examples, by file name, read once. */
export const examples: readonly { readonly name: string; readonly text: string }[] = readdirSync(examplesFolder)
  .filter((name) => name.endsWith('.cloudarch.yaml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(examplesFolder, name), 'utf8') }));

/** Scalars that YAML reads as something surprising, or that stress numbers and strings downstream. */
export const hostileScalars: readonly string[] = [
  '1e400',
  '-1e400',
  '1e-400',
  '.nan',
  '.NaN',
  '.inf',
  '-.inf',
  '+.inf',
  '.Inf',
  'NaN',
  'Infinity',
  '-Infinity',
  '99999999999999999999999999999',
  '-99999999999999999999',
  '9007199254740993',
  '1.7976931348623157e308',
  '5e-324',
  '-0',
  '0.0',
  '0x1F',
  '0o17',
  '0755',
  '0b101',
  '1_000',
  '12:30:00',
  '2001-12-14t21:59:43.10-05:00',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Yes',
  'NO',
  'True',
  'FALSE',
  '~',
  'null',
  'Null',
  '""',
  "''",
  '"\\0"',
  '"\\ud800"',
  '"\\x00\\x1f"',
  '"\\U0001F600"',
  '"a\\nb"',
  "'it''s'",
  '!!js/function "function () { return 1 }"',
  '!!js/undefined ""',
  '!!js/regexp /x/',
  '!!python/object/apply:os.system ["id"]',
  '!!binary aGVsbG8=',
  '!!str 12',
  '!!int "12"',
  '!!float "x"',
  '!!bool yes',
  '!!null ""',
  '!!timestamp 2001-12-14',
  '!!set {a, b}',
  '!!omap [a: 1]',
  '!custom x',
  '!<tag:yaml.org,2002:str> x',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '{ __proto__: { polluted: 1 } }',
  '{ constructor: { prototype: { polluted: 1 } } }',
  '*undefined',
  '&anchor',
  '<<',
  '=',
  '?',
  '-',
  ':',
  '|',
  '>',
  '@x',
  '`x`',
  '%TAG',
  '[]',
  '{}',
  '[[[]]]',
  '{a: [}',
  '[a, b',
  '"unterminated',
  "'unterminated",
  '0',
  '1',
  '-1',
  '100',
  '101',
  '99.99',
  '100.0000001',
  '0.5',
  '65535',
  '65536',
  '-22',
  '4294967296',
  'us-east-1',
  'eu-west-9',
  'a',
  'b',
  'z',
  't3.micro',
  'db.r5.large',
  'x99.huge',
  'gp3',
  'io2',
  '0.0.0.0/0',
  '::/0',
  '10.0.0.0/33',
  'all',
  'tcp',
  'HTTPS',
  'web',
  'db',
  'lb',
  'self',
  'web:80',
  'web:99999',
  'web:-1',
  'web:x',
];

/** Keys that collide with JavaScript's object machinery, YAML's syntax, or our own names. */
export const hostileKeys: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '<<',
  '"<<"',
  '? complex',
  '""',
  '"a b"',
  "'quoted'",
  '1',
  '1.5',
  'true',
  'null',
  '~',
  '-',
  'a: b',
  '"key\\u0000"',
  '日本',
  '😀',
];

const resourceTypes = allResourceTypes();
export const resourceTypeIds: readonly string[] = resourceTypes.map((type) => type.id);
const propertyNames: readonly string[] = [...new Set(resourceTypes.flatMap((type) => Object.keys(type.properties)))].sort();
const commonKeys = [
  'type',
  'label',
  'region',
  'zones',
  'subnet',
  'dependsOn',
  'connectsTo',
  'availability',
  'securityGroups',
  'count',
  'instanceType',
  'multiAz',
  'ingress',
  'egress',
  'from',
  'to',
  'port',
  'protocol',
  'optional',
];
const topKeys = ['cloudarch', 'name', 'description', 'region', 'zones', 'workload', 'assumptions', 'targets', 'resources'];
const workloadKeys = ['requestsPerSecond', 'peakRequestsPerSecond', 'dataTransferOutGB', 'storageGrowthGBPerMonth'];
const assumptionKeys = ['zoneAvailability', 'regionAvailability', 'hoursPerMonth', 'prices'];
const targetKeys = ['availability', 'monthlyBudget', 'maxFindingSeverity'];
const resourceNames = ['web', 'db', 'lb', 'app', 'cache', 'queue', 'users', 'cdn', 'dns', 'bucket', 'web-sg', 'db-sg', 'fn', 'api'];

/** A key: mostly plausible, sometimes hostile. */
export const keyArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...commonKeys, ...topKeys, ...workloadKeys, ...assumptionKeys, ...targetKeys) },
  { weight: 3, arbitrary: fc.constantFrom(...propertyNames) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileKeys) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z_$][\w$-]{0,12}$/) },
);

/** Raw characters that break lines, quoting, encodings and offsets. */
export const nastyCharacters: readonly string[] = [
  '\t',
  '\0',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\r',
  '\r\n',
  '\u2028',
  '\u0085',
  '\x1b',
  '\x7f',
  '\ufffe',
  '😀',
  'é',
  '\u200b',
  ' ',
  ':',
  '-',
  '#',
  '&',
  '*',
  '!',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '|',
  '>',
  '%',
  '@',
  '`',
  '?',
  '\\',
];

/** A scalar as it is written in the file. */
export const scalarArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...hostileScalars) },
  { weight: 2, arbitrary: fc.constantFrom(...resourceTypeIds) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map((value) => String(value)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map((value) => JSON.stringify(value)) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...nastyCharacters), { minLength: 1, maxLength: 4 }).map((parts) => `x${parts.join('')}y`),
  },
);

/** A value tree: what a YAML document holds before it is written out. */
export type Tree =
  | { readonly kind: 'scalar'; readonly text: string }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [string, Tree])[]; readonly flow: boolean }
  | { readonly kind: 'seq'; readonly items: readonly Tree[]; readonly flow: boolean }
  | { readonly kind: 'anchor'; readonly name: string; readonly node: Tree }
  | { readonly kind: 'alias'; readonly name: string }
  | { readonly kind: 'tag'; readonly tag: string; readonly node: Tree }
  | { readonly kind: 'merge'; readonly name: string };

const anchorNames = ['a', 'b', 'base', 'x'];
const tags = [
  '!!str',
  '!!map',
  '!!seq',
  '!!int',
  '!!float',
  '!!bool',
  '!!null',
  '!!js/function',
  '!!js/undefined',
  '!!python/object:os.system',
  '!!binary',
  '!!set',
  '!!omap',
  '!!pairs',
  '!local',
  '!<tag:example.com,2000:x>',
  '!',
];

/** Random trees with every structural YAML feature, bounded in depth. */
export const treeArbitrary: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: scalarArbitrary.map((text): Tree => ({ kind: 'scalar', text })) },
    {
      weight: 3,
      arbitrary: fc
        .record({ entries: fc.array(fc.tuple(keyArbitrary, tie('tree')), { maxLength: 5 }), flow: fc.boolean() })
        .map(({ entries, flow }): Tree => ({ kind: 'map', entries, flow })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ items: fc.array(tie('tree'), { maxLength: 4 }), flow: fc.boolean() })
        .map(({ items, flow }): Tree => ({ kind: 'seq', items, flow })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ name: fc.constantFrom(...anchorNames), node: tie('tree') })
        .map(({ name, node }): Tree => ({ kind: 'anchor', name, node })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...anchorNames).map((name): Tree => ({ kind: 'alias', name })) },
    {
      weight: 1,
      arbitrary: fc.record({ tag: fc.constantFrom(...tags), node: tie('tree') }).map(({ tag, node }): Tree => ({ kind: 'tag', tag, node })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...anchorNames).map((name): Tree => ({ kind: 'merge', name })) },
  ),
})).tree;

/** How a tree is written: indentation, line breaks, comments. */
export interface Layout {
  readonly indent: string;
  readonly newline: '\n' | '\r\n';
  readonly comments: boolean;
  readonly bom: boolean;
  /** Extra text after the document (a second document, stray lines). */
  readonly trailer: string;
}

export const layoutArbitrary: fc.Arbitrary<Layout> = fc.record({
  indent: fc.constantFrom('  ', '  ', '    ', ' ', '\t', ' \t'),
  newline: fc.constantFrom('\n' as const, '\n' as const, '\r\n' as const),
  comments: fc.boolean(),
  bom: fc.integer({ min: 0, max: 5 }).map((draw) => draw === 0),
  trailer: fc.constantFrom(
    '',
    '',
    '',
    '\n---\nsecond: document\n',
    '\n...\n',
    '\n%YAML 1.1\n---\n',
    '\n# yaml-language-server: $schema=https://evil.example/x.json\n',
    '\n\0\n',
    '\nresources:\n  again: {}\n',
  ),
});

/** Writes a tree as YAML text. The output is YAML-ish: hostile parts are allowed to break it. */
export function writeTree(tree: Tree, layout: Layout): string {
  const lines: string[] = [];
  const comment = layout.comments ? ' # note' : '';
  const inline = (node: Tree): string => {
    switch (node.kind) {
      case 'scalar':
        return node.text;
      case 'map':
        return `{ ${node.entries.map(([key, value]) => `${key}: ${inline(value)}`).join(', ')} }`;
      case 'seq':
        return `[${node.items.map(inline).join(', ')}]`;
      case 'anchor':
        return `&${node.name} ${inline(node.node)}`;
      case 'alias':
        return `*${node.name}`;
      case 'tag':
        return `${node.tag} ${inline(node.node)}`;
      case 'merge':
        return `{ <<: *${node.name} }`;
    }
  };
  const isBlock = (node: Tree): boolean =>
    (node.kind === 'map' || node.kind === 'seq') && !node.flow && (node.kind === 'map' ? node.entries.length > 0 : node.items.length > 0);
  const block = (node: Tree, depth: number): void => {
    const pad = layout.indent.repeat(depth);
    if (node.kind === 'map' && isBlock(node)) {
      for (const [key, value] of node.entries) {
        if (isBlock(value)) {
          lines.push(`${pad}${key}:${comment}`);
          block(value, depth + 1);
        } else lines.push(`${pad}${key}: ${inline(value)}${comment}`);
      }
    } else if (node.kind === 'seq' && isBlock(node)) {
      for (const item of node.items) {
        if (isBlock(item)) {
          lines.push(`${pad}-`);
          block(item, depth + 1);
        } else lines.push(`${pad}- ${inline(item)}`);
      }
    } else if (node.kind === 'merge') lines.push(`${pad}<<: *${node.name}`);
    else lines.push(`${pad}${inline(node)}`);
  };
  block(tree, 0);
  return `${layout.bom ? '\ufeff' : ''}${lines.join(layout.newline)}${layout.trailer}`;
}

/** Random YAML-ish documents. */
export const yamlishDocumentArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .array(fc.tuple(keyArbitrary, treeArbitrary), { minLength: 1, maxLength: 6 })
          .map((entries): Tree => ({ kind: 'map', entries, flow: false })),
      },
      { weight: 1, arbitrary: treeArbitrary },
    ),
    layoutArbitrary,
  )
  .map(([tree, layout]) => writeTree(tree, layout));

/** An architecture file with real types and property names but random, often hostile, values. */
export const architectureArbitrary: fc.Arbitrary<string> = fc
  .record({
    header: fc.constantFrom(
      'cloudarch: "1"\nname: fuzz\n',
      'cloudarch: 1\nname: 1e400\n',
      'cloudarch: "2"\n',
      '',
      'cloudarch: "1"\nname: fuzz\nzones: [a, b, z]\n',
      'cloudarch: "1"\nname: fuzz\nregion: eu-west-1\n',
    ),
    sections: fc.array(
      fc.oneof(
        ...(
          [
            ['workload', workloadKeys],
            ['assumptions', assumptionKeys],
            ['targets', targetKeys],
          ] as const
        ).map(([section, keys]) =>
          fc.tuple(
            fc.constant(section),
            fc.array(
              fc.tuple(
                fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: keyArbitrary }),
                scalarArbitrary,
              ),
              { maxLength: 4 },
            ),
          ),
        ),
      ),
      { maxLength: 3 },
    ),
    resources: fc.array(
      fc.record({
        name: fc.oneof(fc.constantFrom(...resourceNames), fc.constantFrom('__proto__', 'constructor', 'Bad_Name', 'x'.repeat(70), '1st')),
        type: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...resourceTypeIds) }, { weight: 1, arbitrary: scalarArbitrary }),
        properties: fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...propertyNames), fc.constantFrom(...commonKeys), fc.constantFrom(...hostileKeys)),
            fc.oneof(
              { weight: 3, arbitrary: scalarArbitrary },
              {
                weight: 2,
                arbitrary: fc
                  .array(fc.oneof(fc.constantFrom(...resourceNames), scalarArbitrary), { maxLength: 3 })
                  .map((items) => `[${items.join(', ')}]`),
              },
              {
                weight: 1,
                arbitrary: fc
                  .array(
                    fc.tuple(
                      fc.constantFrom('port', 'protocol', 'from', 'to', 'cidr', 'optional', 'sizeGB', 'volumeType', '<<', '__proto__'),
                      scalarArbitrary,
                    ),
                    { maxLength: 3 },
                  )
                  .map((entries) => `[{ ${entries.map(([key, value]) => `${key}: ${value}`).join(', ')} }]`),
              },
            ),
          ),
          { maxLength: 6 },
        ),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ header, sections, resources }) => {
    let text = header;
    for (const [section, entries] of sections) {
      text += `${section}:\n${entries.map(([key, value]) => `  ${key}: ${value}\n`).join('')}`;
    }
    text += 'resources:\n';
    for (const resource of resources) {
      text += `  ${resource.name}:\n    type: ${resource.type}\n${resource.properties.map(([key, value]) => `    ${key}: ${value}\n`).join('')}`;
    }
    return text;
  });

/** One edit of a text, with its places as fractions of the text so it applies to any text and shrinks. */
export type Mutation =
  | { readonly kind: 'delete-characters'; readonly at: number; readonly count: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete-line'; readonly at: number }
  | { readonly kind: 'duplicate-line'; readonly at: number }
  | { readonly kind: 'move-line'; readonly at: number; readonly to: number }
  | { readonly kind: 'swap-values'; readonly at: number; readonly with: number }
  | { readonly kind: 'set-value'; readonly at: number; readonly value: string }
  | { readonly kind: 'indent'; readonly at: number; readonly by: number }
  | { readonly kind: 'truncate'; readonly at: number };

/** A place in [0, 1), uniform (fast-check's doubles favour extremes), shrinking towards the start. */
const fraction = fc.integer({ min: 0, max: 999_999 }).map((draw) => draw / 1_000_000);

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-characters' as const), at: fraction, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fraction,
    text: fc.oneof(
      fc.constantFrom(...nastyCharacters),
      scalarArbitrary,
      fc.constantFrom('\n', '  ', ': ', '- ', '\n  x:\n', '\n---\n', ' &a', ' *a', '<<: *a\n'),
    ),
  }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fraction }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fraction }),
  fc.record({ kind: fc.constant('move-line' as const), at: fraction, to: fraction }),
  fc.record({ kind: fc.constant('swap-values' as const), at: fraction, with: fraction }),
  fc.record({ kind: fc.constant('set-value' as const), at: fraction, value: scalarArbitrary }),
  fc.record({ kind: fc.constant('indent' as const), at: fraction, by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
);

const valueLine = /^(\s*(?:- )?[^\s#:][^:#]*:[ \t]+)([^#\n]*?)([ \t]*(?:#.*)?)$/;

/** Applies one mutation. Deterministic: the same text and mutation give the same result. */
export function applyMutation(text: string, mutation: Mutation): string {
  const offset = Math.floor(mutation.at * (text.length + 1));
  const lines = text.split('\n');
  const lineIndex = Math.floor(mutation.at * lines.length);
  switch (mutation.kind) {
    case 'delete-characters':
      return text.slice(0, offset) + text.slice(offset + mutation.count);
    case 'insert':
      return text.slice(0, offset) + mutation.text + text.slice(offset);
    case 'truncate':
      return text.slice(0, offset);
    case 'delete-line':
      lines.splice(lineIndex, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(lineIndex, 0, lines[lineIndex] ?? '');
      return lines.join('\n');
    case 'move-line': {
      const [moved] = lines.splice(lineIndex, 1);
      lines.splice(Math.floor(mutation.to * (lines.length + 1)), 0, moved ?? '');
      return lines.join('\n');
    }
    case 'indent': {
      const line = lines[lineIndex] ?? '';
      lines[lineIndex] = mutation.by >= 0 ? ' '.repeat(mutation.by) + line : line.replace(new RegExp(`^ {0,${-mutation.by}}`), '');
      return lines.join('\n');
    }
    case 'set-value':
    case 'swap-values': {
      const valueLines = lines
        .map((line, index) => [index, valueLine.exec(line)] as const)
        .filter((entry): entry is readonly [number, RegExpExecArray] => entry[1] !== null && entry[1][2]!.length > 0);
      if (valueLines.length === 0) return text;
      const [first, match] = valueLines[Math.floor(mutation.at * valueLines.length)]!;
      if (mutation.kind === 'set-value') {
        lines[first] = `${match[1]}${mutation.value}${match[3]}`;
        return lines.join('\n');
      }
      const [second, other] = valueLines[Math.floor(mutation.with * valueLines.length)]!;
      lines[first] = `${match[1]}${other[2]}${match[3]}`;
      lines[second] = `${other[1]}${match[2]}${other[3]}`;
      return lines.join('\n');
    }
  }
}

/** A sequence of edits of one real example: every intermediate text is what an editor would hold. */
export interface ExampleEdits {
  readonly example: number;
  readonly mutations: readonly Mutation[];
}

export const exampleEditsArbitrary: fc.Arbitrary<ExampleEdits> = fc.record({
  example: fc.integer({ min: 0, max: examples.length - 1 }),
  mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 5 }),
});

/** The texts an edit sequence goes through, the example first. */
export function editedTexts(edits: ExampleEdits): string[] {
  const texts = [examples[edits.example]!.text];
  for (const mutation of edits.mutations) texts.push(applyMutation(texts[texts.length - 1]!, mutation));
  return texts;
}

/** Caret positions as fractions of a text, turned into positions by `positionsIn`. */
export const caretsArbitrary: fc.Arbitrary<readonly number[]> = fc.array(fraction, { minLength: 1, maxLength: 3 });

export function positionsIn(text: string, carets: readonly number[]): Position[] {
  return carets.map((caret) => positionAt(text, Math.floor(caret * (text.length + 1))));
}

/**
 * Expands a VS Code snippet body: `${1:default}` gives its default, `${1|a,b|}` the choice picked by
 * `pick`, `$1` nothing.
 */
export function expandSnippet(body: string, pick: number): string {
  let counter = pick;
  return body
    .replace(/\$\{\d+\|([^|}]*)\|\}/g, (_match, choices: string) => {
      const options = choices.split(',');
      return options[counter++ % options.length]!;
    })
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** Names the snippets refer to (their placeholders' defaults), so most references resolve. */
const snippetNames = [
  'users',
  'dns',
  'cdn',
  'web',
  'web-lb',
  'lb',
  'lb-sg',
  'web-sg',
  'app',
  'app-sg',
  'db',
  'db-sg',
  'bucket',
  'assets',
  'queue',
  'topic',
  'fn',
  'api',
  'table',
  'cache',
  'vpc',
  'nat',
  'cluster',
  'logs',
];

/**
 * Whole architectures assembled from the catalog's own snippets (valid resources of every type),
 * then edited like the examples: the evaluations see realistic input with hostile spots in it.
 */
export const snippetArchitectureArbitrary: fc.Arbitrary<{ readonly text: string; readonly mutations: readonly Mutation[] }> = fc
  .record({
    resources: fc.array(
      fc.record({
        type: fc.integer({ min: 0, max: resourceTypes.length - 1 }),
        name: fc.integer({ min: 0, max: snippetNames.length - 1 }),
        pick: fc.nat(7),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    targets: fc.boolean(),
    mutations: fc.array(mutationArbitrary, { maxLength: 4 }),
  })
  .map(({ resources, targets, mutations }) => {
    const lines = [
      'cloudarch: "1"',
      'name: From snippets',
      'zones: [a, b, c]',
      'workload:',
      '  requestsPerSecond: 50',
      '  dataTransferOutGB: 100',
    ];
    if (targets) lines.push('targets:', '  availability: 99.9', '  monthlyBudget: 1000', '  maxFindingSeverity: high');
    lines.push('resources:');
    for (const resource of resources) {
      lines.push(`  ${snippetNames[resource.name]}:`);
      for (const line of expandSnippet(resourceTypes[resource.type]!.snippet, resource.pick).split('\n')) lines.push(`    ${line}`);
    }
    return { text: `${lines.join('\n')}\n`, mutations };
  });

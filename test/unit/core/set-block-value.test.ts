/**
 * Setting a property whose value is written as a block list or block map (over several lines)
 * replaces the value and keeps the line break after it, so the next key stays on its own line. The
 * Lightsail firewall fix (CA-LIGHTSAIL-001) once joined the next resource onto the new value's line,
 * which left the file unreadable. LF and CRLF files alike.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseArchitecture } from '../../../src/core';
import { setPropertyEdit } from '../../../src/core/edits';

const lines = [
  'cloudarch: "1"',
  'name: block values',
  'resources:',
  '  blog:',
  '    type: aws.lightsail.instance',
  '    bundle: small',
  '    blueprint: wordpress',
  '    firewall:',
  '      - { port: 443, protocol: tcp, from: 0.0.0.0/0 }',
  '      - { port: 22, protocol: tcp, from: 0.0.0.0/0 }',
  '  sessions:',
  '    type: aws.dynamodb.table',
  '    dax:',
  '      nodes: 3',
  '      encrypted: false',
  '  cache:',
  '    type: aws.dynamodb.table',
  '',
];

for (const [name, lineBreak] of [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
] as const) {
  describe(`setting a value written as a block (${name})`, () => {
    const text = lines.join(lineBreak);
    const apply = (resource: string, path: readonly (string | number)[], value: unknown): string => {
      const doc = parseArchitecture(text);
      const edit = setPropertyEdit(doc, resource, path, value);
      assert.ok(edit, 'an edit');
      const fixed = TextDocument.applyEdits(TextDocument.create('file:///block.cloudarch.yaml', 'cloudarch', 1, text), [edit]);
      assert.deepEqual(
        parseArchitecture(fixed)
          .diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
          .map((diagnostic) => diagnostic.message),
        [],
        `the edited file is valid:\n${fixed}`,
      );
      return fixed;
    };

    it('replaces a block list and keeps the next resource on its own line', () => {
      assert.equal(
        apply('blog', ['firewall'], [{ port: 443, protocol: 'tcp', from: '0.0.0.0/0' }]),
        text.replace(
          `      - { port: 443, protocol: tcp, from: 0.0.0.0/0 }${lineBreak}      - { port: 22, protocol: tcp, from: 0.0.0.0/0 }`,
          '      [{ port: 443, protocol: tcp, from: "0.0.0.0/0" }]',
        ),
      );
    });

    it('replaces a block map and keeps the next resource on its own line', () => {
      assert.equal(
        apply('sessions', ['dax'], { nodes: 3, encrypted: true }),
        text.replace(`      nodes: 3${lineBreak}      encrypted: false`, '      { nodes: 3, encrypted: true }'),
      );
    });

    it('replaces a block-map item of a list', () => {
      assert.equal(
        apply('blog', ['firewall', 1], { port: 80, protocol: 'tcp', from: '0.0.0.0/0' }),
        text.replace('{ port: 22, protocol: tcp, from: 0.0.0.0/0 }', '{ port: 80, protocol: tcp, from: "0.0.0.0/0" }'),
      );
    });
  });
}

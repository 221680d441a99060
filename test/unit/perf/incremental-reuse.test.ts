/**
 * Structural tests of the incremental work (never timings: those are `npm run bench`): after an
 * edit, what did not change is the very same object, and every memoised result equals a fresh
 * computation on a fresh parse of the same text.
 */
import { strict as assert } from 'node:assert';
import { generateArchitecture } from '../../../bench/generate';
import { parseArchitecture, type ArchDocument } from '../../../src/core';
import { evaluateAvailability, evaluateAvailabilityAfresh } from '../../../src/evaluate/availability';
import { evaluateSecurity } from '../../../src/evaluate/security';

/** Replaces the first occurrence of `search` at or after `from` (it must exist). */
function replace(text: string, search: string, replacement: string, from = 0): string {
  const at = text.indexOf(search, from);
  assert.ok(at >= 0, `"${search}" is in the text`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** The position of the resource `name:` line, to aim edits at one resource. */
function resourceStart(text: string, name: string): number {
  const at = text.indexOf(`\n  ${name}:\n`);
  assert.ok(at >= 0, `resource ${name} exists`);
  return at;
}

/** Everything a consumer reads of a document, as comparable text. */
function snapshot(doc: ArchDocument): string {
  return JSON.stringify({ resources: doc.resources, references: doc.references, diagnostics: doc.diagnostics }, (key, value: unknown) =>
    key === 'typeDef' ? ((value as { id?: string } | undefined)?.id ?? null) : value,
  );
}

describe('incremental reuse (structure, not timing)', () => {
  const base = generateArchitecture(100);

  it('keeps every resource but the edited one as the same object after a one-character edit', () => {
    const before = parseArchitecture(base);
    const text = replace(base, 'sizeGB: ', 'sizeGB: 1', resourceStart(base, 'vol-3'));
    const after = parseArchitecture(text, { previous: before });
    assert.equal(after.resources.length, before.resources.length);
    const changed = after.resources.filter((resource, index) => resource !== before.resources[index]).map((resource) => resource.name);
    assert.deepEqual(changed, ['vol-3']);
    // The references written in unchanged resources are reused too.
    const reused = new Set(before.references);
    const fresh = after.references.filter((reference) => !reused.has(reference));
    assert.deepEqual([...new Set(fresh.map((reference) => reference.from))], ['vol-3']);
    assert.equal(snapshot(after), snapshot(parseArchitecture(text)));
  });

  it('re-resolves every resource when a name changes, and then equals a fresh parse', () => {
    const before = parseArchitecture(base);
    // Renaming db-2 leaves references to it unresolved: the unchanged resources naming it must see that.
    const text = replace(base, '  db-2:\n', '  db-two:\n');
    const after = parseArchitecture(text, { previous: before });
    assert.equal(snapshot(after), snapshot(parseArchitecture(text)));
    assert.ok(after.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-reference' && diagnostic.message.includes('db-2')));
  });

  it('finds a dependency cycle made by an edit, and forgets it when the edit is undone', () => {
    const before = parseArchitecture(base);
    const cyclic = replace(base, 'connectsTo: [db-1]', 'connectsTo: [db-1]\n    dependsOn: [web-1]', resourceStart(base, 'app-1'));
    const withCycle = parseArchitecture(
      replace(cyclic, 'connectsTo: [db-1:5432, cache-1]', 'connectsTo: [db-1:5432, cache-1, app-1]', resourceStart(cyclic, 'web-1')),
      { previous: before },
    );
    assert.ok(withCycle.diagnostics.some((diagnostic) => diagnostic.code === 'dependency-cycle'));
    const undone = parseArchitecture(base, { previous: withCycle });
    assert.ok(!undone.diagnostics.some((diagnostic) => diagnostic.code === 'dependency-cycle'));
    assert.equal(snapshot(undone), snapshot(parseArchitecture(base)));
  });

  it('gives the same security findings incrementally as on a fresh parse, edit after edit', () => {
    // Each edit touches something a rule or the exposure analysis reads from another resource.
    const edits: ((text: string) => string)[] = [
      (text) => replace(text, 'sizeGB: ', 'sizeGB: 2', resourceStart(text, 'assets-4')),
      (text) => replace(text, 'publiclyAccessible: false', 'publiclyAccessible: true', resourceStart(text, 'db-3')),
      (text) =>
        replace(
          text,
          '{ port: 80, protocol: tcp, from: lb-sg-3 }',
          '{ port: 5432, protocol: tcp, from: 0.0.0.0/0 }',
          resourceStart(text, 'web-sg-3'),
        ),
      (text) => replace(text, 'viewerProtocol: redirect-to-https', 'viewerProtocol: redirect-to-https\n    waf: true'),
      (text) =>
        replace(
          text,
          'versioning: true',
          'versioning: true\n    replication: { to: assets-6, kind: CRR }',
          resourceStart(text, 'assets-5'),
        ),
      (text) => replace(text, 'zones: [a, b, c]', 'zones: [a, b]'),
      (text) => replace(text, 'encrypted: true', 'encrypted: false', resourceStart(text, 'vol-7')),
      (text) => replace(text, '  # cell 2\n', '  # cell 2\n  # a line that moves everything below\n'),
    ];
    let text = base;
    let doc = parseArchitecture(text);
    let previous = evaluateSecurity(doc);
    for (const edit of edits) {
      text = edit(text);
      doc = parseArchitecture(text, { previous: doc });
      const incremental = evaluateSecurity(doc, { previous });
      const fresh = evaluateSecurity(parseArchitecture(text));
      assert.deepEqual(incremental, fresh);
      previous = incremental;
    }
  });

  it('reuses the unchanged findings of unchanged resources as the same objects', () => {
    const before = parseArchitecture(base);
    const first = evaluateSecurity(before);
    const after = parseArchitecture(replace(base, 'sizeGB: ', 'sizeGB: 3', resourceStart(base, 'vol-5')), { previous: before });
    const second = evaluateSecurity(after, { previous: first });
    const previous = new Set(first.findings);
    const renewed = second.findings.filter((finding) => !previous.has(finding));
    assert.ok(
      renewed.every((finding) => finding.resource === 'vol-5' || finding.resource === 'app-5'),
      renewed.map((finding) => finding.resource).join(', '),
    );
  });

  it('gives the same availability as a fresh computation, whether or not the model changed', () => {
    let text = base;
    let doc = parseArchitecture(text);
    let previous = evaluateAvailability(doc, { monteCarloSamples: 0 });
    const edits: ((text: string) => string)[] = [
      (current) => replace(current, 'sizeGB: ', 'sizeGB: 4', resourceStart(current, 'vol-2')),
      (current) => replace(current, 'multiAZ: true', 'multiAZ: false', resourceStart(current, 'db-1')),
      (current) => replace(current, 'min: 2', 'min: 1', resourceStart(current, 'web-0')),
      (current) => replace(current, 'multiAZ: false', 'multiAZ: true', resourceStart(current, 'db-1')),
    ];
    for (const edit of edits) {
      text = edit(text);
      doc = parseArchitecture(text, { previous: doc });
      const incremental = evaluateAvailability(doc, { monteCarloSamples: 0, previous });
      assert.deepEqual(incremental, evaluateAvailabilityAfresh(parseArchitecture(text), { monteCarloSamples: 0 }));
      previous = incremental;
    }
  });
});

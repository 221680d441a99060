/**
 * Helpers the simulator's tests share: the fixture designs (test/fixtures/simulate), edited and
 * parsed, and events written as the CLI's `--event` text.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchDocument } from '../../../src/core/document';
import { parseArchitecture } from '../../../src/core/parse';
import { isSpecError, parseSimulationSpec, type SimulationSpec } from '../../../src/core/simulation-spec';

/** The text of test/fixtures/simulate/<name>.cloudarch.yaml. */
export function fixtureText(name: string): string {
  return readFileSync(join(__dirname, '..', '..', 'fixtures', 'simulate', `${name}.cloudarch.yaml`), 'utf8');
}

/**
 * `text` with each `[from, to]` edit made, parsed. An edit whose `from` is not there, or a result
 * with an error diagnostic, fails the test: it would otherwise simulate a design it did not mean.
 */
export function designOf(text: string, ...edits: [string, string][]): ArchDocument {
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
  }
  const doc = parseArchitecture(text);
  assert.deepEqual(
    doc.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    [],
  );
  return doc;
}

/** A fixture design, edited and parsed as `designOf` does. */
export function loadFixture(name: string, ...edits: [string, string][]): ArchDocument {
  return designOf(fixtureText(name), ...edits);
}

/** Each text parsed as a simulation event; a text that does not parse fails the test that wrote it. */
export function specs(...texts: string[]): SimulationSpec[] {
  return texts.map((text) => {
    const spec = parseSimulationSpec(text);
    if (isSpecError(spec)) throw new Error(spec.message);
    return spec;
  });
}

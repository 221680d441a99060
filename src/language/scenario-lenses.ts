/**
 * The CodeLens above each scenario saved under `scenarios:` ("▶ Simulate zone-a-at-peak"), which
 * runs `cloudarch.simulate` with the document and the scenario's name. Read from the parse alone
 * (no evaluation needed), so the lenses show as soon as the file is open.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import type { ArchDocument } from '../core/document';
import { readScenarios } from '../core/scenarios';

/** The command the lenses run (contributed by the extension; src/client/command-list.ts). */
export const simulateCommand = 'cloudarch.simulate';

export function scenarioLenses(doc: ArchDocument, uri: string): CodeLens[] {
  // No spec targets: a lens is offered even for a scenario with a mistake; the run then says what is wrong.
  const { scenarios } = readScenarios(doc.root, undefined);
  return scenarios.map((scenario) => ({
    range: scenario.nameRange,
    command: { title: `▶ Simulate ${scenario.name}`, command: simulateCommand, arguments: [uri, scenario.name] },
  }));
}

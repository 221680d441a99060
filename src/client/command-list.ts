/**
 * Every command the extension contributes, with the title the command palette shows. package.json's
 * `contributes.commands` must list exactly these (a unit test compares them), and commands.ts must
 * give each one a handler (the `CommandId` type makes that a compile error when it does not).
 * Free of `vscode` so that tests can read it.
 */

/** What a contributed command looks like in package.json. */
export interface CommandContribution {
  readonly command: string;
  readonly title: string;
  readonly category: 'CloudArch';
  /** A codicon shown when the command appears in an editor title bar. */
  readonly icon?: string;
  /** When the command is enabled; the palette hides disabled commands. */
  readonly enablement?: string;
}

/** The context key that holds when the active editor shows a CloudArch file. */
const inCloudArchEditor = 'editorLangId == cloudarch';

/**
 * One contributed command. `enabledIn` is left out of the entry when absent, so that the entry
 * matches package.json's exactly; the literal `Id` is kept so that `CommandId` lists every id.
 */
function command<const Id extends string>(id: Id, title: string, icon: string, enabledIn?: string): CommandContribution & { command: Id } {
  return { command: id, title, category: 'CloudArch', icon, ...(enabledIn === undefined ? {} : { enablement: enabledIn }) };
}

export const COMMANDS = [
  command('cloudarch.newArchitecture', 'New Architecture', '$(new-file)'),
  command('cloudarch.restartServer', 'Restart Language Server', '$(debug-restart)'),
  command('cloudarch.showOutput', 'Show Language Server Output', '$(output)'),
  command('cloudarch.evaluateAll', 'Evaluate Architecture (All Reports)', '$(checklist)', inCloudArchEditor),
  command('cloudarch.evaluateAvailability', 'Evaluate Availability', '$(pulse)', inCloudArchEditor),
  command('cloudarch.evaluateCost', 'Evaluate Cost', '$(credit-card)', inCloudArchEditor),
  command('cloudarch.evaluateSecurity', 'Evaluate Security', '$(shield)', inCloudArchEditor),
  command('cloudarch.showAvailabilityReport', 'Show Availability Report', '$(pulse)'),
  command('cloudarch.showCostReport', 'Show Cost Report', '$(credit-card)'),
  command('cloudarch.showSecurityReport', 'Show Security Report', '$(shield)'),
  command('cloudarch.importCloudFormation', 'CloudFormation: Import as Architecture…', '$(cloud-download)'),
  command('cloudarch.exportCloudFormation', 'CloudFormation: Export as Template…', '$(cloud-upload)', inCloudArchEditor),
  command('cloudarch.showDiagram', 'Show Diagram', '$(type-hierarchy)', inCloudArchEditor),
  command('cloudarch.exportDiagram', 'Export Diagram…', '$(export)'),
  command('cloudarch.exportReview', 'Export Design Review…', '$(book)'),
  command('cloudarch.simulate', 'Simulate…', '$(play-circle)'),
] as const satisfies readonly CommandContribution[];

/** The id of a contributed command. */
export type CommandId = (typeof COMMANDS)[number]['command'];

/**
 * Commands that only make sense with an argument (the CodeLens passes the document's URI) or with
 * a CloudArch editor active; the command palette lists them only in a CloudArch editor.
 */
export const PALETTE_WHEN: Readonly<Partial<Record<CommandId, string>>> = {
  'cloudarch.showAvailabilityReport': inCloudArchEditor,
  'cloudarch.showCostReport': inCloudArchEditor,
  'cloudarch.showSecurityReport': inCloudArchEditor,
  'cloudarch.evaluateAll': inCloudArchEditor,
  'cloudarch.evaluateAvailability': inCloudArchEditor,
  'cloudarch.evaluateCost': inCloudArchEditor,
  'cloudarch.evaluateSecurity': inCloudArchEditor,
  'cloudarch.exportCloudFormation': inCloudArchEditor,
  'cloudarch.showDiagram': inCloudArchEditor,
  'cloudarch.exportDiagram': inCloudArchEditor,
  'cloudarch.exportReview': inCloudArchEditor,
  'cloudarch.simulate': inCloudArchEditor,
};

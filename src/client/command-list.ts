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

export const COMMANDS = [
  { command: 'cloudarch.newArchitecture', title: 'New Architecture', category: 'CloudArch', icon: '$(new-file)' },
  { command: 'cloudarch.restartServer', title: 'Restart Language Server', category: 'CloudArch', icon: '$(debug-restart)' },
  { command: 'cloudarch.showOutput', title: 'Show Language Server Output', category: 'CloudArch', icon: '$(output)' },
  {
    command: 'cloudarch.evaluateAll',
    title: 'Evaluate Architecture (All Reports)',
    category: 'CloudArch',
    icon: '$(checklist)',
    enablement: inCloudArchEditor,
  },
  {
    command: 'cloudarch.evaluateAvailability',
    title: 'Evaluate Availability',
    category: 'CloudArch',
    icon: '$(pulse)',
    enablement: inCloudArchEditor,
  },
  {
    command: 'cloudarch.evaluateCost',
    title: 'Evaluate Cost',
    category: 'CloudArch',
    icon: '$(credit-card)',
    enablement: inCloudArchEditor,
  },
  {
    command: 'cloudarch.evaluateSecurity',
    title: 'Evaluate Security',
    category: 'CloudArch',
    icon: '$(shield)',
    enablement: inCloudArchEditor,
  },
  { command: 'cloudarch.showAvailabilityReport', title: 'Show Availability Report', category: 'CloudArch', icon: '$(pulse)' },
  { command: 'cloudarch.showCostReport', title: 'Show Cost Report', category: 'CloudArch', icon: '$(credit-card)' },
  { command: 'cloudarch.showSecurityReport', title: 'Show Security Report', category: 'CloudArch', icon: '$(shield)' },
  {
    command: 'cloudarch.importCloudFormation',
    title: 'CloudFormation: Import as Architecture…',
    category: 'CloudArch',
    icon: '$(cloud-download)',
  },
  {
    command: 'cloudarch.exportCloudFormation',
    title: 'CloudFormation: Export as Template…',
    category: 'CloudArch',
    icon: '$(cloud-upload)',
    enablement: inCloudArchEditor,
  },
  {
    command: 'cloudarch.showDiagram',
    title: 'Show Diagram',
    category: 'CloudArch',
    icon: '$(type-hierarchy)',
    enablement: inCloudArchEditor,
  },
  { command: 'cloudarch.exportDiagram', title: 'Export Diagram…', category: 'CloudArch', icon: '$(export)' },
  { command: 'cloudarch.exportReview', title: 'Export Design Review…', category: 'CloudArch', icon: '$(book)' },
  { command: 'cloudarch.simulate', title: 'Simulate…', category: 'CloudArch', icon: '$(play-circle)' },
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

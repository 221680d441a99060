/**
 * package.json's contributions are checked against their single sources of truth: settings against
 * src/protocol/settings.ts, commands against src/client/command-list.ts, snippets against the
 * catalog. A mismatch means a user would see a setting or command that does nothing, or miss one.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, PALETTE_WHEN } from '../../../src/client/command-list';
import { simulateCommand } from '../../../src/language/scenario-lenses';
import { reportCommands } from '../../../src/protocol/requests';
import { configurationContribution, SETTINGS } from '../../../src/protocol/settings';
import { SNIPPETS_PATH, snippetsFileText } from '../../../scripts/generate-snippets';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('package.json contributions', () => {
  it('declares exactly the settings of src/protocol/settings.ts', () => {
    assert.deepStrictEqual(contributes.configuration, JSON.parse(JSON.stringify(configurationContribution())));
  });

  it('documents every setting with a markdownDescription and a cloudarch. prefix', () => {
    for (const [key, declaration] of Object.entries(
      contributes.configuration.properties as Record<string, { markdownDescription?: string }>,
    )) {
      assert.match(key, /^cloudarch\./);
      assert.ok((declaration.markdownDescription ?? '').length > 30, `${key} has a real description`);
    }
    assert.ok(Object.keys(SETTINGS).includes('cloudarch.trace.server'), 'the trace setting named after the client id exists');
  });

  it('contributes exactly the commands of the command table', () => {
    assert.deepStrictEqual(contributes.commands, JSON.parse(JSON.stringify(COMMANDS)));
    for (const { command } of COMMANDS) assert.match(command, /^cloudarch\.[a-zA-Z]+$/);
  });

  it("contributes every command the server's CodeLens invokes", () => {
    const ids = new Set<string>(COMMANDS.map((entry) => entry.command));
    for (const command of [...Object.values(reportCommands), simulateCommand]) assert.ok(ids.has(command), `${command} is contributed`);
  });

  it('hides editor-only commands from the palette outside CloudArch editors', () => {
    assert.deepStrictEqual(
      contributes.menus.commandPalette,
      Object.entries(PALETTE_WHEN).map(([command, when]) => ({ command, when })),
    );
  });

  it('activates on the language, on workspaces with architecture files, and from its commands', () => {
    assert.ok(pkg.activationEvents.includes('onLanguage:cloudarch'));
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.cloudarch.yaml'));
    assert.equal(pkg.main, './dist/client/extension.js');
  });

  it('associates *.cloudarch.yaml and *.cloudarch.yml with the cloudarch language', () => {
    const [language] = contributes.languages;
    assert.equal(language.id, 'cloudarch');
    assert.deepStrictEqual(language.filenamePatterns, ['*.cloudarch.yaml', '*.cloudarch.yml']);
    assert.deepStrictEqual(contributes.grammars[0], {
      language: 'cloudarch',
      scopeName: 'source.cloudarch',
      path: './syntaxes/cloudarch.tmLanguage.json',
    });
  });

  it('points only at files that exist in the repository', () => {
    const paths = [
      pkg.icon,
      contributes.languages[0].configuration,
      contributes.languages[0].icon.light,
      contributes.languages[0].icon.dark,
      contributes.grammars[0].path,
      contributes.snippets[0].path,
      ...contributes.walkthroughs.flatMap((walkthrough: { steps: { media: Record<string, string> }[] }) =>
        walkthrough.steps.map((step) => step.media.markdown ?? step.media.svg ?? step.media.image),
      ),
    ];
    for (const path of paths) assert.ok(existsSync(join(root, path)), `${path} exists`);
  });

  it('offers the JSON schema to the YAML extension for the same file patterns', () => {
    assert.deepStrictEqual(contributes.yamlValidation, [
      { fileMatch: ['*.cloudarch.yaml', '*.cloudarch.yml'], url: './schemas/cloudarch.schema.json' },
    ]);
  });

  it('supports untrusted workspaces: nothing in a workspace is run as code', () => {
    assert.deepStrictEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
  });

  it('keeps the language configuration and the grammar valid JSON', () => {
    const configuration = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8'));
    assert.equal(configuration.comments.lineComment, '#');
    const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'cloudarch.tmLanguage.json'), 'utf8'));
    assert.equal(grammar.scopeName, 'source.cloudarch');
    // Every regular expression must at least compile (Oniguruma is stricter, but this catches typos).
    const patterns: string[] = [];
    JSON.stringify(grammar, (key, value) => {
      if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') patterns.push(value);
      return value;
    });
    for (const pattern of patterns) assert.doesNotThrow(() => new RegExp(pattern.replace(/\\h/g, '[0-9a-fA-F]')), pattern);
  });

  it('ships snippets generated from the current catalog (run `npm run generate`)', () => {
    assert.equal(readFileSync(join(root, SNIPPETS_PATH), 'utf8'), snippetsFileText());
  });
});

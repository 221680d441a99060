/**
 * CloudFormation: Import as Architecture… and Export as Template… in the real editor: the
 * commands read and write files through VS Code, the server converts, and the result is opened.
 * Called with `{ source, target }` instead of the open and save dialogs.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, fixtureUri } from '../helpers';

describe('CloudFormation commands', () => {
  before(activeApi);
  afterEach(closeAllEditors);

  it('imports a template as an architecture file and opens it', async () => {
    const target = vscode.Uri.joinPath(fixtureUri('.'), 'web-stack.cloudarch.yaml');
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    const written = await vscode.commands.executeCommand<vscode.Uri>('cloudarch.importCloudFormation', {
      source: fixtureUri('web-stack.template.yaml').toString(),
      target: target.toString(),
    });
    assert.equal(written?.toString(), target.toString());
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), target.toString());
    assert.equal(editor?.document.languageId, 'cloudarch');
    const text = editor!.document.getText();
    assert.match(text, /# from AWS::EC2::Instance WebServer \(line \d+\)/);
    assert.match(text, /WebRole \(AWS::IAM::Role\)/, 'the unmapped role is listed on top');
    assert.match(text, /instanceType: t3\.small/);
    await vscode.workspace.fs.delete(target);
  });

  it('exports an architecture as a CloudFormation template and opens it', async () => {
    const source = fixtureUri('shop.cloudarch.yaml');
    const target = vscode.Uri.joinPath(fixtureUri('.'), 'shop.template.yaml');
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    const written = await vscode.commands.executeCommand<vscode.Uri>('cloudarch.exportCloudFormation', {
      source: source.toString(),
      target: target.toString(),
    });
    assert.equal(written?.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /AWSTemplateFormatVersion: 2010-09-09|AWSTemplateFormatVersion: "2010-09-09"/);
    assert.match(text, /Type: AWS::EC2::VPC/);
    await vscode.workspace.fs.delete(target);
  });
});

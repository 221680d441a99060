/**
 * `cloudarch/importCloudFormation` and `cloudarch/exportCloudFormation` against the built language
 * server over stdio: what the VS Code commands send and get back.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  exportCloudFormationRequestMethod,
  importCloudFormationRequestMethod,
  type ExportCloudFormationResult,
  type ImportCloudFormationResult,
} from '../../src/protocol/cloudformation';
import { checkTemplateAgainstSpec } from '../unit/cloudformation/spec-check';
import { ServerProcess, documentUri, repositoryRoot } from './server-process';

describe('language server: CloudFormation import and export', function () {
  this.timeout(60_000);
  let server: ServerProcess;

  before(async () => {
    server = new ServerProcess();
    const result = await server.initialize();
    const requests = (result.capabilities.experimental as { cloudarch: { requests: string[] } }).cloudarch.requests;
    assert.ok(requests.includes(importCloudFormationRequestMethod) && requests.includes(exportCloudFormationRequestMethod));
  });

  after(async () => {
    await server.stop();
  });

  it('imports a template it is sent, naming what it did not map', async () => {
    const file = join(repositoryRoot, 'test', 'fixtures', 'cloudformation', 'public', 'autoscaling-multi-az-alb.yaml');
    const result = await server.request<ImportCloudFormationResult>(importCloudFormationRequestMethod, {
      uri: 'file:///work/autoscaling-multi-az-alb.yaml',
      text: readFileSync(file, 'utf8'),
    });
    assert.ok(result.ok);
    assert.match(result.text, /# Imported from autoscaling-multi-az-alb\.yaml/);
    assert.match(result.summary, /^4 resources imported, 5 folded into them, 3 not mapped/);
    assert.deepEqual(
      result.unmapped.map((entry) => entry.logicalId),
      ['NotificationTopic', 'CPUAlarmHigh', 'CPUAlarmLow'],
    );
  });

  it('answers a template it cannot read with the message and its position', async () => {
    const result = await server.request<ImportCloudFormationResult>(importCloudFormationRequestMethod, {
      uri: 'file:///work/bad.yaml',
      text: 'Resources:\n  A:\n    Properties: {}\n',
    });
    assert.deepEqual(result, { ok: false, message: "the resource 'A' has no `Type` string.", line: 2, column: 3 });
  });

  it('exports an open architecture to a template the specification accepts, and refuses one with errors', async () => {
    const uri = documentUri('export-three-tier.cloudarch.yaml');
    await server.open(uri, readFileSync(join(repositoryRoot, 'examples', 'three-tier-web.cloudarch.yaml'), 'utf8'));
    const result = await server.request<ExportCloudFormationResult>(exportCloudFormationRequestMethod, { uri });
    assert.ok(result.ok);
    assert.deepEqual(checkTemplateAgainstSpec(parse(result.text) as Record<string, unknown>), []);
    assert.ok(result.notes.some((note) => note.startsWith('Parameters to give at deploy time')));

    const broken = documentUri('export-broken.cloudarch.yaml');
    await server.open(broken, 'cloudarch: "1"\nname: Broken\nresources:\n  a:\n    type: aws.ec2.instance\n');
    const refused = await server.request<ExportCloudFormationResult>(exportCloudFormationRequestMethod, { uri: broken });
    assert.equal(refused.ok, false);
    const closed = await server.request<ExportCloudFormationResult>(exportCloudFormationRequestMethod, {
      uri: documentUri('never-opened.cloudarch.yaml'),
    });
    assert.deepEqual(closed, { ok: false, message: 'the architecture is not open in the editor.' });
  });
});

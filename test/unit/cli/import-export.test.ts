/**
 * `cloudarch import` and `cloudarch export --to cloudformation` end to end, through the built CLI:
 * the files written, what goes to stdout and stderr, and every exit status.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkTemplateAgainstSpec } from '../cloudformation/spec-check';
import { buildCli, cliRunner } from './cli-helpers';

const publicTemplates = 'test/fixtures/cloudformation/public';

const run = cliRunner(60_000);

describe('cli: cloudarch import and export --to cloudformation', function () {
  this.timeout(120_000);
  let folder: string;

  before(() => {
    buildCli();
    folder = mkdtempSync(join(tmpdir(), 'cloudarch-cfn-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('imports a template to a file that validates, with the report on stderr', () => {
    const out = join(folder, 'alb.cloudarch.yaml');
    const result = run('import', `${publicTemplates}/autoscaling-multi-az-alb.yaml`, '-o', out);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /4 resources imported, 5 folded into them, 3 not mapped/);
    assert.match(result.stderr, /not mapped: NotificationTopic \(AWS::SNS::Topic\)/);
    assert.equal(run('validate', out).status, 0);
    assert.match(readFileSync(out, 'utf8'), /# from AWS::AutoScaling::AutoScalingGroup WebServerGroup/);
  });

  it('passes --param values to the template, and refuses malformed or unknown ones', () => {
    const result = run('import', `${publicTemplates}/ec2-instance-with-security-group.yaml`, '--param', 'InstanceType=m5.large');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /instanceType: m5\.large/);
    assert.equal(run('import', `${publicTemplates}/ec2-instance-with-security-group.yaml`, '--param', 'InstanceType').status, 3);
    const unknown = run('import', `${publicTemplates}/ec2-instance-with-security-group.yaml`, '--param', 'Nope=1');
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /--param Nope: the template has no parameter 'Nope'/);
  });

  it('reports a template it cannot read with its file, line and column, status 1; a missing file is status 3', () => {
    const rain = run('import', `${publicTemplates}/apigateway-lambda-rain.yaml`);
    assert.equal(rain.status, 1);
    assert.match(rain.stderr, /apigateway-lambda-rain\.yaml:108:31: error: unknown tag '!Rain::Embed'/);
    const architecture = run('import', 'examples/static-site.cloudarch.yaml');
    assert.equal(architecture.status, 1);
    assert.match(architecture.stderr, /this is a CloudArch architecture/);
    assert.equal(run('import', 'no/such/template.yaml').status, 3);
    assert.equal(run('import').status, 3);
  });

  it('exports an example to a template that the specification accepts', () => {
    const result = run('export', 'examples/three-tier-web.cloudarch.yaml', '--to', 'cloudformation');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(checkTemplateAgainstSpec(parse(result.stdout) as Record<string, unknown>), []);
    assert.match(result.stderr, /exported 12 resources/);
    const out = join(folder, 'three-tier.yaml');
    assert.equal(run('export', 'examples/three-tier-web.cloudarch.yaml', '--to', 'cloudformation', '-o', out).status, 0);
    assert.equal(readFileSync(out, 'utf8'), result.stdout);
  });

  it('refuses an unknown format, diagram options, a missing --to and a file with errors', () => {
    const other = run('export', 'examples/three-tier-web.cloudarch.yaml', '--to', 'pdf');
    assert.equal(other.status, 3);
    assert.match(other.stderr, /cloudformation/);
    const themed = run('export', 'examples/three-tier-web.cloudarch.yaml', '--to', 'cloudformation', '--theme', 'dark');
    assert.equal(themed.status, 3);
    assert.match(themed.stderr, /--theme and --scale apply to the diagram formats/);
    assert.equal(run('export', 'examples/three-tier-web.cloudarch.yaml').status, 3);
    const broken = run('export', 'test/fixtures/validate/dependency-cycle.cloudarch.yaml', '--to', 'cloudformation');
    assert.equal(broken.status, 1, broken.stderr);
    assert.match(broken.stderr, /fix (it|them) before exporting/);
    assert.equal(broken.stdout, '');
  });
});

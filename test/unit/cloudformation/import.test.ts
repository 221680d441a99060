/**
 * Import of real public templates (test/fixtures/cloudformation/public, sources in SOURCES.md):
 * each imports without error, the architecture validates with no error and evaluates, every
 * template resource is accounted for (mapped, folded into another, or listed as not mapped, never
 * dropped), and the mapped and unmapped resources are those `expected.json` states.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importCloudFormation } from '../../../src/cloudformation/import';
import { readTemplate } from '../../../src/cloudformation/template';
import { parseArchitecture } from '../../../src/core/parse';
import { evaluateAll } from '../../../src/evaluate';

const folder = join(__dirname, '..', '..', 'fixtures', 'cloudformation', 'public');
const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<
  string,
  { mapped: Record<string, string>; unmapped: string[] }
>;
const templates = readdirSync(folder).filter(
  (file) => /\.(ya?ml|json)$/.test(file) && file !== 'expected.json' && file !== 'apigateway-lambda-rain.yaml',
);

describe('CloudFormation import of public templates', () => {
  it('has an expectation for every template and a dozen templates or more', () => {
    assert.deepEqual(
      templates.filter((file) => expected[file] === undefined),
      [],
    );
    assert.ok(templates.length >= 12, `${templates.length} templates`);
  });

  for (const file of templates) {
    describe(file, () => {
      const text = readFileSync(join(folder, file), 'utf8');
      const result = importCloudFormation(text, { sourceName: file });
      const doc = parseArchitecture(result.text);

      it('validates with no error', () => {
        const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
        assert.deepEqual(
          errors.map((error) => `${error.range.start.line + 1}: ${error.message}`),
          [],
        );
      });

      it('evaluates to finite availability and cost', () => {
        const evaluation = evaluateAll(doc, { monteCarloSamples: 0 });
        assert.ok(
          Number.isFinite(evaluation.availability!.percent) &&
            evaluation.availability!.percent > 0 &&
            evaluation.availability!.percent <= 100,
        );
        assert.ok(Number.isFinite(evaluation.cost!.monthlyUSD) && evaluation.cost!.monthlyUSD >= 0);
        assert.ok(evaluation.security !== undefined);
      });

      it('maps and leaves unmapped the resources expected.json states', () => {
        const mapped = Object.fromEntries(result.report.mapped.map((entry) => [entry.logicalId, entry.type]));
        assert.deepEqual(mapped, expected[file]!.mapped);
        assert.deepEqual(result.report.unmapped.map((entry) => entry.logicalId).sort(), expected[file]!.unmapped);
      });

      it('accounts for every template resource (mapped, folded in, unmapped or skipped by its condition)', () => {
        const ids = Object.keys(readTemplate(text).value.Resources as object);
        const accounted = new Set(
          [...result.report.mapped, ...result.report.absorbed, ...result.report.unmapped, ...result.report.skipped].map(
            (entry) => entry.logicalId,
          ),
        );
        assert.deepEqual(
          ids.filter((id) => !accounted.has(id)),
          [],
        );
      });

      it('names the template resource of every architecture resource, and lists the unmapped ones on top', () => {
        for (const entry of result.report.mapped) {
          if (entry.logicalId.startsWith('Serverless')) continue;
          assert.match(
            result.text,
            new RegExp(`# from ${entry.cfnType.replace(/[:]/g, '\\$&')} ${entry.logicalId} \\(line \\d+\\)\\n(  #.*\\n)*  ${entry.name}:`),
          );
          assert.match(entry.name, /^[a-z][a-z0-9-]{0,62}$/);
        }
        const header = result.text.slice(0, result.text.indexOf('cloudarch:'));
        for (const entry of result.report.unmapped)
          assert.ok(header.includes(`${entry.logicalId} (${entry.cfnType})`), `${entry.logicalId} is listed`);
      });
    });
  }

  it('reads what the templates say: subnets as zones and tiers, listeners, targets, replicas, SAM events', () => {
    const read = (file: string) =>
      parseArchitecture(importCloudFormation(readFileSync(join(folder, file), 'utf8'), { sourceName: file }).text);
    const alb = read('autoscaling-multi-az-alb.yaml').resourceByName.get('elastic-load-balancer')!;
    assert.deepEqual(alb.props.targets, ['web-server-group']);
    assert.deepEqual(alb.props.listeners, [
      { port: 443, protocol: 'HTTPS', sslPolicy: 'ELBSecurityPolicy-2016-08', certificate: 'certificate' },
    ]);
    const vpc = read('ecs-fargate-public-vpc.yaml').resourceByName.get('public-load-balancer')!;
    assert.deepEqual([vpc.props.zones, vpc.props.subnet], [['a', 'b'], 'public']);
    const replica = read('rds-mysql-read-replica.yaml').resourceByName.get('replica-db')!;
    assert.equal(replica.props.replicaOf, 'main-db');
    const sam = read('sam-crud-simpletable.yaml');
    assert.deepEqual(sam.resourceByName.get('serverless-rest-api')!.props.integrations, [
      'get-function',
      'put-function',
      'delete-function',
    ]);
    assert.deepEqual(sam.resourceByName.get('get-function')!.props.connectsTo, ['table']);
    const efs = read('efs-automount-ec2.yaml');
    assert.deepEqual(efs.resourceByName.get('auto-scaling-group')!.props.fileSystems, ['efs-file-system']);
    const nat = read('vpc-managed-nat-private-subnet.yaml');
    assert.deepEqual(
      nat.resources
        .filter((resource) => resource.type === 'aws.vpc.nat-gateway')
        .map((resource) => [resource.props.zones, resource.props.subnet]),
      [
        [['a'], 'public'],
        [['b'], 'public'],
      ],
    );
  });
});

/**
 * Export of every example: the template is valid against the CloudFormation resource
 * specification (spec-check.ts), says no secret, and imported back gives the same verdicts:
 * system availability, monthly cost and the set of finding rule ids per resource. The one kind of
 * difference allowed is the safe defaults the export adds where a design leaves a setting open,
 * and the test states each one.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exportCloudFormation } from '../../../src/cloudformation/export';
import { importCloudFormation } from '../../../src/cloudformation/import';
import { parseArchitecture } from '../../../src/core/parse';
import { evaluateAll } from '../../../src/evaluate';
import { allResourceTypes } from '../../../src/model/catalog';
import { cloudFormationTypes } from '../../../src/model/cloudformation-types';
import { checkTemplateAgainstSpec } from './spec-check';

const root = join(__dirname, '..', '..', '..');
const examples = readdirSync(join(root, 'examples'))
  .filter((file) => file.endsWith('.cloudarch.yaml'))
  .map((file) => join('examples', file));
/** Every catalog type the examples do not use, with every security setting stated. */
const designs = [...examples, join('test', 'fixtures', 'cloudformation', 'designs', 'every-other-type.cloudarch.yaml')];

function verdicts(text: string): { availability: number; cost: number; findings: string[] } {
  const doc = parseArchitecture(text);
  const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  assert.deepEqual(
    errors.map((error) => `${error.range.start.line + 1}: ${error.message}`),
    [],
  );
  const evaluation = evaluateAll(doc, { monteCarloSamples: 0 });
  return {
    availability: evaluation.availability!.percent,
    cost: Math.round(evaluation.cost!.monthlyUSD * 100) / 100,
    findings: [...new Set(evaluation.security!.findings.map((finding) => `${finding.resource}:${finding.ruleId}`))].sort(),
  };
}

describe('CloudFormation export', () => {
  it('every catalog type has a row in the CloudFormation mapping table, and every type named there exists', () => {
    assert.deepEqual(
      allResourceTypes()
        .map((def) => def.id)
        .filter((id) => cloudFormationTypes[id] === undefined),
      [],
    );
    const template = {
      Resources: Object.fromEntries(
        Object.values(cloudFormationTypes)
          .flatMap((mapping) => [mapping.primary, ...(mapping.parts ?? []), ...(mapping.alsoImportedFrom ?? [])])
          .filter((type): type is string => type !== undefined && !type.startsWith('AWS::Serverless::'))
          .map((type, index) => [`R${index}`, { Type: type }]),
      ),
    };
    const unknownTypes = checkTemplateAgainstSpec(template).filter((problem) =>
      problem.message.includes('is not a CloudFormation resource type'),
    );
    assert.deepEqual(unknownTypes, []);
  });

  it('docs/cloudformation.md names every catalog type in its mapping', () => {
    const doc = readFileSync(join(root, 'docs', 'cloudformation.md'), 'utf8');
    assert.deepEqual(
      allResourceTypes()
        .map((def) => def.id)
        .filter((id) => !doc.includes(`\`${id}\``)),
      [],
    );
  });

  it('covers every catalog type between the examples and the every-other-type design', () => {
    const used = new Set(
      designs.flatMap((file) => parseArchitecture(readFileSync(join(root, file), 'utf8')).resources.map((resource) => resource.type)),
    );
    assert.deepEqual(
      allResourceTypes()
        .map((def) => def.id)
        .filter((id) => !used.has(id)),
      [],
    );
  });

  for (const file of designs) {
    describe(file, () => {
      const text = readFileSync(join(root, file), 'utf8');
      const exported = exportCloudFormation(parseArchitecture(text));

      it('is valid against the CloudFormation resource specification', () => {
        assert.deepEqual(checkTemplateAgainstSpec(exported.template), []);
        assert.deepEqual(parse(exported.text), exported.template, 'the YAML text is the template');
      });

      it('writes no secret: database passwords are managed by RDS, images come from the SSM parameter', () => {
        assert.doesNotMatch(exported.text, /(?<!Manage)MasterUserPassword|MasterUserSecret/);
        const parameters = (exported.template.Parameters ?? {}) as Record<string, { Type: string; Default?: unknown }>;
        if (parameters.LatestAmiId !== undefined)
          assert.equal(parameters.LatestAmiId.Type, 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>');
        for (const [name, parameter] of Object.entries(parameters))
          assert.ok(!/password|secret/i.test(name) || parameter.Default === undefined, name);
      });

      it('imports back to the same availability, cost and findings per resource', () => {
        const original = verdicts(text);
        const back = verdicts(importCloudFormation(exported.text, { sourceName: file }).text);
        assert.equal(exported.report.safeDefaults.length, 0, 'the examples state every setting the safe defaults cover');
        assert.equal(back.availability, original.availability);
        assert.equal(back.cost, original.cost);
        assert.deepEqual(back.findings, original.findings);
      });
    });
  }

  it('fills settings a design leaves open with safe values, and the round trip differs by exactly the findings they fix', () => {
    const text = readFileSync(join(root, 'test', 'fixtures', 'cloudformation', 'designs', 'open-defaults.cloudarch.yaml'), 'utf8');
    const exported = exportCloudFormation(parseArchitecture(text));
    assert.deepEqual(checkTemplateAgainstSpec(exported.template), []);
    assert.deepEqual(exported.report.safeDefaults.map((item) => `${item.resource}.${item.property}=${String(item.value)}`).sort(), [
      'app.imdsv2=required',
      'app.volumes[0].encrypted=true',
      'db.encrypted=true',
      'files.encrypted=true',
    ]);
    const original = verdicts(text);
    const back = verdicts(importCloudFormation(exported.text).text);
    assert.equal(back.availability, original.availability);
    assert.equal(back.cost, original.cost);
    // The explicit, explained difference: each finding the design has and the template does not.
    const fixedBySafeDefaults = [
      'app:CA-ASG-002', // app.imdsv2 = required: IMDSv2 tokens on the group's instances
      'app:CA-EC2-003', // app.volumes[0].encrypted = true: the inline EBS volume is encrypted
      'db:CA-RDS-002', // db.encrypted = true: RDS storage encrypted at rest
      'files:CA-EFS-001', // files.encrypted = true: EFS encrypted at rest
    ];
    assert.deepEqual(
      original.findings.filter((finding) => !back.findings.includes(finding)),
      fixedBySafeDefaults,
    );
    assert.deepEqual(
      back.findings.filter((finding) => !original.findings.includes(finding)),
      [],
    );
  });

  it('builds the network the design needs: public and private subnets per zone, route tables, NAT gateways for private compute', () => {
    const exported = exportCloudFormation(parseArchitecture(readFileSync(join(root, 'examples', 'three-tier-web.cloudarch.yaml'), 'utf8')));
    const resources = exported.template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const count = (type: string): number => Object.values(resources).filter((resource) => resource.Type === type).length;
    assert.equal(count('AWS::EC2::VPC'), 1);
    assert.equal(count('AWS::EC2::Subnet'), 4);
    assert.equal(count('AWS::EC2::InternetGateway'), 1);
    assert.equal(count('AWS::EC2::NatGateway'), 2);
    assert.equal(resources.WebLaunchTemplate!.Properties.LaunchTemplateData !== undefined, true);
    assert.deepEqual((resources.Db!.Properties as Record<string, unknown>).ManageMasterUserPassword, true);
    assert.ok(Object.keys(exported.template.Outputs as object).includes('CdnDomainName'));
  });
  it('keeps in the metadata only what the template does not express, however many origins lack an address', () => {
    // Each custom origin without a CloudFormation address takes `origins` off the expressed list;
    // the second one used to take off the list's last name (`geoRestriction`) instead.
    const exported = exportCloudFormation(
      parseArchitecture(
        [
          'cloudarch: "1"',
          'name: x',
          'resources:',
          '  cdn:',
          '    type: aws.cloudfront.distribution',
          '    origins: [web-a, web-b]',
          '    geoRestriction: true',
          '  web-a:',
          '    type: external.onprem-server',
          '  web-b:',
          '    type: external.onprem-server',
          '',
        ].join('\n'),
      ),
    );
    const cdn = (exported.template.Resources as Record<string, { Metadata: Record<string, { properties?: object }> }>).Cdn!;
    assert.deepEqual(cdn.Metadata.CloudArch!.properties, { origins: ['web-a', 'web-b'] });
  });
});

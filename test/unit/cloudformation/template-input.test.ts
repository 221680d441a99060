/**
 * What the import does with the template's logic (parameters, conditions, mappings, intrinsic
 * functions) and with bad input: text that is not CloudFormation, malformed YAML or JSON, and
 * hostile templates get a clear error with a line and column, never a crash or a hang.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError, importCloudFormation } from '../../../src/cloudformation/import';
import { TemplateError } from '../../../src/cloudformation/template';
import { parseArchitecture } from '../../../src/core/parse';

function imported(template: string, params: Record<string, string> = {}) {
  const result = importCloudFormation(template, { params });
  return { ...result, doc: parseArchitecture(result.text) };
}

function failsWith(template: string, pattern: RegExp, line?: number): void {
  assert.throws(
    () => importCloudFormation(template),
    (error: unknown) => {
      assert.ok(error instanceof TemplateError || error instanceof ImportError, `a located error, not ${String(error)}`);
      assert.match(error.message, pattern);
      if (line !== undefined) assert.equal(error.line, line);
      return true;
    },
  );
}

const withLogic = `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: { Type: String, Default: dev, AllowedValues: [dev, prod] }
  Size: { Type: Number, Default: 20 }
Mappings:
  Classes:
    dev: { db: db.t3.micro }
    prod: { db: db.r5.large }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: !FindInMap [Classes, !Ref Env, db]
      MultiAZ: !If [IsProd, true, false]
      AllocatedStorage: !Ref Size
      AvailabilityZone: !Select [1, !GetAZs ""]
      StorageEncrypted: true
  DevBucket:
    Type: AWS::S3::Bucket
    Condition: NotProd
    Properties:
      BucketName: !Sub "\${Env}-bucket"
      Tags:
        - Key: Name
          Value: !Join ["-", [!Ref Env, bucket]]
`;

describe('CloudFormation import: template logic', () => {
  it('takes parameter defaults, looks up mappings, evaluates conditions and picks zones from Fn::GetAZs', () => {
    const { doc, report } = imported(withLogic);
    const db = doc.resourceByName.get('db')!;
    assert.equal(db.props.instanceClass, 'db.t3.micro');
    assert.equal(db.props.multiAZ, false);
    assert.deepEqual(db.props.zones, ['b']);
    assert.deepEqual(db.props.storage, { sizeGB: 20 });
    assert.ok(doc.resourceByName.has('dev-bucket'));
    assert.deepEqual(report.skipped, []);
  });

  it('uses --param values over defaults, and leaves out resources whose condition is false', () => {
    const { doc, report } = imported(withLogic, { Env: 'prod', Size: '100' });
    const db = doc.resourceByName.get('db')!;
    assert.equal(db.props.instanceClass, 'db.r5.large');
    assert.equal(db.props.multiAZ, true);
    assert.deepEqual(db.props.storage, { sizeGB: 100 });
    assert.ok(!doc.resourceByName.has('dev-bucket'));
    assert.deepEqual(report.skipped, [{ logicalId: 'DevBucket', cfnType: 'AWS::S3::Bucket', condition: 'NotProd' }]);
  });

  it('refuses a --param the template does not declare', () => {
    assert.throws(() => importCloudFormation(withLogic, { params: { Nope: '1' } }), /--param Nope: the template has no parameter 'Nope'/);
  });

  it('reads JSON templates and the long forms of intrinsic functions', () => {
    const json = JSON.stringify({
      Resources: {
        Sg: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: {
            GroupDescription: 'web',
            SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: { 'Fn::Join': ['', ['0.0.0.0', '/0']] } }],
          },
        },
      },
    });
    const { doc } = imported(json);
    assert.deepEqual(doc.resourceByName.get('sg')!.props.ingress, [{ port: 443, protocol: 'tcp', from: '0.0.0.0/0' }]);
  });

  it('turns a security group rule between groups into a connection, and a parameter without a value into a stated assumption', () => {
    const template = `
Parameters:
  Type: { Type: String }
Resources:
  Web: { Type: AWS::EC2::Instance, Properties: { InstanceType: !Ref Type, SecurityGroupIds: [!Ref WebSg] } }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, DBInstanceClass: db.t3.micro, VPCSecurityGroups: [!GetAtt DbSg.GroupId] } }
  WebSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: web } }
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 3306, ToPort: 3306, SourceSecurityGroupId: !Ref WebSg }]
`;
    const { doc, report } = imported(template);
    assert.deepEqual(doc.resourceByName.get('web')!.props.connectsTo, ['db:3306']);
    assert.equal(doc.resourceByName.get('web')!.props.instanceType, 't3.micro');
    assert.ok(report.notes.some((note) => note.includes('Parameter Type has no default')));
  });
});

describe('CloudFormation import: bad and hostile input', () => {
  it('says when the text is a CloudArch architecture, not a template', () => {
    failsWith(
      readFileSync(join(__dirname, '..', '..', '..', 'examples', 'static-site.cloudarch.yaml'), 'utf8'),
      /this is a CloudArch architecture/,
    );
  });

  it('says when there is no Resources section, or the text is not a map', () => {
    failsWith('AWSTemplateFormatVersion: "2010-09-09"\nDescription: nothing\n', /no `Resources` section/);
    failsWith('- a\n- b\n', /not a map/, 1);
    failsWith('', /empty/);
  });

  it('locates malformed YAML and JSON', () => {
    failsWith('Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: [unclosed\n', /line 4|line 5/);
    failsWith('{ "Resources": { "A": { "Type": "AWS::S3::Bucket" }\n', /Flow map.*end with a \}/, 2);
    failsWith('Resources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::S3::Bucket\n', /unique|duplicate/i, 4);
  });

  it('locates a resource without a Type, a bad logical id and an unknown tag', () => {
    failsWith('Resources:\n  A:\n    Properties: {}\n', /resource 'A' has no `Type`/, 2);
    failsWith('Resources:\n  my-bucket:\n    Type: AWS::S3::Bucket\n', /not alphanumeric/, 2);
    failsWith(
      readFileSync(join(__dirname, '..', '..', 'fixtures', 'cloudformation', 'public', 'apigateway-lambda-rain.yaml'), 'utf8'),
      /unknown tag '!Rain::Embed'/,
      108,
    );
  });

  it('locates intrinsic functions that name nothing, and conditions that refer to themselves', () => {
    failsWith(
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::S3::BucketPolicy\n    Properties: { Bucket: !Ref Missing }\n',
      /B: Ref 'Missing' names no parameter/,
      4,
    );
    failsWith('Conditions:\n  C: !Condition C\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Condition: C\n', /refers to itself/, 4);
    failsWith('Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: !GetAtt NoDot }\n', /Resource\.Attribute/);
  });

  it('refuses hostile templates quickly: deep nesting, alias bombs, huge input, too many resources', () => {
    const started = Date.now();
    failsWith(`Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, /nests deeper/);
    const bomb = ['Resources:', '  A:', '    Type: AWS::S3::Bucket', '    Metadata:', '      a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 10; level++)
      bomb.push(
        `      ${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(', ')}]`,
      );
    failsWith(bomb.join('\n'), /aliases/);
    failsWith(`Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Metadata: "${'x'.repeat(11 * 1024 * 1024)}"\n`, /templates over/);
    const many = ['Resources:'];
    for (let index = 0; index < 2500; index++) many.push(`  B${index}: { Type: AWS::S3::Bucket }`);
    failsWith(many.join('\n'), /2500 resources/);
    const joins = [
      'Parameters:',
      '  P0: { Type: String, Default: x }',
      'Resources:',
      '  A:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: !Join',
      '        - ""',
    ];
    const wide = `        - [${Array(2000).fill('!Join ["", [!Ref P0, !Ref P0, !Ref P0, !Ref P0]]').join(', ')}]`;
    for (let copy = 0; copy < 1; copy++) joins.push(wide);
    assert.doesNotThrow(() => importCloudFormation(joins.join('\n')));
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });
});

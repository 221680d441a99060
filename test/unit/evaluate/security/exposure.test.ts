/**
 * Exposure analysis against fixtures: each `*.cloudarch.yaml` under fixtures/security/exposure has a
 * sibling `*.expected.json` listing every exposure path (`resource:port > ...`) and the CA-NET
 * findings, so a change in how security groups are followed shows up as a diff of paths.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../../src/core';
import { evaluateSecurity } from '../../../../src/evaluate/security';
import { admits, findExposurePaths } from '../../../../src/evaluate/security/exposure';
import type { ExposurePath } from '../../../../src/evaluate/types';

const folder = join(__dirname, '..', '..', '..', 'fixtures', 'security', 'exposure');

interface Expected {
  readonly paths: readonly string[];
  readonly findings: readonly { readonly ruleId: string; readonly resource: string }[];
}

function pathText(path: ExposurePath): string {
  return path.hops.map((hop) => (hop.port === undefined ? hop.resource : `${hop.resource}:${hop.port}`)).join(' > ');
}

describe('security exposure analysis', () => {
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.cloudarch.yaml'))
    .sort()) {
    it(`${file}: every path from the internet to a data store, port by port`, () => {
      const doc = parseArchitecture(readFileSync(join(folder, file), 'utf8'));
      assert.deepEqual(
        doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.message),
        [],
      );
      const expected = JSON.parse(readFileSync(join(folder, file.replace('.cloudarch.yaml', '.expected.json')), 'utf8')) as Expected;
      const result = evaluateSecurity(doc);
      assert.deepEqual(result.exposurePaths.map(pathText), expected.paths);
      const net = result.findings.filter((item) => item.ruleId.startsWith('CA-NET-'));
      assert.deepEqual(
        net.map((item) => ({ ruleId: item.ruleId, resource: item.resource })),
        expected.findings.map((item) => ({ ruleId: item.ruleId, resource: item.resource })),
      );
      for (const item of net) {
        // The finding points at the data store's name and carries the shortest path, ending at the store.
        assert.deepEqual(item.range, doc.resourceByName.get(item.resource)!.nameRange);
        assert.equal(item.exposurePath?.[item.exposurePath.length - 1]?.resource, item.resource);
        assert.match(item.message, new RegExp(`\`${item.resource}\``));
      }
    });
  }

  it("admits a hop only on a port an ingress rule covers, from the sender's group or a CIDR", () => {
    const doc = parseArchitecture(
      [
        'cloudarch: "1"',
        'name: admission',
        'resources:',
        '  app:',
        '    type: aws.ecs.service',
        '    securityGroups: [app-sg]',
        '  other:',
        '    type: aws.ecs.service',
        '    securityGroups: [other-sg]',
        '  app-sg:',
        '    type: aws.ec2.security-group',
        '  other-sg:',
        '    type: aws.ec2.security-group',
        '  db:',
        '    type: aws.rds.instance',
        '    engine: postgres',
        '    instanceClass: db.r5.large',
        '    securityGroups: [db-sg]',
        '  db-sg:',
        '    type: aws.ec2.security-group',
        '    ingress:',
        '      - { port: 5432, protocol: tcp, from: app-sg, description: app }',
        '      - { port: 8000-8100, protocol: tcp, from: 10.0.0.0/8, description: vpc range }',
        '',
      ].join('\n'),
    );
    const db = doc.resourceByName.get('db')!;
    const app = { kind: 'resource' as const, resource: doc.resourceByName.get('app')! };
    const other = { kind: 'resource' as const, resource: doc.resourceByName.get('other')! };
    assert.equal(admits(doc, db, app, 5432), true);
    assert.equal(admits(doc, db, app, 3306), false);
    assert.equal(admits(doc, db, other, 5432), false);
    assert.equal(admits(doc, db, other, 8050), true, 'a VPC CIDR admits resources inside the VPC');
    assert.equal(admits(doc, db, { kind: 'internet' }, 8050), false, 'but not the internet');
  });

  it('stops at 500 paths in a densely connected file (docs/evaluation.md, "Bounds")', () => {
    // Six services behind a load balancer, each calling every other and the database: 1,956 simple
    // paths lead to the database, far more than the search keeps.
    const services = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const doc = parseArchitecture(
      [
        'cloudarch: "1"',
        'name: dense',
        'resources:',
        '  lb:',
        '    type: aws.elb.application',
        '    scheme: internet-facing',
        '    zones: [a, b]',
        `    targets: [${services.join(', ')}]`,
        ...services.flatMap((name) => [
          `  ${name}:`,
          '    type: aws.ecs.service',
          `    connectsTo: [${[...services.filter((other) => other !== name), 'db'].join(', ')}]`,
        ]),
        '  db:',
        '    type: aws.dynamodb.table',
        '',
      ].join('\n'),
    );
    const paths = findExposurePaths(doc);
    assert.equal(paths.length, 500);
    assert.equal(pathText(paths[0]!), 'lb:443 > s1 > db:443', 'shortest first');
    assert.equal(new Set(paths.map(pathText)).size, 500, 'no path twice');
  });

  it('gives a hop whose port the file does not say no port at all (not an undefined one)', () => {
    const doc = parseArchitecture(
      [
        'cloudarch: "1"',
        'name: portless hop',
        'resources:',
        '  lb:',
        '    type: aws.elb.application',
        '    scheme: internet-facing',
        '    zones: [a, b]',
        '    targets: [app]',
        '  app:',
        '    type: aws.ecs.service',
        '    connectsTo: [vault]',
        '  vault:',
        '    type: aws.dynamodb.table',
        '',
      ].join('\n'),
    );
    assert.deepStrictEqual(findExposurePaths(doc), [
      {
        dataStore: 'vault',
        entry: 'load-balancer',
        hops: [{ resource: 'lb', port: 443 }, { resource: 'app' }, { resource: 'vault', port: 443 }],
      },
    ]);
  });
});

/**
 * SARIF 2.1.0 output: validated with ajv against the official OASIS schema (sarif-2.1.0-rtm.5, a
 * JSON Schema draft-04 document shipped by the @microsoft/jest-sarif package), against a stricter
 * subset of our own in fixtures/security (no unknown properties), and checked for what GitHub code
 * scanning reads: rule metadata, security-severity, 1-based regions and fixes.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { parseArchitecture } from '../../../../src/core';
import { evaluateSecurity, toSarif } from '../../../../src/evaluate/security';
import { DEFAULT_RULES_DOC_URI } from '../../../../src/evaluate/security/sarif';
import { securityRules } from '../../../../src/evaluate/security/registry';

const fixtures = join(__dirname, '..', '..', '..', 'fixtures', 'security');
const schema = JSON.parse(readFileSync(join(fixtures, 'sarif-2.1.0-subset.schema.json'), 'utf8')) as object;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  return ajv.compile(schema);
}

/** The official SARIF 2.1.0 schema. Its patterns were written for non-unicode regex engines, so ajv's unicode mode is off. */
function officialValidator() {
  const official = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as {
    $schema?: string;
    id?: string;
  };
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
  return ajv.compile(official);
}

function evaluated(file: string) {
  const doc = parseArchitecture(readFileSync(join(fixtures, file), 'utf8'));
  return { file: `infra/${file.split('/').pop()}`, doc, security: evaluateSecurity(doc) };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
  fixes?: { artifactChanges: { replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[];
}

type SarifLog = {
  runs: { tool: { driver: { name: string; rules: { id: string; properties: Record<string, unknown> }[] } }; results: SarifResult[] }[];
};

/**
 * The evaluated inputs and their SARIF log. Each test makes its own, never the describe block while
 * the file loads: mutation testing tells which test covers which code only for code run inside a test.
 */
function sarifLog(): { readonly inputs: ReturnType<typeof evaluated>[]; readonly log: SarifLog } {
  const inputs = [
    evaluated('exposure/three-tier.cloudarch.yaml'),
    evaluated('rules/CA-SG-001.fail.cloudarch.yaml'),
    evaluated('rules/CA-RDS-001.fail.cloudarch.yaml'),
  ];
  return { inputs, log: toSarif(inputs, '0.1.0') as SarifLog };
}

describe('security SARIF output', () => {
  it('is valid against the SARIF 2.1.0 schema subset', () => {
    const { log } = sarifLog();
    const validate = validator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });

  it('is valid against the official SARIF 2.1.0 schema (OASIS sarif-2.1.0-rtm.5)', () => {
    const { log } = sarifLog();
    const validate = officialValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });

  it('the official schema rejects a result level SARIF does not define (the check can fail)', () => {
    const { log } = sarifLog();
    const validate = officialValidator();
    const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: Record<string, unknown>[] }[] };
    broken.runs[0]!.results[0]!.level = 'critical';
    assert.equal(validate(broken), false);
  });

  it('the schema subset rejects what SARIF forbids (the check can fail)', () => {
    const { log } = sarifLog();
    const validate = validator();
    const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: Record<string, unknown>[] }[] };
    broken.runs[0]!.results[0]!.level = 'critical';
    assert.equal(validate(broken), false);
    const zeroLine = JSON.parse(JSON.stringify(log)) as typeof log;
    zeroLine.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    assert.equal(validate(zeroLine), false);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rulez: [] } } }] }), false);
  });

  it("describes every rule once, with GitHub's security-severity and the scanners' ids as tags", () => {
    const { log } = sarifLog();
    const driver = log.runs[0]!.tool.driver;
    assert.equal(driver.name, 'CloudArch');
    assert.deepEqual(
      driver.rules.map((rule) => rule.id),
      securityRules.map((rule) => rule.id),
    );
    const sshRule = driver.rules.find((rule) => rule.id === 'CA-SG-001')!;
    assert.equal(sshRule.properties['security-severity'], '8.0');
    assert.ok((sshRule.properties.tags as string[]).includes('checkov:CKV_AWS_24'));
    assert.ok((sshRule.properties.tags as string[]).includes('security-hub:EC2.13'));
  });

  it('gives one result per finding, with the rule index, level and a 1-based region', () => {
    const { inputs, log } = sarifLog();
    const results = log.runs[0]!.results;
    assert.equal(
      results.length,
      inputs.reduce((sum, input) => sum + input.security.findings.length, 0),
    );
    const ssh = results.find((result) => result.ruleId === 'CA-SG-001')!;
    assert.equal(log.runs[0]!.tool.driver.rules[ssh.ruleIndex]!.id, 'CA-SG-001');
    assert.equal(ssh.level, 'error');
    const location = ssh.locations[0]!.physicalLocation;
    assert.equal(location.artifactLocation.uri, 'infra/CA-SG-001.fail.cloudarch.yaml');
    const finding = inputs[1]!.security.findings.find((item) => item.ruleId === 'CA-SG-001')!;
    assert.deepEqual(location.region, {
      startLine: finding.range.start.line + 1,
      startColumn: finding.range.start.character + 1,
      endLine: finding.range.end.line + 1,
      endColumn: finding.range.end.character + 1,
    });
    assert.equal(ssh.fixes?.[0]?.artifactChanges[0]?.replacements[0]?.insertedContent.text.replace(/["']/g, ''), '10.0.0.0/8');
  });
});

/**
 * What a SARIF viewer shows of each rule, a line per rule (test/fixtures/security/sarif/rules.txt):
 * id, short name, level, GitHub's security-severity and problem.severity, our severity,
 * responsibility, the tags (concern, Checkov and Security Hub ids) and the help anchor. After a
 * deliberate change of the rules, rewrite it with `CLOUDARCH_UPDATE_SARIF=1` and review the diff.
 */
function ruleLine(rule: {
  id: string;
  name: string;
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: Record<string, unknown>;
}): string {
  const properties = rule.properties;
  return [
    rule.id,
    rule.name,
    `level=${rule.defaultConfiguration.level}`,
    `security-severity=${String(properties['security-severity'])}`,
    `problem.severity=${String(properties['problem.severity'])}`,
    `severity=${String(properties.cloudarchSeverity)}`,
    `responsibility=${String(properties.responsibility)}`,
    `precision=${String(properties.precision)}`,
    `tags=${(properties.tags as string[]).join(',')}`,
    `checkov=${(properties.checkov as string[]).join(',')}`,
    `security-hub=${(properties.securityHub as string[]).join(',')}`,
    `help=${rule.helpUri.slice(rule.helpUri.indexOf('#'))}`,
  ].join(' ');
}

const updateSarif = process.env.CLOUDARCH_UPDATE_SARIF === '1';
const sarifFixtures = join(fixtures, 'sarif');

/** Compares `actual` with the fixture file's text, or writes it there in update mode. */
function matchesFixture(name: string, actual: string): void {
  const path = join(sarifFixtures, name);
  if (updateSarif) {
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs (CLOUDARCH_UPDATE_SARIF=1 rewrites it; review the diff)`);
}

describe('security SARIF output, as a viewer shows it', () => {
  it('describes every rule as the table of rules has it (name, levels, scores, tags, help anchor)', () => {
    const log = toSarif([], '0.1.0', { rulesDocUri: 'https://example.test/rules.md' }) as {
      runs: { tool: { driver: { rules: Parameters<typeof ruleLine>[0][] } } }[];
    };
    const rules = log.runs[0]!.tool.driver.rules;
    matchesFixture('rules.txt', `${rules.map(ruleLine).join('\n')}\n`);
    // Each rule's texts are its own, the remediation also as Markdown after a bold label.
    for (const [index, rule] of securityRules.entries()) {
      const sarif = rules[index] as unknown as Record<string, unknown>;
      assert.deepEqual(sarif.shortDescription, { text: rule.title }, rule.id);
      assert.deepEqual(sarif.fullDescription, { text: rule.description }, rule.id);
      assert.deepEqual(sarif.help, { text: rule.remediation, markdown: `**Remediation:** ${rule.remediation}` }, rule.id);
      assert.equal(sarif.helpUri, `https://example.test/rules.md#${rule.id.toLowerCase()}`, rule.id);
    }
  });

  it('writes every result of a design in full: rule, level, message, region, logical location, fingerprint, fix, exposure path', () => {
    const inputs = [evaluated('exposure/three-tier.cloudarch.yaml'), evaluated('rules/CA-SG-001.fail.cloudarch.yaml')];
    const log = toSarif(inputs, '1.2.3') as { runs: Record<string, unknown>[] };
    const run = log.runs[0]!;
    const driver = (run.tool as { driver: Record<string, unknown> }).driver;
    assert.deepEqual(
      { name: driver.name, version: driver.version, semanticVersion: driver.semanticVersion, informationUri: driver.informationUri },
      { name: 'CloudArch', version: '1.2.3', semanticVersion: '1.2.3', informationUri: DEFAULT_RULES_DOC_URI },
    );
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.artifacts, [
      { location: { uri: 'infra/three-tier.cloudarch.yaml' }, mimeType: 'application/yaml' },
      { location: { uri: 'infra/CA-SG-001.fail.cloudarch.yaml' }, mimeType: 'application/yaml' },
    ]);
    matchesFixture('results.json', `${JSON.stringify(run.results, null, 2)}\n`);
  });
});

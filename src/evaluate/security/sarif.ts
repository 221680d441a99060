/**
 * SARIF 2.1.0 output of the security evaluation, for GitHub code scanning and other SARIF viewers.
 * One run, the CloudArch driver with every rule, one result per finding with its location and, where
 * the finding has one, its mechanical fix as a SARIF `fix`.
 */
import type { ArchDocument, Range, TextEdit } from '../../core/document';
import type { FindingSeverity, SecurityFinding, SecurityResult } from '../types';
import { securityRules } from './registry';
import type { SecurityRule } from './rule';

/** The input of `toSarif`: one evaluated file, its URI relative to the repository root. */
export interface SarifInput {
  readonly file: string;
  readonly doc: ArchDocument;
  readonly security: SecurityResult;
}

export interface SarifOptions {
  /** Where the rule table lives; each rule's `helpUri` is this plus `#<rule id in lower case>`. */
  readonly rulesDocUri?: string;
}

/** The documentation page of the rules, from the repository named in package.json. */
export const DEFAULT_RULES_DOC_URI = 'https://example.invalid/cloudarch/cloudarch/blob/main/docs/security-rules.md';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

/** How SARIF viewers rank a finding: `level` for all of them, the numeric `security-severity` for GitHub. */
export function sarifLevel(severity: FindingSeverity): SarifLevel {
  return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

/** GitHub maps >= 9.0 to critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
export function securitySeverityScore(severity: FindingSeverity): string {
  return { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' }[severity];
}

/** A SARIF region from an LSP range: 1-based lines and columns (UTF-16 code units, the SARIF default). */
export function sarifRegion(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** `CA-S3-001` → `S3BucketIsPubliclyReadable`-style names are long; SARIF wants a short identifier-like name. */
function ruleName(rule: SecurityRule): string {
  return rule.title
    .replace(/\([^)]*\)/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

function sarifRule(rule: SecurityRule, rulesDocUri: string): Record<string, unknown> {
  const tags = [
    'security',
    rule.concern === 'availability' ? 'availability' : rule.concern === 'cost' ? 'cost' : 'misconfiguration',
    ...rule.checkov.map((id) => `checkov:${id}`),
    ...rule.securityHub.map((id) => `security-hub:${id}`),
  ];
  return {
    id: rule.id,
    name: ruleName(rule),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: rule.remediation, markdown: `**Remediation:** ${rule.remediation}` },
    helpUri: `${rulesDocUri}#${rule.id.toLowerCase()}`,
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags,
      precision: 'very-high',
      'security-severity': securitySeverityScore(rule.severity),
      'problem.severity': sarifLevel(rule.severity) === 'note' ? 'recommendation' : sarifLevel(rule.severity),
      cloudarchSeverity: rule.severity,
      responsibility: rule.responsibility,
      checkov: [...rule.checkov],
      securityHub: [...rule.securityHub],
    },
  };
}

function sarifFix(file: string, fix: NonNullable<SecurityFinding['fix']>): Record<string, unknown> {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: { uri: file },
        replacements: fix.edits.map((edit: TextEdit) => ({
          deletedRegion: sarifRegion(edit.range),
          insertedContent: { text: edit.newText },
        })),
      },
    ],
  };
}

/** Converts evaluated files to one SARIF 2.1.0 log. */
export function toSarif(results: readonly SarifInput[], toolVersion: string, options: SarifOptions = {}): Record<string, unknown> {
  const rulesDocUri = options.rulesDocUri ?? DEFAULT_RULES_DOC_URI;
  const ruleIndex = new Map(securityRules.map((rule, index) => [rule.id, index]));
  const sarifResults: Record<string, unknown>[] = [];
  for (const { file, security } of results) {
    for (const item of security.findings) {
      const index = ruleIndex.get(item.ruleId);
      sarifResults.push({
        ruleId: item.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: sarifLevel(item.severity),
        message: { text: item.message },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri: file }, region: sarifRegion(item.range) },
            logicalLocations: [
              { name: item.resource, kind: 'resource', fullyQualifiedName: [item.resource, ...item.path.map(String)].join('.') },
            ],
          },
        ],
        partialFingerprints: { cloudarchFinding: `${item.ruleId}:${item.resource}:${item.path.join('.')}` },
        ...(item.fix ? { fixes: [sarifFix(file, item.fix)] } : {}),
        properties: {
          severity: item.severity,
          resource: item.resource,
          path: item.path.map(String),
          responsibility: item.responsibility,
          ...(item.exposurePath ? { exposurePath: item.exposurePath.map((hop) => ({ ...hop })) } : {}),
        },
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'CloudArch',
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: rulesDocUri,
            rules: securityRules.map((rule) => sarifRule(rule, rulesDocUri)),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map(({ file }) => ({ location: { uri: file }, mimeType: 'application/yaml' })),
        results: sarifResults,
      },
    ],
  };
}

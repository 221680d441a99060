/**
 * The evaluations as the editor shows them: the headline CodeLens, the inlay hint after each
 * resource name, the reports and the status-bar summary, from a known evaluation result.
 */
import { strict as assert } from 'node:assert';
import type { EvaluationResult } from '../../../src/evaluate/types';
import { createLanguageService } from '../../../src/language/language-service';

const text = [
  'cloudarch: "1"',
  'name: Shop <beta>',
  'resources:',
  '  web:',
  '    type: aws.ec2.instance',
  '  db:',
  '    type: aws.rds.instance',
  '',
].join('\n');

const result: EvaluationResult = {
  availability: {
    percent: 99.95,
    downtimeMinutesPerYear: 262.8,
    spof: ['db'],
    zoneOutage: { a: { works: false }, b: { works: true } },
    regionOutage: {},
    monteCarlo: { samples: 10000, seed: 7, percent: 99.951, ci95: [99.94, 99.96] },
    byResource: { web: 99.5, db: 99.95 },
    entryPoints: ['web'],
  },
  cost: {
    monthlyUSD: 1234.4,
    byResource: { web: 30.368, db: 1204.03 },
    lineItems: [
      {
        resource: 'web',
        what: 't3.medium on-demand instance-hours',
        quantity: 730,
        unit: 'instance-hours',
        unitPriceUSD: 0.0416,
        monthlyUSD: 30.368,
        priceSource: 'aws price list 2025-01',
      },
    ],
    purchaseOptions: {},
    alternatives: [{ resource: 'web', change: 'purchase: reserved-1y', monthlyUSD: 19.1, savingUSD: 11.27 }],
    unpriced: [],
  },
  security: {
    findings: [
      {
        ruleId: 'CA-RDS-002',
        severity: 'high',
        resource: 'db',
        path: ['encrypted'],
        range: { start: { line: 5, character: 2 }, end: { line: 5, character: 4 } },
        message: 'Storage is not encrypted.',
        remediation: 'Set encrypted: true.',
        responsibility: 'customer',
        checkov: ['CKV_AWS_16'],
      },
    ],
    counts: { critical: 0, high: 2, medium: 3, low: 0, info: 0 },
    exposurePaths: [
      {
        dataStore: 'db',
        entry: 'public-ip',
        hops: [
          { resource: 'web', port: 22 },
          { resource: 'db', port: 5432 },
        ],
      },
    ],
  },
  targets: [{ target: 'availability', goal: 99.99, actual: 99.95, met: false }],
  diagnostics: [],
};

const service = createLanguageService();
const uri = 'file:///shop.cloudarch.yaml';

describe('evaluation views', () => {
  const doc = service.parse(text);

  it('shows the headline CodeLens at the top of the file, each part opening its report', () => {
    const lenses = service.codeLenses(doc, result, uri);
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command]),
      [
        [0, 'Availability 99.95% (below target)', 'cloudarch.showAvailabilityReport'],
        [0, '$1,234/month', 'cloudarch.showCostReport'],
        [0, '2 high, 3 medium findings', 'cloudarch.showSecurityReport'],
      ],
    );
    assert.deepEqual(service.codeLenses(doc, undefined, uri), []);
  });

  it('shows monthly cost and availability at the end of each resource name line', () => {
    const hints = service.inlayHints(doc, result, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } });
    assert.deepEqual(
      hints.map((hint) => [hint.position, hint.label]),
      [
        [{ line: 3, character: 6 }, '$30.37/mo · 99.50%'],
        [{ line: 5, character: 5 }, '$1,204.03/mo · 99.95%'],
      ],
    );
    assert.equal(
      service.inlayHints(doc, result, { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }).length,
      1,
      'only hints in the requested range',
    );
  });

  it('writes each report as Markdown and as escaped HTML', () => {
    const availability = service.report('availability', doc, result);
    assert.equal(availability.title, 'Availability — Shop <beta>');
    assert.match(availability.markdown, /System availability 99\.950000%/);
    assert.match(availability.markdown, /\| a \| NO \|/);
    assert.match(availability.markdown, /95% interval 99\.9400%–99\.9600%/);
    assert.match(availability.html, /<h1>Availability — Shop &lt;beta&gt;<\/h1>/);
    const cost = service.report('cost', doc, result);
    assert.match(cost.markdown, /Monthly total \$1,234\.40\./);
    assert.match(cost.markdown, /purchase: reserved-1y saves \$11\.27\/month/);
    const security = service.report('security', doc, result);
    assert.match(security.markdown, /- db \(via public-ip\): internet → web:22 → db:5432/);
    assert.match(
      security.markdown,
      /\| high \| CA-RDS-002 \| db \| 6 \| Storage is not encrypted\. \| Set encrypted: true\. \| CKV_AWS_16 \| customer \|/,
    );
  });

  it('summarises the document for the status bar', () => {
    const summary = service.summary(uri, 3, doc, result);
    const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    assert.equal(summary.errors, errors);
    assert.equal(
      summary.text,
      `${errors > 0 ? `${errors} error${errors === 1 ? '' : 's'} · ` : ''}99.95% · $1,234/mo · 2 high, 3 medium findings`,
    );
    assert.deepEqual(summary.missedTargets, ['availability: 99.95 (goal 99.99)']);
    assert.equal(service.summary(uri, 3, doc, undefined).text, errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : 'not evaluated');
  });
});

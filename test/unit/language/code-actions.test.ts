/**
 * Diagnostics to quick fixes, driven by test/fixtures/language/code-actions: each file has problems;
 * the expected file lists the quick fixes offered (title, preferred, the diagnostic code they fix)
 * and, for one of them, the text after applying it (`<name>.after.cloudarch.yaml`).
 */
import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../../src/language/language-service';
import { applyEdits, loadFixtures, readSibling } from './fixtures';

interface CodeActionExpectation {
  readonly actions: readonly { readonly title: string; readonly code: string; readonly isPreferred?: boolean }[];
  /** The title of the action whose result is `<name>.after.cloudarch.yaml`. */
  readonly apply?: string;
}

const service = createLanguageService();
const uri = 'file:///fixture.cloudarch.yaml';

describe('code actions from diagnostics', () => {
  for (const fixture of loadFixtures<CodeActionExpectation>('code-actions')) {
    it(fixture.name, () => {
      const diagnostics = service.diagnostics(service.parse(fixture.text), uri);
      // The client sends back the diagnostics it shows, through JSON: fixes must survive that trip.
      const roundTripped = JSON.parse(JSON.stringify(diagnostics));
      const actions = service.codeActions(uri, roundTripped);
      assert.deepEqual(
        actions.map((action) => ({
          title: action.title,
          code: String(action.diagnostics?.[0]?.code),
          ...(action.isPreferred ? { isPreferred: true } : {}),
        })),
        fixture.expected.actions.map((action) => ({
          title: action.title,
          code: action.code,
          ...(action.isPreferred ? { isPreferred: true } : {}),
        })),
      );
      for (const action of actions) assert.equal(action.kind, 'quickfix');
      if (fixture.expected.apply) {
        const action = actions.find((candidate) => candidate.title === fixture.expected.apply);
        assert.ok(action?.edit?.changes?.[uri], `'${fixture.expected.apply}' edits the document`);
        const after = applyEdits(fixture.text, action.edit.changes[uri]);
        assert.equal(after, readSibling('code-actions', `${fixture.name}.after.cloudarch.yaml`));
        const remaining = service
          .diagnostics(service.parse(after), uri)
          .filter((diagnostic) => diagnostic.code === action.diagnostics?.[0]?.code);
        assert.equal(remaining.length, 0, 'the fix removes the problem');
      }
    });
  }

  it('offers nothing when only refactorings are asked for', () => {
    const diagnostics = service.diagnostics(service.parse('cloudarch: "1"\nname: x\nresources:\n  a:\n    type: aws.s3.buckt\n'), uri);
    assert.ok(service.codeActions(uri, diagnostics).length > 0);
    assert.deepEqual(service.codeActions(uri, diagnostics, ['refactor']), []);
  });

  it('ignores diagnostics whose data is not a fix list (from other tools)', () => {
    const foreign = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', data: { fixes: 'nope' } },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'y' },
    ];
    assert.deepEqual(service.codeActions(uri, foreign), []);
  });
});

describe('security fix titles preview their effect', () => {
  const text = 'cloudarch: "1"\nname: x\nresources:\n  lb:\n    type: aws.elb.application\n    zones: [a, b]\n';
  const fakeResult = (doc: { text: string }) => ({
    // The fake bills $5 for a WAF and nothing else, and a WAF changes no availability.
    cost: {
      monthlyUSD: doc.text.includes('waf: true') ? 25 : 20,
      byResource: {},
      lineItems: [],
      purchaseOptions: {},
      alternatives: [],
      unpriced: [],
    },
    availability: {
      percent: 99.9,
      downtimeMinutesPerYear: 0,
      spof: [],
      zoneOutage: {},
      regionOutage: {},
      monteCarlo: { samples: 0, seed: 1, percent: 0, ci95: [0, 0] as const },
      byResource: {},
      entryPoints: [],
    },
    targets: [],
    diagnostics: [],
  });
  const withEvaluations = createLanguageService({ evaluate: (doc) => fakeResult(doc) });

  it('appends the cost and availability change to security fixes only', async () => {
    const doc = withEvaluations.parse(text);
    const range = { start: { line: 4, character: 4 }, end: { line: 4, character: 8 } };
    const security = {
      range,
      message: 'no WAF',
      source: 'cloudarch.security',
      code: 'CA-ELB-007',
      data: {
        fixes: [
          {
            title: 'Attach a WAF web ACL',
            edits: [{ range: { start: { line: 5, character: 17 }, end: { line: 5, character: 17 } }, newText: '\n    waf: true' }],
          },
        ],
      },
    };
    const validation = {
      range,
      message: 'typo',
      source: 'cloudarch',
      code: 'invalid-value',
      data: { fixes: [{ title: 'Change to `x`', edits: [{ range, newText: 'x' }] }] },
    };
    const actions = withEvaluations.codeActions(uri, [security, validation]);
    const previewed = await withEvaluations.previewSecurityFixes(actions, uri, doc, fakeResult(doc));
    assert.deepEqual(
      previewed.map((action) => action.title),
      ['Attach a WAF web ACL — +$5.00/mo, availability unchanged', 'Change to `x`'],
    );
  });
});

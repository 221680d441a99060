/**
 * Hover, driven by test/fixtures/language/hover: the caret marks what the user points at; the
 * expected file lists text the hover must show (and must not), or `null` for no hover.
 */
import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../../src/language/language-service';
import { loadFixtures } from './fixtures';

interface HoverExpectation {
  readonly contains?: readonly string[];
  readonly excludes?: readonly string[];
  readonly none?: boolean;
}

const service = createLanguageService();

describe('hover', () => {
  for (const fixture of loadFixtures<HoverExpectation>('hover')) {
    it(fixture.name, () => {
      assert.ok(fixture.caret, 'the fixture has a caret marker');
      const result = service.hover(service.parse(fixture.text), fixture.caret);
      if (fixture.expected.none) {
        assert.equal(result, null);
        return;
      }
      assert.ok(result, 'a hover is shown');
      const text =
        typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : JSON.stringify(result.contents);
      for (const fragment of fixture.expected.contains ?? [])
        assert.ok(text.includes(fragment), `the hover shows '${fragment}'; it shows:\n${text}`);
      for (const fragment of fixture.expected.excludes ?? []) assert.ok(!text.includes(fragment), `the hover does not show '${fragment}'`);
    });
  }
});

describe('hover with an evaluation', () => {
  it("shows the referenced resource's monthly cost and availability", () => {
    const text =
      'cloudarch: "1"\nname: x\nresources:\n  web:\n    type: aws.ec2.instance\n    connectsTo: [db]\n  db:\n    type: aws.rds.instance\n';
    const doc = service.parse(text);
    const result = {
      cost: { monthlyUSD: 100, byResource: { db: 91.25 }, lineItems: [], purchaseOptions: {}, alternatives: [], unpriced: [] },
      availability: {
        percent: 99.9,
        downtimeMinutesPerYear: 1,
        spof: ['db'],
        zoneOutage: {},
        regionOutage: {},
        monteCarlo: { samples: 0, seed: 1, percent: 0, ci95: [0, 0] as const },
        byResource: { db: 99.95 },
        entryPoints: ['web'],
      },
      targets: [],
      diagnostics: [],
    };
    const shown = service.hover(doc, { line: 5, character: 18 }, result);
    const value = (shown?.contents as { value: string }).value;
    assert.match(value, /\$91\.25\/month · works 99\.950% of the time · single point of failure/);
  });
});

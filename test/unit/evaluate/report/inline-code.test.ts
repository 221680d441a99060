/**
 * Inline code in reports: the names and keys that finding messages put between backticks are shown
 * as code in Markdown and HTML, and anything that is not plain stays escaped prose.
 */
import * as assert from 'node:assert/strict';
import { inlineSegments } from '../../../../src/evaluate/report/inline';
import { markdownText } from '../../../../src/evaluate/report/markdown';

describe('report text: inline code', () => {
  const cases: { text: string; segments: [boolean, string][]; markdown: string }[] = [
    {
      text: 'Bucket `images` has no lifecycle configuration.',
      segments: [
        [false, 'Bucket '],
        [true, 'images'],
        [false, ' has no lifecycle configuration.'],
      ],
      markdown: 'Bucket `images` has no lifecycle configuration.',
    },
    {
      text: 'Add `replication: { to: x }` and `versioning: true`',
      segments: [
        [false, 'Add '],
        [true, 'replication: { to: x }'],
        [false, ' and '],
        [true, 'versioning: true'],
      ],
      markdown: 'Add `replication: { to: x }` and `versioning: true`',
    },
    {
      // A hostile name cannot be escaped inside a code span: it stays prose, escaped, both backticks kept.
      text: 'Bucket `<script>` and `b`',
      segments: [
        [false, 'Bucket `<script>` and '],
        [true, 'b'],
      ],
      markdown: 'Bucket \\`\\<script\\>\\` and `b`',
    },
    {
      // As CA-NET-002 words it: the message starts with the code, no empty prose before it.
      text: '`db` is reachable from the internet',
      segments: [
        [true, 'db'],
        [false, ' is reachable from the internet'],
      ],
      markdown: '`db` is reachable from the internet',
    },
    {
      text: 'an unpaired ` backtick',
      segments: [[false, 'an unpaired ` backtick']],
      markdown: 'an unpaired \\` backtick',
    },
    {
      text: 'a pipe `a|b` stays prose in a table cell',
      segments: [[false, 'a pipe `a|b` stays prose in a table cell']],
      markdown: 'a pipe \\`a\\|b\\` stays prose in a table cell',
    },
    { text: '', segments: [], markdown: '' },
  ];
  for (const { text, segments, markdown } of cases) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(
        inlineSegments(text).map((s) => [s.code, s.text]),
        segments,
      );
      assert.equal(markdownText(text), markdown);
      // Nothing is lost: the segments put back together are the text without the code's backticks.
      assert.equal(
        inlineSegments(text)
          .map((s) => (s.code ? `\`${s.text}\`` : s.text))
          .join(''),
        text,
      );
    });
  }
});

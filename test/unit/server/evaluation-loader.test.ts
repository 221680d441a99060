/**
 * The evaluator the server uses (src/server/evaluation-loader.ts), with its real worker thread (the
 * built server bundle in its worker role; `npm run build` first). What the server must be able to
 * rely on: each live evaluation describes the text it was asked about, also after the worker was
 * replaced (it crashed, or held the worker too long), when the new worker knows nothing of the
 * lists the old one sent.
 */
import { strict as assert } from 'node:assert';
import { createEvaluator, type Evaluator } from '../../../src/server/evaluation-loader';
import { decodeDiagnostics } from '../../../src/server/raw-json';
import { serverPath } from '../../protocol/server-process';

const uri = 'file:///loader.cloudarch.yaml';
const unprotected = [
  'cloudarch: "1"',
  'name: Loader',
  'resources:',
  '  sessions:',
  '    type: aws.dynamodb.table',
  '    billing: on-demand',
  '',
].join('\n');
const protectedTable = unprotected.replace('    billing: on-demand\n', '    billing: on-demand\n    deletionProtection: true\n');

function codes(evaluation: Awaited<ReturnType<Evaluator['live']>>): string[] {
  assert.ok(evaluation, 'the evaluation answered');
  return decodeDiagnostics(evaluation.diagnostics).map((diagnostic) => String(diagnostic.code));
}

describe('evaluation loader', function () {
  this.timeout(30_000);
  let evaluator: Evaluator;

  beforeEach(() => {
    evaluator = createEvaluator(serverPath, (message, error) => assert.fail(`${message}: ${String(error)}`));
  });

  afterEach(() => {
    evaluator.dispose();
  });

  it('sends an unchanged list once and still answers with it', async () => {
    const first = await evaluator.live(uri, 1, unprotected, 'low');
    const again = await evaluator.live(uri, 2, `${unprotected}# a comment\n`, 'low');
    assert.ok(codes(first).includes('CA-DDB-004'));
    assert.deepEqual(codes(again), codes(first));
    const fixed = await evaluator.live(uri, 3, protectedTable, 'low');
    assert.ok(!codes(fixed).includes('CA-DDB-004'), `deletion protection is on: ${codes(fixed).join(', ')}`);
  });

  it('describes the new text after the worker was replaced, not a list the old worker sent', async () => {
    const first = await evaluator.live(uri, 1, unprotected, 'low');
    assert.ok(codes(first).includes('CA-DDB-004'));
    // The worker goes away, as after a crash; the next request starts a new one, whose first lists
    // have the same serial numbers the old worker's first lists had.
    evaluator.dispose();
    const afterRestart = await evaluator.live(uri, 2, protectedTable, 'low');
    assert.ok(!codes(afterRestart).includes('CA-DDB-004'), `the findings are those of the new text: ${codes(afterRestart).join(', ')}`);
  });
});

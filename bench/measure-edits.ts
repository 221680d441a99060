/**
 * A measuring script, not a test (mocha runs only `*.test.ts`): the incremental parse after edits
 * of several shapes in the middle of a generated file, as median and p95 of repeated edits. Run it
 * with `npx tsx bench/measure-edits.ts [size] [edits]`; the machine is shared, so compare
 * figures taken in the same minute.
 */
import { generateArchitecture } from './generate';
import { parseArchitecture } from '../src/core/parse';
import type { ArchDocument } from '../src/core/document';

const size = Number(process.argv[2] ?? 10000);
const edits = Number(process.argv[3] ?? 40);

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number): string => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)]!.toFixed(2);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms`;
}

/** Applies `edit` (text, edit number) -> text `edits` times incrementally and times each parse. */
function measure(title: string, edit: (text: string, index: number) => string): void {
  let text = generateArchitecture(size);
  let doc: ArchDocument = parseArchitecture(text);
  const timings: number[] = [];
  for (let index = 0; index < edits; index++) {
    text = edit(text, index);
    const started = performance.now();
    doc = parseArchitecture(text, { previous: doc });
    timings.push(performance.now() - started);
  }
  console.log(`${title}: ${summary(timings)}`);
}

const middleOf = (text: string): number => text.indexOf('\n  ', Math.floor(text.length / 2)) + 1;
const comment = '    # a note\n';

measure('digit in a sizeGB', (text, index) => {
  const at = text.indexOf('sizeGB: ', Math.floor(text.length / 2)) + 'sizeGB: '.length;
  return text.slice(0, at) + String((index % 9) + 1) + text.slice(at + 1);
});
measure('line inserted and removed in the middle', (text, index) => {
  const at = text.indexOf('\n', middleOf(text)) + 1;
  return index % 2 === 0 ? text.slice(0, at) + comment + text.slice(at) : text.slice(0, at) + text.slice(at + comment.length);
});
measure('character typed in a resource name', (text, index) => {
  const at = middleOf(text) + 3;
  return index % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
});

/** Where the resource in the middle of the file ends: the start of the next resource's name line. */
function nextResourceStart(text: string, from: number): number {
  const pattern = /\n  [a-z]/g;
  pattern.lastIndex = from;
  return pattern.exec(text)!.index + 1;
}

// A user who presses Enter at the end of the middle resource's last line and types a new resource,
// one character per keystroke: the name before its `:` is a piece that holds no resource yet.
const newResource = '\n  new-resource:\n    type: aws.s3.bucket\n    versioning: true\n    connectsTo: [web-1]';
{
  let text = generateArchitecture(size);
  let doc: ArchDocument = parseArchitecture(text);
  const insertAt = nextResourceStart(text, Math.floor(text.length / 2)) - 1;
  const timings: number[] = [];
  for (let typedLength = 1; typedLength <= newResource.length; typedLength++) {
    text = text.slice(0, insertAt + typedLength - 1) + newResource[typedLength - 1] + text.slice(insertAt + typedLength - 1);
    const started = performance.now();
    doc = parseArchitecture(text, { previous: doc });
    timings.push(performance.now() - started);
  }
  console.log(`new resource typed at the end of the middle resource (${timings.length} keystrokes): ${summary(timings)}`);
}

// Renaming a resource that others refer to, one character at a time: every keystroke changes a
// name, and the references to the old name become unknown, each asking for a did-you-mean.
{
  let text = generateArchitecture(size);
  let doc: ArchDocument = parseArchitecture(text);
  const nameStart = text.indexOf('\n  db-', Math.floor(text.length / 2)) + 3;
  const nameEnd = text.indexOf(':', nameStart);
  const timings: number[] = [];
  const suffix = '-primary';
  for (let index = 0; index < Math.max(edits, suffix.length * 2); index++) {
    const step = index % (suffix.length * 2);
    const at = nameEnd + (step < suffix.length ? step : suffix.length * 2 - step - 1);
    text = step < suffix.length ? text.slice(0, at) + suffix[step] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    const started = performance.now();
    doc = parseArchitecture(text, { previous: doc });
    timings.push(performance.now() - started);
  }
  console.log(`referenced resource renamed a character at a time (${timings.length} keystrokes): ${summary(timings)}`);
}

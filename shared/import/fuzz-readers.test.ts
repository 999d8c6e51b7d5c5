/**
 * Fuzzing the readers of files a user (or anyone) can hand the app: the workbook reader and the plan importers.
 * Whatever the bytes, each must answer with a Result (never throw, never hang) and, when it refuses, say so in a
 * plain sentence that names the file, with no library's text or stack trace. Bounded: a fixed number of runs of
 * small inputs, so the test takes seconds.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK } from '../../tests/fixtures/fixtures';
import { xlsxBytes } from '../../tests/fixtures/plan-files';
import { readWorkbookText } from '../model/workbook-format';
import { readPlanFile } from './plan-files';

const RUNS = 150;
const complete = readFileSync(COMPLETE_WORKBOOK, 'utf8');

function expectPlainRefusal(message: string) {
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toMatch(/\n\s+at |\[xmldom|VALUE_INVALID|Maximum call stack|0x1fffffe8/);
}

/** A copy of a real text with a slice cut out, replaced by random text, or both. */
const mutated = (text: string) =>
  fc.record({ at: fc.nat({ max: text.length }), cut: fc.nat({ max: 200 }), insert: fc.string({ maxLength: 40, unit: 'binary' }) }).map(
    ({ at, cut, insert }) => text.slice(0, at) + insert + text.slice(at + cut),
  );

describe('the workbook reader, fuzzed', () => {
  it('answers any text with a workbook or a plain refusal', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400, unit: 'binary' }), fc.json({ maxDepth: 6 }), mutated(complete)), (text) => {
        const read = readWorkbookText(text);
        if (!read.ok) expectPlainRefusal(read.error.message);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the plan importers, fuzzed', () => {
  const xlsx = new Uint8Array(xlsxBytes([{ name: 'Plan', rows: [['Theme', 'Objective'], ['Growth', 'Jobs']] }]));
  const docxLike = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });

  /** Random bytes; a real archive with bytes flipped; or an archive whose parts hold random text. */
  const inputs = fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }),
    fc.record({ at: fc.nat({ max: xlsx.length - 1 }), value: fc.integer({ min: 0, max: 255 }), count: fc.integer({ min: 1, max: 20 }) }).map(({ at, value, count }) => {
      const copy = xlsx.slice();
      for (let i = 0; i < count; i++) copy[(at + i * 97) % copy.length] = value;
      return copy;
    }),
    fc.string({ maxLength: 300 }).map((text) => zipSync({ 'word/document.xml': strToU8(text), 'xl/worksheets/sheet1.xml': strToU8(text) })),
    fc.constant(docxLike),
  );

  it('answers any bytes, for every kind of plan, with a plan or a plain refusal that names the file', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, fc.constantFrom('plan.txt', 'plan.csv', 'plan.docx', 'plan.xlsx'), async (bytes, name) => {
        const read = await readPlanFile(name, bytes);
        if (!read.ok) {
          expectPlainRefusal(read.error.message);
          expect(read.error.message.startsWith(`“${name}”`)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * The business case commands through the real workbook store, with the draft edit the Documents step gives the
 * forms: each change is one undo step named for what it did, typing in one box merges, and undo restores the case.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readWorkbookText } from '../../../../../shared/model/workbook-format';
import { COMPLETE_WORKBOOK } from '../../../../../tests/fixtures/fixtures';
import { editWorkbook, useWorkbookStore } from '../../../state/workbook-store';
import { caseCommands, type CaseEdit } from './commands';

const store = () => useWorkbookStore.getState();
const read = readWorkbookText(readFileSync(COMPLETE_WORKBOOK, 'utf8'));
if (!read.ok) throw new Error(read.error.message);
const WB = read.value.workbook;
const AT = WB.drafts.findIndex((d) => d.businessCase !== null);
const caseNow = () => store().workbook!.drafts[AT]!.businessCase!;
const edit: CaseEdit = (label, recipe, key) => editWorkbook(label, (wb) => recipe(wb.drafts[AT]!.businessCase!), key ? { coalesceKey: key } : undefined);
const cmd = caseCommands(edit);
const PREFERRED = 'opt_d9ns4pbv6zyr';
const COORDINATOR = 'cln_f3qu6rdx8b3t';

describe('business case commands', () => {
  // The clock stands still, so edits with the same key always fall within the store's merging window.
  beforeEach(() => {
    vi.useFakeTimers();
    store().load(WB, null);
  });
  afterEach(() => vi.useRealTimers());

  it('makes each change one named undo step, and undo puts the case back as it was', () => {
    cmd.addRisk();
    const risk = caseNow().management.risks.at(-1)!;
    expect(risk).toMatchObject({ risk: 'New risk', likelihood: 3, impact: 3 });
    expect(risk.id).toMatch(/^bcr_/);
    cmd.changeRisk(risk.id, 'Rate a risk’s likelihood', { likelihood: 5 });
    cmd.removeRisk(risk.id);
    expect(store().past.map((p) => p.label)).toEqual(['Add a risk', 'Rate a risk’s likelihood', 'Remove a risk']);
    expect(store().undo()).toBe('Remove a risk');
    expect(caseNow().management.risks.at(-1)).toMatchObject({ id: risk.id, likelihood: 5 });
    store().undo();
    store().undo();
    expect(caseNow()).toEqual(WB.drafts[AT]!.businessCase);
  });

  it('merges typing in one amount into one step, but not typing in another year', () => {
    for (const v of [8, 85, 85_000]) cmd.enterCost(PREFERRED, COORDINATOR, 0, v);
    cmd.enterCost(PREFERRED, COORDINATOR, 1, 1);
    expect(store().past.map((p) => p.label)).toEqual(['Enter a cost', 'Enter a cost']);
    store().undo();
    expect(caseNow().appraisal.options[0]!.costs[1]!.amounts).toEqual([85_000, 12_000, 12_000]);
    store().undo();
    expect(caseNow().appraisal.options[0]!.costs[1]!.amounts).toEqual([12_000, 12_000, 12_000]);
  });

  it('keeps a tick box change a step of its own', () => {
    const source = WB.drafts[AT]!.businessCase!.financial.funding[1]!;
    cmd.changeFunding(source.id, 'Confirm a funding source', { confirmed: true });
    cmd.changeFunding(source.id, 'Mark a funding source not confirmed', { confirmed: false });
    expect(store().past).toHaveLength(2);
  });

  it('records nothing when the change finds nothing to change', () => {
    cmd.score(PREFERRED, 'csf_missing', 2);
    cmd.removeOption('opt_missing', 'Nothing');
    expect(store().past).toHaveLength(0);
  });

  it('starts a case from the standard factors and four places, and names the new option by its place', () => {
    cmd.start();
    expect(caseNow().appraisal.options.map((o) => o.name)).toEqual(['Business as usual', 'Do minimum', 'Preferred way forward', 'Alternative']);
    cmd.addOption('Option 5');
    expect(caseNow().appraisal.options.at(-1)).toMatchObject({ name: 'Option 5', role: null });
    expect(store().past.map((p) => p.label)).toEqual(['Start the options appraisal', 'Add an option']);
  });
});

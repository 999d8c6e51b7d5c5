/**
 * The business case forms in the Documents step, on the sample's Digital Champions case: amounts typed as "85k",
 * a bad amount or date refused beside the field, rows added and removed from the keyboard, every edit undoable,
 * the worked-out figures and the preview following, the data saved in the draft; axe on the forms.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BusinessCaseData } from '../../shared/model/business-case-schema';
import { expect, expectAccessible, test } from './fixtures';

test('business case data is entered, checked and undone in the Documents step', async ({ launch }) => {
  test.setTimeout(180_000);
  const h = await launch();
  const page = h.page;
  await page.getByRole('button', { name: 'Open the sample workbook' }).click();
  await expect(page.getByRole('status')).toContainText('sample workbook for Northshire');
  await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Documents/ }).click();
  await page.getByRole('radio', { name: /^Business case \(Five Case Model\)/ }).check();

  const forms = page.getByRole('region', { name: 'Options, costs and delivery' });
  await expect(forms).toBeVisible();
  // Only the business case has these forms.
  await page.getByRole('radio', { name: /^Partnership proposal/ }).check();
  await expect(forms).toHaveCount(0);
  await page.getByRole('radio', { name: /^Business case \(Five Case Model\)/ }).check();
  await expect(forms).toBeVisible();

  // An amount typed as "85k" is £85,000: the worked-out table follows.
  const summary = forms.getByRole('table', { name: /^Worked out from the figures above/ });
  await expect(summary.getByRole('row', { name: /Continue in all eight libraries/ })).toContainText('£209,717');
  const coordinators = forms.getByRole('textbox', { name: 'Two part-time coordinators, 2026/27' });
  await coordinators.fill('85k');
  await expect(summary.getByRole('row', { name: /Continue in all eight libraries/ })).toContainText('£270,217');
  await coordinators.blur();
  await expect(coordinators).toHaveValue('85,000');

  // A bad amount stays in the field with a message beside it, and is not saved; undo takes back the good one.
  await coordinators.fill('lots');
  await expect(coordinators).toHaveAttribute('aria-invalid', 'true');
  await expect(forms.getByText('Enter an amount such as £85,000 or 85k')).toBeVisible();
  await expect(summary.getByRole('row', { name: /Continue in all eight libraries/ })).toContainText('£270,217');
  await coordinators.fill('30,000');
  await expect(summary.getByRole('row', { name: /Continue in all eight libraries/ })).toContainText('£209,717');

  // A date that does not exist is refused beside the field when the box is left; Enter takes a good one.
  const cabinet = forms.getByRole('textbox', { name: 'Date of Cabinet decision (day/month/year)' });
  await expect(cabinet).toHaveValue('12/02/2026');
  await cabinet.fill('30/02/2026');
  await cabinet.press('Tab');
  await expect(cabinet).toHaveAttribute('aria-invalid', 'true');
  await expect(forms.getByText('That month has 28 days: enter a real date, for example 31/03/2027')).toBeVisible();
  await cabinet.fill('13/2/2026');
  await cabinet.press('Enter');
  await expect(cabinet).toHaveValue('13/02/2026');
  await expect(cabinet).not.toHaveAttribute('aria-invalid', 'true');

  // Add a risk from the keyboard, rate it, then remove it: focus returns to the add button.
  const addRisk = forms.getByRole('button', { name: 'Add a risk', exact: true });
  await addRisk.focus();
  await page.keyboard.press('Enter');
  const register = forms.getByRole('table', { name: /^Risk register/ });
  await expect(register.getByRole('textbox', { name: 'Risk', exact: true }).last()).toHaveValue('New risk');
  await register.getByRole('combobox', { name: 'Likelihood of New risk', exact: true }).selectOption('5');
  await register.getByRole('button', { name: 'Remove New risk' }).click();
  await expect(addRisk).toBeFocused();
  await expect(register.getByRole('button', { name: 'Remove New risk' })).toHaveCount(0);
  await page.keyboard.press('Control+Z');
  await expect(page.getByRole('status')).toContainText('Undone: Remove a risk');
  await expect(register.getByRole('combobox', { name: 'Likelihood of New risk', exact: true })).toHaveValue('5');

  await expectAccessible(h, 'Business case forms in the Documents step');

  // The data is saved in the draft.
  const saved = join(mkdtempSync(join(tmpdir(), 'awb-case-e2e-')), 'case.awbook');
  h.dialogs.saveAnswers.push(saved);
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status')).toContainText('Saved “case.awbook”');
  const file = JSON.parse(readFileSync(saved, 'utf8')) as { workbook: { drafts: Array<{ templateId: string; businessCase: BusinessCaseData | null }> } };
  const bc = file.workbook.drafts.find((d) => d.templateId === 'five-case-business-case')!.businessCase!;
  expect(bc.management.milestones.find((m) => m.label === 'Cabinet decision')!.date).toBe('2026-02-13');
  expect(bc.management.risks.at(-1)).toMatchObject({ risk: 'New risk', likelihood: 5 });
  expect(bc.appraisal.options.find((o) => o.role === 'preferred')!.costs.find((c) => c.label === 'Two part-time coordinators')!.amounts[0]).toBe(30_000);
});

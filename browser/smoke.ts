/**
 * The start-up check (npm start -- --smoke): in whichever window the app runs, open the shipped sample
 * workbook, go to the Map step and read back what it shows, as the one line CI looks for.
 */
import type { Page } from 'playwright-core';

export type AppMode = 'electron' | 'browser';

export async function smokeCheck(page: Page, mode: AppMode): Promise<string> {
  await page.getByRole('button', { name: 'Open the sample workbook' }).click();
  const title = await page.getByLabel('Workbook title').inputValue();
  await page
    .getByRole('navigation', { name: 'Steps' })
    .getByRole('button', { name: 'Map', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Contribution map' }).waitFor();
  const grid = page.getByRole('grid');
  // The grid counts its header row and column and its summary row and column.
  const services = Number(await grid.getAttribute('aria-rowcount')) - 2;
  const objectives = Number(await grid.getAttribute('aria-colcount')) - 2;
  if (!title || !(services > 0) || !(objectives > 0)) {
    throw new Error(
      `the Map step showed no sample workbook (title “${title}”, ${services} services, ${objectives} objectives)`,
    );
  }
  return `ready: ${title}, ${objectives} objectives, ${services} services, ${mode}`;
}

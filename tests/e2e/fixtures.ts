import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { Server } from 'node:http';
import { openApp, serveRenderer, type Harness, type HarnessOptions } from './harness';

interface Fixtures {
  /** Opens the app on fresh services (or on a given data folder, to simulate the next start). */
  launch: (options?: HarnessOptions) => Promise<Harness>;
}

interface WorkerFixtures {
  origin: string;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  origin: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
    async ({}, use) => {
      const { server, origin } = await serveRenderer();
      await use(origin);
      await new Promise<void>((r) => (server as Server).close(() => r()));
    },
    { scope: 'worker' },
  ],
  launch: async ({ context, origin }, use) => {
    const opened: Harness[] = [];
    await use(async (options) => {
      const h = await openApp(context, origin, options);
      opened.push(h);
      return h;
    });
    for (const h of opened) await h.close().catch(() => undefined);
  },
});

export { expect };

/**
 * axe-core on the current page state: WCAG 2.0-2.2 A/AA, with target-size on; no serious or critical issues.
 * Only violations are read, so axe is told to list every node for those alone (it still runs every rule; passes
 * and the rest keep one node each), which takes about a quarter off each of the suite's sixty-odd runs.
 */
export async function expectAccessible(h: Harness, label: string): Promise<void> {
  const results = await new AxeBuilder({ page: h.page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .options({ rules: { 'target-size': { enabled: true } }, resultTypes: ['violations'] })
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, `axe found serious issues on ${label}`).toEqual([]);
}

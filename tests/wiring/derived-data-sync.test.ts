/**
 * The reference data the app ships (shared/reference/data) is derived from the open data kept beside the
 * project in ../shared/data, which the app never reads at run time. Where ../shared is present (a developer's
 * machine, CI), this checks the committed files still match a fresh derivation; elsewhere it says it skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './built-bundles';

const SOURCE = join(ROOT, '..', 'shared', 'data');
const present = existsSync(SOURCE);
if (!present) console.log(`Skipping the derived-data check: ${SOURCE} is not beside the project here.`);

describe('derived reference data', () => {
  it.skipIf(!present)(
    'matches a fresh derivation from ../shared/data (npm run derive-data -- --check)',
    () => {
      let output = '';
      let failure: string | null = null;
      try {
        output = execFileSync(
          join(ROOT, 'node_modules/.bin/tsx'),
          ['scripts/derive-reference-data.ts', '--check'],
          {
            cwd: ROOT,
            encoding: 'utf8',
            stdio: 'pipe',
            timeout: 120_000,
          },
        );
      } catch (e) {
        const err = e as { stderr?: string; stdout?: string };
        failure = `${err.stderr ?? ''}${err.stdout ?? ''}` || String(e);
      }
      expect(failure, 'run `npm run derive-data` and commit shared/reference/data').toBeNull();
      expect(output).toMatch(/153 authorities/);
    },
    150_000,
  );
});

/**
 * The browser mode runs where Electron's binary is missing, and importing `electron` without its binary throws:
 * so nothing the browser mode loads may import it, however indirectly (the composition root it shares with
 * Electron's main, electron/main/compose.ts, included).
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('the browser mode', () => {
  it('never imports electron', () => {
    const result = buildSync({
      entryPoints: [join(root, 'browser', 'main.ts'), join(root, 'browser', 'smoke-electron.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      metafile: true,
      outdir: join(root, 'out', 'browser-import-check'),
      logLevel: 'silent',
    });
    const inputs = Object.entries(result.metafile.inputs);
    const ours = inputs.map(([file]) => file);
    // The check is real only if it walked the shared composition and the services.
    expect(ours).toEqual(
      expect.arrayContaining([
        'electron/main/compose.ts',
        'electron/main/ipc/handlers.ts',
        'browser/browser-app.ts',
      ]),
    );
    const importers = inputs
      .filter(([, input]) =>
        input.imports.some(
          (i) => i.external === true && (i.path === 'electron' || i.path.startsWith('electron/')),
        ),
      )
      .map(([file]) => file);
    expect(importers).toEqual([]);
  });
});

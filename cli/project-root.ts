/**
 * The project folder (package.json, templates/), found from where this code is: cli/ when run through tsx or in
 * the tests, out/cli/ (or a chunk beside it) when run from the bundle.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | null = null;

export function projectRoot(): string {
  if (found !== null) return found;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return (found = dir);
    if (dirname(dir) === dir) return (found = dirname(start));
  }
}

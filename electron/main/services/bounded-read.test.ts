import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBoundedFile, setAsideIfUnreadable } from './bounded-read';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-bounded-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readBoundedFile', () => {
  it('reads a file within the limit whole', async () => {
    await writeFile(join(folder, 'a.txt'), 'hello');
    const read = await readBoundedFile(join(folder, 'a.txt'), 5);
    expect(read.ok && read.value.bytes.toString()).toBe('hello');
  });

  it('refuses a file over the limit, a folder, a pipe and a device without reading them', async () => {
    await writeFile(join(folder, 'a.txt'), 'hello!');
    expect(await readBoundedFile(join(folder, 'a.txt'), 5)).toEqual({ ok: false, error: { kind: 'too-large', size: 6, limit: 5 } });
    expect(await readBoundedFile(folder, 5)).toEqual({ ok: false, error: { kind: 'not-a-file', what: 'a folder' } });
    execFileSync('mkfifo', [join(folder, 'pipe')]);
    expect(await readBoundedFile(join(folder, 'pipe'), 5)).toEqual({ ok: false, error: { kind: 'not-a-file', what: 'a pipe' } });
    expect(await readBoundedFile('/dev/zero', 5)).toEqual({ ok: false, error: { kind: 'not-a-file', what: 'a device' } });
    expect(await readBoundedFile(join(folder, 'none'), 5)).toEqual({ ok: false, error: { kind: 'missing' } });
  });
});

describe('setAsideIfUnreadable', () => {
  it('leaves a small settings file alone and moves a huge one aside, saying so', async () => {
    const settings = join(folder, 'settings.json');
    await writeFile(settings, '{}');
    expect(await setAsideIfUnreadable(settings, 1024)).toBeNull();
    const handle = await open(settings, 'w');
    await handle.truncate(10 * 1024 * 1024);
    await handle.close();
    expect(await setAsideIfUnreadable(settings, 1024)).toMatch(/^“settings\.json” was moved aside to “settings\.json\.set-aside-\d+” because it is 10 MB, over the 1 KB limit/);
    expect((await readdir(folder)).some((f) => f === 'settings.json')).toBe(false);
    expect(await setAsideIfUnreadable(settings, 1024), 'nothing to do when it is absent').toBeNull();
  });
});

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK } from '../../../tests/fixtures/fixtures';
import { createWorkbook } from '../../../shared/model/new-workbook';
import type { Workbook } from '../../../shared/model/workbook-schema';
import { RecoveryStore } from './recovery-store';
import { readWorkbookFile, type FileStamp } from './workbook-files';

let root: string;
let folder: string;
let complete: Workbook;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'awb-recovery-'));
  folder = join(root, 'recovery');
  const read = await readWorkbookFile(COMPLETE_WORKBOOK);
  if (!read.ok) throw new Error(read.error.message);
  complete = read.value.workbook;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const stamp: FileStamp = { size: 56_552, mtimeMs: 1_768_000_000_000, sha256: 'ab'.repeat(32) };
const clock = (iso: string) => () => new Date(iso);

describe('recovery snapshots', () => {
  it('are written to the data folder (created if needed) and read back whole', async () => {
    const store = new RecoveryStore(folder, 'run-1', clock('2026-01-20T10:00:05Z'));
    expect(await store.write('session_a', { workbook: complete, docPath: '/shared/Council Plan.awbook', baseStamp: stamp })).toEqual({
      savedAt: '2026-01-20T10:00:05.000Z',
    });
    expect(await readdir(folder)).toEqual(['session_a.recovery.json']);
    const back = await store.read('session_a');
    expect(back).toEqual({
      info: { sessionId: 'session_a', title: complete.title, docPath: '/shared/Council Plan.awbook', savedAt: '2026-01-20T10:00:05.000Z', problem: null },
      workbook: complete,
      baseStamp: stamp,
    });
  });

  it('are replaced, not added to, by each new snapshot of the same session', async () => {
    const store = new RecoveryStore(folder, 'run-1');
    await store.write('session_a', { workbook: complete, docPath: null, baseStamp: null });
    await store.write('session_a', { workbook: { ...complete, title: 'Later' }, docPath: null, baseStamp: null });
    expect(await readdir(folder)).toEqual(['session_a.recovery.json']);
    expect((await store.read('session_a'))?.workbook.title).toBe('Later');
  });

  it('from this run are not offered for recovery; those from a run that ended are, newest first', async () => {
    const crashed = new RecoveryStore(folder, 'run-crashed', clock('2026-01-20T09:00:00Z'));
    await crashed.write('never_saved', { workbook: createWorkbook({ title: 'Never saved' }), docPath: null, baseStamp: null });
    const crashedLater = new RecoveryStore(folder, 'run-crashed', clock('2026-01-20T09:30:00Z'));
    await crashedLater.write('plan', { workbook: complete, docPath: '/shared/Council Plan.awbook', baseStamp: stamp });

    const now = new RecoveryStore(folder, 'run-now', clock('2026-01-20T11:00:00Z'));
    await now.write('current', { workbook: createWorkbook({ title: 'Open now' }), docPath: null, baseStamp: null });

    expect(await now.listOrphans()).toEqual([
      { sessionId: 'plan', title: complete.title, docPath: '/shared/Council Plan.awbook', savedAt: '2026-01-20T09:30:00.000Z', problem: null },
      { sessionId: 'never_saved', title: 'Never saved', docPath: null, savedAt: '2026-01-20T09:00:00.000Z', problem: null },
    ]);
    expect(await crashed.listOrphans()).toEqual([expect.objectContaining({ sessionId: 'current' })]);
  });

  it('are removed on discard (after a clean save)', async () => {
    const store = new RecoveryStore(folder, 'run-1');
    await store.write('session_a', { workbook: complete, docPath: null, baseStamp: null });
    await store.discard('session_a');
    expect(await readdir(folder)).toEqual([]);
    expect(await store.read('session_a')).toBeNull();
    await store.discard('session_a'); // discarding twice is harmless
  });

  it('are listed as none when the folder does not exist yet', async () => {
    expect(await new RecoveryStore(join(root, 'never-created'), 'run-1').listOrphans()).toEqual([]);
  });

  it('that are damaged are listed with their problem (never dropped silently), and cannot be restored', async () => {
    const earlier = new RecoveryStore(folder, 'run-crashed', clock('2026-01-20T09:00:00Z'));
    await earlier.write('good', { workbook: complete, docPath: null, baseStamp: null });
    const good = JSON.parse(await readFile(join(folder, 'good.recovery.json'), 'utf8'));
    const damaged: Record<string, string> = {
      'half-written.recovery.json': (await readFile(join(folder, 'good.recovery.json'), 'utf8')).slice(0, 5_000),
      'empty.recovery.json': '',
      'not-ours.recovery.json': JSON.stringify({ kind: 'something-else', sessionId: 'not-ours' }),
      'bad-workbook.recovery.json': JSON.stringify({ ...good, sessionId: 'bad-workbook', workbook: { ...good.workbook, alignments: 'lots' } }),
      'proto.recovery.json': JSON.stringify(good).replace('"kind"', '"__proto__":{"polluted":true},"kind"').replace('"good"', '"proto"'),
      'deep.recovery.json': '['.repeat(100_000),
    };
    for (const [name, text] of Object.entries(damaged)) await writeFile(join(folder, name), text);
    await mkdir(join(folder, 'folder.recovery.json'));

    const store = new RecoveryStore(folder, 'run-now');
    const listed = await store.listOrphans();
    expect(listed.filter((s) => s.problem === null).map((s) => s.sessionId)).toEqual(['good']);
    expect(Object.fromEntries(listed.filter((s) => s.problem !== null).map((s) => [s.sessionId, s.problem]))).toEqual({
      'half-written': 'The recovered copy is damaged: it is not valid JSON.',
      empty: 'The recovered copy is damaged: it is not valid JSON.',
      'not-ours': 'The recovered copy is damaged: its header is missing or wrong.',
      'bad-workbook': 'It cannot be restored as it is. The workbook has a problem at workbook.alignments: Expected an array, found text "lots".',
      proto: 'The recovered copy is damaged: it is not valid JSON.',
      deep: 'The recovered copy is damaged: it is not valid JSON.',
    });
    expect(await store.read('half-written')).toBeNull();
    expect(await store.read('bad-workbook')).toBeNull();
  });

  it('ignore temp files left by a write that was cut off', async () => {
    await mkdir(folder);
    await writeFile(join(folder, '.plan.recovery.json.1a2b3c4d.tmp'), '{"kind": "alignment-workbench-recovery"');
    expect(await new RecoveryStore(folder, 'run-now').listOrphans()).toEqual([]);
  });

  describe('refuse hostile session ids', () => {
    const hostile = ['../escape', '..\\escape', '/etc/passwd', 'C:\\Windows\\win', 'a/b', 'nul\u0000byte', '', 'x'.repeat(65), 'dot.dot'];

    it('when writing, without creating anything outside the folder', async () => {
      const store = new RecoveryStore(folder, 'run-1');
      for (const id of hostile)
        await expect(store.write(id, { workbook: complete, docPath: null, baseStamp: null }), JSON.stringify(id)).rejects.toThrow(
          'Invalid recovery session id',
        );
      expect(await readdir(root)).toEqual(['recovery']);
      expect(await readdir(folder)).toEqual([]);
    });

    it('when reading and discarding, leaving files outside the folder alone', async () => {
      await mkdir(folder);
      const outside = join(root, 'escape.recovery.json');
      const store = new RecoveryStore(folder, 'run-now');
      await new RecoveryStore(root, 'run-crashed').write('escape', { workbook: complete, docPath: null, baseStamp: null });
      for (const id of hostile) {
        expect(await store.read(id), JSON.stringify(id)).toBeNull();
        await store.discard(id);
      }
      expect((await readFile(outside, 'utf8')).length).toBeGreaterThan(0);
    });

    it('when a snapshot names a session other than its own file', async () => {
      const earlier = new RecoveryStore(folder, 'run-crashed');
      await earlier.write('honest', { workbook: complete, docPath: null, baseStamp: null });
      const body = JSON.parse(await readFile(join(folder, 'honest.recovery.json'), 'utf8'));
      await writeFile(join(folder, 'liar.recovery.json'), JSON.stringify({ ...body, sessionId: '../../escape' }));
      await writeFile(join(folder, 'twin.recovery.json'), JSON.stringify({ ...body, sessionId: 'honest' }));
      const store = new RecoveryStore(folder, 'run-now');
      const listed = await store.listOrphans();
      expect(listed.filter((s) => s.problem === null).map((s) => s.sessionId)).toEqual(['honest']);
      expect(listed.filter((s) => s.problem !== null).map((s) => s.sessionId).sort()).toEqual(['liar', 'twin']);
      expect(await store.read('liar')).toBeNull();
    });
  });
});

describe('recovery after the window’s page is lost', () => {
  it('offers what the lost page wrote, and not what the reloaded page writes', async () => {
    const store = new RecoveryStore(folder, 'run-1', clock('2026-01-20T10:00:00Z'));
    await store.write('before_crash', { workbook: createWorkbook({ title: 'Unsaved plan' }), docPath: null, baseStamp: null });
    expect(await store.listOrphans()).toEqual([]);
    store.startNewPageRun();
    await store.write('after_reload', { workbook: createWorkbook({ title: 'New page' }), docPath: null, baseStamp: null });
    expect((await store.listOrphans()).map((s) => s.title)).toEqual(['Unsaved plan']);
    store.startNewPageRun();
    expect((await store.listOrphans()).map((s) => s.title).sort()).toEqual(['New page', 'Unsaved plan']);
  });
});

describe('a recovered copy that cannot be restored', () => {
  it('is saved as a workbook file with its workbook as it was, to be mended in a text editor', async () => {
    const earlier = new RecoveryStore(folder, 'run-crashed');
    const broken = { ...complete, alignments: [...complete.alignments, { ...complete.alignments[0]! }] };
    await earlier.write('dup', { workbook: broken, docPath: null, baseStamp: null });
    const store = new RecoveryStore(folder, 'run-now');
    const [listed] = await store.listOrphans();
    expect(listed).toMatchObject({ sessionId: 'dup', title: complete.title, problem: expect.stringMatching(/^It cannot be restored as it is\. The workbook has a problem at workbook\.alignments\[\d+\]/) });
    const target = join(root, 'mend me.awbook');
    expect(await store.exportRaw('dup', target)).toBe(true);
    const saved = JSON.parse(await readFile(target, 'utf8'));
    expect(saved).toMatchObject({ format: 'alignment-workbench', workbook: { title: complete.title } });
    expect(saved.workbook.alignments).toHaveLength(complete.alignments.length + 1);
  });

  it('is copied exactly as it is when not even its header can be read', async () => {
    await mkdir(folder);
    await writeFile(join(folder, 'torn.recovery.json'), '{"kind": "alignment-workbench-recovery", "workbook": {"title": "Half');
    const store = new RecoveryStore(folder, 'run-now');
    const target = join(root, 'torn.awbook');
    expect(await store.exportRaw('torn', target)).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('{"kind": "alignment-workbench-recovery", "workbook": {"title": "Half');
    expect(await store.exportRaw('none', target)).toBe(false);
  });
});

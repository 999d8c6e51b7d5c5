/**
 * Files made to hurt: each is made here (none is checked in), handed to the command line in a child process
 * whose JavaScript heap is capped at 100 MB, and must be refused with a plain sentence, not a crash.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK } from '../tests/fixtures/fixtures';
import { cliProcessWith, expectNoStackTrace } from '../tests/fixtures/run-cli';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-hostile-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The command line with its heap capped: a reader that needs more than 100 MB dies instead of passing. */
const cappedCli = (...args: string[]) => cliProcessWith({ nodeOptions: ['--max-old-space-size=100'] }, ...args);

const someWorkbook = async () => {
  const path = join(folder, 'Plan.awbook');
  await copyFile(COMPLETE_WORKBOOK, path);
  return path;
};

describe.concurrent('hostile files', () => {
  it('a 10 MB workbook of lists nested 60 deep is refused in bounded memory', async () => {
    const path = join(folder, 'nested.awbook');
    const depth = 60;
    const items = 2_500_000;
    await writeFile(path, `${'['.repeat(depth - 1)}${Array(items).fill('[0]').join(',')}${']'.repeat(depth - 1)}`);
    const r = await cappedCli('validate', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^“nested\.awbook”: The file is not a workbook: .* holds more than 1,000,000 lists and objects/);
    expectNoStackTrace(r);
  });

  it('a device such as /dev/zero is refused without reading it', async () => {
    const r = await cappedCli('validate', '/dev/zero');
    expect(r).toMatchObject({ code: 1, stderr: '“zero” is a device, not a workbook file.\n' });
  });

  it('a named pipe is refused without waiting for it', async () => {
    const fifo = join(folder, 'pipe.awbook');
    execFileSync('mkfifo', [fifo]);
    const r = await cappedCli('validate', fifo);
    expect(r).toMatchObject({ code: 1, stderr: '“pipe.awbook” is a pipe, not a workbook file.\n' });
  });

  it('a 200 MB Word "zip bomb" that understates its sizes is refused without unpacking it whole', async () => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      parts.push(chunk);
    });
    const document = new ZipDeflate('word/document.xml', { level: 1 });
    zip.add(document);
    const megabyte = new Uint8Array(1024 * 1024).fill(0x20);
    for (let i = 0; i < 200; i++) document.push(megabyte, i === 199);
    zip.end();
    const bytes = Buffer.concat(parts);
    // Every size the archive declares says 10 bytes: only unpacking and counting finds the truth.
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const signature = bytes.readUInt32LE(i);
      if (signature === 0x04034b50) bytes.writeUInt32LE(10, i + 22);
      if (signature === 0x02014b50) bytes.writeUInt32LE(10, i + 24);
      if (signature === 0x08074b50) bytes.writeUInt32LE(10, i + 12);
    }
    const bomb = join(folder, 'bomb.docx');
    await writeFile(bomb, bytes);
    const r = await cappedCli('objectives', 'import', await someWorkbook(), bomb);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('“bomb.docx” unpacks to more than 50 MB, far more than a plan of objectives; the app does not read it.');
    expectNoStackTrace(r);
  });

  it('a plan that is a pipe, or larger than the limit, is refused before it is read', async () => {
    const fifo = join(folder, 'plan.csv');
    execFileSync('mkfifo', [fifo]);
    const book = await someWorkbook();
    const piped = await cappedCli('objectives', 'import', book, fifo);
    expect(piped.code).toBe(1);
    expect(piped.stderr).toContain('“plan.csv” is a pipe, not a plan file.');

    const big = join(folder, 'big.txt');
    const handle = await open(big, 'w');
    await handle.truncate(240 * 1024 * 1024);
    await handle.close();
    const large = await cappedCli('objectives', 'import', book, big);
    expect(large.code).toBe(1);
    expect(large.stderr).toContain('“big.txt” is 240 MB; the largest plan the app reads is 20 MB.');
  });
});

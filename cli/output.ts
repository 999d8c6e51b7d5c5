/**
 * Everything the command line prints goes through here: where it goes (stdout for results, stderr for problems),
 * the exit codes, and the small formatting helpers commands share (UK dates, plurals, aligned tables).
 */
import type { AppError } from '../shared/result';

export const EXIT = {
  /** Done; for validate, every file is a valid workbook. */
  OK: 0,
  /** A file is not a valid workbook, or could not be read. */
  INVALID: 1,
  /** The command line itself was wrong (unknown command, missing file name). */
  USAGE: 2,
  /** Something went wrong that the command line did not expect. */
  UNEXPECTED: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where output goes: the console in use, a buffer in tests. Each call is a whole chunk, newlines included. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export function consoleIo(): Io {
  // A reader that stops early (`| head`) closes the pipe; that is not an error worth a message.
  const ignoreBrokenPipe = (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  };
  process.stdout.on('error', ignoreBrokenPipe);
  process.stderr.on('error', ignoreBrokenPipe);
  return { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) };
}

/** Writes lines to one stream of an Io. */
export function lines(write: (text: string) => void, ...text: string[]): void {
  write(`${text.join('\n')}\n`);
}

/** "1 workshop", "4 partners", "6 evidence items". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`;
}

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "15 September 2025 at 09:42", in UK time whatever the computer's time zone. */
export function ukDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
}

export function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Label/value rows with the values lined up. */
export function table(rows: ReadonlyArray<readonly [string, string]>, indent = '  '): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`.trimEnd());
}

/** A reader's error as the officer should see it: the message, then each located problem when there are several. */
export function describeError(error: AppError): string[] {
  const out = [error.message];
  if (error.issues && error.issues.length > 1) {
    out.push('Problems found:');
    for (const issue of error.issues) out.push(`  ${issue.path}: ${issue.message}`);
  }
  return out;
}

/** A plain sentence for an error nobody planned for: the message only, never a stack trace. */
export function describeUnexpected(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const firstLine = message.split('\n')[0]?.trim() || 'no details were given';
  return `Something unexpected went wrong: ${shorten(firstLine, 300)}. No file has been changed.`;
}

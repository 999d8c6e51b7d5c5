/**
 * A small append-only log in the app's logs folder (Help › Open Logs Folder), rotated at 1 MB, so an IT
 * helpdesk can see what went wrong without any telemetry leaving the machine.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../ipc/router';

const MAX_BYTES = 1024 * 1024;

export function createFileLogger(folder: string, fileName = 'main.log'): Logger {
  const path = join(folder, fileName);
  const write = (level: string, message: string) => {
    try {
      mkdirSync(folder, { recursive: true });
      try {
        if (statSync(path).size > MAX_BYTES) renameSync(path, `${path}.1`);
      } catch {
        // no log yet
      }
      appendFileSync(path, `${new Date().toISOString()} ${level} ${message}\n`);
    } catch {
      // Logging must never take the app down.
    }
  };
  return {
    info: (message) => write('INFO', message),
    error: (message, error) =>
      write('ERROR', `${message}${error instanceof Error ? `: ${error.stack ?? error.message}` : error ? `: ${String(error)}` : ''}`),
  };
}

/** What the benchmarks share: medians, `--runs N`, and timing a whole process with its peak memory. */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `--runs N` from the command line, or the default. */
export function runsFromArgs(args: readonly string[], fallback: number): number {
  const at = args.indexOf('--runs');
  const n = at >= 0 ? Number(args[at + 1]) : fallback;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export interface ProcessRun {
  /** Wall-clock time from spawn to exit, in milliseconds. */
  readonly ms: number;
  /** Peak resident memory of the process and its children, in megabytes (GNU time), or null without it. */
  readonly peakMb: number | null;
  /**
   * Processor time (user and system) of the process and the descendants that were waited for, in milliseconds
   * (GNU time), or null without it: on a shared machine, steadier than wall-clock time. LibreOffice's own process
   * is counted; a browser the command line starts through a wrapper script (Debian's) and kills at the end is
   * not, so for PDFs this is the command line's own share.
   */
  readonly cpuMs: number | null;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a program to its end, as an officer or a script would, and times it. Under GNU time (when installed) to
 * read the peak memory of the whole process tree's largest member and the processor time it used; a failure is an
 * error naming the command.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; withMemory?: boolean } = {},
): Promise<ProcessRun> {
  const measure = options.withMemory ?? false;
  const [file, argv] = measure ? [GNU_TIME, ['-f', '%M %U %S', command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t;
      if (code !== 0)
        return reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`,
          ),
        );
      const usage = measure ? /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(stderr) : null;
      resolve({
        ms,
        peakMb: usage ? Number(usage[1]) / 1024 : null,
        cpuMs: usage ? (Number(usage[2]) + Number(usage[3])) * 1000 : null,
      });
    });
  });
}

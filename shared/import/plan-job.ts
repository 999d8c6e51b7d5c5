/**
 * Reading a plan off the window's thread: the messages between the window and the worker that reads plans, and
 * the window's side, which gives each read a time budget and a way to cancel. Pure (the worker is passed in), so
 * the protocol is tested without a browser; renderer/src/platform/ supplies the real Web Worker.
 */
import { fail, ok, type AppError, type Result } from '../result';
import { parseOutlineLines } from './outline';
import { readPlanFile, type PlanFile } from './plan-files';

export type PlanJob = { kind: 'file'; fileName: string; bytes: Uint8Array } | { kind: 'paste'; text: string };

export interface PlanRequest {
  readonly id: number;
  readonly job: PlanJob;
}

export interface PlanResponse {
  readonly id: number;
  readonly result: Result<PlanFile>;
}

/** Far longer than any real plan takes (a few hundred milliseconds); a file that needs more is refused. */
export const PLAN_TIME_BUDGET_MS = 20_000;

/** What the worker does with one request. */
export async function runPlanJob(job: PlanJob): Promise<Result<PlanFile>> {
  if (job.kind === 'paste') return ok({ kind: 'text', ...parseOutlineLines(job.text), warnings: [] });
  return readPlanFile(job.fileName, job.bytes);
}

export function isPlanRequest(data: unknown): data is PlanRequest {
  if (typeof data !== 'object' || data === null) return false;
  const { id, job } = data as { id?: unknown; job?: { kind?: unknown; text?: unknown; fileName?: unknown; bytes?: unknown } };
  if (typeof id !== 'number' || typeof job !== 'object' || job === null) return false;
  if (job.kind === 'paste') return typeof job.text === 'string';
  return job.kind === 'file' && typeof job.fileName === 'string' && job.bytes instanceof Uint8Array;
}

/** The worker's side: answers every message, a malformed one with an error rather than silence. */
export async function answerPlanRequest(data: unknown): Promise<PlanResponse> {
  if (!isPlanRequest(data)) {
    const id = typeof (data as { id?: unknown } | null)?.id === 'number' ? (data as { id: number }).id : -1;
    return { id, result: fail('INVALID_INPUT', 'The plan reader was sent something that is not a plan.') };
  }
  try {
    return { id: data.id, result: await runPlanJob(data.job) };
  } catch {
    return { id: data.id, result: fail('UNREADABLE', 'The plan could not be read. Check it is a plan saved as text, Word (.docx), CSV or Excel (.xlsx).') };
  }
}

/** The part of a Web Worker the window uses; tests pass a fake. */
export interface PlanWorker {
  postMessage(message: PlanRequest, transfer: ArrayBuffer[]): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function jobName(job: PlanJob): string {
  return job.kind === 'file' ? `“${job.fileName}”` : 'The pasted text';
}

export function overBudget(job: PlanJob, budgetMs: number): AppError {
  return {
    code: 'TOO_LARGE',
    message: `${jobName(job)} took longer than ${Math.round(budgetMs / 1000)} seconds to read, so reading it was stopped and nothing was added. A plan of objectives reads in moments: check it is the right file, or copy just the objectives into a new file.`,
  };
}

export function cancelled(job: PlanJob): AppError {
  return { code: 'CANCELLED', message: `Reading ${job.kind === 'file' ? `“${job.fileName}”` : 'the pasted text'} was cancelled. Nothing was added.` };
}

/**
 * Reads a plan in a worker of its own: the worker is ended when the read finishes, runs over budget or is
 * cancelled (ending it is the only way to stop a parse that is running), so nothing it was doing can touch the
 * workbook afterwards. Every read settles exactly once.
 */
export function readPlanInWorker(
  job: PlanJob,
  options: { makeWorker: () => PlanWorker; signal?: AbortSignal; budgetMs?: number; timers?: Timers },
): Promise<Result<PlanFile>> {
  const budgetMs = options.budgetMs ?? PLAN_TIME_BUDGET_MS;
  const timers = options.timers ?? realTimers;
  if (options.signal?.aborted) return Promise.resolve({ ok: false, error: cancelled(job) });
  return new Promise((resolve) => {
    let worker: PlanWorker | null = null;
    let timer: unknown = null;
    const settle = (result: Result<PlanFile>) => {
      if (worker === null) return;
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      worker = null;
      if (timer !== null) timers.clear(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => settle({ ok: false, error: cancelled(job) });
    try {
      worker = options.makeWorker();
    } catch {
      resolve(fail('INTERNAL', 'The plan reader could not be started. Close and reopen the app, then try again.'));
      return;
    }
    const id = 1;
    worker.onmessage = (event) => {
      const response = event.data as PlanResponse | null;
      if (response?.id === id) settle(response.result);
    };
    worker.onerror = () => settle(fail('UNREADABLE', `${jobName(job)} could not be read: the plan reader stopped. It may be damaged or far too large.`));
    options.signal?.addEventListener('abort', onAbort);
    timer = timers.set(() => settle({ ok: false, error: overBudget(job, budgetMs) }), budgetMs);
    // A copy of the bytes is handed over (transferred, not cloned), so the caller's array stays usable.
    if (job.kind === 'file') {
      const bytes = job.bytes.slice();
      worker.postMessage({ id, job: { ...job, bytes } }, [bytes.buffer]);
    } else worker.postMessage({ id, job }, []);
  });
}

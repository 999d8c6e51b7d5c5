/** Reads a plan in a Web Worker with a time budget; the caller's AbortSignal cancels it. */
import { readPlanInWorker, type PlanJob, type PlanWorker } from '../../../shared/import/plan-job';
import type { PlanFile } from '../../../shared/import/plan-files';
import type { Result } from '../../../shared/result';

function makeWorker(): PlanWorker {
  return new Worker(new URL('./plan-reader.worker.ts', import.meta.url), { type: 'module', name: 'plan-reader' }) as unknown as PlanWorker;
}

export function readPlan(job: PlanJob, signal?: AbortSignal): Promise<Result<PlanFile>> {
  return readPlanInWorker(job, { makeWorker, ...(signal ? { signal } : {}) });
}

import { describe, expect, it } from 'vitest';
import { answerPlanRequest, PLAN_TIME_BUDGET_MS, readPlanInWorker, type PlanJob, type PlanRequest, type PlanWorker, type Timers } from './plan-job';

/** A worker that answers through the real request handler, or holds every request until told to answer. */
class FakeWorker implements PlanWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = false;
  received: PlanRequest[] = [];
  transferred: ArrayBuffer[] = [];
  constructor(private readonly answer: boolean) {}
  postMessage(message: PlanRequest, transfer: ArrayBuffer[]) {
    this.received.push(message);
    this.transferred.push(...transfer);
    if (this.answer) void this.reply(message);
  }
  async reply(message: unknown = this.received[0]) {
    const response = await answerPlanRequest(message);
    this.onmessage?.({ data: response });
  }
  terminate() {
    this.terminated = true;
  }
}

/** Timers run by hand: the test says when the budget is up, so nothing depends on the clock. */
class HandTimers implements Timers {
  pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  set(callback: () => void, ms: number) {
    this.pending.set(this.next, { callback, ms });
    return this.next++;
  }
  clear(handle: unknown) {
    this.pending.delete(handle as number);
  }
  fireAll() {
    for (const [k, t] of [...this.pending]) {
      this.pending.delete(k);
      t.callback();
    }
  }
}

const paste: PlanJob = { kind: 'paste', text: 'Priority 1: Levelling Up Kent\nSupport businesses to grow\n' };
const csv: PlanJob = { kind: 'file', fileName: 'plan.csv', bytes: new TextEncoder().encode('Theme,Objective\nHealth,Reduce loneliness\n') };

describe('reading a plan in a worker', () => {
  it('returns what the worker read, and ends the worker', async () => {
    const worker = new FakeWorker(true);
    const timers = new HandTimers();
    const result = await readPlanInWorker(csv, { makeWorker: () => worker, timers });
    expect(result.ok && result.value.kind).toBe('csv');
    expect(result.ok && 'table' in result.value && result.value.table.rows).toEqual([['Health', 'Reduce loneliness']]);
    expect(worker.terminated).toBe(true);
    expect(timers.pending.size, 'the budget timer is cleared').toBe(0);
  });

  it('hands the worker a copy of the bytes, so the caller’s file stays whole', async () => {
    const worker = new FakeWorker(true);
    await readPlanInWorker(csv, { makeWorker: () => worker, timers: new HandTimers() });
    expect(worker.transferred).toHaveLength(1);
    expect(worker.transferred[0]).not.toBe(csv.kind === 'file' && csv.bytes.buffer);
    expect(csv.kind === 'file' && csv.bytes.length).toBeGreaterThan(0);
  });

  it('stops a read that runs over its budget, with a plain message, and ends the worker', async () => {
    const worker = new FakeWorker(false);
    const timers = new HandTimers();
    const reading = readPlanInWorker(csv, { makeWorker: () => worker, timers });
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([PLAN_TIME_BUDGET_MS]);
    timers.fireAll();
    const result = await reading;
    expect(result).toEqual({
      ok: false,
      error: { code: 'TOO_LARGE', message: expect.stringMatching(/^“plan\.csv” took longer than 20 seconds to read, so reading it was stopped and nothing was added\./) },
    });
    expect(worker.terminated).toBe(true);
  });

  it('is cancelled by the caller: the worker is ended and a late answer is ignored', async () => {
    const worker = new FakeWorker(false);
    const controller = new AbortController();
    const timers = new HandTimers();
    const reading = readPlanInWorker(paste, { makeWorker: () => worker, signal: controller.signal, timers });
    controller.abort();
    const result = await reading;
    expect(result).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'Reading the pasted text was cancelled. Nothing was added.' } });
    expect(worker.terminated).toBe(true);
    expect(timers.pending.size).toBe(0);
    expect(worker.onmessage, 'nothing listens to the ended worker').toBeNull();
  });

  it('does not start a worker for a read cancelled before it began', async () => {
    const controller = new AbortController();
    controller.abort();
    let started = 0;
    const result = await readPlanInWorker(paste, { makeWorker: () => (started++, new FakeWorker(true)), signal: controller.signal });
    expect(result.ok).toBe(false);
    expect(started).toBe(0);
  });

  it('says so plainly when the worker itself fails', async () => {
    const worker = new FakeWorker(false);
    const reading = readPlanInWorker(csv, { makeWorker: () => worker, timers: new HandTimers() });
    worker.onerror?.(new Event('error'));
    const result = await reading;
    expect(!result.ok && result.error.message).toBe('“plan.csv” could not be read: the plan reader stopped. It may be damaged or far too large.');
    expect(worker.terminated).toBe(true);
  });

  it('ignores answers to other requests', async () => {
    const worker = new FakeWorker(false);
    const timers = new HandTimers();
    const reading = readPlanInWorker(paste, { makeWorker: () => worker, timers });
    worker.onmessage?.({ data: { id: 99, result: { ok: true, value: { kind: 'text', nodes: [], warnings: [] } } } });
    await worker.reply();
    const result = await reading;
    expect(result.ok && 'nodes' in result.value && result.value.nodes.map((n) => n.title)).toEqual(['Levelling Up Kent']);
  });
});

describe('the worker’s side', () => {
  it('answers a malformed request with an error, never silence', async () => {
    expect(await answerPlanRequest({ id: 3, job: { kind: 'file', fileName: 'x.csv', bytes: 'not bytes' } })).toEqual({
      id: 3,
      result: { ok: false, error: { code: 'INVALID_INPUT', message: 'The plan reader was sent something that is not a plan.' } },
    });
    expect((await answerPlanRequest(null)).id).toBe(-1);
  });

  it('refuses a file that is not a plan with the reader’s own plain message', async () => {
    const response = await answerPlanRequest({ id: 1, job: { kind: 'file', fileName: 'plan.docx', bytes: new Uint8Array([1, 2, 3]) } });
    expect(!response.result.ok && response.result.error.message).toMatch(/^“plan\.docx” is not a Word document/);
  });
});

import { describe, expect, it } from 'vitest';
import { createRendererLossHandlers, type RendererLossPorts } from './renderer-loss';

function harness(answer: string) {
  const calls: string[] = [];
  const asked: { message: string; buttons: readonly string[] }[] = [];
  const ports: RendererLossPorts = {
    log: (m) => calls.push(`log: ${m}`),
    ask: async (m) => {
      asked.push({ message: m.message, buttons: m.buttons });
      return m.buttons.indexOf(answer);
    },
    keepRecoverySnapshots: () => calls.push('keep snapshots'),
    forgetUnsavedChanges: () => calls.push('forget unsaved'),
    reload: () => calls.push('reload'),
    endHungPage: () => calls.push('end hung page'),
    close: () => calls.push('close'),
  };
  return { calls, asked, handlers: createRendererLossHandlers(ports) };
}

describe('when the window’s page is lost', () => {
  it('a crash keeps the recovery copy, lifts the unsaved-changes guard and reloads when asked', async () => {
    const h = harness('Reload and recover');
    await h.handlers.gone({ reason: 'crashed', exitCode: 139 });
    expect(h.asked).toEqual([{ message: 'The window stopped working.', buttons: ['Reload and recover', 'Close the app'] }]);
    expect(h.calls).toEqual([
      "log: The window's page ended (crashed, exit code 139).",
      'keep snapshots',
      'forget unsaved',
      'keep snapshots',
      'forget unsaved',
      'reload',
    ]);
  });

  it('a crash can close the app, which the unsaved-changes guard no longer blocks', async () => {
    const h = harness('Close the app');
    await h.handlers.gone({ reason: 'oom', exitCode: 0 });
    expect(h.calls.at(-1)).toBe('close');
    expect(h.calls).toContain('forget unsaved');
  });

  it('a window closing normally is not a loss', async () => {
    const h = harness('Close the app');
    await h.handlers.gone({ reason: 'clean-exit', exitCode: 0 });
    expect(h.asked).toEqual([]);
    expect(h.calls).toEqual(["log: The window's page ended (clean-exit, exit code 0)."]);
  });

  it('a hung page may be waited for, or ended and reloaded', async () => {
    const waiting = harness('Wait');
    await waiting.handlers.unresponsive();
    expect(waiting.calls).toEqual(['log: The window stopped responding.']);

    const reloading = harness('Reload and recover');
    await reloading.handlers.unresponsive();
    expect(reloading.asked[0]!.buttons).toEqual(['Wait', 'Reload and recover', 'Close the app']);
    expect(reloading.calls).toEqual(['log: The window stopped responding.', 'keep snapshots', 'forget unsaved', 'end hung page', 'reload']);
    await reloading.handlers.gone({ reason: 'killed', exitCode: 9 });
    expect(reloading.asked, 'the page it ended raises no second message').toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  extend,
  formatClock,
  isRunning,
  milestonesBetween,
  milestoneText,
  newTimer,
  pause,
  phaseOf,
  remainingMs,
  reset,
  start,
} from './timer';

const MIN = 60_000;

describe('activity timer', () => {
  it('counts down only while running, and pauses and resumes where it was', () => {
    let t = newTimer(10);
    expect(remainingMs(t, 5_000)).toBe(10 * MIN);
    expect(phaseOf(t, 0)).toBe('idle');
    t = start(t, 1_000);
    expect(isRunning(t)).toBe(true);
    expect(remainingMs(t, 61_000)).toBe(9 * MIN);
    t = pause(t, 61_000);
    expect(phaseOf(t, 99_000)).toBe('paused');
    expect(remainingMs(t, 500_000)).toBe(9 * MIN);
    t = start(t, 500_000);
    expect(remainingMs(t, 560_000)).toBe(8 * MIN);
    expect(start(t, 999_999)).toBe(t);
  });

  it('adds a minute (or N) while running or paused', () => {
    let t = start(newTimer(2), 0);
    t = extend(t, MIN, 30_000);
    expect(remainingMs(t, 30_000)).toBe(2.5 * MIN);
    expect(t.durationMs).toBe(3 * MIN);
    t = pause(t, 60_000);
    t = extend(t, 5 * MIN, 70_000);
    expect(remainingMs(t, 100_000)).toBe(7 * MIN);
  });

  it('extends an overrun timer from zero, as a new timebox', () => {
    let t = start(newTimer(1), 0);
    expect(remainingMs(t, 90_000)).toBe(-30_000);
    expect(phaseOf(t, 90_000)).toBe('over');
    t = extend(t, MIN, 90_000);
    expect(remainingMs(t, 90_000)).toBe(MIN);
  });

  it('warns from one minute left', () => {
    const t = start(newTimer(2), 0);
    expect(phaseOf(t, 59_000)).toBe('running');
    expect(phaseOf(t, 60_000)).toBe('warning');
    expect(phaseOf(t, 120_000)).toBe('over');
    expect(remainingMs(reset(t), 0)).toBe(2 * MIN);
  });

  it('announces milestones once, not every second', () => {
    expect(milestonesBetween(61_000, 60_000)).toEqual(['one-minute']);
    expect(milestonesBetween(60_000, 59_000)).toEqual([]);
    expect(milestonesBetween(1_000, 0)).toEqual(['time-up']);
    expect(milestonesBetween(0, -1_000)).toEqual([]);
    // A long gap (a sleeping laptop) passes both at once; the one-minute warning is then stale.
    expect(milestonesBetween(5 * MIN, -10)).toEqual(['time-up']);
    expect(milestoneText('start', newTimer(10))).toBe('Timer started: 10 minutes.');
    expect(milestoneText('one-minute', newTimer(10))).toBe('One minute left.');
    expect(milestoneText('time-up', newTimer(10))).toBe('Time is up.');
  });

  it('shows minutes and seconds, rounding up, and the overrun with a minus sign', () => {
    expect(formatClock(10 * MIN)).toBe('10:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(59_000)).toBe('0:59');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-80_000)).toBe('−1:20');
  });
});

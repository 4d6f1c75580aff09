import { afterEach, describe, expect, it, vi } from 'vitest';
import { PREPARED_MATCHER_MS, PreparedMatcher } from '../../lib/background/prepared-matcher';
import type { FindMentions } from '../../lib/match/mention-finder';

const finder: FindMentions = async () => [];

afterEach(() => {
  vi.useRealTimers();
});

describe('PreparedMatcher', () => {
  it('hands the build over once, only for the key it was made for', async () => {
    const prepared = new PreparedMatcher();
    const build = vi.fn(() => finder);
    prepared.prepare('a@1|b@2', ['person'], build);
    expect(prepared.take('a@1')).toBeUndefined();
    const taken = prepared.take('a@1|b@2');
    expect(taken?.types).toEqual(['person']);
    expect(await taken?.finder).toBe(finder);
    expect(build).toHaveBeenCalledTimes(1);
    expect(prepared.take('a@1|b@2')).toBeUndefined();
  });

  it('builds after the reply (in a task of its own), and a newer preparation replaces the older', async () => {
    vi.useFakeTimers();
    const prepared = new PreparedMatcher();
    const first = vi.fn(() => finder);
    const second = vi.fn(() => finder);
    prepared.prepare('k1', ['person'], first);
    expect(first).not.toHaveBeenCalled();
    prepared.prepare('k2', ['person'], second);
    await vi.advanceTimersByTimeAsync(0);
    expect(prepared.take('k1')).toBeUndefined();
    expect(prepared.take('k2')).toBeDefined();
  });

  it('drops a build nobody used (a pack that failed its hash check) after a while', async () => {
    vi.useFakeTimers();
    const prepared = new PreparedMatcher();
    prepared.prepare('k', ['person'], () => finder);
    await vi.advanceTimersByTimeAsync(PREPARED_MATCHER_MS - 1);
    expect(prepared.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(prepared.pending).toBe(false);
    expect(prepared.take('k')).toBeUndefined();
  });

  it('a build that throws is handed over as a rejected finder, never as an unhandled rejection', async () => {
    const prepared = new PreparedMatcher();
    prepared.prepare('k', ['person'], () => {
      throw new Error('bad entries');
    });
    await expect(prepared.take('k')?.finder).rejects.toThrow('bad entries');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '../../lib/card/hover-intent';

function setup(delay = 350) {
  const state = { open: undefined as number | undefined, sticky: false };
  const log: string[] = [];
  const intent = new HoverIntent({
    delay: () => delay,
    grace: 300,
    openId: () => state.open,
    sticky: () => state.sticky,
    open: (id) => {
      state.open = id;
      log.push(`open ${id}`);
    },
    close: () => {
      log.push(`close ${state.open}`);
      state.open = undefined;
    },
    prefetch: (id) => log.push(`prefetch ${id}`),
  });
  return { intent, state, log };
}

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens after the pointer rests for the delay', () => {
    const { intent, log } = setup();
    intent.enter(1);
    vi.advanceTimersByTime(349);
    expect(log).toEqual(['prefetch 1']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['prefetch 1', 'open 1']);
  });

  it('opens nothing while the pointer sweeps across marks', () => {
    const { intent, log } = setup();
    for (let id = 1; id <= 6; id++) {
      intent.enter(id);
      vi.advanceTimersByTime(120);
      intent.leave(id);
      vi.advanceTimersByTime(30);
    }
    vi.advanceTimersByTime(2000);
    expect(log.filter((l) => l.startsWith('open'))).toEqual([]);
  });

  it('keeps the card while the pointer crosses into it, closes after it leaves', () => {
    const { intent, log } = setup();
    intent.enter(1);
    vi.advanceTimersByTime(350);
    intent.leave(1);
    vi.advanceTimersByTime(100);
    intent.cardEnter();
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['prefetch 1', 'open 1']);
    intent.cardLeave();
    vi.advanceTimersByTime(299);
    expect(log).not.toContain('close 1');
    vi.advanceTimersByTime(1);
    expect(log).toContain('close 1');
  });

  it('closes a hover card after the grace when the pointer just leaves', () => {
    const { intent, log } = setup();
    intent.enter(1);
    vi.advanceTimersByTime(350);
    intent.leave(1);
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['prefetch 1', 'open 1', 'close 1']);
  });

  it('coming back to the mark in the grace keeps the card', () => {
    const { intent, log } = setup();
    intent.enter(1);
    vi.advanceTimersByTime(350);
    intent.leave(1);
    vi.advanceTimersByTime(200);
    intent.enter(1);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['prefetch 1', 'open 1']);
  });

  it('a sticky card (clicked, keyboard, pinned) ignores the pointer', () => {
    const { intent, state, log } = setup();
    state.open = 1;
    state.sticky = true;
    intent.leave(1);
    intent.enter(2);
    vi.advanceTimersByTime(5000);
    expect(log).toEqual([]);
  });

  it('follows a changed delay setting', () => {
    let delay = 350;
    const opened: number[] = [];
    const intent = new HoverIntent({ delay: () => delay, openId: () => undefined, sticky: () => false, open: (id) => opened.push(id), close: () => {} });
    delay = 0;
    intent.enter(7);
    vi.advanceTimersByTime(0);
    expect(opened).toEqual([7]);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../lib/settings';
import { createSettingsFeed } from '../../lib/settings/settings-feed';

const with_ = (patch: Partial<Settings>): Settings => ({ ...defaultSettings(), ...patch });

describe('createSettingsFeed', () => {
  it('asks the background once, then answers from what it has', async () => {
    let asked = 0;
    const feed = createSettingsFeed(async () => {
      asked++;
      return with_({ theme: 'dark' });
    });
    expect((await feed.get()).theme).toBe('dark');
    expect((await Promise.all([feed.get(), feed.get()])).map((s) => s.theme)).toEqual(['dark', 'dark']);
    expect(asked).toBe(1);
  });

  it('a change pushed while the first answer is on its way is newer: the answer does not undo it', async () => {
    let answer: (s: Settings) => void = () => {};
    const feed = createSettingsFeed(() => new Promise((r) => (answer = r)));
    const first = feed.get();
    feed.push(with_({ markStyle: 'bold' }));
    answer(with_({ markStyle: 'soft' }));
    expect((await first).markStyle).toBe('bold');
    expect((await feed.get()).markStyle).toBe('bold');
  });

  it('tells watchers of each push until they unsubscribe', async () => {
    const feed = createSettingsFeed(async () => defaultSettings());
    const seen: string[] = [];
    const stop = feed.watch((s) => seen.push(s.theme));
    feed.push(with_({ theme: 'dark' }));
    feed.push(with_({ theme: 'light' }));
    stop();
    feed.push(with_({ theme: 'auto' }));
    expect(seen).toEqual(['dark', 'light']);
    expect((await feed.get()).theme).toBe('auto');
  });

  it('a failed first question is asked again next time', async () => {
    let calls = 0;
    const feed = createSettingsFeed(async () => {
      if (++calls === 1) throw new Error('no receiver');
      return defaultSettings();
    });
    await expect(feed.get()).rejects.toThrow('no receiver');
    await expect(feed.get()).resolves.toEqual(defaultSettings());
  });
});

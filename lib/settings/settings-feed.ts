/**
 * The settings as content scripts get them: asked of the background once (`getSettings`),
 * then pushed by it to every frame of every tab on each change (`settingsChanged`, see
 * lib/background/start-background.ts). Content scripts never touch browser.storage: the
 * first use of an extension API namespace in a page builds its bindings, and the bench's
 * page with no mentions spent several milliseconds there for storage alone; messaging is
 * needed for matching anyway.
 */
import type { Settings } from './settings';

export interface SettingsFeed {
  /** The latest settings: the first call asks the background. */
  get(): Promise<Settings>;
  /** Calls `onChange` with each newer version; returns the unsubscribe. */
  watch(onChange: (settings: Settings) => void): () => void;
  /** A `settingsChanged` message arrived. */
  push(settings: Settings): void;
}

export function createSettingsFeed(ask: () => Promise<Settings>): SettingsFeed {
  let latest: Settings | undefined;
  let first: Promise<Settings> | undefined;
  const watchers = new Set<(settings: Settings) => void>();
  return {
    get() {
      if (latest) return Promise.resolve(latest);
      // A push that lands while the question is out is newer than its answer.
      first ??= ask().then(
        (answer) => (latest ??= answer),
        (error: unknown) => {
          first = undefined;
          throw error;
        },
      );
      return first;
    },
    watch(onChange) {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    push(settings) {
      latest = settings;
      for (const w of [...watchers]) w(settings);
    },
  };
}

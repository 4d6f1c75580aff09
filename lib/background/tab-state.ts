/**
 * What each tab has marked, frame by frame (the content script runs in every frame), so
 * the badge counts distinct entities across a page and its iframes. Kept in memory and
 * mirrored to storage.session: an MV3 service worker is stopped when idle, and the badge
 * (which the browser keeps) must not disagree with getTabState after a restart.
 */
import type { TabState } from '../messaging/protocol';

interface FrameState {
  entityIds: string[];
  count: number;
  active?: boolean;
}

export type TabStateSnapshot = Record<string, Record<string, FrameState>>;

/**
 * Where the snapshot is mirrored. Extension pages watch it as the signal that some tab's
 * state changed (the side panel then asks getTabState: the snapshot's shape stays ours).
 */
export const TAB_STATES_KEY = 'session:tabStates';

export interface SnapshotStorage {
  getValue(): Promise<TabStateSnapshot | null>;
  setValue(value: TabStateSnapshot): Promise<void>;
}

export class TabStates {
  private readonly tabs = new Map<number, Map<number, FrameState>>();

  constructor(private readonly persist?: SnapshotStorage) {}

  /** Restores what the previous service worker knew. Never throws. */
  async restore(): Promise<void> {
    try {
      const snapshot = (await this.persist?.getValue()) ?? {};
      for (const [tabId, frames] of Object.entries(snapshot)) {
        this.tabs.set(Number(tabId), new Map(Object.entries(frames).map(([frameId, state]) => [Number(frameId), state])));
      }
    } catch {
      // storage.session missing (old browser) or unreadable: start empty.
    }
  }

  /** Replaces one frame's report and returns the tab's new state. */
  report(tabId: number, frameId: number, entityIds: readonly string[], count: number, active?: boolean): TabState {
    const frames = this.tabs.get(tabId) ?? new Map<number, FrameState>();
    frames.set(frameId, { entityIds: [...new Set(entityIds)], count, ...(active === undefined ? {} : { active }) });
    this.tabs.set(tabId, frames);
    this.save();
    return this.state(tabId);
  }

  get(tabId: number): TabState | null {
    return this.tabs.has(tabId) ? this.state(tabId) : null;
  }

  /** Forgets a tab (navigated or closed). Returns whether there was anything to forget. */
  clear(tabId: number): boolean {
    const had = this.tabs.delete(tabId);
    if (had) this.save();
    return had;
  }

  private state(tabId: number): TabState {
    const frames = [...(this.tabs.get(tabId)?.entries() ?? [])].sort(([a], [b]) => a - b);
    const entityIds = [...new Set(frames.flatMap(([, f]) => f.entityIds))];
    const top = frames.find(([id]) => id === 0)?.[1].active;
    return { tabId, entityIds, count: frames.reduce((sum, [, f]) => sum + f.count, 0), ...(top === undefined ? {} : { active: top }) };
  }

  private save(): void {
    if (!this.persist) return;
    const snapshot: TabStateSnapshot = {};
    for (const [tabId, frames] of this.tabs) snapshot[tabId] = Object.fromEntries(frames);
    this.persist.setValue(snapshot).catch(() => undefined);
  }
}

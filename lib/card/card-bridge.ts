/**
 * What the card needs from outside the page: the user's settings and the background's
 * answers. One interface, so the controller can be driven by a fake in tests; the real
 * one is a thin layer over lib/messaging and lib/settings.
 */
import { sendMessage } from '../messaging/send-message';
import type { SettingsFeed } from '../settings/settings-feed';
import type { Settings } from '../settings/settings';
import type { EntityCard } from '../store/views';

export interface SourceLink {
  sourceId: string;
  packId?: string;
  quote?: string;
}

export interface CardBridge {
  settings(): Promise<Settings>;
  watchSettings(onChange: (settings: Settings) => void): () => void;
  card(entityId: string): Promise<EntityCard | null>;
  openSource(link: SourceLink): Promise<boolean>;
  /** Must send before any await: Chrome opens the side panel only within the click's user gesture. */
  openSidePanel(): Promise<boolean>;
  mute(entityId: string): Promise<boolean>;
  correct(entityId: string, site: string): Promise<boolean>;
}

export function messagingBridge(settings: SettingsFeed): CardBridge {
  return {
    settings: () => settings.get(),
    watchSettings: (onChange) => settings.watch(onChange),
    card: async (id) => {
      const reply = await sendMessage({ type: 'getEntityCard', id });
      if (!reply.ok) throw new Error(reply.error);
      return reply.data;
    },
    openSource: async (link) => (await sendMessage({ type: 'openSource', ...link })).ok,
    openSidePanel: async () => {
      const reply = await sendMessage({ type: 'openSidePanel' });
      return reply.ok && reply.data.opened;
    },
    mute: async (id) => (await sendMessage({ type: 'muteEntity', id })).ok,
    correct: async (entityId, site) => (await sendMessage({ type: 'addCorrection', entityId, site })).ok,
  };
}

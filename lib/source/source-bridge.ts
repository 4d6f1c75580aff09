/** The source page's link to the background and the settings (an interface, so tests can fake it). */
import type { SourceBridge } from '../../components/source/source-viewer-container';
import { sendMessage } from '../messaging/send-message';
import { loadSettings } from '../settings/settings-item';

export function sourceBridge(): SourceBridge {
  return {
    load: async (id, packId) => {
      const reply = await sendMessage({ type: 'getSource', id, ...(packId === undefined ? {} : { packId }) });
      if (!reply.ok) throw new Error(reply.error);
      return reply.data;
    },
    settings: () => loadSettings(),
  };
}

import { browser } from 'wxt/browser';
import { createCardSink } from '../lib/card/card-sink';
import { createContentHandler, sendMessage } from '../lib/messaging';
import { messagingBridge } from '../lib/card/card-bridge';
import { ContentApp } from '../lib/overlay/content-app';
import { createSettingsFeed } from '../lib/settings/settings-feed';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: false,
  runAt: 'document_idle',
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    // Settings come from the background and its settingsChanged pushes (no storage API here).
    const settings = createSettingsFeed(async () => {
      const reply = await sendMessage({ type: 'getSettings' });
      if (!reply.ok) throw new Error(`Factmark: no settings (${reply.error})`);
      return reply.data;
    });
    // The card looks mentions up in the overlay the app is running (`app` exists by the first intent).
    const card = createCardSink(ctx, { mention: (id) => app.current?.byId(id), bridge: messagingBridge(settings) });
    const app = new ContentApp(
      document,
      location.hostname,
      {
        match: async (blocks, types) => {
          const reply = await sendMessage({ type: 'matchBlocks', blocks: blocks.map((b) => ({ text: b.text, heading: b.heading ?? false })), types: [...types] });
          if (!reply.ok) throw new Error(`Factmark: matching failed (${reply.error})`);
          return reply.data;
        },
        settings: () => settings.get(),
        watchSettings: (onChange) => settings.watch(onChange),
        report: (state) => void sendMessage({ type: 'reportPageState', entityIds: state.entityIds, count: state.count, active: state.active }),
      },
      card,
      controller.signal,
    );
    const handler = createContentHandler({
      settingsChanged: ({ settings: next }) => {
        settings.push(next);
        return null;
      },
      focusMark: ({ entityId }) => ({ found: app.reveal(entityId) }),
      togglePage: async () => ({ active: await app.toggle() }),
      stepMark: ({ direction }) => {
        app.step(direction === 'next' ? 1 : -1);
        return { found: (app.current?.list.length ?? 0) > 0 };
      },
      ping: () => ({ running: true }),
      packsChanged: async () => {
        await app.packsChanged();
        return null;
      },
    });
    browser.runtime.onMessage.addListener(handler.listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(handler.listener));
    ctx.addEventListener(window, 'wxt:locationchange', () => app.navigated());
    void app.start().catch((error: unknown) => console.warn('Factmark:', error));
  },
});

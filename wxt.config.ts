import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See README "Permissions" for why each permission is needed.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-page': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_cmdTogglePage__',
      },
      'next-mark': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_cmdNextMark__',
      },
      'previous-mark': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_cmdPreviousMark__',
      },
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_cmdOpenSidePanel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'factmark@factmark.local',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android added data_collection_permissions in 142 (web-ext lint).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

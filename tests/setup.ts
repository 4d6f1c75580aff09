import en from '../public/_locales/en/messages.json';
import { setFallbackCatalogue } from '../lib/i18n';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});

// Components and models render English text in unit tests, as the browser would (lib/i18n.ts).
setFallbackCatalogue(en);

/**
 * The readable packs' key, as the background publishes it (lib/background/packs-key.ts):
 * it changes whenever a pack is imported, switched on or off, removed or finishes writing.
 * Views that fetched pack data fetch again when it changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { PACKS_KEY_ITEM } from '../../lib/background/packs-key';

export function usePacksKey(): string {
  const [key, setKey] = useState('');
  useEffect(() => {
    let live = true;
    void storage.getItem<string>(PACKS_KEY_ITEM).then((k) => live && setKey(k ?? ''), () => undefined);
    const unwatch = storage.watch<string>(PACKS_KEY_ITEM, (k) => setKey(k ?? ''));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return key;
}

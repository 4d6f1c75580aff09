/** The user's settings, kept current while the popup is open. */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, watchSettings, type Settings } from '../../lib/settings';

export function useSettings(): [Settings | undefined, (next: Settings) => void] {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // Extension pages read storage.local themselves; writes go through the background
    // (updateSettings), whose answer is set at once so a switch never lags behind a click.
    loadSettings().then((s) => live && setSettings(s), () => undefined);
    const unwatch = watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return [settings, setSettings];
}

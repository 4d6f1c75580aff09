/** The user's settings, kept current (the panel needs the site rules and the theme). */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, watchSettings, type Settings } from '../../lib/settings';

export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // Extension pages may read storage.local themselves: no round trip to the background.
    loadSettings().then((s) => live && setSettings(s), () => undefined);
    const unwatch = watchSettings((s) => setSettings(s));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return settings;
}

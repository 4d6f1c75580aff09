/**
 * The settings for the options page: read from storage and kept current (so a change
 * made in the popup or a card shows here at once); every change is a patch sent to the
 * background (`updateSettings`, privileged), the only writer.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging/send-message';
import { loadSettings, watchSettings, type Settings, type SettingsPatch } from '../../lib/settings';

export interface SettingsState {
  settings: Settings | undefined;
  /** The reason the last change failed, if it did. */
  error: string | undefined;
  update(patch: SettingsPatch): Promise<boolean>;
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadSettings().then((s) => live && setSettings(s), (e: unknown) => live && setError(String(e)));
    const unwatch = watchSettings((s) => setSettings(s));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const update = useCallback(async (patch: SettingsPatch) => {
    const reply = await sendMessage({ type: 'updateSettings', patch });
    if (!reply.ok) {
      setError(reply.error);
      return false;
    }
    setError(undefined);
    setSettings(reply.data);
    return true;
  }, []);
  return { settings, error, update };
}

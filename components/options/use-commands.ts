/** The extension's keyboard commands with the keys the browser has bound to them. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface Command {
  name: string;
  description: string;
  /** "" when the user (or a clash with another extension) left it without keys. */
  shortcut: string;
}

export function useCommands(): Command[] | undefined {
  const [commands, setCommands] = useState<Command[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void browser.commands
        ?.getAll()
        .then((all) => live && setCommands(all.filter((c) => c.name !== undefined && c.name !== '_execute_action').map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' }))))
        .catch(() => live && setCommands([]));
    refresh();
    // Shortcuts are changed on another page: read them again when the user comes back.
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return commands;
}

/** Where the browser lets the user change extension shortcuts. */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> } | undefined;
  // Firefox 137+ has its own opener; chrome:// URLs cannot be opened from a link, only by tabs.create.
  if (commands?.openShortcutSettings) return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/**
 * The packs for the options page: the list (from the background's status), switching and
 * removing (messages, privileged), export (read from the store here) and import (written
 * to the store here, with progress; see lib/packs/import-pack.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/send-message';
import { downloadText, exportPack, importPackFile, packFileName, pageStore, type ImportProblem, type ImportProgress } from '../../lib/packs';
import { packFileText } from '../../lib/pack/validate';
import { requestPersistence, type PackMeta } from '../../lib/store';

export type ImportState =
  | { state: 'idle' }
  | { state: 'running'; fileName: string; progress: ImportProgress }
  | { state: 'done'; fileName: string; meta: PackMeta; replaced?: string }
  | { state: 'failed'; fileName: string; problem: ImportProblem };

export interface PacksState {
  packs: PackMeta[] | undefined;
  /** Imports the background found half-written (their page closed) and removed. */
  interrupted: Array<{ id: string; name: string; version: string }>;
  /** The reason the last list action failed. */
  error: string | undefined;
  importState: ImportState;
  importFile(file: File): Promise<void>;
  setEnabled(packId: string, enabled: boolean): Promise<void>;
  remove(packId: string): Promise<boolean>;
  exportOne(packId: string): Promise<void>;
}

/**
 * Resolves once the browser has painted (the frame runs, then a task after it), or after
 * 100 ms: a hidden tab runs no frames, and the import must not wait for the user to return.
 */
const afterNextPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });

export function usePacks(): PacksState {
  const [packs, setPacks] = useState<PackMeta[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [interrupted, setInterrupted] = useState<PacksState['interrupted']>([]);
  const [importState, setImportState] = useState<ImportState>({ state: 'idle' });
  const busy = useRef(false);

  const refresh = useCallback(async () => {
    const reply = await sendMessage({ type: 'getStatus' });
    if (reply.ok) {
      setPacks(reply.data.packs);
      setInterrupted(reply.data.store.interrupted ?? []);
    } else setError(reply.error);
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const importFile = useCallback(async (file: File) => {
    if (busy.current) return;
    busy.current = true;
    const fileName = file.name;
    setImportState({ state: 'running', fileName, progress: { phase: 'reading', done: 0, total: file.size } });
    // Closing the page mid-write undoes the import (the background removes the half-written
    // pack): the browser asks the user first.
    const stay = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', stay);
    try {
      // Progress events come in bursts (every chunk): at most one state update per frame.
      let pending: ImportProgress | undefined;
      let finished = false;
      const flush = () => {
        const progress = pending;
        pending = undefined;
        if (progress && !finished) setImportState({ state: 'running', fileName, progress });
      };
      const result = await importPackFile(pageStore(), file, {
        onProgress: (progress) => {
          if (!pending) requestAnimationFrame(flush);
          pending = progress;
        },
        yieldToPage: afterNextPaint,
        // Parsed: the background builds its matcher with the new names while the pack is checked (it uses it only once the pack is in).
        onDictionary: (dictionary) => void sendMessage({ type: 'prepareMatcher', ...dictionary }),
        // Pages can be marked with the new names already: tell the background, don't wait.
        onMatchable: () => {
          void sendMessage({ type: 'packsChanged' }).then((reply) => reply.ok && setPacks(reply.data.packs));
        },
      });
      finished = true;
      if (!result.ok) {
        setImportState({ state: 'failed', fileName, problem: result.problem });
        return;
      }
      setImportState(result.replaced === undefined ? { state: 'done', fileName, meta: result.meta } : { state: 'done', fileName, meta: result.meta, replaced: result.replaced });
      void requestPersistence();
      const reply = await sendMessage({ type: 'packsChanged' });
      if (reply.ok) setPacks(reply.data.packs);
      else await refresh();
    } finally {
      window.removeEventListener('beforeunload', stay);
      busy.current = false;
    }
  }, [refresh]);

  const setEnabled = useCallback(async (packId: string, enabled: boolean) => {
    const reply = await sendMessage({ type: 'setPackEnabled', packId, enabled });
    if (reply.ok) {
      setPacks(reply.data);
      setError(undefined);
    } else setError(reply.error);
  }, []);

  const remove = useCallback(async (packId: string) => {
    const reply = await sendMessage({ type: 'removePack', packId });
    if (!reply.ok) setError(reply.error);
    await refresh();
    return reply.ok && reply.data.removed;
  }, [refresh]);

  const exportOne = useCallback(
    async (packId: string) => {
      const name = packs?.find((p) => p.id === packId)?.name ?? packId;
      try {
        const pack = await exportPack(pageStore(), packId);
        if (!pack) {
          // Removed since the list was read (from another options page, say): say so, and show the list as it is now.
          setError(t('opt_exportGone', name));
          return void refresh();
        }
        downloadText(document, packFileName(pack), packFileText(pack));
        setError(undefined);
      } catch (e) {
        setError(t('opt_exportFailed', name, e instanceof Error ? e.message : String(e)));
      }
    },
    [packs, refresh],
  );

  return { packs, interrupted, error, importState, importFile, setEnabled, remove, exportOne };
}

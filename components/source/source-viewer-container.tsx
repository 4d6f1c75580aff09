/**
 * The source page's state: which document and quote (from the URL, kept in step with the
 * history so Back returns to the previous highlight), the loaded document, the theme.
 * Scrolls the highlighted passage into view whenever it changes.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { uiLocale } from '../../lib/card/locale';
import { t } from '../../lib/i18n';
import type { Settings, Theme } from '../../lib/settings';
import { readSourceParams, sourceModel, sourceSearch, type DrawnItem, type SourceParams } from '../../lib/source/source-model';
import type { SourceView } from '../../lib/store/views';
import { SourceViewer, type SourceState } from './source-viewer';

export interface SourceBridge {
  load(sourceId: string, packId?: string): Promise<SourceView | null>;
  settings(): Promise<Settings>;
}

export interface SourceViewerContainerProps {
  bridge: SourceBridge;
  /** location-like: where the params come from and go to. Defaults to the page's. */
  location?: { search: string };
  history?: Pick<History, 'pushState'>;
  win?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

export function SourceViewerContainer({ bridge, location: loc = window.location, history: hist = window.history, win = window }: SourceViewerContainerProps) {
  const [params, setParams] = useState<SourceParams>(() => readSourceParams(loc.search));
  const [loaded, setLoaded] = useState<{ state: SourceState; view?: SourceView }>({ state: params.sourceId ? 'loading' : 'no-source' });
  const [theme, setTheme] = useState<Theme>('auto');
  const firstMark = useRef<HTMLElement>(null);
  const locale = useMemo(uiLocale, []);

  useEffect(() => {
    void bridge.settings().then((s) => setTheme(s.theme), () => {});
    const onPop = () => setParams(readSourceParams(loc.search));
    win.addEventListener('popstate', onPop);
    return () => win.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (!params.sourceId) return;
    let live = true;
    bridge.load(params.sourceId, params.packId).then(
      (view) => live && setLoaded(view ? { state: 'ready', view } : { state: 'missing' }),
      () => live && setLoaded({ state: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [params.sourceId, params.packId]);

  const model = useMemo(() => (loaded.view ? sourceModel(loaded.view, params.quote, locale) : undefined), [loaded.view, params.quote, locale]);

  useEffect(() => {
    document.title = model ? t('sourcePageTitle', model.title) : t('sourcePageTitleBare');
  }, [model?.title]);

  useEffect(() => {
    const mark = firstMark.current;
    if (!mark) return;
    mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  }, [model, params.quote]);

  const show = (item: DrawnItem) => {
    const next = { ...params, quote: item.quote };
    hist.pushState(null, '', sourceSearch(next));
    setParams(next);
  };

  return <SourceViewer state={loaded.state} model={model} params={params} theme={theme} firstMarkRef={firstMark} onShow={show} />;
}

/** The source page as a render of its props: the document with its highlight, and what the pack draws from it. */
import type { Ref } from 'preact';
import { t } from '../../lib/i18n';
import type { Theme } from '../../lib/settings';
import type { DrawnItem, SourceModel, SourceParams } from '../../lib/source/source-model';
import { DrawnList } from './drawn-list';
import { SourceText } from './source-text';

export type SourceState = 'loading' | 'ready' | 'missing' | 'error' | 'no-source';

export interface SourceViewerProps {
  state: SourceState;
  model?: SourceModel | undefined;
  params: SourceParams;
  theme: Theme;
  firstMarkRef?: Ref<HTMLElement>;
  onShow(item: DrawnItem): void;
}

function QuoteStatus({ model, params }: { model: SourceModel; params: SourceParams }) {
  if (model.quoteFound === undefined) return null;
  if (model.quoteFound) return <p class="quote-status">{t('sourceQuoteShown')}</p>;
  return (
    <div class="quote-status missing">
      <p>{t('sourceQuoteMissing')}</p>
      <blockquote>{params.quote}</blockquote>
    </div>
  );
}

export function SourceViewer({ state, model, params, theme, firstMarkRef, onShow }: SourceViewerProps) {
  if (state !== 'ready' || !model) {
    const message = { loading: t('cardLoading'), missing: t('sourceMissing'), error: t('sourceError'), 'no-source': t('sourceNone'), ready: '' }[state];
    return (
      <main class="page" data-theme={theme}>
        <p class="notice">{message}</p>
      </main>
    );
  }
  return (
    <div class="page" data-theme={theme}>
      <main class="doc-column" aria-labelledby="source-title">
        <p class="eyebrow">{t('sourceEyebrow')}</p>
        <h1 id="source-title">{model.title}</h1>
        <p class="meta">{model.meta}</p>
        <QuoteStatus model={model} params={params} />
        <article aria-label={t('sourceText')}>
          <SourceText paragraphs={model.paragraphs} firstMarkRef={firstMarkRef} />
        </article>
      </main>
      <aside class="drawn" aria-labelledby="drawn-title">
        <h2 id="drawn-title">{t('drawnTitle')}</h2>
        <DrawnList groups={model.groups} params={params} onShow={onShow} />
      </aside>
    </div>
  );
}

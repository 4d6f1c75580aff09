/**
 * The card as a render of its props (the state lives in card-container.tsx): a labelled,
 * non-modal dialog with the entity's name, what the sources say with their proof, and
 * the actions. Every value is rendered as text; nothing here ever sets HTML.
 */
import type { Ref } from 'preact';
import type { CardModel } from '../../lib/card/card-model';
import { t } from '../../lib/i18n';
import type { EntityType } from '../../lib/pack/types';
import type { Theme } from '../../lib/settings';
import { DealsSection, FiguresSection, IdentityProof, RelatedSection, RolesSection, SourcesSection, StatementsSection, type SectionHandlers } from './card-sections';
import { typeLabel } from '../../lib/card/card-model';

export type CardState = 'loading' | 'ready' | 'missing' | 'error';

export interface CardViewProps extends SectionHandlers {
  /** Known before the data arrives (from the mark), so the card can show at once. */
  header: { name: string; type: EntityType };
  state: CardState;
  model?: CardModel | undefined;
  theme: Theme;
  dir: 'ltr' | 'rtl';
  pinned: boolean;
  canGoBack: boolean;
  status: string;
  /** The citation to copy by hand, when the clipboard refused. */
  manualCopy?: string | undefined;
  dialogRef?: Ref<HTMLDivElement>;
  onBack(): void;
  onPin(): void;
  onClose(): void;
  onShowDeals(): void;
  onMute(): void;
  onNotHere(): void;
}

/** A pushpin, drawn rather than an emoji: not every system has an emoji font. */
function PinIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M9.8 1.2 14.8 6.2 13.7 7.3 12.9 6.9 10.2 9.6 10.5 12.6 9.4 13.7 6.6 10.9 2.6 14.9 1.1 14.9 1.1 13.4 5.1 9.4 2.3 6.6 3.4 5.5 6.4 5.8 9.1 3.1 8.7 2.3Z" />
    </svg>
  );
}

function Body(props: CardViewProps) {
  const { state, model, header } = props;
  if (state === 'loading') return <p class="empty">{t('cardLoading')}</p>;
  if (state === 'error') return <p class="empty">{t('cardError')}</p>;
  if (state === 'missing' || !model) return <p class="empty">{t('cardMissing', header.name)}</p>;
  return (
    <>
      <IdentityProof {...props} model={model} />
      <RolesSection {...props} model={model} />
      <FiguresSection {...props} model={model} />
      <StatementsSection {...props} model={model} />
      <DealsSection {...props} model={model} />
      <RelatedSection {...props} model={model} />
      <SourcesSection {...props} model={model} />
    </>
  );
}

export function CardView(props: CardViewProps) {
  const { header, model, theme, dir, pinned, canGoBack, status, manualCopy, dialogRef } = props;
  const name = model?.name ?? header.name;
  const type = model?.type ?? header.type;
  return (
    <div class="card" role="dialog" aria-labelledby="fm-card-title" aria-describedby="fm-card-identity" tabIndex={-1} data-theme={theme} dir={dir} ref={dialogRef}>
      <div class="head">
        {canGoBack && (
          <button type="button" class="icon back" onClick={props.onBack} aria-label={t('cardBack')} title={t('cardBack')}>
            <span aria-hidden="true">{dir === 'rtl' ? '→' : '←'}</span>
          </button>
        )}
        <div class={canGoBack ? 'head-text with-back' : 'head-text'}>
          <span class="chip" data-type={type}>
            {typeLabel(type)}
          </span>
          <h2 id="fm-card-title">{name}</h2>
        </div>
        <div class="tools">
          <button type="button" class="icon" aria-pressed={pinned} onClick={props.onPin} aria-label={t('cardPin')} title={t('cardPin')}>
            <PinIcon />
          </button>
          <button type="button" class="icon" onClick={props.onClose} aria-label={t('cardClose')} title={t('cardClose')}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <p class="identity" id="fm-card-identity">
          {model?.identity ?? ''}
        </p>
      </div>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      {manualCopy !== undefined && (
        <div class="status">
          <label>
            {t('copyManually')}
            <textarea class="manual" readOnly rows={3} value={manualCopy} onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()} />
          </label>
        </div>
      )}
      <Body {...props} />
      {props.state === 'ready' && model && (
        <div class="actions" role="group" aria-label={t('cardActions')}>
          <button type="button" class="action" onClick={props.onShowDeals}>
            {t('actionShowDeals')}
          </button>
          <button type="button" class="action" onClick={props.onMute}>
            {t('actionMute')}
          </button>
          <button type="button" class="action" onClick={props.onNotHere}>
            {t('actionNotHere')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The header of a result's view in the popup: Back, what it is, its name, one line about it. */
import { useEffect, useRef } from 'preact/hooks';
import { t, uiDirection } from '../../lib/i18n';

export interface ViewHeaderProps {
  title: string;
  /** "person", "Deal", "Source"… */
  kind: string;
  /** data-type of the chip, for its colour. */
  chip: string;
  identity?: string | undefined;
  onBack(): void;
}

export function ViewHeader({ title, kind, chip, identity, onBack }: ViewHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // A new view takes focus on its title, so a screen reader says where the reader is
  // and Tab goes on into the view.
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <header class="view-head">
      <button type="button" class="back" onClick={onBack} title={t('popupBackHint')}>
        <span aria-hidden="true">{uiDirection() === 'rtl' ? '→ ' : '← '}</span>
        {t('cardBack')}
      </button>
      <span class="chip" data-type={chip}>
        {kind}
      </span>
      <h2 id="popup-view-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {identity && <p class="identity">{identity}</p>}
    </header>
  );
}

/**
 * The card's state: which entity it shows (related entities open in place, with Back),
 * the loaded data, the status line after an action. Rendering is CardView's; what the
 * actions do (messages to the background, the clipboard) comes in through `actions`.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cardModel, type Evidence, type SourceItem } from '../../lib/card/card-model';
import type { SourceLink } from '../../lib/card/card-bridge';
import type { CopyResult } from '../../lib/card/copy-text';
import { t } from '../../lib/i18n';
import type { EntityType } from '../../lib/pack/types';
import type { Theme } from '../../lib/settings';
import type { EntityCard, EntitySummary } from '../../lib/store/views';
import { CardView, type CardState } from './card-view';
import { useEntityCard } from './use-entity-card';

export interface CardActions {
  load(entityId: string): Promise<EntityCard | null>;
  openSource(link: SourceLink): Promise<boolean>;
  /** Resolves whether the side panel opened. */
  showDeals(entityId: string): Promise<boolean>;
  mute(entityId: string): Promise<boolean>;
  notHere(entityId: string): Promise<boolean>;
  copy(text: string): Promise<CopyResult>;
}

export interface CardContainerProps {
  entityId: string;
  header: { name: string; type: EntityType };
  actions: CardActions;
  theme: Theme;
  dir: 'ltr' | 'rtl';
  locale: string;
  pinned: boolean;
  onPin(): void;
  onClose(): void;
  /** Opened from the keyboard: focus moves into the card. */
  autoFocus: boolean;
  /** After each render that can change the card's size, so the controller can place it. */
  onRendered(state: CardState, entityId: string): void;
}

interface Shown {
  id: string;
  name: string;
  type: EntityType;
}

export function CardContainer(props: CardContainerProps) {
  const { actions, locale } = props;
  const [stack, setStack] = useState<Shown[]>([{ id: props.entityId, ...props.header }]);
  const [status, setStatus] = useState('');
  const [manualCopy, setManualCopy] = useState<string | undefined>(undefined);
  const dialog = useRef<HTMLDivElement>(null);
  const shown = stack[stack.length - 1]!;
  const { state, card } = useEntityCard(actions.load, shown.id);
  const model = useMemo(() => (card ? cardModel(card, locale) : undefined), [card, locale]);

  // Placed first, then focused, in the same task as the render: a key pressed right after
  // Enter already lands in the card (a hidden, unplaced card could not take focus).
  useLayoutEffect(() => props.onRendered(state, shown.id));
  useLayoutEffect(() => {
    if (props.autoFocus) dialog.current?.focus({ preventScroll: true });
  }, []);

  /** Navigating replaces the focused link: keep focus in the card, on the dialog. */
  const keepFocus = () => {
    const root = dialog.current?.getRootNode() as ShadowRoot | Document | undefined;
    if (root?.activeElement && dialog.current?.contains(root.activeElement)) queueMicrotask(() => dialog.current?.focus({ preventScroll: true }));
  };
  const say = (message: string) => {
    setManualCopy(undefined);
    setStatus(message);
  };

  const openEntity = (entity: EntitySummary) => {
    keepFocus();
    say('');
    setStack((s) => [...s, { id: entity.id, name: entity.name, type: entity.type }]);
  };
  const back = () => {
    keepFocus();
    say('');
    setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
  };
  const openSource = (item: Evidence | SourceItem) => {
    const link: SourceLink = 'quote' in item ? { sourceId: item.sourceId, packId: item.packId, quote: item.quote } : { sourceId: item.id, packId: item.packId };
    void actions.openSource(link).then((ok) => say(ok ? t('sourceOpened') : t('sourceFailed')));
  };
  const copy = (evidence: Evidence) => {
    void actions.copy(evidence.citation).then((result) => {
      if (result === 'copied') return say(t('copied'));
      setStatus(t('copyFailed'));
      setManualCopy(evidence.citation);
    });
  };
  const name = model?.name ?? shown.name;

  return (
    <CardView
      header={{ name: shown.name, type: shown.type }}
      state={state}
      model={model}
      theme={props.theme}
      dir={props.dir}
      pinned={props.pinned}
      canGoBack={stack.length > 1}
      status={status}
      manualCopy={manualCopy}
      dialogRef={dialog}
      onBack={back}
      onPin={props.onPin}
      onClose={props.onClose}
      onOpenEntity={openEntity}
      onOpenSource={openSource}
      onCopy={copy}
      onShowDeals={() => void actions.showDeals(shown.id).then((opened) => say(opened ? t('dealsOpened') : t('dealsFailed')))}
      onMute={() => void actions.mute(shown.id).then((ok) => say(ok ? t('muted', name) : t('actionFailed')))}
      onNotHere={() => void actions.notHere(shown.id).then((ok) => say(ok ? t('correctedHere', name) : t('actionFailed')))}
    />
  );
}

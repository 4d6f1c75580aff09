/**
 * A deal, a fact or a source found by the search, inside the popup: loaded from the
 * source it comes from (getSource), shown with its proof and "Open source".
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Evidence } from '../../lib/card/card-model';
import { copyText } from '../../lib/card/copy-text';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/send-message';
import type { SearchHit } from '../../lib/search/search';
import type { EntitySummary, SourceView } from '../../lib/store/views';
import { DealDetails } from '../card/card-sections';
import { EntityList } from '../card/entity-link';
import { EvidenceView } from '../card/evidence-view';
import { openSourceOf } from './entity-view';
import { MarkedText } from './marked-text';
import { dealItem, factItem, sourceItem } from './record-model';
import { kindLabel } from './result-list';
import { ViewHeader } from './view-header';

export interface RecordViewProps {
  hit: SearchHit;
  locale: string;
  onBack(): void;
  onOpenEntity(entity: EntitySummary): void;
}

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; view: SourceView };

function useSourceView(hit: SearchHit): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const id = hit.kind === 'source' ? hit.refId : hit.sourceId;
    if (id === undefined) return setLoaded({ state: 'missing' });
    void sendMessage({ type: 'getSource', id, packId: hit.packId }).then((reply) => live && setLoaded(reply.ok && reply.data ? { state: 'ready', view: reply.data } : { state: 'missing' }));
    return () => {
      live = false;
    };
  }, [hit.kind, hit.refId, hit.packId]);
  return loaded;
}

function useSummaries(ids: readonly string[]): EntitySummary[] {
  const [entities, setEntities] = useState<EntitySummary[]>([]);
  const key = ids.join('\u0000');
  useEffect(() => {
    let live = true;
    if (ids.length > 0) void sendMessage({ type: 'getEntitySummaries', ids: [...ids] }).then((r) => live && r.ok && setEntities(r.data));
    return () => {
      live = false;
    };
  }, [key]);
  return entities;
}

function Body({ hit, view, locale, onOpenEntity, onCopy }: { hit: SearchHit; view: SourceView; locale: string; onOpenEntity(e: EntitySummary): void; onCopy(e: Evidence): void }) {
  const deal = useMemo(() => (hit.kind === 'deal' ? dealItem(view, hit.refId, locale) : undefined), [view, hit.refId]);
  const fact = useMemo(() => (hit.kind === 'fact' ? factItem(view, hit.refId, locale) : undefined), [view, hit.refId]);
  const about = useSummaries(fact?.entityIds ?? []);
  if (deal)
    return (
      <div class="card-body">
        <p class="meta">{deal.meta}</p>
        <p>{deal.summary}</p>
        <DealDetails deal={deal} onOpenEntity={onOpenEntity} onOpenSource={openSourceOf} onCopy={onCopy} />
      </div>
    );
  if (fact)
    return (
      <div class="card-body">
        {fact.figure && (
          <p>
            <span class="amount">{fact.figure.text}</span> <span>{t('figureMeasure', fact.figure.measure)}</span>
            {fact.figure.period !== undefined && <span class="period"> {t('figurePeriod', fact.figure.period)}</span>}
          </p>
        )}
        <p>{fact.text}</p>
        {about.length > 0 && (
          <p>
            {t('popupAbout')} <EntityList entities={about} onOpen={onOpenEntity} />
          </p>
        )}
        <EvidenceView evidence={fact.evidence} onOpenSource={openSourceOf} onCopy={onCopy} />
      </div>
    );
  if (hit.kind !== 'source') return <p class="note">{t('popupRecordMissing')}</p>;
  const source = sourceItem(view, locale);
  return (
    <div class="card-body">
      <p class="meta">{source.line}</p>
      {hit.snippet && (
        <blockquote class="snippet">
          <MarkedText value={hit.snippet} />
        </blockquote>
      )}
      <p>
        <button type="button" class="action" onClick={() => openSourceOf({ id: source.id, packId: source.packId, title: source.title, line: source.line })}>
          {t('openSource')}
        </button>
      </p>
      {source.entities.length > 0 && (
        <section aria-labelledby="popup-source-names">
          <h3 id="popup-source-names">{t('popupNamesInSource')}</h3>
          <EntityList entities={source.entities} onOpen={onOpenEntity} />
        </section>
      )}
    </div>
  );
}

export function RecordView({ hit, locale, onBack, onOpenEntity }: RecordViewProps) {
  const loaded = useSourceView(hit);
  const [status, say] = useState('');
  const scratch = useRef<HTMLElement>(null);
  const copy = (evidence: Evidence) => void copyText(evidence.citation, scratch.current ? { scratch: scratch.current } : {}).then((r) => say(r === 'copied' ? t('copied') : t('popupCopyFailed', evidence.citation)));
  return (
    <article class="view" aria-labelledby="popup-view-title" ref={scratch}>
      <ViewHeader title={hit.title.text} kind={kindLabel(hit.kind)} chip={hit.kind} onBack={onBack} />
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      {loaded.state === 'loading' && <p class="note">{t('cardLoading')}</p>}
      {loaded.state === 'missing' && <p class="note">{t('popupRecordMissing')}</p>}
      {loaded.state === 'ready' && <Body hit={hit} view={loaded.view} locale={locale} onOpenEntity={onOpenEntity} onCopy={copy} />}
    </article>
  );
}

/** One deal, as the panel shows it (a form: it renders a PanelDeal and reports clicks). */
import { Fragment, type JSX } from 'preact';
import type { Evidence } from '../../lib/card/card-model';
import type { PanelDeal, PanelEntity } from '../../lib/deals/panel-deal';
import { t } from '../../lib/i18n';

export interface DealCardProps {
  deal: PanelDeal;
  /** The level of the deal's title heading: the lists nest it under theirs. */
  headingLevel: 3 | 4 | 5;
  /** Keeps ids unique when both views show the same deal. */
  idPrefix: string;
  /** Present when a page is followed: names marked on it become buttons. */
  onReveal?: (entity: { id: string; name: string }) => void;
  onOpenSource: (evidence: Evidence) => void;
}

function Heading({ level, id, children }: { level: 3 | 4 | 5; id: string; children: string }): JSX.Element {
  const Tag = `h${level}` as 'h3';
  return <Tag id={id} class="deal-title">{children}</Tag>;
}

function EntityName({ entity, onReveal }: { entity: { id: string; name: string }; onReveal: DealCardProps['onReveal'] }): JSX.Element {
  if (!onReveal) return <strong class="on-page">{entity.name}</strong>;
  return (
    <button type="button" class="entity-link on-page" onClick={() => onReveal(entity)} title={t('sidePanelRevealHint', entity.name)}>
      {entity.name}
    </button>
  );
}

function EntityItem({ entity, onReveal }: { entity: PanelEntity; onReveal: DealCardProps['onReveal'] }): JSX.Element {
  return (
    <li class={entity.onPage || entity.via.length > 0 ? 'entity entity--page' : 'entity'}>
      {entity.onPage ? <EntityName entity={entity} onReveal={onReveal} /> : <span>{entity.name}</span>}
      {entity.onPage && <span class="badge">{t('sidePanelOnPage')}</span>}
      {entity.via.length > 0 && (
        <span class="via">
          {t('sidePanelThrough')}{' '}
          {entity.via.map((person, i) => (
            <Fragment key={person.id}>
              {i > 0 && ', '}
              <EntityName entity={person} onReveal={onReveal} />
            </Fragment>
          ))}
          <span class="badge">{t('sidePanelOnPage')}</span>
        </span>
      )}
    </li>
  );
}

function EntityList({ label, entities, onReveal }: { label: string; entities: PanelEntity[]; onReveal: DealCardProps['onReveal'] }): JSX.Element | null {
  if (entities.length === 0) return null;
  return (
    <div class="deal-section">
      <p class="section-label">{label}</p>
      <ul class="entities">
        {entities.map((e) => (
          <EntityItem key={e.id} entity={e} onReveal={onReveal} />
        ))}
      </ul>
    </div>
  );
}

function EvidenceItem({ evidence, onOpenSource }: { evidence: Evidence; onOpenSource: DealCardProps['onOpenSource'] }): JSX.Element {
  return (
    <li class="evidence">
      <blockquote>{evidence.quote}</blockquote>
      <p class="evidence-line">
        <span>{t('sidePanelEvidenceLine', evidence.source, evidence.date)}</span>{' '}
        <button type="button" class="link-button" onClick={() => onOpenSource(evidence)} aria-label={t('sidePanelOpenSourceLabel', evidence.source)}>
          {t('sidePanelOpenSource')}
        </button>
      </p>
    </li>
  );
}

export function DealCard({ deal, headingLevel, idPrefix, onReveal, onOpenSource }: DealCardProps): JSX.Element {
  const titleId = `${idPrefix}-deal-${deal.id}`;
  return (
    <article class="deal" aria-labelledby={titleId}>
      <Heading level={headingLevel} id={titleId}>{deal.title}</Heading>
      <p class="deal-meta">
        <span class="chip">{deal.kind}</span> <span class={`chip chip--${deal.statusValue}`}>{deal.status}</span>{' '}
        <span>{deal.date}</span>
        {deal.place !== undefined && <span>{t('sidePanelPlace', deal.place)}</span>}
      </p>
      <p class="deal-summary">{deal.summary}</p>
      <EntityList label={t('sidePanelParties')} entities={deal.parties} onReveal={onReveal} />
      <EntityList label={t('sidePanelInvolved')} entities={deal.involved} onReveal={onReveal} />
      {deal.figures.length > 0 && (
        <div class="deal-section">
          <p class="section-label">{t('sidePanelFigures')}</p>
          <ul class="figures">
            {deal.figures.map((f) => (
              <li key={f.id}>
                <strong>{f.figure.text}</strong> <span>{f.figure.measure}</span>
                {f.figure.period !== undefined && <span class="period"> ({f.figure.period})</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details class="deal-sources">
        <summary>{t('sidePanelSources', deal.evidence.length)}</summary>
        <ul>
          {deal.evidence.map((e, i) => (
            <EvidenceItem key={i} evidence={e} onOpenSource={onOpenSource} />
          ))}
        </ul>
      </details>
    </article>
  );
}

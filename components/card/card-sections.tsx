/** The card's sections, each a plain render of part of the CardModel. */
import type { ComponentChildren } from 'preact';
import type { CardModel, DealItem, Evidence, SourceItem } from '../../lib/card/card-model';
import { t } from '../../lib/i18n';
import type { EntitySummary } from '../../lib/store/views';
import { EntityLink, EntityList } from './entity-link';
import { EvidenceView } from './evidence-view';

export interface SectionHandlers {
  onOpenEntity(entity: EntitySummary): void;
  onOpenSource(evidence: Evidence | SourceItem): void;
  onCopy(evidence: Evidence): void;
}

type Props = { model: CardModel } & SectionHandlers;

/** One titled list of the card: `fm-<id>` labels it for screen readers. */
function CardSection({ id, title, className, children }: { id: string; title: string; className?: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`fm-${id}`} class={className}>
      <h3 id={`fm-${id}`}>{title}</h3>
      <ul>{children}</ul>
    </section>
  );
}

/** A deal's parties, others involved and proof: the card's deal list and the popup's deal view. */
export function DealDetails({ deal, onOpenEntity, onOpenSource, onCopy }: { deal: DealItem } & SectionHandlers) {
  return (
    <>
      {deal.parties.length > 0 && (
        <p>
          {t('dealParties')} <EntityList entities={deal.parties} onOpen={onOpenEntity} />
        </p>
      )}
      {deal.involved.length > 0 && (
        <p>
          {t('dealInvolved')} <EntityList entities={deal.involved} onOpen={onOpenEntity} />
        </p>
      )}
      {deal.evidence.map((evidence, k) => (
        <EvidenceView key={k} evidence={evidence} onOpenSource={onOpenSource} onCopy={onCopy} />
      ))}
    </>
  );
}

function Speaker({ speaker, onOpenEntity }: { speaker: EntitySummary | undefined; onOpenEntity(e: EntitySummary): void }) {
  if (!speaker) return null;
  return (
    <span class="speaker">
      {' '}
      {t('according')} <EntityLink entity={speaker} onOpen={onOpenEntity} />
    </span>
  );
}

/** The proof of the header's identity line, right under it. */
export function IdentityProof({ model, onOpenSource, onCopy }: Props) {
  if (!model.identityEvidence) return null;
  return (
    <div class="identity-proof">
      <EvidenceView evidence={model.identityEvidence} onOpenSource={onOpenSource} onCopy={onCopy} />
    </div>
  );
}

/** Roles beyond the first (which is the identity line). */
export function RolesSection({ model, onOpenSource, onCopy }: Props) {
  if (model.roles.length < 2) return null;
  return (
    <CardSection id="roles" title={t('sectionRoles')}>
      {model.roles.slice(1).map((role) => (
        <li key={role.id}>
          <p>{role.text}</p>
          <EvidenceView evidence={role.evidence} onOpenSource={onOpenSource} onCopy={onCopy} />
        </li>
      ))}
    </CardSection>
  );
}

export function FiguresSection({ model, onOpenEntity, onOpenSource, onCopy }: Props) {
  if (model.figures.length === 0) return null;
  return (
    <CardSection id="figures" title={t('sectionFigures')}>
      {model.figures.map(({ id, figure, speaker, evidence }) => (
        <li key={id}>
          <p>
            <span class="amount">{figure.text}</span> <span>{t('figureMeasure', figure.measure)}</span>
            {figure.period !== undefined && <span class="period"> {t('figurePeriod', figure.period)}</span>}
            <Speaker speaker={speaker?.id === model.id ? undefined : speaker} onOpenEntity={onOpenEntity} />
          </p>
          <EvidenceView evidence={evidence} onOpenSource={onOpenSource} onCopy={onCopy} />
        </li>
      ))}
    </CardSection>
  );
}

export function StatementsSection({ model, onOpenEntity, onOpenSource, onCopy }: Props) {
  if (model.statements.length === 0) return null;
  return (
    <CardSection id="statements" title={t('sectionStatements')}>
      {model.statements.map(({ id, text, speaker, evidence }) => (
        <li key={id}>
          <p>
            {text}
            <Speaker speaker={speaker?.id === model.id ? undefined : speaker} onOpenEntity={onOpenEntity} />
          </p>
          <EvidenceView evidence={evidence} onOpenSource={onOpenSource} onCopy={onCopy} />
        </li>
      ))}
    </CardSection>
  );
}

export function DealsSection({ model, onOpenEntity, onOpenSource, onCopy }: Props) {
  if (model.deals.length === 0) return null;
  return (
    <CardSection id="deals" title={t('sectionDeals')}>
      {model.deals.map((deal) => (
        <li key={deal.id}>
          <p class="deal-title">{deal.title}</p>
          <p class="meta">{deal.meta}</p>
          <DealDetails deal={deal} onOpenEntity={onOpenEntity} onOpenSource={onOpenSource} onCopy={onCopy} />
        </li>
      ))}
    </CardSection>
  );
}

export function RelatedSection({ model, onOpenEntity }: Props) {
  if (model.related.length === 0) return null;
  return (
    <CardSection id="related" title={t('sectionRelated')} className="related">
      {model.related.map((group) => (
        <li key={group.relation}>
          <span class="meta">{group.label}</span> <EntityList entities={group.entities} onOpen={onOpenEntity} />
        </li>
      ))}
    </CardSection>
  );
}

export function SourcesSection({ model, onOpenSource }: Props) {
  if (model.sources.length === 0) return null;
  return (
    <CardSection id="sources" title={t('sectionSources')}>
      {model.sources.map((source) => (
        <li key={`${source.packId}/${source.id}`}>
          <p>{source.title}</p>
          <p class="cite">
            <span>{source.line}</span>
            <button type="button" class="link" onClick={() => onOpenSource(source)} aria-label={t('openSourceOf', source.title)}>
              {t('openSource')}
            </button>
          </p>
        </li>
      ))}
    </CardSection>
  );
}

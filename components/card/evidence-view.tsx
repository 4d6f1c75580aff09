/** One statement's proof: the verbatim quote, the outlet and date, Open source, Copy citation. */
import { t } from '../../lib/i18n';
import type { Evidence } from '../../lib/card/card-model';

export interface EvidenceProps {
  evidence: Evidence;
  onOpenSource(evidence: Evidence): void;
  onCopy(evidence: Evidence): void;
}

export function EvidenceView({ evidence, onOpenSource, onCopy }: EvidenceProps) {
  return (
    <div class="evidence">
      <blockquote>{t('quoted', evidence.quote)}</blockquote>
      <p class="cite">
        <span>
          <cite>{evidence.source}</cite>, <span>{evidence.date}</span>
        </span>
        <button type="button" class="link" onClick={() => onOpenSource(evidence)} aria-label={t('openSourceOf', evidence.source)}>
          {t('openSource')}
        </button>
        <button type="button" class="link" onClick={() => onCopy(evidence)} aria-label={t('copyCitationOf', evidence.source)}>
          {t('copyCitation')}
        </button>
      </p>
    </div>
  );
}

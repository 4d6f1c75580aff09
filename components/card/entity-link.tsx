/** A related entity, one click (or Enter) away: opens its card in place. */
import type { EntitySummary } from '../../lib/store/views';
import { t } from '../../lib/i18n';
import { typeLabel } from '../../lib/card/card-model';

export interface EntityLinkProps {
  entity: EntitySummary;
  onOpen(entity: EntitySummary): void;
}

export function EntityLink({ entity, onOpen }: EntityLinkProps) {
  return (
    <button type="button" class="link" onClick={() => onOpen(entity)} aria-label={t('openEntity', entity.name, typeLabel(entity.type))}>
      {entity.name}
    </button>
  );
}

export function EntityList({ entities, onOpen }: { entities: readonly EntitySummary[]; onOpen(entity: EntitySummary): void }) {
  return (
    <ul class="entities">
      {entities.map((entity) => (
        <li key={entity.id}>
          <EntityLink entity={entity} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}

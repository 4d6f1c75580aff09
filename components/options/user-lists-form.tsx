/** Names the user hid: muted everywhere, or "not this one" on one site. Each can be undone. */
import { t, type MessageKey } from '../../lib/i18n';
import type { EntityType } from '../../lib/pack/types';
import type { Correction, Settings, SettingsPatch } from '../../lib/settings';
import { withMuted, withoutCorrection } from '../../lib/settings';
import type { EntityNames } from './use-entity-names';

const TYPE_NAMES: Record<EntityType, MessageKey> = { person: 'type_person', organisation: 'type_organisation', place: 'type_place', initiative: 'type_initiative', outlet: 'type_outlet' };

export interface UserListsFormProps {
  settings: Settings;
  names: EntityNames;
  onPatch(patch: SettingsPatch): void;
}

/** The entity's name as text; an id no enabled pack knows is shown as the id. */
function EntityName(props: { id: string; names: EntityNames }) {
  const known = props.names.get(props.id);
  if (!known) {
    return (
      <span class="entity">
        <code>{props.id}</code> <span class="aside">{t('opt_entityUnknown')}</span>
      </span>
    );
  }
  return (
    <span class="entity">
      <span class="name">{known.name}</span> <span class="aside">({t(TYPE_NAMES[known.type])})</span>
    </span>
  );
}

const nameOf = (names: EntityNames, id: string) => names.get(id)?.name ?? id;

export function UserListsForm({ settings, names, onPatch }: UserListsFormProps) {
  const undoCorrection = (c: Correction) => onPatch({ corrections: withoutCorrection(settings, c).corrections });
  return (
    <>
      <h3 id="muted-title">{t('opt_mutedHeading')}</h3>
      <p class="hint">{t('opt_mutedHint')}</p>
      {settings.muted.length === 0 ? (
        <p class="empty">{t('opt_mutedEmpty')}</p>
      ) : (
        <ul class="list plain" aria-labelledby="muted-title">
          {settings.muted.map((id) => (
            <li key={id} data-entity={id}>
              <EntityName id={id} names={names} />
              <button type="button" aria-label={t('opt_unmuteFor', nameOf(names, id))} onClick={() => onPatch({ muted: withMuted(settings, id, false).muted })}>
                {t('opt_unmute')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3 id="corrections-title">{t('opt_correctionsHeading')}</h3>
      <p class="hint">{t('opt_correctionsHint')}</p>
      {settings.corrections.length === 0 ? (
        <p class="empty">{t('opt_correctionsEmpty')}</p>
      ) : (
        <ul class="list plain" aria-labelledby="corrections-title">
          {settings.corrections.map((c) => (
            <li key={`${c.entityId}@${c.site}`} data-entity={c.entityId}>
              <span>
                <EntityName id={c.entityId} names={names} /> {t('opt_correctionOn')} <span class="host">{c.site}</span>
              </span>
              <button type="button" aria-label={t('opt_undoCorrectionFor', nameOf(names, c.entityId), c.site)} onClick={() => undoCorrection(c)}>
                {t('opt_undoCorrection')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

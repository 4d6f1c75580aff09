/** What to mark and how it looks: entity kinds, mark style, hover delay, card colours. */
import { t, type MessageKey } from '../../lib/i18n';
import { ENTITY_TYPES, type EntityType } from '../../lib/pack/types';
import { HOVER_DELAY_RANGE, MARK_STYLES, THEMES, type MarkStyle, type Settings, type SettingsPatch, type Theme } from '../../lib/settings';
import { MarkPreview } from './mark-preview';

const TYPE_LABELS: Record<EntityType, MessageKey> = {
  person: 'opt_typePerson',
  organisation: 'opt_typeOrganisation',
  place: 'opt_typePlace',
  initiative: 'opt_typeInitiative',
  outlet: 'opt_typeOutlet',
};
const STYLE_LABELS: Record<MarkStyle, MessageKey> = { underline: 'opt_styleUnderline', soft: 'opt_styleSoft', bold: 'opt_styleBold' };
const THEME_LABELS: Record<Theme, MessageKey> = { auto: 'opt_themeAuto', light: 'opt_themeLight', dark: 'opt_themeDark' };

export interface MarkingFormProps {
  settings: Settings;
  onPatch(patch: SettingsPatch): void;
}

function toggleType(settings: Settings, type: EntityType, on: boolean): EntityType[] {
  // Kept in the catalogue's order, so the stored list does not depend on click order.
  return ENTITY_TYPES.filter((t) => (t === type ? on : settings.markTypes.includes(t)));
}

export function MarkingForm({ settings, onPatch }: MarkingFormProps) {
  const delayId = 'hover-delay';
  return (
    <>
      <fieldset>
        <legend>{t('opt_markTypesLegend')}</legend>
        {ENTITY_TYPES.map((type) => (
          <label class="check" key={type}>
            <input type="checkbox" checked={settings.markTypes.includes(type)} onChange={(e) => onPatch({ markTypes: toggleType(settings, type, e.currentTarget.checked) })} />
            {t(TYPE_LABELS[type])}
          </label>
        ))}
        <p class="hint">{t('opt_markTypesHint')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('opt_markStyleLegend')}</legend>
        {MARK_STYLES.map((style) => (
          <label class="style-choice" key={style}>
            <input type="radio" name="mark-style" value={style} checked={settings.markStyle === style} onChange={() => onPatch({ markStyle: style })} />
            <span class="style-name">{t(STYLE_LABELS[style])}</span>
            <MarkPreview style={style} />
          </label>
        ))}
        <p class="hint">{t('opt_markStyleHint')}</p>
      </fieldset>

      <div class="field">
        <label for={delayId}>{t('opt_hoverDelayLabel')}</label>
        <input
          id={delayId}
          type="number"
          inputMode="numeric"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={settings.hoverDelayMs}
          aria-describedby={`${delayId}-hint`}
          onChange={(e) => {
            const value = Math.round(Number(e.currentTarget.value));
            if (e.currentTarget.value !== '' && Number.isFinite(value)) onPatch({ hoverDelayMs: Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, value)) });
            else e.currentTarget.value = String(settings.hoverDelayMs);
          }}
        />
        <span class="unit">{t('opt_milliseconds')}</span>
        <p class="hint" id={`${delayId}-hint`}>
          {t('opt_hoverDelayHint', HOVER_DELAY_RANGE.max)}
        </p>
      </div>

      <div class="field">
        <label for="theme">{t('opt_themeLabel')}</label>
        <select id="theme" value={settings.theme} onChange={(e) => onPatch({ theme: e.currentTarget.value as Theme })}>
          {THEMES.map((theme) => (
            <option value={theme} key={theme}>
              {t(THEME_LABELS[theme])}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

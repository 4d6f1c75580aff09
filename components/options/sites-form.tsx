/** Where Factmark runs: the global switch, the site mode and the per-site rules. */
import { t } from '../../lib/i18n';
import type { Settings, SettingsPatch, SiteMode, SiteRule } from '../../lib/settings';
import { withSiteRule } from '../../lib/settings';
import { AddHostForm } from './add-host-form';

export interface SitesFormProps {
  settings: Settings;
  onPatch(patch: SettingsPatch): void;
  /** Adds or changes a rule; turning a site on may ask the browser for the site's permission. */
  onSetRule(host: string, rule: SiteRule): void | Promise<void>;
}

function ModeChoice(props: { mode: SiteMode; current: SiteMode; label: string; hint: string; onPick(mode: SiteMode): void }) {
  const hintId = `mode-${props.mode}-hint`;
  return (
    <label class="radio-row">
      <input type="radio" name="site-mode" value={props.mode} checked={props.current === props.mode} aria-describedby={hintId} onChange={() => props.onPick(props.mode)} />
      <span>
        {props.label}
        <span class="hint" id={hintId}>
          {props.hint}
        </span>
      </span>
    </label>
  );
}

function RuleTable({ settings, onPatch, onSetRule }: SitesFormProps) {
  const hosts = Object.keys(settings.sites).sort();
  if (hosts.length === 0) return <p class="empty">{settings.siteMode === 'all' ? t('opt_sitesEmptyAll') : t('opt_sitesEmptyOptIn')}</p>;
  return (
    <table class="list">
      <caption class="visually-hidden">{t('opt_sitesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('opt_colSite')}</th>
          <th scope="col">{t('opt_colRule')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('opt_colActions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {hosts.map((host) => (
          <tr key={host} data-host={host}>
            <th scope="row" class="host">
              {host}
            </th>
            <td>
              <select aria-label={t('opt_ruleFor', host)} value={settings.sites[host]} onChange={(e) => void onSetRule(host, e.currentTarget.value as SiteRule)}>
                <option value="on">{t('opt_ruleOn')}</option>
                <option value="off">{t('opt_ruleOff')}</option>
              </select>
            </td>
            <td>
              <button type="button" aria-label={t('opt_removeRuleFor', host)} onClick={() => onPatch({ sites: withSiteRule(settings, host, undefined).sites })}>
                {t('opt_remove')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SitesForm(props: SitesFormProps) {
  const { settings, onPatch, onSetRule } = props;
  return (
    <>
      <label class="check switch">
        <input type="checkbox" checked={settings.enabled} aria-describedby="enabled-hint" onChange={(e) => onPatch({ enabled: e.currentTarget.checked })} />
        {t('opt_enabledLabel')}
      </label>
      <p class="hint" id="enabled-hint">
        {t('opt_enabledHint')}
      </p>

      <fieldset disabled={!settings.enabled}>
        <legend>{t('opt_siteModeLegend')}</legend>
        <ModeChoice mode="all" current={settings.siteMode} label={t('opt_modeAll')} hint={t('opt_modeAllHint')} onPick={(siteMode) => onPatch({ siteMode })} />
        <ModeChoice mode="opt-in" current={settings.siteMode} label={t('opt_modeOptIn')} hint={t('opt_modeOptInHint')} onPick={(siteMode) => onPatch({ siteMode })} />
      </fieldset>

      <h3>{t('opt_sitesHeading')}</h3>
      <p class="hint">{t('opt_sitesPatterns')}</p>
      <RuleTable {...props} />
      <AddHostForm
        id="add-site"
        label={t('opt_addSiteLabel')}
        submitLabel={t('opt_addRule')}
        onAdd={(host, form) => onSetRule(host, (form.elements.namedItem('rule') as HTMLSelectElement).value as SiteRule)}
      >
        <label class="visually-hidden" for="add-site-rule">
          {t('opt_colRule')}
        </label>
        <select id="add-site-rule" name="rule" key={settings.siteMode}>
          <option value="off" selected={settings.siteMode === 'all'}>
            {t('opt_ruleOff')}
          </option>
          <option value="on" selected={settings.siteMode === 'opt-in'}>
            {t('opt_ruleOn')}
          </option>
        </select>
      </AddHostForm>
    </>
  );
}

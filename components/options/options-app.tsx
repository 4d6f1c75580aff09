/**
 * The options page's container: holds the settings, packs, entity names and commands
 * and hands each section its slice. Every change is a settings patch through the
 * background (use-settings.ts); content scripts watch the settings, so open tabs follow
 * at once, without a reload.
 */
import { useState } from 'preact/hooks';
import { grantSite } from '../../lib/background/grant-site';
import { t, uiDirection } from '../../lib/i18n';
import { withSiteRule, type SiteRule } from '../../lib/settings';
import { BackupPanel } from './backup-panel';
import { MarkingForm } from './marking-form';
import { PacksPanel } from './packs-panel';
import { RenderingForm } from './rendering-form';
import { ResetPanel } from './reset-panel';
import { Section } from './section';
import { ShortcutsForm } from './shortcuts-form';
import { SitesForm } from './sites-form';
import { openShortcutSettings, useCommands } from './use-commands';
import { useEntityNames } from './use-entity-names';
import { usePacks } from './use-packs';
import { useSettings } from './use-settings';
import { UserListsForm } from './user-lists-form';

const SECTIONS = [
  ['sites', 'opt_sitesTitle'],
  ['marking', 'opt_markingTitle'],
  ['rendering', 'opt_renderingTitle'],
  ['hidden', 'opt_hiddenTitle'],
  ['packs', 'opt_packsTitle'],
  ['shortcuts', 'opt_shortcutsTitle'],
  ['backup', 'opt_backupTitle'],
  ['reset', 'opt_resetTitle'],
] as const;

export function OptionsApp() {
  const { settings, error, update } = useSettings();
  const packs = usePacks();
  const names = useEntityNames(packs.packs?.map((p) => `${p.id}@${p.hash}:${p.enabled}`).join('|'));
  const commands = useCommands();
  const [notice, setNotice] = useState<string | undefined>(undefined);

  const onPatch = (patch: Parameters<typeof update>[0]) => void update(patch);
  const onSetRule = async (host: string, rule: SiteRule) => {
    if (!settings) return;
    if (rule === 'on') {
      // Runs in the click (the browser may ask the user for the site's permission): where
      // the user limited Factmark's site access, "On" is what gives it the site.
      const granted = await grantSite(host);
      setNotice(granted.ok ? undefined : granted.reason === 'refused' ? t('opt_grantRefused', host) : t('opt_actionFailed', granted.error ?? ''));
      return;
    }
    setNotice(undefined);
    await update({ sites: withSiteRule(settings, host, rule).sites });
  };

  return (
    <div class="options" data-theme={settings?.theme ?? 'auto'} dir={uiDirection()}>
      <header class="page-head">
        <h1>{t('opt_title')}</h1>
        <p class="intro">{t('opt_intro')}</p>
        <nav aria-label={t('opt_navLabel')}>
          <ul>
            {SECTIONS.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(title)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <div aria-live="assertive" class="live">
          {(error || notice) && (
            <p class="error" role="alert">
              {notice ?? t('opt_actionFailed', error ?? '')}
            </p>
          )}
        </div>
        {!settings ? (
          <p class="empty">{t('opt_loading')}</p>
        ) : (
          <>
            <Section id="sites" title={t('opt_sitesTitle')}>
              <SitesForm settings={settings} onPatch={onPatch} onSetRule={onSetRule} />
            </Section>
            <Section id="marking" title={t('opt_markingTitle')}>
              <MarkingForm settings={settings} onPatch={onPatch} />
            </Section>
            <Section id="rendering" title={t('opt_renderingTitle')}>
              <RenderingForm settings={settings} onPatch={onPatch} />
            </Section>
            <Section id="hidden" title={t('opt_hiddenTitle')}>
              <UserListsForm settings={settings} names={names} onPatch={onPatch} />
            </Section>
          </>
        )}
        <Section id="packs" title={t('opt_packsTitle')} intro={t('opt_packsIntro')}>
          <PacksPanel packs={packs} />
        </Section>
        <Section id="shortcuts" title={t('opt_shortcutsTitle')}>
          <ShortcutsForm commands={commands} onOpenSettings={() => void openShortcutSettings()} />
        </Section>
        {settings && (
          <>
            <Section id="backup" title={t('opt_backupTitle')} intro={t('opt_backupIntro')}>
              <BackupPanel settings={settings} onPatch={update} />
            </Section>
            <Section id="reset" title={t('opt_resetTitle')}>
              <ResetPanel onPatch={update} />
            </Section>
          </>
        )}
      </main>
    </div>
  );
}

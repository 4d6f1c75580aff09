/**
 * Container: "Reset everything" puts every setting back to its default (site rules,
 * mutes and corrections included) after a second, confirming press. Packs are left
 * alone: they are listed above with their own Remove buttons.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { focusOnMount } from './focus-on-mount';
import { defaultSettings, type SettingsPatch } from '../../lib/settings';

export function ResetPanel(props: { onPatch(patch: SettingsPatch): Promise<boolean> }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'done'>('idle');
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <p class="hint">{t('opt_resetHint')}</p>
      <button type="button" class="danger" ref={trigger} aria-expanded={step === 'confirm'} onClick={() => setStep('confirm')}>
        {t('opt_reset')}
      </button>
      {step === 'confirm' && (
        <div class="confirm" role="group" aria-labelledby="reset-question">
          <span id="reset-question">{t('opt_resetQuestion')}</span>
          <button
            type="button"
            class="danger"
            ref={focusOnMount}
            onClick={async () => {
              if (await props.onPatch(defaultSettings())) setStep('done');
              trigger.current?.focus();
            }}
          >
            {t('opt_resetYes')}
          </button>
          <button
            type="button"
            onClick={() => {
              setStep('idle');
              trigger.current?.focus();
            }}
          >
            {t('opt_cancel')}
          </button>
        </div>
      )}
      <div aria-live="polite" class="live">
        {step === 'done' && <p class="result ok">{t('opt_resetDone')}</p>}
      </div>
    </>
  );
}

/**
 * Adding a site to a list: a small container (it holds the "not a site" error); the
 * list itself is the caller's. Accepts what users paste: "Dawn.com", "https://www.dawn.com/news/1".
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { isHost, normaliseHost } from '../../lib/settings';

export interface AddHostFormProps {
  id: string;
  label: string;
  submitLabel: string;
  /** Extra controls (a rule select), read by the caller from the form. */
  children?: ComponentChildren;
  onAdd(host: string, form: HTMLFormElement): void | Promise<void>;
}

export function AddHostForm(props: AddHostFormProps) {
  const [error, setError] = useState<string | undefined>(undefined);
  const inputId = `${props.id}-host`;
  const errorId = `${props.id}-error`;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('host') as HTMLInputElement;
    const host = normaliseHost(input.value);
    if (!isHost(host)) {
      setError(input.value.trim() === '' ? t('opt_hostEmpty') : t('opt_hostInvalid', input.value.trim()));
      input.focus();
      return;
    }
    setError(undefined);
    void Promise.resolve(props.onAdd(host, form)).then(() => {
      input.value = '';
    });
  };
  return (
    <form class="add-host" onSubmit={onSubmit} noValidate>
      <label for={inputId}>{props.label}</label>
      <input
        id={inputId}
        name="host"
        type="text"
        inputMode="url"
        autoComplete="off"
        spellcheck={false}
        placeholder="example.com"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {props.children}
      <button type="submit">{props.submitLabel}</button>
      {error && (
        <p class="error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/**
 * The search box and its results, as a render of props (state: popup-app.tsx). ARIA
 * combobox with a listbox popup (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
 * focus stays in the input, the active result is aria-activedescendant, results are
 * options in one group per kind. Pointer: a click opens a result; keys: see onKey.
 */
import type { Ref, TargetedKeyboardEvent } from 'preact';
import { t } from '../../lib/i18n';
import type { SearchResults } from '../../lib/search/search';
import type { SearchState } from './use-search';
import { ResultList } from './result-list';
import { optionId, type Option } from './result-nav';

export const SEARCH_INPUT_ID = 'popup-search';
const LISTBOX_ID = 'popup-results';

export interface SearchBoxProps {
  query: string;
  results: SearchResults | null;
  options: Option[][];
  state: SearchState;
  active: number;
  inputRef?: Ref<HTMLInputElement>;
  onQuery(query: string): void;
  onKey(event: TargetedKeyboardEvent<HTMLInputElement>): void;
  onOpen(option: Option): void;
  onHover(index: number): void;
}

function statusText({ query, results, state }: Pick<SearchBoxProps, 'query' | 'results' | 'state'>): string {
  if (query.trim() === '') return '';
  if (state === 'error') return t('popupSearchError');
  if (!results || (state === 'searching' && results.query !== query)) return t('popupSearching');
  if (results.total === 0) return results.terms.join('').length < 2 ? t('popupKeepTyping') : t('popupNoResults', query.trim());
  return results.total === 1 ? t('popupOneResult') : t('popupResults', results.total);
}

export function SearchBox(props: SearchBoxProps) {
  const { query, results, options, active } = props;
  const open = options.length > 0 && query.trim() !== '';
  return (
    <div class="search">
      <div class="search-bar">
        <label class="search-label" for={SEARCH_INPUT_ID}>
          {t('popupSearchLabel')}
        </label>
        <input
          id={SEARCH_INPUT_ID}
          ref={props.inputRef}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={LISTBOX_ID}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-describedby="popup-search-status"
          autocomplete="off"
          spellcheck={false}
          placeholder={t('popupSearchPlaceholder')}
          value={query}
          onInput={(e) => props.onQuery(e.currentTarget.value)}
          onKeyDown={props.onKey}
        />
        <p id="popup-search-status" class="search-status" role="status" aria-live="polite">
          {statusText(props)}
        </p>
      </div>
      <div id={LISTBOX_ID} role="listbox" aria-label={t('popupResultsLabel')} hidden={!open} data-query={results?.query}>
        {open && results && <ResultList results={results} options={options} active={active} onOpen={props.onOpen} onHover={props.onHover} />}
      </div>
    </div>
  );
}

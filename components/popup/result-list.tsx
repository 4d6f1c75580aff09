/** The results, one group per kind, each hit an option (rendered only: see search-box.tsx). */
import { typeLabel } from '../../lib/card/card-model';
import { t, type MessageKey } from '../../lib/i18n';
import type { SearchKind } from '../../lib/search/search-rows';
import type { SearchResults } from '../../lib/search/search';
import { MarkedText } from './marked-text';
import type { Option } from './result-nav';

const GROUP_LABELS: Readonly<Record<SearchKind, MessageKey>> = {
  person: 'popupGroup_person',
  organisation: 'popupGroup_organisation',
  place: 'popupGroup_place',
  initiative: 'popupGroup_initiative',
  outlet: 'popupGroup_outlet',
  deal: 'popupGroup_deal',
  fact: 'popupGroup_fact',
  source: 'popupGroup_source',
};

export function groupLabel(kind: SearchKind): string {
  return t(GROUP_LABELS[kind]);
}

interface Props {
  results: SearchResults;
  options: Option[][];
  active: number;
  onOpen(option: Option): void;
  onHover(index: number): void;
}

function Hit({ option, active, onOpen, onHover }: { option: Option; active: boolean; onOpen(o: Option): void; onHover(i: number): void }) {
  const { hit } = option;
  const detail = hit.snippet ?? hit.subtitle;
  return (
    <div
      id={option.id}
      role="option"
      aria-selected={active}
      class={active ? 'result active' : 'result'}
      data-kind={hit.kind}
      // Focus stays in the search box: a mousedown would take it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onOpen(option)}
      onMouseMove={() => !active && onHover(option.index)}
    >
      <span class="result-title">
        <MarkedText value={hit.title} />
      </span>
      {hit.alias && (
        <span class="result-alias">
          {t('popupAlsoKnownAs')} <MarkedText value={hit.alias} />
        </span>
      )}
      {detail && (
        <span class="result-detail">
          <MarkedText value={detail} />
        </span>
      )}
    </div>
  );
}

export function ResultList({ results, options, active, onOpen, onHover }: Props) {
  return (
    <>
      {results.groups.map((group, g) => {
        const label = group.total > group.hits.length ? t('popupGroupSome', groupLabel(group.kind), group.hits.length, group.total) : t('popupGroupAll', groupLabel(group.kind), group.total);
        return (
          <div key={group.kind} role="group" aria-label={label} class="group">
            <div class="group-title" aria-hidden="true">
              {label}
            </div>
            {(options[g] ?? []).map((option) => (
              <Hit key={option.id} option={option} active={option.index === active} onOpen={onOpen} onHover={onHover} />
            ))}
          </div>
        );
      })}
    </>
  );
}

/** What a result is, for its card's header before the card loads. */
export function kindLabel(kind: SearchKind): string {
  return kind === 'deal' || kind === 'fact' || kind === 'source' ? groupLabel(kind) : typeLabel(kind);
}

/** The "All deals" view: every deal of the packs as a timeline, with filters. */
import type { JSX } from 'preact';
import type { Evidence } from '../../lib/card/card-model';
import type { DealFilter } from '../../lib/deals/deal-filter';
import type { PanelDeal } from '../../lib/deals/panel-deal';
import type { LabelledTimeline } from '../../lib/deals/timeline-view';
import { t } from '../../lib/i18n';
import { DealCard } from './deal-card';

export interface Choice {
  value: string;
  label: string;
}

export interface FilterChoices {
  kind: Choice[];
  status: Choice[];
  party: Choice[];
  country: Choice[];
}

export interface AllDealsViewProps {
  loading: boolean;
  error?: string;
  choices: FilterChoices;
  filter: DealFilter;
  onFilter: (next: DealFilter) => void;
  timeline: LabelledTimeline<PanelDeal>;
  shown: number;
  total: number;
  onOpenSource: (evidence: Evidence) => void;
}

type SelectField = keyof FilterChoices;

const SELECTS: ReadonlyArray<{ field: SelectField; label: Parameters<typeof t>[0]; any: Parameters<typeof t>[0] }> = [
  { field: 'kind', label: 'sidePanelFilterKind', any: 'sidePanelFilterAnyKind' },
  { field: 'status', label: 'sidePanelFilterStatus', any: 'sidePanelFilterAnyStatus' },
  { field: 'party', label: 'sidePanelFilterParty', any: 'sidePanelFilterAnyParty' },
  { field: 'country', label: 'sidePanelFilterCountry', any: 'sidePanelFilterAnyCountry' },
];

function withField(filter: DealFilter, field: keyof DealFilter, value: string): DealFilter {
  const next = { ...filter } as Record<string, string | undefined>;
  if (value === '') delete next[field];
  else next[field] = value;
  return next as DealFilter;
}

function Filters({ choices, filter, onFilter }: Pick<AllDealsViewProps, 'choices' | 'filter' | 'onFilter'>): JSX.Element {
  return (
    <fieldset class="filters">
      <legend>{t('sidePanelFilters')}</legend>
      {SELECTS.map(({ field, label, any }) => (
        <div class="field" key={field}>
          <label for={`filter-${field}`}>{t(label)}</label>
          <select id={`filter-${field}`} value={filter[field] ?? ''} onChange={(e) => onFilter(withField(filter, field, e.currentTarget.value))}>
            <option value="">{t(any)}</option>
            {choices[field].map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div class="field field--wide">
        <label for="filter-text">{t('sidePanelFilterText')}</label>
        <input id="filter-text" type="search" autocomplete="off" value={filter.text ?? ''} onInput={(e) => onFilter(withField(filter, 'text', e.currentTarget.value))} />
      </div>
    </fieldset>
  );
}

function Deals({ items, onOpenSource, level }: { items: PanelDeal[]; onOpenSource: AllDealsViewProps['onOpenSource']; level: 4 | 5 }): JSX.Element {
  return (
    <ol class="deal-list">
      {items.map((deal) => (
        <li key={deal.id}>
          <DealCard deal={deal} headingLevel={level} idPrefix="all" onOpenSource={onOpenSource} />
        </li>
      ))}
    </ol>
  );
}

export function AllDealsView(props: AllDealsViewProps): JSX.Element {
  const { timeline, shown, total, filter } = props;
  const filtered = Object.keys(filter).length > 0;
  return (
    <>
      <h2 class="view-title">{t('sidePanelAllTitle')}</h2>
      {props.error !== undefined && <p class="error">{t('sidePanelError', props.error)}</p>}
      {props.loading ? (
        <p class="muted">{t('sidePanelEmptyLoadingTitle')}</p>
      ) : (
        <>
          <Filters choices={props.choices} filter={filter} onFilter={props.onFilter} />
          <p class="summary-line" role="status">
            {filtered ? t('sidePanelFilteredCount', shown, total) : t('sidePanelAllCount', total)}{' '}
            {filtered && (
              <button type="button" class="link-button" onClick={() => props.onFilter({})}>
                {t('sidePanelClearFilter')}
              </button>
            )}
          </p>
          {timeline.years.map((year) => (
            <section class="year" key={year.key} aria-labelledby={`year-${year.key}`}>
              <h3 id={`year-${year.key}`} class="year-title">{year.label}</h3>
              {year.months.map((month) => (
                <section class="month" key={month.key} aria-labelledby={`month-${year.key}-${month.key}`}>
                  <h4 id={`month-${year.key}-${month.key}`} class="month-title">{month.label}</h4>
                  <Deals items={month.items} onOpenSource={props.onOpenSource} level={5} />
                </section>
              ))}
            </section>
          ))}
          {timeline.undated.length > 0 && (
            <section class="year year--undated" aria-labelledby="year-undated">
              <h3 id="year-undated" class="year-title">{t('sidePanelUndated')}</h3>
              <Deals items={timeline.undated} onOpenSource={props.onOpenSource} level={4} />
            </section>
          )}
        </>
      )}
    </>
  );
}

/** Holds the "All deals" view's state: every deal, the filter, the timeline it leaves. */
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { dealKindLabel, dealStatusLabel } from '../../lib/card/card-model';
import { uiLocale } from '../../lib/card/locale';
import { filterOptions, matchesFilter, validFilter, type DealFilter } from '../../lib/deals/deal-filter';
import { panelDeal } from '../../lib/deals/panel-deal';
import { buildTimeline } from '../../lib/deals/timeline';
import { countryName, labelTimeline } from '../../lib/deals/timeline-view';
import { AllDealsView, type FilterChoices } from './all-deals-view';
import { openSource } from './panel-actions';
import { useAllDeals } from './use-all-deals';

export function AllDeals({ active }: { active: boolean }): JSX.Element {
  const { bundle, index, error } = useAllDeals(active);
  const [rawFilter, setFilter] = useState<DealFilter>({});
  const locale = uiLocale();

  const options = useMemo(() => (bundle && index ? filterOptions(bundle.deals, index.entities) : undefined), [bundle, index]);
  const filter = options ? validFilter(rawFilter, options) : rawFilter;
  const choices: FilterChoices = useMemo(
    () => ({
      kind: (options?.kinds ?? []).map((k) => ({ value: k, label: dealKindLabel(k) })),
      status: (options?.statuses ?? []).map((s) => ({ value: s, label: dealStatusLabel(s) })),
      party: (options?.parties ?? []).map((p) => ({ value: p.id, label: p.name })),
      country: (options?.countries ?? []).map((c) => ({ value: c, label: countryName(c, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    }),
    [options, locale],
  );

  const shownDeals = useMemo(() => {
    if (!bundle || !index) return [];
    return bundle.deals.filter((d) => matchesFilter(d, filter, index.entities)).map((d) => panelDeal(d, index, locale));
  }, [bundle, index, JSON.stringify(filter), locale]);
  const timeline = useMemo(() => labelTimeline(buildTimeline(shownDeals, (d) => d.when?.date, (a, b) => a.title.localeCompare(b.title, locale)), locale), [shownDeals, locale]);

  return (
    <AllDealsView
      loading={!bundle && error === undefined}
      {...(error === undefined ? {} : { error })}
      choices={choices}
      filter={filter}
      onFilter={setFilter}
      timeline={timeline}
      shown={shownDeals.length}
      total={bundle?.deals.length ?? 0}
      onOpenSource={(evidence) => void openSource(evidence)}
    />
  );
}

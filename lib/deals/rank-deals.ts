/**
 * Which deals stand behind a page, and in what order. Pure: the panel passes the deals,
 * the page's entity ids (in page order) and who acts for whom.
 *
 * A page entity takes part in a deal when it is a party or involved, or when it is a
 * person whose organisation is (the ambassador on the page stands for the embassy that
 * hosted the meeting). Deals are ranked by how many page entities take part, then by how
 * many of those take part themselves rather than through their organisation, then newest
 * first with undated ones last, then by title.
 */
import type { PartialDate } from '../pack/types';
import { compareDatesDesc } from '../store/deal-queries';

export interface RankableDeal {
  id: string;
  title: string;
  parties: readonly string[];
  involved?: readonly string[];
  date?: PartialDate;
}

export interface RankedDeal<D extends RankableDeal = RankableDeal> {
  deal: D;
  /** Page entities taking part, directly or through their organisation, in page order. */
  onPage: string[];
  /** Those of `onPage` that are themselves a party or involved. */
  direct: string[];
  /** Participant of the deal → the page persons who act for it. */
  through: Map<string, string[]>;
}

export interface RankOptions<D> {
  /** The organisations a page person acts for. Default: none. */
  organisationsOf?: (entityId: string) => readonly string[];
  /** The date to rank by. Default: the deal's own date. */
  dateOf?: (deal: D) => PartialDate | undefined;
}

function rankOne<D extends RankableDeal>(deal: D, pageIds: readonly string[], organisationsOf: (id: string) => readonly string[]): RankedDeal<D> {
  const taking = new Set([...deal.parties, ...(deal.involved ?? [])]);
  const onPage: string[] = [];
  const direct: string[] = [];
  const through = new Map<string, string[]>();
  for (const id of pageIds) {
    if (taking.has(id)) {
      onPage.push(id);
      direct.push(id);
      continue;
    }
    const orgs = organisationsOf(id).filter((org) => taking.has(org));
    if (orgs.length === 0) continue;
    onPage.push(id);
    for (const org of orgs) through.set(org, [...(through.get(org) ?? []), id]);
  }
  return { deal, onPage, direct, through };
}

export function rankDeals<D extends RankableDeal>(deals: readonly D[], pageEntityIds: readonly string[], options: RankOptions<D> = {}): RankedDeal<D>[] {
  const pageIds = [...new Set(pageEntityIds)];
  const organisationsOf = options.organisationsOf ?? (() => []);
  const dateOf = options.dateOf ?? ((deal: D) => deal.date);
  return deals
    .map((deal) => rankOne(deal, pageIds, organisationsOf))
    .filter((ranked) => ranked.onPage.length > 0)
    .sort(
      (a, b) =>
        b.onPage.length - a.onPage.length ||
        b.direct.length - a.direct.length ||
        compareDatesDesc(dateOf(a.deal), dateOf(b.deal)) ||
        a.deal.title.localeCompare(b.deal.title) ||
        a.deal.id.localeCompare(b.deal.id),
    );
}

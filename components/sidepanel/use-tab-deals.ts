/**
 * The deals behind the followed tab, kept current: the tab's reported entities (re-read
 * whenever the background's per-tab state changes: it mirrors that state to
 * storage.session, which extension pages can watch), the deals they take part in, ranked,
 * and why there is nothing when there is nothing.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { TAB_STATES_KEY } from '../../lib/background/tab-state';
import { dealWhen } from '../../lib/deals/deal-dates';
import { pageStatus, type PageStatus } from '../../lib/deals/page-status';
import { indexBundle, type BundleIndex } from '../../lib/deals/panel-deal';
import { rankDeals, type RankedDeal } from '../../lib/deals/rank-deals';
import type { DealBundle } from '../../lib/deals/types';
import { sendMessage } from '../../lib/messaging';
import type { Settings } from '../../lib/settings';
import type { DealView } from '../../lib/store';
import type { Tab } from './use-followed-tab';
import { usePacksKey } from './use-packs-key';

/** A page that finished loading gets this long to report before we call it unreadable. */
const REPORT_GRACE_MS = 2500;

export interface TabDeals {
  status: PageStatus;
  tabId?: number;
  entityIds: string[];
  index?: BundleIndex;
  ranked: RankedDeal<DealView>[];
  /** The deals are being fetched for the current entities. */
  pending: boolean;
  error?: string;
}

interface Reported {
  tabId: number;
  entityIds: string[] | null;
  active?: boolean;
}

function useReportedEntities(tabId: number | undefined, url: string | undefined, loading: boolean): Reported | undefined {
  const [reported, setReported] = useState<Reported | undefined>(undefined);
  useEffect(() => {
    if (tabId === undefined) return undefined;
    let latest = 0;
    const read = async () => {
      const ask = ++latest;
      const reply = await sendMessage({ type: 'getTabState', tabId });
      const active = reply.ok ? reply.data?.active : undefined;
      if (ask === latest) setReported({ tabId, entityIds: reply.ok ? (reply.data?.entityIds ?? null) : null, ...(active === undefined ? {} : { active }) });
    };
    void read();
    const unwatch = storage.watch(TAB_STATES_KEY, () => void read());
    return () => {
      latest++;
      unwatch();
    };
  }, [tabId, url, loading]);
  return reported?.tabId === tabId ? reported : undefined;
}

/** True for REPORT_GRACE_MS after the tab (re)loads: "not reported yet" is not "unreadable" yet. */
function useJustLoaded(tabId: number | undefined, url: string | undefined, loading: boolean): boolean {
  const [fresh, setFresh] = useState(true);
  useEffect(() => {
    setFresh(true);
    if (loading) return undefined;
    const timer = setTimeout(() => setFresh(false), REPORT_GRACE_MS);
    return () => clearTimeout(timer);
  }, [tabId, url, loading]);
  return fresh;
}

function useBundle(entityIds: readonly string[], packsKey: string): { key: string; bundle?: DealBundle; error?: string } {
  const key = entityIds.join('\n');
  const [result, setResult] = useState<{ key: string; bundle?: DealBundle; error?: string }>({ key: '' });
  useEffect(() => {
    if (entityIds.length === 0) return undefined;
    let live = true;
    void sendMessage({ type: 'getDealBundle', entityIds: [...entityIds] }).then((reply) => {
      if (live) setResult(reply.ok ? { key, bundle: reply.data } : { key, error: reply.error });
    });
    return () => {
      live = false;
    };
  }, [key, packsKey]);
  return result;
}

export function useTabDeals(tab: Tab | null | undefined, settings: Settings | undefined): TabDeals {
  const tabId = tab?.id;
  const loading = tab?.status === 'loading';
  const reported = useReportedEntities(tabId, tab?.url, loading);
  const justLoaded = useJustLoaded(tabId, tab?.url, loading);
  const entityIds = reported?.entityIds ?? [];
  // The same entities may take part in other deals once the packs change.
  const { key, bundle, error } = useBundle(entityIds, usePacksKey());
  const current = key === entityIds.join('\n');

  const index = useMemo(() => (bundle ? indexBundle(bundle) : undefined), [bundle]);
  const ranked = useMemo(() => {
    if (!bundle || !index || !current) return [];
    return rankDeals(bundle.deals, entityIds, {
      organisationsOf: (id) => index.entities.get(id)?.organisations ?? [],
      dateOf: (deal) => dealWhen(deal, index.sourceOf)?.date,
    });
  }, [bundle, index, current, key]);

  if (tab === undefined) return { status: 'loading', entityIds: [], ranked: [], pending: true };
  const facts = tab === null ? undefined : { ...(tab.url === undefined ? {} : { url: tab.url }), loading: loading || (reported === undefined) || (reported.entityIds === null && justLoaded), entityIds: reported?.entityIds ?? null, ...(reported?.active === undefined ? {} : { active: reported.active }) };
  const status = pageStatus(facts, settings);
  return {
    status,
    ...(tabId === undefined ? {} : { tabId }),
    entityIds,
    ...(index && current ? { index } : {}),
    ranked,
    pending: status === 'ready' && !current,
    ...(error !== undefined && current ? { error } : {}),
  };
}

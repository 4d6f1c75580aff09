/** Every deal of the enabled packs, fetched once when the view is first shown. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { indexBundle, type BundleIndex } from '../../lib/deals/panel-deal';
import type { DealBundle } from '../../lib/deals/types';
import { sendMessage } from '../../lib/messaging';

export interface AllDeals {
  bundle?: DealBundle;
  index?: BundleIndex;
  error?: string;
}

export function useAllDeals(active: boolean): AllDeals {
  const [result, setResult] = useState<{ bundle?: DealBundle; error?: string }>({});
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!active || asked) return;
    setAsked(true);
    void sendMessage({ type: 'getDealBundle' }).then((reply) => setResult(reply.ok ? { bundle: reply.data } : { error: reply.error }));
  }, [active, asked]);
  const index = useMemo(() => (result.bundle ? indexBundle(result.bundle) : undefined), [result.bundle]);
  return { ...result, ...(index ? { index } : {}) };
}

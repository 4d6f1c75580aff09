/** Every deal of the enabled packs, fetched when the view is first shown and again when the packs change. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { indexBundle, type BundleIndex } from '../../lib/deals/panel-deal';
import type { DealBundle } from '../../lib/deals/types';
import { sendMessage } from '../../lib/messaging';
import { usePacksKey } from './use-packs-key';

export interface AllDeals {
  bundle?: DealBundle;
  index?: BundleIndex;
  error?: string;
}

export function useAllDeals(active: boolean): AllDeals {
  const [result, setResult] = useState<{ bundle?: DealBundle; error?: string }>({});
  const packsKey = usePacksKey();
  const [asked, setAsked] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!active || asked === packsKey) return;
    setAsked(packsKey);
    void sendMessage({ type: 'getDealBundle' }).then((reply) => setResult(reply.ok ? { bundle: reply.data } : { error: reply.error }));
  }, [active, asked, packsKey]);
  const index = useMemo(() => (result.bundle ? indexBundle(result.bundle) : undefined), [result.bundle]);
  return { ...result, ...(index ? { index } : {}) };
}

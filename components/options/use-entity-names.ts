/** Names for the entity ids in the mute and correction lists (from the matcher's dictionary). */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging/send-message';
import type { EntityType } from '../../lib/pack/types';

export type EntityNames = ReadonlyMap<string, { name: string; type: EntityType }>;

/** `key` changes when the packs change, so names of a newly imported pack appear. */
export function useEntityNames(key: unknown): EntityNames {
  const [names, setNames] = useState<EntityNames>(new Map());
  useEffect(() => {
    let live = true;
    void sendMessage({ type: 'getDictionary' }).then((reply) => {
      if (live && reply.ok) setNames(new Map(reply.data.entries.map((e) => [e.entityId, { name: e.name, type: e.type }])));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}

/**
 * The readable packs' key (StoreService.packsKey), mirrored by the background to
 * storage.session for extension pages: the side panel watches it to fetch its deals again
 * when packs are imported, switched, removed or finish writing while it is open.
 */
export const PACKS_KEY_ITEM = 'session:packsKey';

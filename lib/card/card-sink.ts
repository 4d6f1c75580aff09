/**
 * The card's side of the overlay's intents. Placeholder until the entity card lands
 * (issue 4): it records intents so the page can be inspected, and opens nothing.
 */
import type { IntentSink } from '../overlay/content-app';

export function createCardSink(): IntentSink {
  return {
    enter() {},
    leave() {},
    activate() {},
    reset() {},
  };
}

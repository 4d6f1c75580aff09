/**
 * A matcher built while an import is still being checked. As soon as a pack file is
 * parsed, the options page hands the background the pack's dictionary (prepareMatcher)
 * and goes on checking it (validation, the hash) and writing its dictionary row; the
 * background merges it with the installed packs' dictionary and builds the matcher
 * meanwhile, on its own thread. The build is only used
 * once the packs really are what it was built for (the matcher's key: the enabled packs'
 * ids and hashes), so a pack that fails its checks, or an import that stops, never marks
 * anything; an unused build is dropped after PREPARED_MATCHER_MS. Building from a pack
 * not checked yet risks nothing the install would not: its size is bounded by the
 * message (lib/packs PREPARE_MATCHER_MAX_CHARS, LIMITS.dictionaryJson), and a pack the
 * checks pass builds the same.
 *
 * Why: with a 100k-entity pack, reading its dictionary row back and building the matcher
 * took the background 1.3-1.5 s after the pack became matchable; the checks take longer
 * than that build, so it costs the reader little or no time.
 */
import type { FindMentions } from '../match/mention-finder';
import type { EntityType } from '../pack/types';

export const PREPARED_MATCHER_MS = 120_000;

interface Slot {
  key: string;
  types: readonly EntityType[];
  finder: Promise<FindMentions>;
  timer: ReturnType<typeof setTimeout>;
}

export class PreparedMatcher {
  private slot: Slot | undefined;

  /** Builds (in a task of its own, after the caller's reply) the finder for the matcher key `key`. */
  prepare(key: string, types: readonly EntityType[], build: () => FindMentions): void {
    this.drop();
    const finder = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(build);
    // A build that fails is not used; the matcher then builds as it always does.
    finder.catch(() => undefined);
    const slot: Slot = { key, types, finder, timer: setTimeout(() => this.slot === slot && this.drop(), PREPARED_MATCHER_MS) };
    this.slot = slot;
  }

  /** The prepared finder, handed over once, when the matcher's key has become the one it was built for. */
  take(key: string): { types: readonly EntityType[]; finder: Promise<FindMentions> } | undefined {
    const slot = this.slot;
    if (slot?.key !== key) return undefined;
    this.drop();
    return { types: slot.types, finder: slot.finder };
  }

  get pending(): boolean {
    return this.slot !== undefined;
  }

  drop(): void {
    if (this.slot) clearTimeout(this.slot.timer);
    this.slot = undefined;
  }
}

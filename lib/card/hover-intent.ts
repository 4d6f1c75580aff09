/**
 * Hover with intent: the pointer has to rest on a mark for `delay()` ms before its card
 * opens, so sweeping across a paragraph opens nothing. Leaving the mark (or the card)
 * closes a hover-opened card after a short grace, long enough to cross the gap between
 * the mark and the card; entering the card in that time keeps it open. A card the reader
 * clicked, opened from the keyboard or pinned is `sticky` and ignores the pointer.
 */
export interface HoverIntentOptions {
  delay(): number;
  /** Grace before a hover-opened card closes once the pointer has left it. */
  grace?: number;
  /** The mention whose card is open, if any. */
  openId(): number | undefined;
  sticky(): boolean;
  open(id: number): void;
  close(): void;
  /** Where a mention's card data may be fetched ahead of the delay. */
  prefetch?(id: number): void;
  timers?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };
}

export const CLOSE_GRACE_MS = 300;

export class HoverIntent {
  private pending: { id: number; handle: unknown } | undefined;
  private closing: unknown;
  private overCard = false;
  private readonly timers: NonNullable<HoverIntentOptions['timers']>;

  constructor(private readonly options: HoverIntentOptions) {
    this.timers = options.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  }

  enter(id: number): void {
    if (this.options.openId() === id) {
      this.cancelClose();
      return;
    }
    this.cancelOpen();
    if (this.options.sticky()) return;
    this.options.prefetch?.(id);
    const handle = this.timers.set(() => {
      this.pending = undefined;
      this.options.open(id);
    }, this.options.delay());
    this.pending = { id, handle };
  }

  leave(id: number): void {
    if (this.pending?.id === id) this.cancelOpen();
    if (this.options.openId() === id) this.scheduleClose();
  }

  cardEnter(): void {
    this.overCard = true;
    this.cancelClose();
  }

  cardLeave(): void {
    this.overCard = false;
    this.scheduleClose();
  }

  /** Forget timers (the card closed for another reason, or the overlay reset). */
  reset(): void {
    this.cancelOpen();
    this.cancelClose();
    this.overCard = false;
  }

  private scheduleClose(): void {
    if (this.options.sticky() || this.overCard || this.options.openId() === undefined) return;
    this.cancelClose();
    this.closing = this.timers.set(() => {
      this.closing = undefined;
      if (!this.options.sticky() && !this.overCard) this.options.close();
    }, this.options.grace ?? CLOSE_GRACE_MS);
  }

  private cancelOpen(): void {
    if (this.pending) this.timers.clear(this.pending.handle);
    this.pending = undefined;
  }

  private cancelClose(): void {
    if (this.closing !== undefined) this.timers.clear(this.closing);
    this.closing = undefined;
  }
}

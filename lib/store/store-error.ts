/**
 * Errors the store surfaces to its callers. IndexedDB reports a full disk in several
 * disguises: a `QuotaExceededError` DOMException, Dexie's own `QuotaExceededError`, or an
 * `AbortError` / `DatabaseClosedError` whose `inner` (Dexie) or `cause` is the quota error
 * (https://dexie.org/docs/DexieErrors/Dexie.QuotaExceededError). Callers only need to know
 * "quota" or "something else".
 */
/** 'busy': another context is writing the same pack. */
export type StoreErrorCode = 'quota' | 'invalid-pack' | 'unavailable' | 'busy' | 'unknown';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
// Legacy DOMException codes: 22 (QUOTA_EXCEEDED_ERR), 1014 (old Firefox).
const QUOTA_CODES = new Set([22, 1014]);

function nestedErrors(error: unknown): unknown[] {
  const found: unknown[] = [];
  let current: unknown = error;
  // Bounded: a cyclic `cause` chain must not hang us.
  for (let depth = 0; depth < 8 && current !== null && typeof current === 'object'; depth += 1) {
    found.push(current);
    const { inner, cause } = current as { inner?: unknown; cause?: unknown };
    current = inner ?? cause;
  }
  return found;
}

export function isQuotaError(error: unknown): boolean {
  return nestedErrors(error).some((e) => {
    const { name, code } = e as { name?: unknown; code?: unknown };
    return (typeof name === 'string' && QUOTA_NAMES.has(name)) || (typeof code === 'number' && QUOTA_CODES.has(code));
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Wraps any failure of a store operation; a StoreError passes through unchanged. */
export function toStoreError(error: unknown, doing: string): StoreError {
  if (error instanceof StoreError) return error;
  if (isQuotaError(error)) {
    return new StoreError('quota', `Not enough storage space while ${doing}; nothing was changed.`, { cause: error });
  }
  const names = nestedErrors(error).map((e) => (e as { name?: unknown }).name);
  if (names.includes('DatabaseClosedError') || names.includes('MissingAPIError') || names.includes('OpenFailedError')) {
    return new StoreError('unavailable', `The database is unavailable while ${doing} (${describe(error)}).`, { cause: error });
  }
  return new StoreError('unknown', `Failed while ${doing} (${describe(error)}).`, { cause: error });
}

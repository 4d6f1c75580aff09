/**
 * Sending messages, typed end to end: the reply's data type follows from the message.
 * A missing receiver, a closed channel or an unexpected answer come back as a failed
 * Reply rather than an exception, so callers handle one shape.
 */
import { browser } from 'wxt/browser';
import type { BackgroundMessage, BackgroundResponse, ContentMessage, ContentResponse, Reply } from './protocol';

function isReply(value: unknown): value is Reply<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const { ok, error } = value as { ok?: unknown; error?: unknown };
  return ok === true || (ok === false && typeof error === 'string');
}

async function exchange<T>(send: () => Promise<unknown>): Promise<Reply<T>> {
  try {
    const reply = await send();
    return isReply(reply) ? (reply as Reply<T>) : { ok: false, error: 'no valid reply', code: 'no-reply' };
  } catch (error) {
    // "Could not establish connection. Receiving end does not exist." and friends.
    return { ok: false, error: error instanceof Error ? error.message : String(error), code: 'no-receiver' };
  }
}

/** To the background, from any other context. */
export function sendMessage<M extends BackgroundMessage>(message: M): Promise<Reply<BackgroundResponse<M['type']>>> {
  return exchange(() => browser.runtime.sendMessage(message));
}

/** From the background (or an extension page) to a tab's content scripts. */
export function sendToTab<M extends ContentMessage>(tabId: number, message: M, options?: { frameId?: number }): Promise<Reply<ContentResponse<M['type']>>> {
  return exchange(() => (options ? browser.tabs.sendMessage(tabId, message, options) : browser.tabs.sendMessage(tabId, message)));
}

/** The data of a successful reply, or throws with the reply's error. For UI code that prefers exceptions. */
export function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.data;
  throw Object.assign(new Error(reply.error), { code: reply.code });
}

/**
 * Receiving messages: check the shape, check the sender, run the handler, always reply.
 *
 * The listener both calls `sendResponse` and returns `true`: WXT's fakeBrowser only
 * resolves through sendResponse, Chromium and Firefox accept it too
 * (/work/shared/PLATFORM.md). Handlers may return a value or a Promise.
 *
 * The handler runs synchronously in the listener call, before any await: APIs that need a
 * user gesture (chrome.sidePanel.open from a content script's click) only work there.
 */
import { browser, type Browser } from 'wxt/browser';
import { StoreError } from '../store/store-error';
import {
  BACKGROUND_ACCESS,
  type Access,
  type BackgroundMessage,
  type BackgroundResponse,
  type BackgroundType,
  type ContentMessage,
  type ContentResponse,
  type ContentType,
  type Reply,
} from './protocol';
import { BACKGROUND_VALIDATORS, CONTENT_VALIDATORS, messageType, type Fields, type Validator } from './validate-message';

export type Sender = Browser.runtime.MessageSender;

export interface HandlerContext {
  sender: Sender;
  /** Set for content scripts (and extension pages shown in a tab). */
  tabId?: number;
  frameId?: number;
  /** The sending frame's URL. */
  url?: string;
  privileged: boolean;
}

type Result<R> = R | Promise<R>;

export type BackgroundHandlers = {
  [K in BackgroundType]: (message: Extract<BackgroundMessage, { type: K }>, context: HandlerContext) => Result<BackgroundResponse<K>>;
};
export type ContentHandlers = {
  [K in ContentType]: (message: Extract<ContentMessage, { type: K }>, context: HandlerContext) => Result<ContentResponse<K>>;
};

export type Listener = (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => true;

export interface Handler {
  /** Checks and answers one message; never rejects. */
  handle(message: unknown, sender: Sender): Promise<Reply<unknown>>;
  /** For browser.runtime.onMessage. */
  listener: Listener;
}

export interface HandlerOptions {
  /** Whether the sender is one of our extension pages. Default: isExtensionPage. */
  isPrivileged?: (sender: Sender) => boolean;
  log?: Pick<Console, 'warn'>;
}

function extensionOrigin(): string {
  return browser.runtime.getURL('/');
}

function fromOtherExtension(sender: Sender): boolean {
  return sender.id !== undefined && sender.id !== browser.runtime.id;
}

/** An extension page of ours: its URL is on our origin. Content scripts have the page's URL. */
export function isExtensionPage(sender: Sender): boolean {
  return !fromOtherExtension(sender) && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin());
}

function allowed(access: Access, context: HandlerContext): string | null {
  if (access === 'privileged' && !context.privileged) return 'only extension pages may send this message';
  if (access === 'content-script' && (context.privileged || context.tabId === undefined)) return 'only content scripts may send this message';
  return null;
}

function errorReply(error: unknown): Reply<never> {
  if (error instanceof StoreError) return { ok: false, error: error.message, code: error.code };
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}

interface Spec {
  validators: Readonly<Record<string, Validator>>;
  access: (type: string) => Access;
  handlers: Readonly<Record<string, (message: never, context: HandlerContext) => unknown>>;
}

function makeHandler(spec: Spec, options: HandlerOptions): Handler {
  const isPrivileged = options.isPrivileged ?? isExtensionPage;
  const log = options.log ?? console;
  const reject = (reason: string, message: unknown): Promise<Reply<never>> => {
    const type = (message as { type?: unknown } | null)?.type;
    log.warn(`[factmark] Rejected message${typeof type === 'string' ? ` "${type.slice(0, 60)}"` : ''}: ${reason}`);
    return Promise.resolve({ ok: false, error: reason, code: 'rejected' });
  };

  const handle = (message: unknown, sender: Sender): Promise<Reply<unknown>> => {
    if (fromOtherExtension(sender)) return reject('sender is not this extension', message);
    const typed = messageType(message, spec.validators);
    if ('error' in typed) return reject(typed.error, message);
    const reason = spec.validators[typed.type]?.(message as Fields);
    if (reason) return reject(reason, message);
    const context: HandlerContext = { sender, privileged: isPrivileged(sender) };
    if (sender.tab?.id !== undefined) context.tabId = sender.tab.id;
    if (sender.frameId !== undefined) context.frameId = sender.frameId;
    if (sender.url !== undefined) context.url = sender.url;
    const refused = allowed(spec.access(typed.type), context);
    if (refused) return reject(refused, message);
    try {
      const run = spec.handlers[typed.type] as (message: unknown, context: HandlerContext) => unknown;
      return Promise.resolve(run(message, context)).then((data): Reply<unknown> => ({ ok: true, data: data ?? null }), errorReply);
    } catch (error) {
      return Promise.resolve(errorReply(error));
    }
  };

  const listener: Listener = (message, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  };
  return { handle, listener };
}

/** The background's handler for every BackgroundRequests message. */
export function createHandler(handlers: BackgroundHandlers, options: HandlerOptions = {}): Handler {
  return makeHandler({ validators: BACKGROUND_VALIDATORS, access: (type) => BACKGROUND_ACCESS[type as BackgroundType], handlers }, options);
}

/**
 * A content script's handler for what the background sends. Only the background (or an
 * extension page) talks to content scripts, so every message needs a privileged sender.
 */
export function createContentHandler(handlers: ContentHandlers, options: HandlerOptions = {}): Handler {
  const isPrivileged = options.isPrivileged ?? ((sender: Sender) => !fromOtherExtension(sender) && sender.tab === undefined);
  return makeHandler({ validators: CONTENT_VALIDATORS, access: () => 'privileged', handlers }, { ...options, isPrivileged });
}

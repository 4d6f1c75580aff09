// The message protocol's public surface; see ./protocol.ts.
export * from './protocol';
export { createContentHandler, createHandler, isExtensionPage } from './create-handler';
export type { BackgroundHandlers, ContentHandlers, Handler, HandlerContext, HandlerOptions, Listener, Sender } from './create-handler';
export { sendMessage, sendToTab, unwrap } from './send-message';
export { BACKGROUND_VALIDATORS, CONTENT_VALIDATORS, LIMITS } from './validate-message';
export type { Validator } from './validate-message';

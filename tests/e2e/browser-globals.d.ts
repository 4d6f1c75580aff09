// Functions passed to page.evaluate() and serviceWorker.evaluate() run inside Chromium,
// where the extension APIs are the `chrome` global. Only the calls the tests make.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown>; id: string };
  tabs: {
    query(query: { url?: string; active?: boolean; currentWindow?: boolean; lastFocusedWindow?: boolean }): Promise<Array<{ id?: number; url?: string; windowId?: number }>>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    update(tabId: number, props: { active?: boolean }): Promise<unknown>;
  };
  storage: { local: { get(keys?: string | string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

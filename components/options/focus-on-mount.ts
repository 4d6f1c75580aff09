/**
 * A ref that focuses its element once, when it appears (a confirmation's "Yes" button).
 * Module-level so its identity is stable: Preact calls an inline ref again on every
 * render, which would pull focus back on each update.
 */
export const focusOnMount = (el: HTMLElement | null): void => el?.focus();

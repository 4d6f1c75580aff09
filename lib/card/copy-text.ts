/**
 * Copying a citation. The async Clipboard API is the normal path (a click in the card is
 * a user activation); pages can deny it (Permissions-Policy, an insecure http origin),
 * so the old execCommand('copy') on a hidden textarea is tried next, inside our own
 * shadow root so the page's selection and focus handlers never see it. When both fail
 * the caller shows the text for the reader to copy by hand.
 */
export type CopyResult = 'copied' | 'manual';

export interface CopyDeps {
  clipboard?: { writeText(text: string): Promise<void> } | undefined;
  /** Where the fallback textarea may live for a moment: our shadow root. */
  scratch?: ParentNode & Node;
  doc?: Document;
}

function execCopy(text: string, scratch: ParentNode & Node, doc: Document): boolean {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  // Off-screen rather than display:none: a hidden element cannot hold a selection.
  area.style.cssText = 'position:fixed;inset-block-start:0;inset-inline-start:-9999px;opacity:0';
  const previous = (scratch.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  scratch.appendChild(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus?.({ preventScroll: true });
  }
}

export async function copyText(text: string, deps: CopyDeps = {}): Promise<CopyResult> {
  const clipboard = 'clipboard' in deps ? deps.clipboard : globalThis.navigator?.clipboard;
  try {
    if (clipboard) {
      await clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Denied or unavailable: try the fallback.
  }
  const doc = deps.doc ?? globalThis.document;
  if (doc && deps.scratch && execCopy(text, deps.scratch, doc)) return 'copied';
  return 'manual';
}

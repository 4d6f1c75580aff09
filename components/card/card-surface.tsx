/**
 * Where the card lives on the page: a WXT shadow-root UI (styles isolated, `:host` reset
 * by WXT) whose host carries `data-factmark-ui`, so the overlay never reads or marks
 * inside it. Keyboard and input events stop at the shadow root, so typing in the card
 * never reaches the page's shortcuts.
 *
 * The card sits in a manual popover: the top layer is above any z-index the page uses and
 * unaffected by transformed or clipped ancestors. While an element is fullscreen the rest
 * of the document is inert (Chromium hit-tests only inside it), so the host moves into the
 * fullscreen element and the popover is shown again, above it.
 *
 * The CSS comes in as a string (`?inline`) rather than with `cssInjectionMode: 'ui'`:
 * that mode fetches the stylesheet on creation and makes it a web-accessible resource of
 * every site, where a string costs nothing and exposes nothing.
 */
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { OWN_UI_ATTRIBUTE } from '../../lib/overlay/text-blocks';
import { CardContainer, type CardContainerProps } from './card-container';
import cardCss from './card.css?inline';

export const CARD_HOST_NAME = 'factmark-card';

/** Events that must not bubble out to the page (its shortcuts, its input handlers). */
export const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'];

export interface CardSurface {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The positioned element: the controller sets its top/left. */
  layer: HTMLElement;
  /** The rendered dialog, once there is one. */
  card(): HTMLElement | null;
  render(props: (CardContainerProps & { key: number }) | null): void;
  show(): void;
  hide(): void;
  /** After fullscreenchange: put the card back above whatever is on top now. */
  restack(): void;
  remove(): void;
}

const popoverSupported = (el: HTMLElement) => typeof (el as { showPopover?: unknown }).showPopover === 'function';

/** Elements whose children are not rendered: the host cannot live inside them. */
const NO_CHILDREN = /^(VIDEO|AUDIO|IMG|CANVAS|IFRAME|EMBED|OBJECT|INPUT|TEXTAREA|SELECT)$/;

export async function createCardSurface(ctx: ContentScriptContext, doc: Document = document): Promise<CardSurface> {
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const usePopover = popoverSupported(layer);
  if (usePopover) layer.setAttribute('popover', 'manual');
  const ui = await createShadowRootUi(ctx, {
    name: CARD_HOST_NAME,
    position: 'inline',
    // Beside <body>, not in it: the page's own code and observers see less of us there.
    // show() moves the host where it must be (a fullscreen element, or <body> without popovers).
    anchor: () => doc.documentElement,
    append: 'last',
    css: cardCss,
    // Open: axe-core and the page's own accessibility tools can see inside; the card
    // holds nothing the page could not read from the pack anyway.
    mode: 'open',
    isolateEvents: ISOLATED_EVENTS,
    onMount: (container, _shadow, host) => {
      host.setAttribute(OWN_UI_ATTRIBUTE, 'card');
      container.appendChild(layer);
    },
    onRemove: () => render(null, layer),
  });
  ui.mount();
  const isOpen = () => (usePopover ? layer.matches(':popover-open') : layer.hasAttribute('data-open'));
  /** Where the host belongs now: the fullscreen element when there is one that can hold it. */
  const home = (): Element => {
    const fs = doc.fullscreenElement;
    if (fs && !NO_CHILDREN.test(fs.tagName)) return fs;
    return usePopover ? doc.documentElement : (doc.body ?? doc.documentElement);
  };
  const show = () => {
    const parent = home();
    // Moving a showing popover hides it: it is shown again below.
    if (ui.shadowHost.parentNode !== parent) parent.appendChild(ui.shadowHost);
    if (!usePopover) layer.setAttribute('data-open', '');
    else if (!isOpen()) layer.showPopover();
  };
  return {
    host: ui.shadowHost,
    shadow: ui.shadow,
    layer,
    card: () => layer.querySelector<HTMLElement>('.card'),
    // `key` explicitly: inside a spread, Preact's automatic JSX runtime treats it as a plain
    // prop, and a new opening must remount the container (fresh history, fresh focus).
    render: (props) => {
      if (!props) return render(null, layer);
      const { key, ...rest } = props;
      render(<CardContainer key={key} {...rest} />, layer);
    },
    show,
    hide: () => {
      layer.removeAttribute('data-placed');
      if (usePopover && isOpen()) layer.hidePopover();
      layer.removeAttribute('data-open');
    },
    restack: () => {
      if (!isOpen()) return;
      if (usePopover) layer.hidePopover();
      show();
    },
    remove: () => ui.remove(),
  };
}

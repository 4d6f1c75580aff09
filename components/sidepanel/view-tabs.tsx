/**
 * The two views as a tablist (WAI-ARIA tabs, automatic activation): arrow keys, Home and
 * End move between tabs; Tab moves on into the panel.
 */
import type { JSX } from 'preact';
import { useRef } from 'preact/hooks';

export interface ViewTab<V extends string> {
  id: V;
  label: string;
}

export interface ViewTabsProps<V extends string> {
  tabs: ReadonlyArray<ViewTab<V>>;
  selected: V;
  label: string;
  onSelect: (view: V) => void;
}

export const tabId = (view: string) => `view-tab-${view}`;
export const panelId = (view: string) => `view-panel-${view}`;

export function ViewTabs<V extends string>({ tabs, selected, label, onSelect }: ViewTabsProps<V>): JSX.Element {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    // Mirrored in right-to-left layouts, as the arrows are.
    const rtl = getComputedStyle(list.current ?? document.body).direction === 'rtl' && (event.key === 'ArrowRight' || event.key === 'ArrowLeft');
    const target = tabs[((rtl ? 2 * index - next : next) + tabs.length) % tabs.length];
    if (!target) return;
    onSelect(target.id);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(target.id)}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} class="view-tabs" ref={list} onKeyDown={move}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={panelId(tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** A titled section of the options page: a landmark the user can jump to. */
import type { ComponentChildren } from 'preact';

export function Section(props: { id: string; title: string; intro?: string; children: ComponentChildren }) {
  return (
    <section class="section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro && <p class="intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** The document, paragraph by paragraph, with the chosen passage in <mark> elements. */
import type { Ref } from 'preact';
import type { Segment } from '../../lib/source/find-quote';

export interface SourceTextProps {
  paragraphs: Segment[][];
  /** The first highlighted piece, to scroll to. */
  firstMarkRef?: Ref<HTMLElement>;
}

export function SourceText({ paragraphs, firstMarkRef }: SourceTextProps) {
  let first = true;
  return (
    <div class="document">
      {paragraphs.map((segments, p) => (
        <p key={p}>
          {segments.map((segment, k) => {
            if (segment.span === undefined) return segment.text;
            const ref = first ? firstMarkRef : undefined;
            first = false;
            return (
              <mark key={k} ref={ref} tabIndex={ref ? -1 : undefined}>
                {segment.text}
              </mark>
            );
          })}
        </p>
      ))}
    </div>
  );
}

/** A search result's text with the query's words in <mark>: text nodes only, never HTML. */
import type { ComponentChildren } from 'preact';
import type { Marked } from '../../lib/search/highlight';

export function MarkedText({ value }: { value: Marked }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  value.marks.forEach(([start, end], i) => {
    if (start > at) parts.push(value.text.slice(at, start));
    parts.push(<mark key={i}>{value.text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < value.text.length) parts.push(value.text.slice(at));
  return <>{parts}</>;
}

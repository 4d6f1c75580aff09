/**
 * Finding a quote in its source the way the pack validator checks it
 * (lib/pack/validate.ts quoteInText): whitespace runs count as one space, so a quote
 * copied across a line break still matches. Returns offsets into the original text, so
 * the source page can highlight the very characters the document has.
 */
export interface TextSpan {
  start: number;
  end: number;
}

/** The text with whitespace runs folded to one space, and where each folded char came from. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (!inSpace) {
        folded += ' ';
        origin.push(i);
      }
      inSpace = true;
    } else {
      folded += ch;
      origin.push(i);
      inSpace = false;
    }
  }
  return { folded, origin };
}

/** Every place the quote occurs (non-overlapping, in order); [] when it does not. */
export function findQuote(text: string, quote: string): TextSpan[] {
  const needle = quote.replace(/\s+/g, ' ').trim();
  if (needle === '') return [];
  const { folded, origin } = fold(text);
  const spans: TextSpan[] = [];
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
    spans.push({ start: origin[at]!, end: origin[at + needle.length - 1]! + 1 });
  }
  return spans;
}

export interface Segment {
  text: string;
  /** Index into the spans given to `segmentParagraphs`, for highlighted pieces. */
  span?: number;
}

/**
 * The document as paragraphs (its non-empty lines, as the demo pages show them), each cut
 * into plain and highlighted segments. A quote across a line break becomes one highlighted
 * piece per paragraph, sharing its span index.
 */
export function segmentParagraphs(text: string, spans: readonly TextSpan[]): Segment[][] {
  const paragraphs: Segment[][] = [];
  const lines = /[^\r\n]+/g;
  for (let m = lines.exec(text); m; m = lines.exec(text)) {
    if (m[0].trim() === '') continue;
    const lineStart = m.index;
    const lineEnd = lineStart + m[0].length;
    const segments: Segment[] = [];
    let at = lineStart;
    spans.forEach((span, index) => {
      const start = Math.max(span.start, lineStart);
      const end = Math.min(span.end, lineEnd);
      if (end <= start || start < at) return;
      if (start > at) segments.push({ text: text.slice(at, start) });
      segments.push({ text: text.slice(start, end), span: index });
      at = end;
    });
    if (at < lineEnd) segments.push({ text: text.slice(at, lineEnd) });
    paragraphs.push(segments);
  }
  return paragraphs;
}

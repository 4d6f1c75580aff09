/**
 * The matcher's public face: text blocks in, mentions out. A block is what a reader
 * sees as one run of text (a paragraph, a heading, a list item, a cell); the page is
 * its blocks in document order, so that coreference and definitions work page-wide.
 * Pure: no DOM, no browser APIs. Runs in the background (for every page), the tests and Node.
 */
import type { AliasKind, EntityType } from '../pack/types';
import { decide } from './context-rules';
import type { Dictionary } from './dictionary';
import { findCandidates, type Candidate } from './find-candidates';
import { foldText, type Folded } from './normalize';

export interface Mention {
  /** Index of the block. */
  block: number;
  /** Offsets into the block's original text. */
  start: number;
  end: number;
  surface: string;
  entityId: string;
  name: string;
  type: EntityType;
  kind: AliasKind;
}

export interface Rejection {
  block: number;
  start: number;
  end: number;
  surface: string;
  reason: string;
}

/** A block folded and scanned: the expensive half of matching, cacheable per block. */
export interface PreparedBlock {
  original: string;
  folded: Folded;
  candidates: Candidate[];
  /** A headline (h1–h6): short names there may refer ahead to the article's full names. */
  heading?: boolean;
}

export interface BlockText {
  text: string;
  heading?: boolean;
}

export function prepareBlock(dict: Dictionary, original: string, heading = false): PreparedBlock {
  const folded = foldText(original);
  return { original, folded, candidates: findCandidates(dict, folded), heading };
}

/** Runs the context rules over prepared blocks (page order) and returns the mentions. */
export function decideMentions(dict: Dictionary, blocks: readonly PreparedBlock[], rejected?: Rejection[]): Mention[] {
  const mentions: Mention[] = [];
  decide(dict, blocks).forEach((decisions, i) => {
    const { original, folded } = blocks[i]!;
    for (const d of decisions) {
      const start = folded.origStart[d.start ?? d.candidate.start]!;
      const end = folded.origEnd[d.candidate.end - 1]!;
      const surface = original.slice(start, end);
      if (!d.sense) {
        rejected?.push({ block: i, start, end, surface, reason: d.reason ?? '' });
        continue;
      }
      const entity = dict.entities[d.sense.entity]!;
      mentions.push({ block: i, start, end, surface, entityId: entity.id, name: entity.name, type: entity.type, kind: d.sense.kind });
    }
  });
  return mentions;
}

export function findMentions(dict: Dictionary, texts: ReadonlyArray<string | BlockText>, rejected?: Rejection[]): Mention[] {
  return decideMentions(
    dict,
    texts.map((t) => (typeof t === 'string' ? prepareBlock(dict, t) : prepareBlock(dict, t.text, t.heading))),
    rejected,
  );
}

/** One plain text, read as blocks split at line breaks; offsets are into the whole text. */
export function findMentionsInText(dict: Dictionary, text: string, rejected?: Rejection[]): Array<Mention & { start: number; end: number }> {
  const starts: number[] = [];
  const lines: string[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    starts.push(at);
    lines.push(line);
    at += line.length + 1;
  }
  const shift = <T extends { block: number; start: number; end: number }>(m: T): T => ({ ...m, start: m.start + starts[m.block]!, end: m.end + starts[m.block]! });
  const raw: Rejection[] = [];
  const found = findMentions(dict, lines, raw).map(shift);
  rejected?.push(...raw.map(shift));
  return found;
}

/**
 * Seeded synthetic page text: paragraphs of news-like prose (capitalised words, numbers,
 * curly quotes, dashes, possessives, a little Chinese) with entity names sprinkled in,
 * for throughput runs at sizes the corpus does not reach.
 */
import { FILLER } from './name-pools';
import { pick, rngFrom } from './synthetic-pack';

export interface TextOptions {
  /** Total length in UTF-16 code units (the blocks, plus one line break between each). */
  chars: number;
  /** Names to mention (drawn uniformly). */
  names: readonly string[];
  /** About one name per this many words (default 40). */
  wordsPerName?: number;
  seed?: number;
}

const PUNCT = [',', ',', ',', ';', ' —', ':'];
const HAN = ['中国', '巴基斯坦', '合作', '经济', '发展', '医疗', '北京', '伊斯兰堡'];

/** The text's blocks (paragraphs); `blocks.join('\n')` has length `chars`. */
export function syntheticBlocks(options: TextOptions): string[] {
  const rng = rngFrom(options.seed ?? 7);
  const perName = options.wordsPerName ?? 40;
  const blocks: string[] = [];
  let total = 0;
  while (total < options.chars) {
    const words: string[] = [];
    const sentences = 2 + Math.floor(rng() * 5);
    for (let s = 0; s < sentences; s++) {
      const length = 8 + Math.floor(rng() * 14);
      for (let w = 0; w < length; w++) {
        let word: string;
        const r = rng();
        if (options.names.length > 0 && r < 1 / perName) word = pick(rng, options.names) + (rng() < 0.1 ? '’s' : '');
        else if (r < 0.04) word = String(Math.floor(rng() * 10_000));
        else if (r < 0.045) word = pick(rng, HAN);
        else if (r < 0.05) word = `“${pick(rng, FILLER)}”`;
        else word = pick(rng, FILLER);
        if (w === 0) word = word[0]!.toUpperCase() + word.slice(1);
        if (w < length - 1 && rng() < 0.06) word += pick(rng, PUNCT);
        words.push(word);
      }
      words[words.length - 1] += '.';
    }
    let block = words.join(' ');
    const room = options.chars - total - (blocks.length > 0 ? 1 : 0);
    if (block.length > room) block = block.slice(0, Math.max(1, room));
    blocks.push(block);
    total += block.length + (blocks.length > 1 ? 1 : 0);
  }
  return blocks;
}

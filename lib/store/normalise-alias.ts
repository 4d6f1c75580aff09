/**
 * The key under which an alias is stored and looked up. The page matcher and the store
 * must agree on it, so both call this one function.
 *
 * Case is folded here even for case-sensitive aliases (acronyms): the key only finds
 * candidates; the matcher checks letter case against `Alias.caseSensitive`.
 */
export function normaliseAlias(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B\u2032\u02BC]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

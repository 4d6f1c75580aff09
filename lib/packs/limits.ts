/**
 * Size limits for files the user imports, checked on `file.size` before a byte is read,
 * so a wrong or hostile file cannot exhaust the options page's memory.
 *
 * 200 MB: the bundled pack is ~100 KB and a pack of every source a newsroom might cite
 * (thousands of articles with their full text) stays well under it, while parsing and
 * validating 200 MB of JSON still fits in a tab's memory (about 4× the file size).
 */
export const MAX_PACK_FILE_BYTES = 200 * 1024 * 1024;

/** Settings hold lists capped at 10,000 entries: a few MB at most. */
export const MAX_SETTINGS_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The largest dictionary (characters of its JSON) an import hands the background to build
 * its matcher ahead (prepareMatcher). Chrome caps a message at 64 MiB of JSON, and the
 * text grows when it is encoded (escaped quotes, UTF-8): 100k entities make ~26 M. A
 * bigger pack is matched as before, from its dictionary row once it is written.
 */
export const PREPARE_MATCHER_MAX_CHARS = 32_000_000;

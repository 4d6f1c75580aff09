/**
 * The user's settings (site rules, mutes, corrections and display choices) as a file:
 * written with the settings version, read back through the same migrations and field
 * readers storage uses (lib/settings), so an old or hand-edited file is either migrated
 * and checked or refused with the field that is wrong.
 */
import { parseSettingsPatch, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings, type SettingsPatch } from '../settings';
import type { ImportProblem } from './import-problem';
import { MAX_SETTINGS_FILE_BYTES } from './limits';
import { parseJson, readTextFile } from './read-text-file';

export const SETTINGS_FILE_FORMAT = 'factmark-settings';

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  /** lib/settings SETTINGS_VERSION when written. */
  version: number;
  exportedAt: string;
  settings: Settings;
}

export type SettingsProblem =
  | Extract<ImportProblem, { kind: 'too-large' | 'empty' | 'unreadable' | 'not-json' }>
  | { kind: 'not-settings' }
  | { kind: 'newer-settings'; version: number }
  | { kind: 'invalid-settings'; detail: string };

export type SettingsFileResult = { ok: true; patch: SettingsPatch; fromVersion: number } | { ok: false; problem: SettingsProblem };

export function serialiseSettings(settings: Settings, now: Date = new Date()): string {
  const file: SettingsFile = { format: SETTINGS_FILE_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** "factmark-settings-2025-01-20.json" */
export function settingsFileName(now: Date = new Date()): string {
  return `${SETTINGS_FILE_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}

/** Checks a parsed settings file; the patch holds every field the file sets, each valid. */
export function parseSettingsFile(value: unknown): SettingsFileResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problem: { kind: 'not-settings' } };
  const { format, version, settings } = value as Record<string, unknown>;
  if (format !== SETTINGS_FILE_FORMAT || typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problem: { kind: 'not-settings' } };
  if (version > SETTINGS_VERSION) return { ok: false, problem: { kind: 'newer-settings', version } };
  let migrated: unknown = settings;
  for (let next = version + 1; next <= SETTINGS_VERSION; next += 1) {
    const migrate = SETTINGS_MIGRATIONS[next];
    if (migrate) migrated = migrate(migrated);
  }
  const parsed = parseSettingsPatch(migrated);
  if (!parsed.ok) return { ok: false, problem: { kind: 'invalid-settings', detail: parsed.error } };
  return { ok: true, patch: parsed.patch, fromVersion: version };
}

export async function readSettingsFile(file: Blob): Promise<SettingsFileResult> {
  const read = await readTextFile(file, { maxBytes: MAX_SETTINGS_FILE_BYTES });
  if (!read.ok) return { ok: false, problem: read.problem as SettingsProblem };
  const parsed = parseJson(read.text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem as SettingsProblem };
  return parseSettingsFile(parsed.value);
}

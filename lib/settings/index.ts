// The settings' public surface: pure helpers, and the storage item that holds them.
export * from './settings';
export * from './site-rules';
export * from './user-lists';
export { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './migrations';
export type { SettingsV1 } from './migrations';
export { defineSettingsItem, loadSettings, settingsItem, updateSettings, watchSettings } from './settings-item';
export type { SettingsItem } from './settings-item';

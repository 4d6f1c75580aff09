// Importing and exporting fact packs and settings files (options page).
export * from './download';
export * from './export-pack';
export * from './import-pack';
export * from './import-problem';
export * from './limits';
export * from './pack-version';
export * from './read-text-file';
export * from './settings-file';
export * from './page-store';

// Settings export and import: pure functions (no browser APIs) shared by the options page and
// the unit tests (tests/js/settings.test.mjs). Settings live in chrome.storage.sync; an export
// file carries all of them, and an import is checked completely before anything is written.

import { isCanonicalSite } from './sites.js';

export const SETTINGS_FORMAT = 'lector-settings';
export const SETTINGS_VERSION = 1;

/** The storage.sync key of the sites with automatic reader mode (an array of sites). */
export const AUTO_SITES_KEY = 'autoSites';

/** Bigger than any real settings file (storage.sync holds 100 KB at most). */
const MAX_FILE_BYTES = 512 * 1024;
/** chrome.storage.sync's limits: keys of a settings file must fit them. */
const MAX_ITEMS = 512;
const MAX_ITEM_BYTES = 8192;

/**
 * A failed import. `key` names the message in _locales (the options page shows it through
 * chrome.i18n); `detail` fills its placeholder.
 */
export class SettingsFileError extends Error {
  constructor(key, detail = '') {
    super(detail ? `${key}: ${detail}` : key);
    this.name = 'SettingsFileError';
    this.key = key;
    this.detail = detail;
  }
}

/** The storage.sync key of the reader view's settings (reader/settings.js reads them). */
export const READER_SETTINGS_KEY = 'readerSettings';

/** Validators of the settings whose shape Lector knows; each returns the value to store. */
const KNOWN_SETTINGS = {
  // Theme, font, sizes: reader/settings.js reads each field leniently (a bad value shows as
  // the default and stays stored), so an import only has to bring an object of plain values.
  [READER_SETTINGS_KEY](value) {
    const plain = (v) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
    if (!isPlainObject(value) || !Object.values(value).every(plain)) {
      throw new SettingsFileError('importBadSetting', READER_SETTINGS_KEY);
    }
    return value;
  },
  [AUTO_SITES_KEY](value) {
    if (!Array.isArray(value)) throw new SettingsFileError('importBadSetting', AUTO_SITES_KEY);
    const sites = [];
    for (const site of value) {
      if (!isCanonicalSite(site)) throw new SettingsFileError('importBadSite', String(site).slice(0, 80));
      if (!sites.includes(site)) sites.push(site);
    }
    return sites;
  },
};

/** The sites stored under AUTO_SITES_KEY, tolerating a missing or damaged value. */
export function storedSites(items) {
  const value = items?.[AUTO_SITES_KEY];
  return Array.isArray(value) ? value.filter(isCanonicalSite) : [];
}

/** The export file's object for every stored setting. */
export function exportSettings(items, now = new Date()) {
  return {
    format: SETTINGS_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    settings: structuredClone(items ?? {}),
  };
}

/** The export file's text. */
export function exportSettingsText(items, now = new Date()) {
  return `${JSON.stringify(exportSettings(items, now), null, 2)}\n`;
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads an export file's text and returns the settings to store, or throws SettingsFileError.
 * Settings Lector knows are checked value by value; settings it does not know (from a newer
 * part of the extension) are kept as they are, if they fit chrome.storage.sync.
 */
export function parseSettingsFile(text) {
  if (typeof text !== 'string' || text.trim() === '') throw new SettingsFileError('importEmpty');
  if (text.length > MAX_FILE_BYTES) throw new SettingsFileError('importTooBig');
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SettingsFileError('importNotJson', error.message);
  }
  if (!isPlainObject(data) || data.format !== SETTINGS_FORMAT) throw new SettingsFileError('importNotLector');
  if (!Number.isInteger(data.version) || data.version < 1) throw new SettingsFileError('importNotLector');
  if (data.version > SETTINGS_VERSION) throw new SettingsFileError('importTooNew', String(data.version));
  if (!isPlainObject(data.settings)) throw new SettingsFileError('importNotLector');
  const entries = Object.entries(data.settings);
  if (entries.length > MAX_ITEMS) throw new SettingsFileError('importTooBig');
  const settings = {};
  for (const [key, value] of entries) {
    if (key === '' || key.length > 128) throw new SettingsFileError('importBadSetting', key.slice(0, 80));
    if (new TextEncoder().encode(key + JSON.stringify(value)).length > MAX_ITEM_BYTES) {
      throw new SettingsFileError('importBadSetting', key);
    }
    settings[key] = Object.hasOwn(KNOWN_SETTINGS, key) ? KNOWN_SETTINGS[key](value) : value;
  }
  return settings;
}

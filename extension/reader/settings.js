// Reader settings: theme, font, text size, content width and line height. Pure logic
// (defaults, reading stored values, stepping) plus the storage I/O, shared by the reader view
// and the unit tests (tests/js/settings.test.mjs loads this file as it is).
//
// Storage: one object under "readerSettings" in storage.sync. A stored value that cannot be
// used (corrupt, from an older or newer version) is reported and shown as the default, but it
// stays in storage until the user changes that very setting; unknown fields are carried along
// on every write. So no setting is ever lost silently.

/* exported LectorSettings */
// `var` and the check: a click may inject this file again into a page that has it (see
// runInTab in background.js); the first run's object stays.
var LectorSettings = globalThis.LectorSettings ?? (() => {
  const STORAGE_KEY = 'readerSettings';

  const CHOICES = {
    theme: ['auto', 'light', 'sepia', 'dark'],
    font: ['serif', 'sans', 'mono'],
  };
  /** Names older versions or other tools may have written, read as today's choices. */
  const ALIASES = {
    theme: { system: 'auto', default: 'auto', white: 'light', day: 'light', night: 'dark', black: 'dark' },
    font: { 'sans-serif': 'sans', sansserif: 'sans', monospace: 'mono', monospaced: 'mono', system: 'sans' },
  };
  /** Text size in CSS px, content width in em (so the measure stays put as text grows), leading. */
  const RANGES = {
    size: { min: 14, max: 32, step: 1 },
    width: { min: 24, max: 48, step: 2 },
    lineHeight: { min: 1.2, max: 2.2, step: 0.05 },
  };
  const DEFAULTS = Object.freeze({ theme: 'auto', font: 'serif', size: 20, width: 32, lineHeight: 1.6 });
  const KEYS = Object.keys(DEFAULTS);

  /** Rounds to the range's step and keeps it inside the range. */
  function clampToRange(key, number) {
    const { min, max, step } = RANGES[key];
    const stepped = Math.round((number - min) / step) * step + min;
    return Number(Math.min(max, Math.max(min, stepped)).toFixed(2));
  }

  /**
   * One stored value read as a setting: `{ value, problem }`; `problem` is null when the
   * stored value was usable as it is (or in a known older spelling such as "22px").
   */
  function readValue(key, stored) {
    if (stored === undefined || stored === null) return { value: DEFAULTS[key], problem: null };
    if (CHOICES[key]) {
      const name = typeof stored === 'string' ? stored.trim().toLowerCase() : '';
      const value = CHOICES[key].includes(name) ? name : ALIASES[key][name];
      return value ? { value, problem: null } : { value: DEFAULTS[key], problem: 'unknown' };
    }
    let number = NaN;
    if (typeof stored === 'number') number = stored;
    else if (typeof stored === 'string' && /^\s*-?\d+(\.\d+)?\s*(px|em|rem)?\s*$/i.test(stored)) number = parseFloat(stored);
    if (!Number.isFinite(number)) return { value: DEFAULTS[key], problem: 'unreadable' };
    const value = clampToRange(key, number);
    const { min, max } = RANGES[key];
    return { value, problem: number < min || number > max ? 'out-of-range' : null };
  }

  /**
   * The settings to use for whatever storage holds (anything, including garbage): always a
   * complete, valid set, plus the list of stored values that could not be used as they were.
   */
  function normalize(stored) {
    const record = stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
    const settings = {};
    const problems = [];
    if (stored !== undefined && stored !== null && record !== stored) problems.push({ key: STORAGE_KEY, stored, problem: 'not-an-object' });
    for (const key of KEYS) {
      const { value, problem } = readValue(key, record[key]);
      settings[key] = value;
      if (problem) problems.push({ key, stored: record[key], problem });
    }
    return { settings, problems };
  }

  /** A setting one step up (+1) or down (-1), within its range. */
  function step(settings, key, direction) {
    return clampToRange(key, settings[key] + direction * RANGES[key].step);
  }

  /** The object to store after changing `changes`: everything else stored is kept as it was. */
  function merged(stored, changes) {
    const record = stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
    const next = { ...record };
    for (const [key, value] of Object.entries(changes)) {
      if (!KEYS.includes(key)) throw new Error(`unknown reader setting: ${key}`);
      const { value: clean, problem } = readValue(key, value);
      if (problem) throw new Error(`invalid value for reader setting ${key}: ${value}`);
      next[key] = clean;
    }
    return next;
  }

  /** The object to store after a reset: our settings go, fields we do not know stay. */
  function resetRecord(stored) {
    const record = stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...stored } : {};
    for (const key of KEYS) delete record[key];
    return record;
  }

  // ---- storage (storage.sync; storage.local where sync is unavailable) ----

  function area() {
    return globalThis.chrome?.storage?.sync ?? globalThis.chrome?.storage?.local;
  }

  async function readStored() {
    const result = await area().get(STORAGE_KEY);
    return result?.[STORAGE_KEY];
  }

  /** Loads the settings; unusable stored values are reported on the console, never dropped. */
  async function load() {
    let stored;
    try {
      stored = await readStored();
    } catch (error) {
      console.warn('Lector: reader settings could not be read; using the defaults', error);
      return { settings: { ...DEFAULTS }, problems: [{ key: STORAGE_KEY, problem: 'storage-unavailable' }] };
    }
    const result = normalize(stored);
    if (result.problems.length) {
      console.warn('Lector: some stored reader settings could not be used and were left in storage as they are:', result.problems);
    }
    return result;
  }

  /** Stores `changes`, re-reading first so that other tabs' changes and unknown fields stay. */
  async function save(changes) {
    const next = merged(await readStored(), changes);
    await area().set({ [STORAGE_KEY]: next });
  }

  async function reset() {
    const next = resetRecord(await readStored());
    if (Object.keys(next).length) await area().set({ [STORAGE_KEY]: next });
    else await area().remove(STORAGE_KEY);
  }

  /** Calls `listener(normalizedResult)` when another tab (or the options) changes the settings. */
  function onChanged(listener) {
    const events = globalThis.chrome?.storage?.onChanged;
    if (!events) return () => {};
    const handler = (changes) => {
      if (changes[STORAGE_KEY]) listener(normalize(changes[STORAGE_KEY].newValue));
    };
    events.addListener(handler);
    return () => events.removeListener(handler);
  }

  return { STORAGE_KEY, CHOICES, RANGES, DEFAULTS, KEYS, normalize, step, merged, resetRecord, load, save, reset, onChanged };
})();

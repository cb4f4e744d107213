// Automatic reader mode, background side. The sites are kept in chrome.storage.sync; a site is
// on when it is stored AND the browser grants its host permission (the user may revoke that at
// any time, and then the site shows as off). For each site that is on, one content script is
// registered for that site's pages only, at document_start, so the page can be hidden before
// it paints and shown as an article (or unchanged) once the engine has decided. Registrations
// are rebuilt from storage and permissions (reconcile) whenever either changes and at startup,
// so no state lives in this worker's globals.

import { siteOf, findSite, matchPatterns, displaySite, isCanonicalSite } from '../shared/sites.js';
import { AUTO_SITES_KEY, storedSites } from '../shared/settings.js';

const REGISTRATION_PREFIX = 'lector-auto:';
const GRANT_PAGE = 'options/options.html';

let contentScripts = [];
let engineRoute = () => 'content';

/** Files of the registered script: the reader's scripts, then auto.js which starts them. */
function autoScripts() {
  // In Chromium the engine runs in the offscreen document (see engineRoute in background.js),
  // so the pages of a site need not parse the inlined wasm at all.
  const files = engineRoute() === 'offscreen' ? contentScripts.filter((file) => !file.startsWith('engine/')) : contentScripts;
  return [...files, 'content/auto.js'];
}

async function readSites() {
  return storedSites(await chrome.storage.sync.get(AUTO_SITES_KEY));
}

async function isPermitted(site) {
  try {
    return await chrome.permissions.contains({ origins: matchPatterns(site) });
  } catch {
    return false;
  }
}

/** The sites that are on: stored and permitted. */
export async function activeSites() {
  const sites = await readSites();
  const permitted = await Promise.all(sites.map(isPermitted));
  return sites.filter((_, i) => permitted[i]);
}

function sameList(a = [], b = []) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** A script path as registered (some browsers answer with full extension URLs). */
function scriptPath(file) {
  return file.replace(chrome.runtime.getURL(''), '').replace(/^\//, '');
}

/** Makes the registered content scripts match the sites that are on, exactly. */
async function reconcileNow() {
  const wanted = new Map();
  for (const site of await activeSites()) {
    wanted.set(REGISTRATION_PREFIX + site, {
      id: REGISTRATION_PREFIX + site,
      matches: matchPatterns(site),
      js: autoScripts(),
      runAt: 'document_start',
      allFrames: false,
      persistAcrossSessions: true,
    });
  }
  const registered = (await chrome.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(REGISTRATION_PREFIX));
  const stale = registered.filter((s) => {
    const want = wanted.get(s.id);
    if (!want) return true;
    const current = sameList(s.matches, want.matches) && sameList(s.js?.map(scriptPath), want.js) && s.runAt === want.runAt;
    if (current) wanted.delete(s.id);
    return !current;
  });
  if (stale.length) await chrome.scripting.unregisterContentScripts({ ids: stale.map((s) => s.id) });
  // One site at a time, so a pattern one browser refuses cannot keep the other sites off.
  for (const script of wanted.values()) {
    try {
      await chrome.scripting.registerContentScripts([script]);
    } catch (error) {
      console.warn(`Lector: cannot register automatic mode for ${script.matches}:`, error);
    }
  }
}

let queue = Promise.resolve();
/** Reconciles one at a time: events (storage, permissions, startup) can arrive together. */
export function reconcile() {
  queue = queue.then(reconcileNow).catch((error) => console.warn('Lector: auto mode registration failed:', error));
  return queue;
}

/** Stores the site (the permission must already be granted) and registers its script. */
async function enableSite(site) {
  const sites = await readSites();
  if (!sites.includes(site)) await chrome.storage.sync.set({ [AUTO_SITES_KEY]: [...sites, site] });
  await reconcile();
}

/** Forgets the site, gives its host permission back and unregisters its script. */
export async function disableSite(site) {
  const sites = await readSites();
  await chrome.storage.sync.set({ [AUTO_SITES_KEY]: sites.filter((s) => s !== site) });
  try {
    await chrome.permissions.remove({ origins: matchPatterns(site) });
  } catch (error) {
    // A permission the manifest itself declares (the test-only build) cannot be removed.
    console.debug('Lector: host permission kept:', error?.message || error);
  }
  await reconcile();
}

/** The auto-mode state of a page: its site, and whether that site is on. */
async function pageState(url) {
  const site = siteOf(url);
  if (!site) return { site: null };
  const covering = findSite(await activeSites(), url);
  return { site: covering ?? site, display: displaySite(covering ?? site), enabled: Boolean(covering) };
}

/**
 * Turning a site on needs the browser's permission prompt, which the browser only shows for
 * a user gesture in an extension page. A content script cannot ask, and a message from it is
 * no gesture for the background either. So when the permission is missing, a small extension
 * window asks the user, where the click on "Allow" is the gesture.
 */
async function requestEnable(site) {
  if (await isPermitted(site)) {
    await enableSite(site);
    return { enabled: true };
  }
  const url = chrome.runtime.getURL(`${GRANT_PAGE}?enable=${encodeURIComponent(site)}`);
  try {
    await chrome.windows.create({ url, type: 'popup', width: 520, height: 420, focused: true });
  } catch {
    await chrome.tabs.create({ url }); // no windows here (Firefox for Android)
  }
  return { enabled: false, pending: true };
}

// ---- Toolbar indicator -----------------------------------------------------------------

/** Badge and title of one tab: reader view open, automatic mode on for the page's site. */
async function showIndicator(tabId, { reader, auto, display }) {
  const text = reader ? chrome.i18n.getMessage('badgeReader') : auto ? chrome.i18n.getMessage('badgeAuto') : '';
  let title = chrome.i18n.getMessage('actionTitle');
  if (reader && auto) title = chrome.i18n.getMessage('titleReaderAuto', display);
  else if (reader) title = chrome.i18n.getMessage('titleReader');
  else if (auto) title = chrome.i18n.getMessage('titleAuto', display);
  await chrome.action.setBadgeBackgroundColor({ tabId, color: reader ? '#1a6b3c' : '#555a60' });
  await chrome.action.setBadgeText({ tabId, text });
  await chrome.action.setTitle({ tabId, title });
}

function resetIndicator(tabId) {
  chrome.action.setBadgeText({ tabId, text: '' }).catch(() => {});
  chrome.action.setTitle({ tabId, title: chrome.i18n.getMessage('actionTitle') }).catch(() => {});
}

// ---- Wiring ----------------------------------------------------------------------------

const HANDLERS = {
  /** The reader view asks for its switch: the page's site and whether it is on. */
  'content:auto-state': (message, sender) => pageState(sender.url),
  'content:auto-enable': async (message, sender) => {
    const site = siteOf(sender.url);
    if (!site) return { enabled: false };
    return requestEnable(site);
  },
  'content:auto-disable': async (message, sender) => {
    const { site, enabled } = await pageState(sender.url);
    if (site && enabled) await disableSite(site);
    return { enabled: false };
  },
  /** The reader view opened or closed, or an auto-mode page started: update the tab's button. */
  'content:indicator': async (message, sender) => {
    const state = await pageState(sender.url);
    await showIndicator(sender.tab.id, { reader: Boolean(message.reader), auto: state.enabled, display: state.display });
    return { ok: true };
  },
  /** The options page changed sites or permissions and waits until registrations follow. */
  'options:reconcile': async () => {
    await reconcile();
    return { sites: await activeSites() };
  },
  'options:disable': async (message) => {
    if (!isCanonicalSite(message.site)) return { error: 'not a site' };
    await disableSite(message.site);
    return { ok: true };
  },
};

/** Starts automatic reader mode; call once, at the top level of the background script. */
export function initAutoMode(options) {
  contentScripts = options.contentScripts;
  engineRoute = options.engineRoute;

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const handler = HANDLERS[message?.type];
    if (!handler) return false;
    const fromTab = message.type.startsWith('content:');
    if (fromTab && (!sender.tab || sender.frameId !== 0)) return false;
    if (!fromTab && !String(sender.url).startsWith(chrome.runtime.getURL(''))) return false;
    handler(message, sender).then(sendResponse, (error) => sendResponse({ error: String(error?.message || error) }));
    return true;
  });
  // A new document starts with a plain button; its scripts say what is on once they run.
  // (Chromium keeps a tab's badge across navigations.)
  chrome.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') resetIndicator(tabId);
  });
  chrome.runtime.onStartup.addListener(reconcile);
  chrome.runtime.onInstalled.addListener(reconcile);
  // The user can grant or revoke host access in the browser's own UI at any time.
  chrome.permissions.onAdded.addListener(reconcile);
  chrome.permissions.onRemoved.addListener(reconcile);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && AUTO_SITES_KEY in changes) reconcile();
  });
}

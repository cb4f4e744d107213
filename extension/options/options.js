// Options page: the sites with automatic reader mode (add, allow again, remove), export and
// import of every setting. Opened with ?enable=<site> it is the small window where the user
// confirms turning a site on from the reader view: the browser shows its permission prompt
// only for a click in an extension page.
//
// permissions.request must run inside the click handler (Firefox requires it synchronously),
// so each handler calls it before its first await.

import { normalizeSiteInput, matchPatterns, displaySite } from '../shared/sites.js';
import { AUTO_SITES_KEY, storedSites, exportSettingsText, parseSettingsFile, SettingsFileError } from '../shared/settings.js';

const t = (key, ...substitutions) => chrome.i18n.getMessage(key, substitutions);
const $ = (id) => document.getElementById(id);

function localise() {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  document.documentElement.dir = chrome.i18n.getMessage('@@bidi_dir') || 'ltr';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  $('add-site').placeholder = t('addSitePlaceholder');
}

async function isPermitted(site) {
  try {
    return await chrome.permissions.contains({ origins: matchPatterns(site) });
  } catch {
    return false;
  }
}

/** Asks the browser for the sites' host access; call it first thing in a click handler. */
function requestAccess(sites) {
  return chrome.permissions.request({ origins: sites.flatMap(matchPatterns) }).catch((error) => {
    console.warn('Lector: permission request failed:', error);
    return false;
  });
}

/** Waits until the background has registered (or unregistered) the sites' content scripts. */
async function syncRegistrations() {
  const answer = await chrome.runtime.sendMessage({ type: 'options:reconcile' });
  if (answer?.error) throw new Error(answer.error);
}

async function addSites(sites) {
  const stored = storedSites(await chrome.storage.sync.get(AUTO_SITES_KEY));
  const merged = [...stored, ...sites.filter((site) => !stored.includes(site))];
  await chrome.storage.sync.set({ [AUTO_SITES_KEY]: merged });
  await syncRegistrations();
}

// ---- The list of sites -------------------------------------------------------------------

function button(text, onClick, label) {
  const node = document.createElement('button');
  node.type = 'button';
  node.textContent = text;
  if (label) node.setAttribute('aria-label', label);
  node.addEventListener('click', onClick);
  return node;
}

async function renderSites() {
  const sites = storedSites(await chrome.storage.sync.get(AUTO_SITES_KEY));
  const permitted = await Promise.all(sites.map(isPermitted));
  const list = $('sites');
  const items = sites.map((site, i) => {
    const display = displaySite(site);
    const item = document.createElement('li');
    item.dataset.site = site;
    item.dataset.state = permitted[i] ? 'on' : 'off';
    const name = document.createElement('span');
    name.className = 'site';
    name.textContent = display;
    const state = document.createElement('span');
    state.className = permitted[i] ? 'state' : 'state off';
    state.textContent = permitted[i] ? t('siteOn') : t('siteNoAccess');
    item.append(name, state);
    if (!permitted[i]) {
      item.append(
        button(t('siteAllow'), async () => {
          const granted = await requestAccess([site]);
          if (granted) await syncRegistrations();
          $('sites-status').textContent = granted ? t('siteAdded', display) : t('accessRefused', display);
          await renderSites();
        }, t('siteAllowLabel', display)),
      );
    }
    item.append(
      button(t('siteRemove'), async () => {
        await chrome.runtime.sendMessage({ type: 'options:disable', site });
        $('sites-status').textContent = t('siteRemoved', display);
        await renderSites();
      }, t('siteRemoveLabel', display)),
    );
    return item;
  });
  list.replaceChildren(...items);
  $('sites-empty').hidden = sites.length > 0;
  const missing = sites.filter((_, i) => !permitted[i]);
  $('regrant').hidden = missing.length < 2;
  $('regrant-text').textContent = t('regrantText', String(missing.length));
}

$('add-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('add-site');
  const site = normalizeSiteInput(input.value);
  if (!site) {
    $('sites-status').textContent = t('siteInvalid');
    input.focus();
    return;
  }
  const granted = await requestAccess([site]);
  if (!granted) {
    $('sites-status').textContent = t('accessRefused', displaySite(site));
    return;
  }
  await addSites([site]);
  input.value = '';
  $('sites-status').textContent = t('siteAdded', displaySite(site));
  await renderSites();
});

$('regrant-allow').addEventListener('click', async () => {
  const sites = [...$('sites').querySelectorAll('li[data-state="off"]')].map((item) => item.dataset.site);
  const granted = await requestAccess(sites);
  if (granted) await syncRegistrations();
  await renderSites();
});

// ---- Confirming a site from the reader view (?enable=<site>) ------------------------------

function setUpGrant(site) {
  const display = displaySite(site);
  $('settings').hidden = true;
  $('grant').hidden = false;
  document.title = t('grantHeading', display);
  $('grant-heading').textContent = t('grantHeading', display);
  $('grant-explain').textContent = t('grantExplain', display);
  $('grant-allow').addEventListener('click', async () => {
    const granted = await requestAccess([site]);
    if (!granted) {
      $('grant-status').textContent = t('accessRefused', display);
      return;
    }
    await addSites([site]);
    $('grant-status').textContent = t('grantDone', display);
    $('grant-allow').disabled = true;
    setTimeout(() => window.close(), 1500);
  });
  $('grant-cancel').addEventListener('click', () => window.close());
  $('grant-allow').focus();
}

// ---- Export and import --------------------------------------------------------------------

function saveFile(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

$('export').addEventListener('click', async () => {
  const items = await chrome.storage.sync.get(null);
  const day = new Date().toISOString().slice(0, 10);
  saveFile(`lector-settings-${day}.json`, exportSettingsText(items));
  $('backup-error').textContent = '';
  $('backup-status').textContent = t('exportDone');
});

$('import').addEventListener('click', () => $('import-file').click());

/**
 * Replaces every setting with the file's, or changes nothing: the file is checked completely
 * first, and if writing fails half-way the settings from before are put back.
 */
async function importSettings(text) {
  const settings = parseSettingsFile(text);
  const before = await chrome.storage.sync.get(null);
  try {
    await chrome.storage.sync.set(settings);
    const dropped = Object.keys(before).filter((key) => !Object.hasOwn(settings, key));
    if (dropped.length) await chrome.storage.sync.remove(dropped);
  } catch (error) {
    await chrome.storage.sync.clear();
    await chrome.storage.sync.set(before);
    throw new SettingsFileError('importWriteFailed', String(error?.message || error));
  }
  // Sites the file no longer lists give their host access back.
  const kept = storedSites(settings);
  for (const site of storedSites(before).filter((s) => !kept.includes(s))) {
    await chrome.permissions.remove({ origins: matchPatterns(site) }).catch(() => {});
  }
  await syncRegistrations();
  return kept.length;
}

$('import-file').addEventListener('change', async () => {
  const input = $('import-file');
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  $('backup-status').textContent = '';
  $('backup-error').textContent = '';
  $('sites-status').textContent = '';
  try {
    const sites = await importSettings(await file.text());
    $('backup-status').textContent = t('importDone', String(sites));
  } catch (error) {
    const reason = error instanceof SettingsFileError ? t(error.key, error.detail) : String(error?.message || error);
    $('backup-error').textContent = t('importRejected', file.name, reason);
  }
  await renderSites();
});

// ---- Start -------------------------------------------------------------------------------

localise();
const enable = normalizeSiteInput(new URLSearchParams(location.search).get('enable'));
if (enable) setUpGrant(enable);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && AUTO_SITES_KEY in changes) renderSites();
});
chrome.permissions.onAdded.addListener(() => renderSites());
chrome.permissions.onRemoved.addListener(() => renderSites());
renderSites();

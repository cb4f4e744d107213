// Background context (Chromium service worker, Firefox event page).
// A toolbar click (or the shortcut) injects the content scripts into the active tab (in
// Chromium on every click, in the same trip as the action) and toggles the reader view; the context menu and a second shortcut export Markdown.
// Chromium's service worker is background-chromium.js: this file plus the offscreen-document
// engine route (see engineRoute), which Firefox neither has nor needs.
// Nothing here keeps state in globals that matters across worker restarts.
// Automatic reader mode per site lives in background/auto-mode.js.

import { initAutoMode } from './background/auto-mode.js';

/** The engine for the content script: the wasm-bindgen glue and the inlined wasm. */
const ENGINE_SCRIPTS = ['engine/lector.js', 'engine/lector_wasm.js'];

/**
 * Content-world scripts, in load order: the wasm glue, then the shell that uses it, starting
 * with the walk that hands the page to the engine (here or in the offscreen document).
 */
const CONTENT_SCRIPTS = [
  ...ENGINE_SCRIPTS,
  'shared/page-tree.js',
  'reader/settings.js',
  'reader/style.js',
  'reader/view.js',
  'content/content.js',
];

/** The file that runs an action in the trip that injects the scripts (a first click). */
const RUN_FILES = { toggle: 'content/run-toggle.js', export: 'content/run-export.js' };

const EXPORT_MENU_ID = 'lector-export-markdown';

initAutoMode({ contentScripts: CONTENT_SCRIPTS, engineRoute });

chrome.action.onClicked.addListener((tab) => {
  runInTab(tab, 'toggle').catch((error) => reportFailure(tab, error));
});

chrome.commands.onCommand.addListener((command, tab) => {
  if (command === 'export-markdown' && tab) runInTab(tab, 'export').catch((error) => reportFailure(tab, error));
});

// Menus persist across worker restarts; (re)create them once per install or update.
chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({
    id: EXPORT_MENU_ID,
    title: chrome.i18n.getMessage('menuExport'),
    contexts: ['page', 'selection', 'link', 'image'],
  });
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === EXPORT_MENU_ID && tab) runInTab(tab, 'export').catch((error) => reportFailure(tab, error));
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // The content script asks for the engine when it is to run in the page but was injected
  // without it (Chromium's clicks run it in the offscreen document; see shellScripts).
  if (message?.type !== 'content:load-engine' || !sender.tab) return false;
  const target = { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] };
  chrome.scripting.executeScript({ target, files: ENGINE_SCRIPTS }).then(
    () => sendResponse({ ok: true }),
    (error) => sendResponse({ ok: false, error: String(error?.message || error) }),
  );
  return true;
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // The reader view shows the toggle shortcut the user actually has (content scripts cannot
  // ask chrome.commands themselves).
  if (message?.type !== 'content:get-shortcut' || !sender.tab) return false;
  chrome.commands.getAll().then(
    (commands) => sendResponse({ shortcut: commands.find((c) => c.name === '_execute_action')?.shortcut || '' }),
    () => sendResponse({ shortcut: '' }),
  );
  return true;
});

/**
 * The content scripts a click injects. Where the engine runs in the offscreen document
 * (Chromium), the page need not parse the inlined wasm (about 400 KB of script) at all; the
 * content script asks for it only if it is ever to run the engine itself.
 */
function shellScripts() {
  return engineRoute() === 'offscreen' ? CONTENT_SCRIPTS.filter((file) => !ENGINE_SCRIPTS.includes(file)) : CONTENT_SCRIPTS;
}

/** Toggles the reader view or exports Markdown, injecting the content scripts the first time. */
async function runInTab(tab, action) {
  if (tab.id === undefined) return;
  const target = { tabId: tab.id };
  let result;
  if (engineRoute() === 'offscreen') {
    // The shell (about 80 KB) and the action in one trip, every time: its files may run again
    // in a page that has them (each keeps what its first run made), so no trip asks first.
    // Retried: a refused injection (the click's grant has not reached the page yet) ran nothing.
    [result] = await withRetry(() => chrome.scripting.executeScript({ target, files: [...shellScripts(), RUN_FILES[action]] }));
  } else {
    // With the engine (about 400 KB of script) the files go only where they are not yet: one
    // trip when the scripts are in the page already, the call itself says if they are not.
    const run = (what, route) => {
      const entry = what === 'export' ? globalThis.lectorExport : globalThis.lectorToggle;
      return typeof entry === 'function' ? entry(route) : { missing: true };
    };
    const args = [action, engineRoute()];
    [result] = await withRetry(() => chrome.scripting.executeScript({ target, func: run, args }));
    if (result?.result?.missing) {
      // The files, and the action in the same trip. Not retried: the check just ran in the page
      // (the click's grant has arrived), and a retry after the action ran would run it twice.
      [result] = await chrome.scripting.executeScript({ target, files: [...shellScripts(), RUN_FILES[action]] });
    }
  }
  // A document the reader cannot show (XML, SVG, plain text, frames) says why on the button.
  if (typeof result?.result === 'string' && result.result) showBadge(tab, result.result);
}

/**
 * Where the engine runs. Chromium decides by the PAGE's CSP whether a content script may
 * compile WebAssembly, and a refused compile posts a CSP violation report to the site: a
 * leak we do not accept. So in Chromium the engine always runs in the offscreen document, on
 * the page tree and signals the content script took from the live page. Firefox allows wasm
 * in content scripts under any page CSP and has no offscreen documents: there it runs in the
 * content script.
 */
function engineRoute() {
  return chrome.offscreen ? 'offscreen' : 'content';
}

/**
 * Waits between tries of an injection. Right after the click Chromium often refuses the first
 * one ("Cannot access contents of the page"): the activeTab grant the click gave has not
 * reached the page's renderer yet. It arrives within a few milliseconds (measured: the first
 * retry 2 ms later succeeds), so the tries start close together and back off, about 0.3 s in
 * all, for a busy machine. A page extensions may never touch fails every try, and gets its badge.
 */
const RETRY_DELAYS_MS = [2, 5, 10, 20, 40, 80, 160];

async function withRetry(inject) {
  for (const delay of RETRY_DELAYS_MS) {
    try {
      return await inject();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return inject();
}

/** Pages that extensions may not touch (browser pages, the web store) get a badge, not silence. */
function reportFailure(tab, error) {
  console.warn('Lector could not open the reader view:', error);
  showBadge(tab, chrome.i18n.getMessage('pageNotAllowed'));
}

/** A "!" on the button for a few seconds, and the reason as its tooltip (until the tab navigates). */
function showBadge(tab, reason) {
  if (tab.id === undefined) return;
  chrome.action.setBadgeBackgroundColor({ tabId: tab.id, color: '#8a1c1c' });
  chrome.action.setBadgeText({ tabId: tab.id, text: '!' });
  chrome.action.setTitle({ tabId: tab.id, title: reason });
  setTimeout(() => chrome.action.setBadgeText({ tabId: tab.id, text: '' }).catch(() => {}), 4000);
}

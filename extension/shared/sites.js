// Sites for automatic reader mode: pure functions, no browser APIs, so the background, the
// options page and the unit tests (tests/js/sites.test.mjs) share them.
//
// A site is the host the user sees, lower-cased, in its ASCII (punycode) form, with a
// leading "www." dropped. It covers that host and every subdomain of it: enabling
// "news.example.com" also covers "amp.news.example.com", and enabling from
// "www.example.com" covers "example.com" and all of its subdomains. We do not widen a host
// to its registrable domain (that needs the whole public-suffix list): staying with the
// host the user sees asks the browser for the least access, and the browser's permission
// prompt shows exactly that scope. IP addresses and single-label hosts ("localhost",
// intranet names) cover that host only. Ports are not part of a site (browser match
// patterns cannot express them in Firefox), so a site covers every port of its host.
// Only http and https pages have sites: file://, data:, about: and extension pages do not.

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** The host of an http(s) URL as the browser normalises it, without a trailing dot; or null. */
function webHost(url) {
  let parsed;
  try {
    parsed = url instanceof URL ? url : new URL(String(url));
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/\.$/, '');
  return host || null;
}

/** True for an IPv4 address or a bracketed IPv6 address, as the URL parser writes them. */
export function isIpHost(host) {
  return IPV4.test(host) || (host.startsWith('[') && host.endsWith(']'));
}

/** True when the site spans subdomains: a name of two labels or more, not an address. */
function coversSubdomains(site) {
  return !isIpHost(site) && site.includes('.');
}

/** The site of a host: "www." dropped when what remains is still a name of two labels or more. */
function siteOfHost(host) {
  if (isIpHost(host)) return host;
  const rest = host.startsWith('www.') ? host.slice(4) : host;
  return rest !== host && rest.includes('.') ? rest : host;
}

/** The site of a page's URL, or null when the page cannot have one (file://, about:, …). */
export function siteOf(url) {
  const host = webHost(url);
  return host ? siteOfHost(host) : null;
}

/**
 * The site a user typed or pasted: "Example.com", "www.bücher.de", "https://news.example.com/a".
 * Returns null when it names no site (empty, a wildcard, a non-web URL, bad characters).
 */
export function normalizeSiteInput(text) {
  const input = String(text ?? '').trim();
  if (!input || /[\s*]/.test(input)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[^/]*:\d+(?:[/?#]|$)/.test(input);
  return siteOf(hasScheme ? input : `http://${input}`);
}

/** True when `site` is already in canonical form (what siteOf would give for its own host). */
export function isCanonicalSite(site) {
  return typeof site === 'string' && site.length > 0 && site.length <= 253 && normalizeSiteInput(site) === site;
}

/** Match patterns for the site's host permission and content script (every scheme Lector reads). */
export function matchPatterns(site) {
  return coversSubdomains(site) ? [`*://*.${site}/*`] : [`*://${site}/*`];
}

/** True when the page at `url` belongs to `site` (the site's host or, for names, a subdomain). */
export function siteCovers(site, url) {
  const host = webHost(url);
  if (!host) return false;
  if (host === site) return true;
  return coversSubdomains(site) && !isIpHost(host) && host.endsWith(`.${site}`);
}

/** The most specific of `sites` that covers `url`, or null. */
export function findSite(sites, url) {
  let best = null;
  for (const site of sites) {
    if (siteCovers(site, url) && (!best || site.length > best.length)) best = site;
  }
  return best;
}

// ---- Display: punycode labels back to Unicode (RFC 3492 decoding) -------------------------

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta, points, first) {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitValue(code) {
  if (code >= 0x30 && code <= 0x39) return code - 22; // 0-9 are 26-35
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z
  return BASE;
}

/** Decodes one punycode label (without "xn--"); returns null if it is not valid punycode. */
export function decodePunycode(label) {
  const output = [];
  const basicEnd = label.lastIndexOf('-');
  for (let j = 0; j < Math.max(basicEnd, 0); j++) {
    if (label.charCodeAt(j) >= 0x80) return null;
    output.push(label.charCodeAt(j));
  }
  let n = 0x80;
  let i = 0;
  let bias = 72;
  for (let index = basicEnd > 0 ? basicEnd + 1 : 0; index < label.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (index >= label.length) return null;
      const digit = digitValue(label.charCodeAt(index++));
      if (digit >= BASE) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (i > 0x7fffffff || w > 0x7fffffff) return null;
    }
    const points = output.length + 1;
    bias = adapt(i - oldI, points, oldI === 0);
    n += Math.floor(i / points);
    i %= points;
    if (n > 0x10ffff) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** The site as a person reads it: internationalised labels in Unicode. */
export function displaySite(site) {
  return site
    .split('.')
    .map((label) => (label.startsWith('xn--') ? decodePunycode(label.slice(4)) ?? label : label))
    .join('.');
}

// The site logic behind automatic reader mode (extension/shared/sites.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  siteOf,
  normalizeSiteInput,
  isCanonicalSite,
  matchPatterns,
  siteCovers,
  findSite,
  displaySite,
  decodePunycode,
  isIpHost,
} from '../../extension/shared/sites.js';

test('the site is the host the user sees, lower-cased, with www. dropped', () => {
  assert.equal(siteOf('https://www.example.com/news/story.html'), 'example.com');
  assert.equal(siteOf('https://Example.COM/'), 'example.com');
  assert.equal(siteOf('http://news.example.co.uk/a?b#c'), 'news.example.co.uk');
  assert.equal(siteOf('https://www.news.example.com/'), 'news.example.com');
  assert.equal(siteOf('https://www2.example.com/'), 'www2.example.com', 'only the exact label "www" is dropped');
  assert.equal(siteOf('https://wwwexample.com/'), 'wwwexample.com');
  assert.equal(siteOf('https://example.com./story'), 'example.com', 'a trailing dot names the same host');
  assert.equal(siteOf('https://user:pass@www.example.com/'), 'example.com');
});

test('www. stays when dropping it would leave a single label', () => {
  assert.equal(siteOf('http://www.localhost/'), 'www.localhost');
  assert.equal(siteOf('http://www/'), 'www');
});

test('ports are not part of a site', () => {
  assert.equal(siteOf('http://example.com:8080/a'), 'example.com');
  assert.equal(siteOf('https://www.example.com:8443/'), 'example.com');
  assert.equal(siteOf('http://127.0.0.1:3000/'), '127.0.0.1');
  assert.ok(siteCovers('example.com', 'http://example.com:8080/a'));
  assert.ok(siteCovers('127.0.0.1', 'http://127.0.0.1:41234/plain/x/'));
});

test('internationalised hosts are kept in punycode and shown in Unicode', () => {
  assert.equal(siteOf('https://www.bücher.de/buch'), 'xn--bcher-kva.de');
  assert.equal(siteOf('https://MÜNCHEN.example/'), 'xn--mnchen-3ya.example');
  assert.equal(siteOf('https://例え.jp/'), 'xn--r8jz45g.jp');
  assert.equal(displaySite('xn--bcher-kva.de'), 'bücher.de');
  assert.equal(displaySite('xn--mnchen-3ya.example'), 'münchen.example');
  assert.equal(displaySite('xn--r8jz45g.jp'), '例え.jp');
  assert.equal(displaySite('news.example.com'), 'news.example.com');
  assert.ok(siteCovers('xn--bcher-kva.de', 'https://shop.bücher.de/'));
  assert.equal(normalizeSiteInput('bücher.de'), 'xn--bcher-kva.de');
});

test('punycode decoding follows RFC 3492 and rejects garbage', () => {
  // RFC 3492 section 7.1 sample (L): Japanese "3年B組金八先生".
  assert.equal(decodePunycode('3B-ww4c5e180e575a65lsy2b'), '3年B組金八先生');
  // (A) Arabic (Egyptian).
  assert.equal(decodePunycode('egbpdaj6bu4bxfgehfvwxn'), 'ليهمابتكلموشعربي؟');
  assert.equal(decodePunycode('bcher-kva'), 'bücher');
  assert.equal(decodePunycode('!!!'), null);
  assert.equal(displaySite('xn--!!!.com'), 'xn--!!!.com', 'an undecodable label is shown as it is');
});

test('IP addresses are sites of their own, with no subdomains', () => {
  assert.equal(siteOf('http://127.0.0.1/'), '127.0.0.1');
  assert.equal(siteOf('http://0x7f.1/'), '127.0.0.1', 'the URL parser normalises IPv4 spellings');
  assert.equal(siteOf('http://[::1]:8080/'), '[::1]');
  assert.equal(siteOf('http://[2001:DB8::1]/'), '[2001:db8::1]');
  assert.ok(isIpHost('10.0.0.1') && isIpHost('[::1]') && !isIpHost('example.com'));
  assert.deepEqual(matchPatterns('127.0.0.1'), ['*://127.0.0.1/*']);
  assert.deepEqual(matchPatterns('[::1]'), ['*://[::1]/*']);
  assert.ok(!siteCovers('0.0.1', 'http://127.0.0.1/'), 'an address is never a "subdomain"');
  assert.ok(!siteCovers('127.0.0.1', 'http://127.0.0.10/'));
});

test('file://, data:, about: and extension pages have no site', () => {
  for (const url of [
    'file:///home/me/page.html',
    'data:text/html,<p>x',
    'about:blank',
    'chrome://extensions/',
    'chrome-extension://abcdefghijklmnop/options/options.html',
    'moz-extension://0a1b/options.html',
    'javascript:alert(1)',
    'ftp://example.com/',
    'not a url',
    '',
    undefined,
  ]) {
    assert.equal(siteOf(url), null, String(url));
    assert.equal(findSite(['example.com'], url), null, String(url));
  }
  assert.equal(normalizeSiteInput('file:///etc/passwd'), null);
});

test('subdomains follow the site; other hosts do not', () => {
  assert.ok(siteCovers('example.com', 'https://example.com/'));
  assert.ok(siteCovers('example.com', 'https://www.example.com/a'));
  assert.ok(siteCovers('example.com', 'https://news.example.com/a'));
  assert.ok(siteCovers('example.com', 'https://a.b.example.com/a'));
  assert.ok(!siteCovers('example.com', 'https://badexample.com/'), 'a suffix that is not a label boundary');
  assert.ok(!siteCovers('example.com', 'https://example.com.evil.net/'));
  assert.ok(!siteCovers('example.com', 'https://example.org/'));
  assert.ok(!siteCovers('news.example.com', 'https://example.com/'), 'a parent is not covered by a subdomain');
  assert.ok(!siteCovers('news.example.com', 'https://sport.example.com/'));
  assert.ok(siteCovers('localhost', 'http://localhost:8000/'));
  assert.ok(!siteCovers('localhost', 'http://app.localhost/'), 'single-label hosts cover themselves only');
});

test('the most specific enabled site wins', () => {
  const sites = ['example.com', 'news.example.com', 'other.org'];
  assert.equal(findSite(sites, 'https://news.example.com/a'), 'news.example.com');
  assert.equal(findSite(sites, 'https://live.news.example.com/a'), 'news.example.com');
  assert.equal(findSite(sites, 'https://www.example.com/a'), 'example.com');
  assert.equal(findSite(sites, 'https://example.net/'), null);
});

test('match patterns ask for the site and its subdomains only', () => {
  assert.deepEqual(matchPatterns('example.com'), ['*://*.example.com/*']);
  assert.deepEqual(matchPatterns('xn--bcher-kva.de'), ['*://*.xn--bcher-kva.de/*']);
  assert.deepEqual(matchPatterns('localhost'), ['*://localhost/*']);
  // Every pattern has the shape browsers accept: scheme wildcard, one host, any path.
  for (const site of ['example.com', 'localhost', '127.0.0.1', '[::1]', 'xn--r8jz45g.jp']) {
    for (const pattern of matchPatterns(site)) assert.match(pattern, /^\*:\/\/(\*\.)?[^/*]+\/\*$/);
  }
});

test('typed sites are normalised; wildcards and junk are refused', () => {
  assert.equal(normalizeSiteInput('  Example.com  '), 'example.com');
  assert.equal(normalizeSiteInput('www.example.com'), 'example.com');
  assert.equal(normalizeSiteInput('https://news.example.com/section/a?x=1'), 'news.example.com');
  assert.equal(normalizeSiteInput('localhost:8080'), 'localhost');
  assert.equal(normalizeSiteInput('example.com:8080/path'), 'example.com');
  assert.equal(normalizeSiteInput('[::1]'), '[::1]');
  for (const bad of ['', '   ', '*.example.com', '*', 'exa mple.com', 'http://', 'javascript:alert(1)', null]) {
    assert.equal(normalizeSiteInput(bad), null, String(bad));
  }
  assert.ok(isCanonicalSite('example.com'));
  assert.ok(isCanonicalSite('127.0.0.1'));
  assert.ok(!isCanonicalSite('www.example.com'), 'not canonical: www. is dropped');
  assert.ok(!isCanonicalSite('Example.com'));
  assert.ok(!isCanonicalSite('bücher.de'), 'not canonical: Unicode instead of punycode');
  assert.ok(!isCanonicalSite('example.com/path'));
  assert.ok(!isCanonicalSite(42));
});

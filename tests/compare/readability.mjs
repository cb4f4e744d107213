// Runs Readability.js (@mozilla/readability 0.6 over a linkedom DOM) on the pages of a corpus
// and prints one JSON line per page, for `lector eval` to score beside Lector's own results.
//
//   node tests/compare/readability.mjs wcxb|readability <corpus-dir> [--shard I/N]
//
// Pages are taken in sorted order; --shard I/N keeps every N-th page starting at the I-th, so
// that several processes can share the corpus. Each line: {id, ok, error, title, byline,
// siteName, lang, dir, publishedTime, excerpt, text, readerable, ms}. `ms` times parsing plus
// extraction of that page (the readerable check is timed apart and not included).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability, isProbablyReaderable } from '@mozilla/readability';

const [kind, dir, ...rest] = process.argv.slice(2);
if (!['wcxb', 'readability'].includes(kind) || !dir) {
  console.error('usage: node tests/compare/readability.mjs wcxb|readability <corpus-dir> [--shard I/N]');
  process.exit(2);
}
let shard = 0;
let shards = 1;
const at = rest.indexOf('--shard');
if (at >= 0) [shard, shards] = rest[at + 1].split('/').map(Number);

// The page source and the URL the page is read as.
function pages() {
  if (kind === 'wcxb') {
    const truth = path.join(dir, 'ground-truth');
    return fs.readdirSync(truth).filter((f) => f.endsWith('.json')).sort().map((f) => {
      const id = f.slice(0, -5);
      return {
        id,
        load() {
          const gt = JSON.parse(fs.readFileSync(path.join(truth, f), 'utf8'));
          const html = zlib.gunzipSync(fs.readFileSync(path.join(dir, 'html', `${id}.html.gz`)));
          return { html: html.toString('utf8'), url: gt.url || 'https://example.com/' };
        },
      };
    });
  }
  return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort().map((id) => ({
    id,
    load() {
      return { html: fs.readFileSync(path.join(dir, id, 'source.html'), 'utf8'), url: 'http://fakehost/test/page.html' };
    },
  }));
}

const out = [];
const flush = () => { process.stdout.write(out.join('')); out.length = 0; };
pages().forEach((page, i) => {
  if (i % shards !== shard) return;
  const row = { id: page.id, ok: false };
  try {
    const { html, url } = page.load();
    const start = performance.now();
    const { document } = parseHTML(html);
    // linkedom has no notion of a document URL; Readability reads it from baseURI/documentURI.
    Object.defineProperty(document, 'documentURI', { value: url });
    Object.defineProperty(document, 'baseURI', { value: url });
    const parsed = performance.now();
    const readerable = isProbablyReaderable(document);
    const t0 = performance.now();
    const article = new Readability(document).parse();
    row.ms = performance.now() - t0 + (parsed - start);
    row.readerable = readerable;
    if (article) {
      Object.assign(row, {
        ok: true,
        title: article.title,
        byline: article.byline,
        siteName: article.siteName,
        lang: article.lang,
        dir: article.dir,
        publishedTime: article.publishedTime,
        excerpt: article.excerpt,
        text: article.textContent,
      });
    }
  } catch (e) {
    row.error = String(e && e.message ? e.message : e).slice(0, 200);
  }
  out.push(`${JSON.stringify(row)}\n`);
  if (out.length >= 20) flush();
});
flush();

// Side-by-side report: Lector's Markdown against Turndown + its GFM plugin (the converter
// behind MarkDownload) on the same sanitized article HTML of every committed fixture.
// A report, not a pass/fail test: it prints where the outputs differ, for people to judge.
//
//   node tests/compare/turndown.mjs [path/to/lector]

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lector = process.argv[2] || path.join(root, 'target/debug/lector');
const pagesDir = path.join(root, 'tests/pages');

const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
turndown.use(gfm);

const normalize = (md) => md.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
let shown = 0;
for (const name of fs.readdirSync(pagesDir).sort()) {
  const source = path.join(pagesDir, name, 'source.html');
  let article;
  try {
    article = JSON.parse(execFileSync(lector, ['extract', source, '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    console.log(`${name}: no article (both converters skipped)`);
    continue;
  }
  const ours = normalize(article.markdown);
  const theirs = normalize(turndown.turndown(article.contentHtml));
  const theirSet = new Set(theirs);
  const ourSet = new Set(ours);
  const onlyOurs = ours.filter((l) => !theirSet.has(l));
  const onlyTheirs = theirs.filter((l) => !ourSet.has(l));
  console.log(`${name}: lector ${ours.length} lines, turndown ${theirs.length} lines, ${onlyOurs.length} lines differ`);
  for (let i = 0; i < Math.max(onlyOurs.length, onlyTheirs.length) && i < 6; i++) {
    console.log(`   lector:   ${(onlyOurs[i] ?? '').slice(0, 110)}`);
    console.log(`   turndown: ${(onlyTheirs[i] ?? '').slice(0, 110)}`);
    shown++;
  }
}
console.log(shown ? 'Differences listed above (first six per page).' : 'The outputs agree line for line.');

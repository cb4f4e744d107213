#!/usr/bin/env python3
"""Interim corpus evaluation of the `lector` CLI (a fuller `lector eval` is planned).

    cargo build --release
    python3 tests/compare/corpus_eval.py wcxb          # ../shared/corpus/wcxb-dev
    python3 tests/compare/corpus_eval.py readability   # ../shared/corpus/readability

WCXB: per-page bag-of-words F1 over lowercased \\w+ tokens of title + text against
`main_content`, macro-averaged, per page type; "no article" counts pages where Lector
declined. Readability: token F1 of the text against expected.html (Readability.js's own
output, a reference rather than the truth) and agreement of the metadata fields.
"""
import collections, gzip, html as H, json, os, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPORA = os.path.join(os.path.dirname(ROOT), 'shared', 'corpus')
BIN = os.path.join(ROOT, 'target', 'release', 'lector')


def tokens(s):
    return collections.Counter(re.findall(r'\w+', s.lower()))


def f1(predicted, truth):
    p, t = tokens(predicted), tokens(truth)
    overlap = sum((p & t).values())
    if not p and not t:
        return 1.0
    if overlap == 0:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def extract(html_bytes, url):
    r = subprocess.run([BIN, 'extract', '-', '--format', 'json', '--url', url], input=html_bytes, capture_output=True)
    return json.loads(r.stdout) if r.returncode == 0 else None


def wcxb():
    base = os.path.join(CORPORA, 'wcxb-dev')
    files = sorted(os.listdir(os.path.join(base, 'ground-truth')))

    def run(name):
        gt = json.load(open(os.path.join(base, 'ground-truth', name)))
        truth = gt['ground_truth']
        kind = gt.get('_internal', {}).get('page_type', {}).get('primary', '?')
        page = gzip.open(os.path.join(base, 'html', name[:-5] + '.html.gz')).read()
        a = extract(page, gt.get('url') or 'https://example.com/')
        text = (a['title'] + '\n' + a['text']) if a else ''
        return kind, f1(text, truth.get('main_content') or ''), a is None

    results = list(ThreadPoolExecutor(os.cpu_count() or 2).map(run, files))
    by_kind = collections.defaultdict(list)
    declined = collections.Counter()
    for kind, score, none in results:
        by_kind[kind].append(score)
        by_kind['ALL'].append(score)
        declined[kind] += none
        declined['ALL'] += none
    print(f'{"page type":15} {"pages":>5} {"F1":>6} {"no article":>10}')
    for kind, scores in sorted(by_kind.items()):
        print(f'{kind:15} {len(scores):5} {sum(scores) / len(scores):6.3f} {declined[kind]:10}')


def readability():
    base = os.path.join(CORPORA, 'readability')
    cases = sorted(d for d in os.listdir(base) if os.path.isdir(os.path.join(base, d)))

    def run(case):
        src = open(os.path.join(base, case, 'source.html'), 'rb').read()
        expected = H.unescape(re.sub(r'<[^>]+>', ' ', open(os.path.join(base, case, 'expected.html'), errors='replace').read()))
        meta = json.load(open(os.path.join(base, case, 'expected-metadata.json')))
        a = extract(src, 'http://fakehost/test/page.html')
        return case, f1(a['text'] if a else '', expected), a, meta

    results = list(ThreadPoolExecutor(os.cpu_count() or 2).map(run, cases))
    good = sum(1 for r in results if r[1] >= 0.95)
    print(f'pages {len(results)}; text F1 >= 0.95 on {good} ({good / len(results):.0%}); mean F1 {sum(r[1] for r in results) / len(results):.3f}')
    for key in ['title', 'byline', 'siteName', 'lang', 'dir']:
        agree = sum(1 for _, _, a, m in results if (a or {}).get(key) == m.get(key) or (not (a or {}).get(key) and not m.get(key)))
        print(f'{key:10} agrees on {agree}/{len(results)}')
    agree = sum(1 for _, _, a, m in results if bool(a and a['readerable']) == bool(m.get('readerable')))
    print(f'readerable agrees on {agree}/{len(results)}')


if __name__ == '__main__':
    if not os.path.exists(BIN):
        sys.exit(f'build the CLI first: cargo build --release ({BIN} is missing)')
    which = sys.argv[1] if len(sys.argv) > 1 else ''
    if which not in ('wcxb', 'readability'):
        sys.exit('usage: corpus_eval.py wcxb|readability')
    if not os.path.isdir(CORPORA):
        sys.exit(f'skipped: the shared corpora are not at {CORPORA}')
    {'wcxb': wcxb, 'readability': readability}[which]()

// Styles of the reader view. They live in the view's closed shadow root (as a constructed
// stylesheet), so the page's CSS cannot reach in and these rules cannot leak out.
// The theme colours are data (LECTOR_READER_THEMES) so that tests/js/reader-style.test.mjs can
// check every theme's contrast against WCAG AA.

/* exported LECTOR_READER_CSS, LECTOR_READER_THEMES, LECTOR_READER_FONTS */
// `var` and the checks: a click may inject this file again into a page that has it (see
// runInTab in background.js), and a `const` would then be declared twice.

/**
 * fg: body text; muted: bylines, captions, meta; link; accent: focus ring and progress bar;
 * rule: hairlines (decorative); code: code background; panel: toolbar and settings surfaces.
 */
var LECTOR_READER_THEMES = globalThis.LECTOR_READER_THEMES ?? {
  light: { bg: '#fdfcfa', fg: '#1e1f21', muted: '#585c63', link: '#1a56b0', accent: '#2f6fd6', rule: '#dedbd3', code: '#f1efea', panel: '#ffffff' },
  sepia: { bg: '#f5ecd9', fg: '#3a2e22', muted: '#65523c', link: '#7b3a10', accent: '#9a5a23', rule: '#dccdaa', code: '#ece0c4', panel: '#f9f2e3' },
  dark: { bg: '#1b1c1e', fg: '#e4e2dc', muted: '#a8abb1', link: '#8fb8f6', accent: '#8fb8f6', rule: '#3a3c41', code: '#27292d', panel: '#242528' },
};

/** System font stacks only: nothing is downloaded. */
var LECTOR_READER_FONTS = globalThis.LECTOR_READER_FONTS ?? {
  serif: 'Charter, "Bitstream Charter", "Iowan Old Style", "Sitka Text", Cambria, "Noto Serif", "DejaVu Serif", Georgia, serif',
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif',
  mono: 'ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace',
};

var LECTOR_READER_CSS = globalThis.LECTOR_READER_CSS ?? (() => {
  const vars = (theme) => Object.entries(LECTOR_READER_THEMES[theme]).map(([name, value]) => `--${name}: ${value};`).join(' ');
  const scheme = (theme) => (theme === 'dark' ? 'dark' : 'light');
  const themes = ['light', 'sepia', 'dark']
    .map((theme) => `.root[data-theme="${theme}"] { ${vars(theme)} color-scheme: ${scheme(theme)}; }`)
    .join('\n');
  const fonts = Object.entries(LECTOR_READER_FONTS)
    .map(([name, stack]) => `.root[data-font="${name}"] { --font: ${stack}; }`)
    .join('\n');
  const ui = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
  return `
:host { all: initial; }
.root {
  --size: 20px; --measure: 32em; --leading: 1.6; --font: ${LECTOR_READER_FONTS.serif}; --ui: ${ui};
  ${vars('light')} color-scheme: light;
  background: var(--bg); color: var(--fg);
  min-height: 100%; box-sizing: border-box;
  padding: 0 1.25rem 6rem;
  font-family: var(--font); font-size: var(--size); line-height: var(--leading); font-weight: 400;
  -webkit-font-smoothing: antialiased; text-rendering: optimizeLegibility;
  -webkit-text-size-adjust: 100%; text-size-adjust: 100%;
}
${themes}
@media (prefers-color-scheme: dark) { .root[data-theme="auto"] { ${vars('dark')} color-scheme: dark; } }
${fonts}
*, *::before, *::after { box-sizing: border-box; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 3px; }
[tabindex="-1"]:focus { outline: none; }

/* Toolbar: compact, out of the text's way, always reachable. */
.toolbar {
  position: sticky; top: 0; z-index: 2; padding: 0.5rem 0.75rem; margin: 0 -1.25rem 1.5rem;
  display: flex; align-items: center; gap: 0.4rem; flex-wrap: wrap; justify-content: flex-end;
  font: 500 14px/1.2 var(--ui);
  background: color-mix(in srgb, var(--bg) 92%, transparent); border-bottom: 1px solid transparent;
  -webkit-backdrop-filter: blur(6px); backdrop-filter: blur(6px);
}
/* Text scrolls under the bar: a hairline marks its edge once the article moved. */
.root.scrolled .toolbar { border-bottom-color: var(--rule); }
.toolbar .extra { display: contents; }
.toolbar button {
  font: inherit; color: var(--fg); background: var(--panel);
  border: 1px solid var(--rule); border-radius: 999px; padding: 0.5rem 0.85rem; cursor: pointer; min-height: 2.25rem;
}
.toolbar button:hover { border-color: var(--muted); }
.toolbar button[aria-expanded="true"] { border-color: var(--accent); }
.toolbar .aa { font-family: ${LECTOR_READER_FONTS.serif}; font-size: 16px; padding-inline: 0.8rem; }
.toolbar .status { font: 13px/1.3 var(--ui); color: var(--muted); }
.toolbar .status:empty { display: none; }
/* Automatic mode's switch (content.js adds it): looks like the buttons beside it. */
.toolbar .auto-site-control { display: flex; align-items: center; gap: 0.4rem; }
.toolbar .auto-site {
  display: flex; align-items: center; gap: 0.45rem; cursor: pointer; color: var(--fg); background: var(--panel);
  border: 1px solid var(--rule); border-radius: 999px; padding: 0.45rem 0.85rem; min-height: 2.25rem;
}
.toolbar .auto-site:hover { border-color: var(--muted); }
.toolbar .auto-site input { margin: 0; accent-color: var(--accent); }
.toolbar .auto-site-status { font: 13px/1.3 var(--ui); color: var(--muted); }
.toolbar .auto-site-status:empty { display: none; }

/* The settings panel. */
.panel {
  position: fixed; top: 3.4rem; inset-inline-end: 0.75rem; z-index: 3; width: min(20rem, calc(100% - 1.5rem));
  max-height: calc(100% - 4.5rem); overflow: auto;
  background: var(--panel); color: var(--fg); border: 1px solid var(--rule); border-radius: 12px;
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.18); padding: 0.9rem 1rem 1rem; font: 14px/1.4 var(--ui);
}
.panel[hidden] { display: none; }
.panel fieldset { border: 0; margin: 0 0 0.8rem; padding: 0; min-width: 0; }
.panel legend, .panel .label { font-weight: 600; margin-bottom: 0.35rem; padding: 0; display: block; }
.panel .choices { display: grid; grid-auto-flow: column; grid-auto-columns: 1fr; gap: 0.35rem; }
.panel .choice { position: relative; }
.panel .choice input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.panel .choice span {
  display: block; text-align: center; padding: 0.45rem 0.2rem; border: 1px solid var(--rule); border-radius: 8px;
  background: var(--bg); color: var(--fg);
}
.panel .choice input:checked + span { border-color: var(--accent); box-shadow: inset 0 0 0 1px var(--accent); font-weight: 600; }
.panel .choice input:focus-visible + span { outline: 3px solid var(--accent); outline-offset: 2px; }
.panel .swatch-light span { background: ${LECTOR_READER_THEMES.light.bg}; color: ${LECTOR_READER_THEMES.light.fg}; }
.panel .swatch-sepia span { background: ${LECTOR_READER_THEMES.sepia.bg}; color: ${LECTOR_READER_THEMES.sepia.fg}; }
.panel .swatch-dark span { background: ${LECTOR_READER_THEMES.dark.bg}; color: ${LECTOR_READER_THEMES.dark.fg}; }
.panel .font-serif span { font-family: ${LECTOR_READER_FONTS.serif}; }
.panel .font-sans span { font-family: ${LECTOR_READER_FONTS.sans}; }
.panel .font-mono span { font-family: ${LECTOR_READER_FONTS.mono}; }
.panel .range { display: grid; grid-template-columns: 1fr auto; align-items: center; gap: 0.2rem 0.6rem; margin-bottom: 0.7rem; }
.panel .range label { font-weight: 600; }
.panel .range output { color: var(--muted); font-variant-numeric: tabular-nums; }
.panel .range input { grid-column: 1 / -1; width: 100%; accent-color: var(--accent); margin: 0; }
.panel .row { display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; margin-top: 0.4rem; }
.panel .reset { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--rule); border-radius: 8px; padding: 0.4rem 0.8rem; cursor: pointer; }
.panel .keys { color: var(--muted); font-size: 12.5px; margin: 0.7rem 0 0; }
.panel .problem { color: var(--fg); background: var(--code); border-radius: 6px; padding: 0.4rem 0.5rem; font-size: 12.5px; margin: 0 0 0.7rem; }
kbd { font: 0.92em ${LECTOR_READER_FONTS.mono}; border: 1px solid var(--rule); border-bottom-width: 2px; border-radius: 4px; padding: 0 0.3em; background: var(--bg); }

/* Reading progress: a thin bar along the top edge. */
.progress { position: fixed; top: 0; inset-inline: 0; height: 3px; z-index: 4; pointer-events: none; }
.progress .bar { height: 100%; background: var(--accent); transform-origin: 0 50%; transform: scaleX(0); }
.progress .bar:dir(rtl) { transform-origin: 100% 50%; }

/* The column. */
article { max-width: min(var(--measure), 100%); margin: 0 auto; hyphens: auto; }
article:focus { outline: none; }
header { margin-bottom: 2em; }
.site { font: 600 0.72em/1.3 var(--ui); letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); margin: 0 0 0.75em; }
.site a { color: inherit; text-decoration: none; }
.site a:hover { text-decoration: underline; }
h1.title { font-size: 2em; line-height: 1.18; margin: 0 0 0.5em; font-weight: 700; letter-spacing: -0.012em; text-wrap: balance; hyphens: manual; }
.meta { font: 0.8em/1.5 var(--ui); color: var(--muted); margin: 0; }
.meta span + span::before { content: "\\00b7"; margin: 0 0.5em; }
.lead { margin: 0 0 2em; }

/* Contents of long articles. */
.toc { font: 0.82em/1.45 var(--ui); margin: 0 0 2em; padding: 0.6em 0.9em; border: 1px solid var(--rule); border-radius: 8px; }
.toc summary { cursor: pointer; font-weight: 600; color: var(--fg); }
.toc ol { list-style: none; margin: 0.5em 0 0.2em; padding: 0; }
.toc li { margin: 0.25em 0; }
.toc li.level-3 { padding-inline-start: 1.1em; }
.toc a { color: var(--link); text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.toc a[aria-current="true"] { font-weight: 600; }
/* Beside the column when the margin has room for it (the view measures that), else above the text. */
.root.toc-side .toc { position: fixed; top: 4.5rem; inset-inline-start: 1.25rem; width: 15rem; max-height: calc(100% - 6rem); overflow: auto; margin: 0; font-size: 14px; }

/* The article's text. */
.content { overflow-wrap: break-word; }
.content > :first-child { margin-top: 0; }
.content p, .content ul, .content ol, .content dl, .content pre, .content blockquote, .content figure, .content table, .content .table-scroll { margin: 0 0 1.2em; }
.content h2, .content h3, .content h4, .content h5, .content h6 { line-height: 1.25; margin: 1.8em 0 0.55em; font-weight: 700; text-wrap: balance; scroll-margin-top: 4rem; hyphens: manual; }
.content h2 { font-size: 1.5em; } .content h3 { font-size: 1.25em; } .content h4 { font-size: 1.1em; }
.content h5, .content h6 { font-size: 1em; } .content h6 { color: var(--muted); }
.content [id] { scroll-margin-top: 4rem; }
.content a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
.content a:hover { text-decoration-thickness: 2px; }
.content :target, .content .targeted { background: color-mix(in srgb, var(--accent) 18%, transparent); border-radius: 3px; }
.content sup, .content sub { line-height: 0; }
.content ul, .content ol { padding-inline-start: 1.6em; }
.content li { margin: 0.3em 0; }
.content li > ul, .content li > ol { margin: 0.3em 0; }
.content dt { font-weight: 700; } .content dd { margin-inline-start: 1.6em; }
img, video, svg { max-width: 100%; height: auto; vertical-align: middle; }
/* Pictures on their own are centred blocks; small images inside a line of text stay inline. */
.lead img, figure img, .content p > img:only-child, .content > img { display: block; margin: 0 auto; border-radius: 2px; }
figure { margin: 0; }
.content figure { margin: 1.6em 0; }
.content p.video .play-video { font: inherit; font-size: 0.85em; margin-inline-start: 0.4em; padding: 0.15em 0.7em; border-radius: 1em; border: 1px solid currentColor; background: transparent; color: inherit; cursor: pointer; }
.content .video-frame { position: relative; aspect-ratio: 16 / 9; margin-top: 0.6em; }
.content .video-frame iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; }
figcaption { font: 0.78em/1.45 var(--ui); color: var(--muted); margin-top: 0.55em; }
.content blockquote { border-inline-start: 3px solid var(--rule); margin-inline: 0; padding-inline-start: 1.1em; font-style: italic; }
.content blockquote blockquote { font-style: normal; }
.content pre {
  background: var(--code); padding: 0.9em 1em; border-radius: 6px; overflow-x: auto; white-space: pre; tab-size: 4;
  font-size: 0.8em; line-height: 1.5; direction: ltr; text-align: left; hyphens: none;
}
.content pre code { background: none; padding: 0; font-size: inherit; }
.content code, .content kbd, .content samp { font-family: ${LECTOR_READER_FONTS.mono}; font-size: 0.88em; hyphens: none; }
.content :not(pre) > code { background: var(--code); padding: 0.1em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
/* Wide tables scroll sideways inside the column instead of overflowing it. */
.content .table-scroll { overflow-x: auto; max-width: 100%; }
.content table { border-collapse: collapse; font: 0.82em/1.45 var(--ui); min-width: 60%; }
.content .table-scroll > table { margin: 0; }
.content caption { caption-side: top; text-align: start; color: var(--muted); padding-bottom: 0.4em; }
.content th, .content td { border: 1px solid var(--rule); padding: 0.4em 0.6em; text-align: start; vertical-align: top; }
.content th { background: var(--code); }
.content hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
.content mark { background: color-mix(in srgb, #ffd84d 55%, var(--bg)); color: var(--fg); }
.content abbr[title] { text-decoration: underline dotted; }

.notice {
  position: fixed; top: 1rem; inset-inline-end: 1rem; max-width: 22rem;
  font: 14px/1.45 ${ui}; color: ${LECTOR_READER_THEMES.light.fg}; background: ${LECTOR_READER_THEMES.light.panel};
  border: 1px solid ${LECTOR_READER_THEMES.light.rule}; border-radius: 10px; padding: 0.8rem 1rem; box-shadow: 0 6px 24px rgba(0,0,0,.18);
}
@media (prefers-color-scheme: dark) {
  .notice { color: ${LECTOR_READER_THEMES.dark.fg}; background: ${LECTOR_READER_THEMES.dark.panel}; border-color: ${LECTOR_READER_THEMES.dark.rule}; }
}
/* Narrow screens: the toolbar wraps, so it scrolls away with the text instead of covering it. */
@media (max-width: 600px) {
  .root { font-size: calc(var(--size) * 0.9); }
  .toolbar { position: static; justify-content: flex-start; }
  h1.title { font-size: 1.7em; }
}
@media print {
  .toolbar, .panel, .progress, .toc { display: none !important; }
  .root, .root[data-theme] { padding: 0; --bg: #fff; --fg: #000; --link: #000; --muted: #333; --code: #f2f2f2; --rule: #bbb; color-scheme: light; font-size: 12pt; }
  article { max-width: none; }
  .content a { color: inherit; }
  .content pre { white-space: pre-wrap; overflow: visible; }
  .content .table-scroll { overflow: visible; }
  pre, blockquote, figure, table, img { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
}
`;
})();

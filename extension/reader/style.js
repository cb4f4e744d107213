// Styles of the reader view. They live in the view's shadow root (as a constructed
// stylesheet), so the page's CSS cannot reach in and these rules cannot leak out.

/* exported LECTOR_READER_CSS */
const LECTOR_READER_CSS = `
:host { all: initial; }
.root {
  --bg: #fbf9f4; --fg: #1f1f1f; --muted: #5f6368; --rule: #e3ded3; --link: #1a55a8; --code-bg: #f0ece3;
  color-scheme: light;
  background: var(--bg); color: var(--fg);
  min-height: 100%; box-sizing: border-box;
  padding: 3.5rem 1.25rem 6rem;
  font: 400 20px/1.65 Charter, "Bitstream Charter", "Iowan Old Style", "Noto Serif", Georgia, Cambria, serif;
  -webkit-font-smoothing: antialiased; text-rendering: optimizeLegibility;
}
@media (prefers-color-scheme: dark) {
  .root {
    --bg: #1c1d1f; --fg: #e6e3dc; --muted: #a4a7ad; --rule: #34363a; --link: #8ab4f8; --code-bg: #2a2c30;
    color-scheme: dark;
  }
}
.toolbar { position: fixed; top: 0.75rem; inset-inline-end: 0.75rem; display: flex; gap: 0.5rem; z-index: 1; }
.toolbar button {
  font: 500 14px/1 system-ui, sans-serif; color: var(--fg); background: var(--bg);
  border: 1px solid var(--rule); border-radius: 999px; padding: 0.55rem 0.9rem; cursor: pointer;
}
.toolbar button:hover, .toolbar button:focus-visible { border-color: var(--muted); outline: none; }
.toolbar .status { font: 13px/2.4 system-ui, sans-serif; color: var(--muted); }
.toolbar .auto-site { display: flex; align-items: center; gap: 0.4rem; font: 500 14px/1 system-ui, sans-serif; color: var(--fg); background: var(--bg); border: 1px solid var(--rule); border-radius: 999px; padding: 0.45rem 0.8rem; cursor: pointer; }
.toolbar .auto-site:focus-within { border-color: var(--muted); }
.toolbar .auto-site input { margin: 0; accent-color: var(--link); }
article { max-width: 36rem; margin: 0 auto; }
header { margin-bottom: 2rem; }
.site { font: 600 0.8rem/1.3 system-ui, sans-serif; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); margin: 0 0 0.75rem; }
h1.title { font-size: 2.1rem; line-height: 1.2; margin: 0 0 0.9rem; font-weight: 700; letter-spacing: -0.01em; }
.meta { font: 0.9rem/1.5 system-ui, sans-serif; color: var(--muted); margin: 0; }
.meta span + span::before { content: "·"; margin: 0 0.5em; }
.lead { margin: 0 0 2rem; }
.content { overflow-wrap: break-word; }
.content p, .content ul, .content ol, .content dl, .content table, .content pre, .content blockquote, .content figure { margin: 0 0 1.25em; }
.content h2, .content h3, .content h4, .content h5, .content h6 { line-height: 1.3; margin: 2em 0 0.6em; }
.content h2 { font-size: 1.45em; } .content h3 { font-size: 1.2em; } .content h4, .content h5, .content h6 { font-size: 1em; }
.content a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
img { max-width: 100%; height: auto; vertical-align: middle; }
/* Pictures on their own are centred blocks; small images inside a line of text stay inline. */
.lead img, figure img, .content p > img:only-child, .content > img { display: block; margin: 0 auto; border-radius: 2px; }
.site a { color: inherit; text-decoration: none; }
.site a:hover, .site a:focus-visible { text-decoration: underline; }
figure { margin: 0; }
figcaption { font: 0.8rem/1.45 system-ui, sans-serif; color: var(--muted); margin-top: 0.5rem; }
.content blockquote { border-inline-start: 3px solid var(--rule); margin-inline: 0; padding-inline-start: 1.1em; color: var(--fg); font-style: italic; }
.content li { margin: 0.3em 0; }
.content pre { background: var(--code-bg); padding: 0.9em 1em; border-radius: 6px; overflow-x: auto; font-size: 0.8em; line-height: 1.5; }
.content code, .content kbd, .content samp { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
.content :not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 3px; }
.content table { border-collapse: collapse; width: 100%; font: 0.85rem/1.45 system-ui, sans-serif; display: block; overflow-x: auto; }
.content th, .content td { border: 1px solid var(--rule); padding: 0.4em 0.6em; text-align: start; vertical-align: top; }
.content hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
.notice {
  position: fixed; top: 1rem; inset-inline-end: 1rem; max-width: 22rem;
  font: 14px/1.45 system-ui, sans-serif; color: #1f1f1f; background: #fffdf7;
  border: 1px solid #d8d2c4; border-radius: 10px; padding: 0.8rem 1rem; box-shadow: 0 6px 24px rgba(0,0,0,.18);
}
@media (prefers-color-scheme: dark) { .notice { color: #e6e3dc; background: #2a2c30; border-color: #3c3f44; } }
@media (max-width: 600px) { .root { font-size: 18px; padding-top: 3rem; } h1.title { font-size: 1.7rem; } }
@media print {
  .toolbar { display: none; }
  .root { padding: 0; background: #fff; color: #000; font-size: 12pt; }
  .content a { color: inherit; }
  pre, blockquote, figure, table { break-inside: avoid; }
}
`;

// The stylesheet of the HTML underlag (screen and print, A4). Calm and plain: one sans-serif family,
// dark-blue headings, thin rules, right-aligned tabular numbers. Contrast of all text ≥ 4.5:1.
export const HTML_STYLES = `
:root { --ink: #1a1a1a; --muted: #4a5560; --accent: #1f4e79; --rule: #c5ced8; --band: #f2f5f8; }
* { box-sizing: border-box; }
html { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 48rem; padding: 2.5rem 1.5rem 4rem; font-size: 1rem; line-height: 1.55; }
h1, h2, h3, h4 { color: var(--accent); line-height: 1.25; font-weight: 700; }
h1 { font-size: 2rem; margin: .2rem 0 .6rem; }
h2 { font-size: 1.4rem; margin: 2.6rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.12rem; margin: 1.8rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.4rem 0 .4rem; }
p { margin: 0 0 .9rem; }
a { color: var(--accent); }
.cover { border-bottom: 3px solid var(--accent); padding-bottom: 1.2rem; margin-bottom: 1.6rem; }
.cover .org { text-transform: uppercase; letter-spacing: .06em; font-size: .85rem; color: var(--muted); margin: 0; }
.cover .committee { font-size: 1.2rem; margin: 0 0 1rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; font-size: .92rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.example-notice { border-left: 4px solid #9a4d00; background: #fff4e6; padding: .7rem 1rem; margin: 1.2rem 0; font-size: .95rem; }
nav.toc h2 { border: 0; margin-top: 1.5rem; }
nav.toc ol { padding-left: 1.4rem; margin: 0; }
nav.toc li { margin: .2rem 0; }
data.live { border-bottom: 1px dotted var(--accent); }
.missing { background: #fff0d6; color: #6b3000; padding: 0 .15rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1.6rem; font-size: .88rem; line-height: 1.35; }
caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 .45rem; color: var(--ink); }
th, td { padding: .32rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid var(--accent); font-weight: 700; }
tbody th { font-weight: 400; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total th, tr.total td { font-weight: 700; border-top: 1.5px solid var(--ink); background: var(--band); }
.table-note { font-size: .82rem; color: var(--muted); margin: -1.2rem 0 1.6rem; }
figure.chart { margin: 1.2rem 0 0; }
figure.chart figcaption { font-weight: 700; margin-bottom: .4rem; }
figure.chart svg { width: 100%; height: auto; max-width: 40rem; display: block; }
.placeholder { border: 1px dashed #9a4d00; background: #fff7ec; color: #6b3000; padding: .6rem .9rem; margin: 0 0 1rem; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--rule); font-size: .82rem; color: var(--muted); }
@page { size: A4; margin: 20mm 18mm 20mm 20mm; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  .cover { margin-top: 30mm; }
  nav.toc { break-after: page; }
  nav.toc a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; }
  h2 { margin-top: 1.8rem; }
  table, figure.chart svg, tr { break-inside: avoid; }
  figure.chart figcaption { break-after: avoid; }
  caption { break-after: avoid; }
  data.live { border-bottom: 0; }
  a { color: inherit; }
}
`;

// Screenshots of the widget embedded in a newsroom page 400 and 700 px wide:
// node tests/e2e/embed-shots.mjs  → tests/e2e/artifacts/embed-<width>-<lang>-<scheme>.png
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, newPage, DIST, ROOT } from './harness.mjs';

const out = join(ROOT, 'tests', 'e2e', 'artifacts');
mkdirSync(out, { recursive: true });
const widget = await serve(DIST);
const page = (width, lang) => `<!doctype html><html><head><meta charset="utf-8"><title>Article</title>
<link rel="icon" href="data:,"><style>body{font-family:serif;margin:0;background:#ccc}main{width:${width}px;margin:0 auto;background:Canvas;padding:0 0 20px}p{padding:0 12px}</style></head>
<body><main><p>Article text before the widget…</p>
<iframe src="${widget.origin}/?embed=1&lang=${lang}" title="K-AI Atlas" loading="lazy" data-kai-atlas allow="clipboard-write; web-share" style="width:100%;min-height:1200px;border:0"></iframe>
<script src="${widget.origin}/embed.js" async></script><p>…and after it.</p></main></body></html>`;
const pages = {};
for (const w of [400, 700]) for (const l of ['ko', 'en']) pages[`/${w}-${l}`] = page(w, l);
const host = await serve(DIST, { host: '127.0.0.2', pages });
const browser = await launch();
try {
  for (const w of [400, 700]) {
    for (const lang of ['ko', 'en']) {
      for (const scheme of ['light', 'dark']) {
        const p = await newPage(browser, { width: w + 40, height: 900, colorScheme: scheme });
        await p.goto(`${host.origin}/${w}-${lang}`);
        const frame = await (await p.waitForSelector('iframe')).contentFrame();
        await frame.waitForSelector('[data-ready="true"]');
        await p.waitForFunction(() => document.querySelector('iframe').style.height !== '');
        await p.waitForTimeout(300);
        const file = join(out, `embed-${w}-${lang}-${scheme}.png`);
        await p.screenshot({ path: file, fullPage: true });
        console.log(file, p.errors.length ? p.errors : '');
        await p.context().close();
      }
    }
  }
} finally {
  await browser.close();
  await widget.close();
  await host.close();
}

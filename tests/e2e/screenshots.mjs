// Screenshots for looking at the widget: node tests/e2e/screenshots.mjs [query...]
// Writes tests/e2e/artifacts/<name>.png for phone and desktop, ko and en, light and dark.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, newPage, ready, DIST, ROOT } from './harness.mjs';

const out = join(ROOT, 'tests', 'e2e', 'artifacts');
mkdirSync(out, { recursive: true });
const queries = process.argv.slice(2);
const server = await serve(DIST);
const browser = await launch();
const widths = (process.env.WIDTHS ?? '375,1280').split(',').map(Number);
const langs = (process.env.LANGS ?? 'ko,en').split(',');
const schemes = (process.env.SCHEMES ?? 'light,dark').split(',');
try {
  for (const q of queries.length ? queries : ['']) {
    for (const width of widths) {
      for (const lang of langs) {
        for (const scheme of schemes) {
          const page = await newPage(browser, { width, height: 900, colorScheme: scheme, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
          await page.goto(`${server.origin}/?${q}${q ? '&' : ''}lang=${lang}`);
          await ready(page);
          await page.waitForTimeout(300);
          const name = `${(q || 'default').replace(/[^a-z0-9=-]+/gi, '_')}-${width}-${lang}-${scheme}.png`;
          await page.screenshot({ path: join(out, name), fullPage: true });
          if (page.errors.length) console.log(name, 'errors:', page.errors);
          console.log(join(out, name));
          await page.context().close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

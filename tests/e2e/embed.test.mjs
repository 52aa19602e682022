// Embedding on a newsroom page (a second loopback origin), and downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, newPage, ready, parseCsv, DIST, ROOT } from './harness.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The snippet's height, from the one place that defines it.
const MIN_HEIGHT = Number(
  /EMBED_MIN_HEIGHT: u32 = (\d+);/.exec(readFileSync(join(ROOT, 'src/components/toolbar.rs'), 'utf8'))[1],
);

let widget;
let host;
let browser;

function hostPage(widgetOrigin, { script = true, sandbox = null, extra = '' } = {}) {
  const sb = sandbox === null ? '' : ` sandbox="${sandbox}"`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News article</title><link rel="icon" href="data:,"></head>
<body><h1>An article</h1><p>Some text before the widget.</p>
<iframe id="atlas" src="${widgetOrigin}/?embed=1&lang=en" title="K-AI Atlas" data-kai-atlas${sb}
  style="width:100%;min-height:${MIN_HEIGHT}px;border:0"></iframe>
${extra}
${script ? `<script src="${widgetOrigin}/embed.js" async></script>` : ''}
<p>Text after the widget.</p></body></html>`;
}

before(async () => {
  widget = await serve(DIST);
  // The newsroom's page lives on another origin (another loopback address).
  host = await serve(DIST, {
    host: '127.0.0.2',
    pages: {
      '/article': hostPage(widget.origin),
      '/bare': hostPage(widget.origin, { script: false }),
      '/sandboxed': hostPage(widget.origin, { sandbox: 'allow-scripts' }),
      '/rogue': hostPage(widget.origin, {
        extra: `<iframe id="rogue" srcdoc="<script>parent.postMessage({type:'kai-atlas:height',v:1,height:4321},'*')</script>"></iframe>`,
      }),
      // What a widget frame might be navigated to: a page of another origin that
      // posts from the frame's own window.
      // An article shown inside a sandboxed frame of its own (a preview, an aggregator):
      // the widget's frame inherits the opaque origin.
      '/outer': `<!doctype html><title>outer</title><link rel="icon" href="data:,"><iframe id="outer" sandbox="allow-scripts" src="/article" style="width:100%;height:3000px"></iframe>`,
      '/poster': `<!doctype html><title>poster</title><script>parent.postMessage({type:'kai-atlas:height',v:1,height:4321},'*')</script>`,
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await widget?.close();
  await host?.close();
});

const frameHeight = (page) => page.$eval('#atlas', (f) => f.getBoundingClientRect().height);

async function widgetFrame(page) {
  const handle = await page.waitForSelector('#atlas');
  const frame = await handle.contentFrame();
  await frame.waitForSelector('[data-app="kai-atlas"][data-ready="true"]');
  return frame;
}

test('the iframe follows the widget height as filters change', async () => {
  const page = await newPage(browser, { width: 700 });
  await page.goto(host.origin + '/article');
  const frame = await widgetFrame(page);
  const content = () => frame.$eval('.atlas', (el) => Math.ceil(el.getBoundingClientRect().height));
  await page.waitForFunction(() => document.querySelector('#atlas').style.height !== '');
  const [outer, inner] = [await frameHeight(page), await content()];
  assert.ok(Math.abs(outer - inner) <= 2, `height matches the widget (${outer} vs ${inner})`);

  // A search that leaves nothing makes the widget much shorter…
  await frame.fill('[data-filter="q"]', 'zzzz-no-such-model');
  await frame.waitForSelector('[data-empty]');
  await page.waitForFunction((h) => document.querySelector('#atlas').getBoundingClientRect().height < h - 100, outer);
  const shorter = await frameHeight(page);
  assert.ok(Math.abs(shorter - (await content())) <= 2, 'follows it down');
  // …and clearing it brings the chart back.
  await frame.click('[data-action="clear-all-empty"]');
  await page.waitForFunction((h) => document.querySelector('#atlas').getBoundingClientRect().height > h + 100, shorter);
  assert.ok(Math.abs((await frameHeight(page)) - (await content())) <= 2, 'and up again');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("on a phone, a model picked in an embed brings its card onto the reader's screen", async () => {
  const page = await newPage(browser, { width: 375, height: 740 });
  await page.goto(host.origin + '/article');
  const frame = await widgetFrame(page);
  await page.waitForFunction(() => document.querySelector('#atlas').style.height !== '');
  const mark = frame.locator('#atlas-chart [data-model-id="hyperclova"]');
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  await frame.waitForSelector('[data-card="hyperclova"]');
  await page.waitForTimeout(800); // the card's scroll waits out a tap's compatibility click
  const frameTop = await page.$eval('#atlas', (f) => f.getBoundingClientRect().top);
  const cardTop = await frame.$eval('[data-card="hyperclova"]', (el) => el.getBoundingClientRect().top);
  const onScreen = frameTop + cardTop;
  assert.ok(onScreen >= 0 && onScreen < 740 * 0.5, `the card's top is at ${Math.round(onScreen)} px of the article's 740 px window`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('embed.js that arrives after the widget was ready still sizes the frame (late or deferred loading)', async () => {
  const page = await newPage(browser, { width: 700 });
  await page.goto(host.origin + '/bare');
  const frame = await widgetFrame(page);
  await frame.click('[data-view="ranking"]');
  await frame.waitForSelector('#atlas-chart[data-chart="ranking"]');
  await page.waitForTimeout(300); // every height report so far went unheard
  assert.equal(await frameHeight(page), MIN_HEIGHT);
  await page.addScriptTag({ url: widget.origin + '/embed.js' });
  const content = await frame.$eval('.atlas', (el) => Math.ceil(el.getBoundingClientRect().height));
  assert.ok(content > MIN_HEIGHT + 100, `the ranking is taller than the snippet (${content} px)`);
  await page.waitForFunction((h) => document.querySelector('#atlas').style.height === `${h}px`, content);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('messages from a rogue frame or the wrong origin resize nothing', async () => {
  const page = await newPage(browser, { width: 700 });
  await page.goto(host.origin + '/rogue');
  await widgetFrame(page);
  await page.waitForFunction(() => document.querySelector('#atlas').style.height !== '');
  const settled = await frameHeight(page);
  // The top page itself posts a message (wrong source), with an absurd height.
  await page.evaluate(() => window.postMessage({ type: 'kai-atlas:height', v: 1, height: 9999 }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await frameHeight(page), settled, 'rogue iframe and top-page messages are ignored');
  assert.notEqual(settled, 4321);
  // The widget's frame navigated to another origin: right window, wrong origin.
  const navigated = page.waitForEvent('framenavigated', (f) => f.url().endsWith('/poster'));
  await page.$eval('#atlas', (f, url) => { f.contentWindow.location.href = url; }, host.origin + '/poster');
  await navigated;
  await page.waitForTimeout(300);
  assert.equal(await frameHeight(page), settled, "a message from another origin in the widget's frame is ignored");
  await page.context().close();
});

test('works as a bare iframe and in a sandboxed iframe (opaque origin, no history), which is sized too', async () => {
  for (const path of ['/bare', '/sandboxed']) {
    const page = await newPage(browser, { width: 400 });
    await page.goto(host.origin + path);
    const frame = await widgetFrame(page);
    assert.ok((await frame.$$('#atlas-chart [data-model-id]')).length > 0, `${path}: the chart is drawn`);
    await frame.click('[data-view="ranking"]');
    await frame.waitForSelector('#atlas-chart[data-chart="ranking"]');
    if (path === '/bare') {
      assert.equal(await frameHeight(page), MIN_HEIGHT, `${path}: the snippet's min-height holds`);
    } else {
      // Its messages come from origin "null", the origin of a frame sandboxed without allow-same-origin.
      const content = await frame.$eval('.atlas', (el) => Math.ceil(el.getBoundingClientRect().height));
      await page.waitForFunction((h) => document.querySelector('#atlas').style.height === `${h}px`, content);
    }
    assert.deepEqual(page.errors, [], `${path}: no error`);
    await page.context().close();
  }
});

test('an article inside a sandboxed frame still sizes its widget (both opaque origins)', async () => {
  const page = await newPage(browser, { width: 700 });
  await page.goto(host.origin + '/outer');
  const article = await (await page.waitForSelector('#outer')).contentFrame();
  const inner = await (await article.waitForSelector('#atlas')).contentFrame();
  await inner.waitForSelector('[data-app="kai-atlas"][data-ready="true"]');
  const content = await inner.$eval('.atlas', (el) => Math.ceil(el.getBoundingClientRect().height));
  await article.waitForFunction((h) => document.querySelector('#atlas').style.height === `${h}px`, content);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the bare snippet height fits the default embedded view, phone to desktop, ko and en', async () => {
  // 288 and 304: a 320 px phone whose article keeps a margin of 16 or 8 px on each side.
  for (const width of [288, 304, 320, 375, 414, 768, 1280]) {
    for (const lang of ['ko', 'en']) {
      const page = await newPage(browser, { width, height: MIN_HEIGHT });
      await page.goto(`${widget.origin}/?embed=1&lang=${lang}`);
      await ready(page);
      const h = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(h <= MIN_HEIGHT, `${width} px ${lang}: the view is ${h} px, the snippet ${MIN_HEIGHT} px`);
      await page.context().close();
    }
  }
});

test('embed mode has an "open full view" link to the same view without embed=1 or the article\'s theme', async () => {
  const page = await newPage(browser);
  await page.goto(widget.origin + '/?embed=1&view=lanes&sector=game&theme=dark');
  await ready(page);
  const href = await page.getAttribute('a[target="_blank"][href*="view=lanes"]', 'href');
  const url = new URL(href);
  assert.equal(url.searchParams.get('embed'), null);
  assert.equal(url.searchParams.get('theme'), null, 'the reader it is shared with keeps their own scheme');
  assert.equal(url.searchParams.get('sector'), 'game');
  await page.context().close();
});

test('CSV and JSON downloads hold the rows shown; SVG is well-formed with the marks', async () => {
  const page = await newPage(browser, { locale: 'ko-KR' });
  await page.goto(widget.origin + '/?sector=portal~messenger');
  const count = await ready(page);
  const shown = (await page.$$eval('#atlas-chart [data-model-id]', (els) => [...new Set(els.map((e) => e.dataset.modelId))])).sort();
  await page.click('[data-action="download"]');

  const save = async (kind) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${kind}"]`)]);
    // Data files by the day; pictures also by view and language, so they do not overwrite one another.
    const what = kind === 'svg' || kind === 'png' ? 'timeline-ko-' : '';
    assert.match(download.suggestedFilename(), new RegExp(`^kai-atlas-${what}\\d{4}-\\d{2}-\\d{2}\\.${kind}$`));
    return readFile(await download.path());
  };

  const csv = await save('csv');
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Korean Excel');
  const [header, ...rows] = parseCsv(csv.toString('utf8'));
  assert.equal(rows.length, count);
  const idCol = header.indexOf('id');
  assert.deepEqual(rows.map((r) => r[idCol]).sort(), shown);
  assert.ok(rows.every((r) => r.length === header.length), 'every row has every column');
  assert.ok(csv.toString('utf8').includes('하이퍼클로바'), 'Korean text survives');

  const json = JSON.parse((await save('json')).toString('utf8'));
  assert.equal(json.count, count);
  assert.deepEqual(json.models.map((m) => m.id).sort(), shown);

  const svg = (await save('svg')).toString('utf8');
  // Parse on a blank page: the widget's CSP rightly forbids the file's <style> there.
  const blank = await page.context().newPage();
  const check = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      marks: [...new Set([...doc.querySelectorAll('[data-model-id]')].map((e) => e.getAttribute('data-model-id')))].length,
      title: doc.querySelector('title')?.textContent,
    };
  }, svg);
  await blank.close();
  assert.equal(check.error, null, 'well-formed SVG');
  assert.equal(check.marks, count, 'the SVG holds every mark');
  assert.equal(check.title, '한국 AI 모델 아틀라스');
  // It stands on its own: what is shown, the colours shown and what the marks mean.
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}년 ${d.getMonth() + 1}월 ${d.getDate()}일`; });
  assert.ok(svg.includes(`>타임라인 · ${count}개 모델 · 업종: 포털, 메신저·SNS · 내려받은 날: ${today}</text>`), 'the caption names view, count, filters and the day');
  assert.ok(svg.includes('세로 점선: 주요 동향'), 'the events\' lines are in the marks key');
  // Halos as copies behind the labels: design tools ignore paint-order (SVG 2).
  assert.ok(svg.includes('class="halo mark-label"') && !svg.includes('paint-order'), 'halos that any SVG reader draws');
  assert.ok(svg.includes('>포털</text>') && svg.includes('>메신저·SNS</text>') && !svg.includes('>통신</text>'), 'only the colours shown');
  assert.ok(svg.includes('>모양: ● 가중치 공개'), 'the marks key');

  const png = await save('png');
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

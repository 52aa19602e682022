// Hostile links, data-built links, third-party requests and the strict CSP.
//
// - Every URL key (and an unknown one) gets a corpus of hostile values, opened with
//   page.goto as a reader clicking a crafted link would. The page must become ready (or
//   show the notice), open no dialog, log no error or CSP violation, and never turn the
//   payload into markup: no on* attribute, no javascript: URL, no <script>/<img>/<iframe>…
//   inside #app. What the notice shows is text, with control and bidi-override characters
//   escaped or dropped. A compact value → outcome table is printed at the end.
// - Every link the card builds from data is http(s).
// - Nothing is requested from another origin while every feature is used.
// - The shipped policy is strict and nothing violates it.
import { test, describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, newPage, ready, readData, koreanModelIds, DIST, suite } from './harness.mjs';

const env = suite();

// ---------------------------------------------------------------------------
// Hostile values in every URL key.

const KEYS = [
  'lang', 'view', 'sector', 'org', 'modality', 'open', 'arch', 'size', 'params', 'date', 'asof', 'events',
  'langs', 'status', 'article', 'q', 'sel', 'cmp', 'color', 'theme', 'embed', 'v', 'zz' /* unknown key */,
];

/** A value each key understands, to mix a hostile item into an otherwise valid list. */
const VALID = {
  lang: 'en', view: 'table', sector: 'telecom', org: 'naver', modality: 'text', open: 'closed', arch: 'moe',
  size: 'mid', params: '..10', date: '2023-01..', asof: '2023-08-22', events: '0', langs: 'ko',
  status: 'released', article: '1', q: 'exaone', sel: 'exaone-3-5', cmp: 'exaone-3-5', color: 'org',
  theme: 'dark', embed: '1', v: '1', zz: 'x',
};

/** [label, raw query value as it appears in the link]: one page load per key and value. */
const HOSTILE = [
  ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ['"><img src=x onerror=alert(1)>', '"><img src=x onerror=alert(1)>'],
  ['javascript:alert(1)', 'javascript:alert(1)'],
  ['<svg onload=alert(1)>', '<svg onload=alert(1)>'],
  ['%3Cscript%3E… (encoded)', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ['100 KB of <img onerror>', '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'.repeat(2500)],
  ['~ ×10000', '~'.repeat(10000)],
  ['.. ×5000', '..'.repeat(5000)],
  ['%C3%28 (bad UTF-8)', '%C3%28'],
  ['%E0%A4 (truncated UTF-8)', '%E0%A4'],
  ['%FF', '%FF'],
  ['%00 (NUL)', 'a%00b'],
  ['U+202E RTL override', '%E2%80%AEgnp.exe%E2%80%AC'],
];

/**
 * [label, key → raw value]: every key at once in a single link (cheaper than one load per
 * key, and the keys meet each other): a hostile item inside an otherwise valid list, and
 * long runs of separators that stay under the 4 KB input cap, so they are really parsed.
 */
const ALL_AT_ONCE = [
  ['<valid>~<img onerror> (all keys in one link)', (key) => `${VALID[key]}~%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`],
  ['~ ×60 (all keys in one link, under the cap)', () => '~'.repeat(60)],
  ['.. ×30 (all keys in one link, under the cap)', () => '..'.repeat(30)],
  ['every value above, spread over the keys (one link)', (key) => HOSTILE[KEYS.indexOf(key) % HOSTILE.length][1].slice(0, 120)],
];

/** Percent-decoding as the app does it for display (+ is a space, bad UTF-8 → U+FFFD). */
function decodeLossy(raw) {
  const bytes = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '%' && /^[0-9a-f]{2}$/i.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '+') bytes.push(0x20);
    else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

/**
 * Node's HTTP parser refuses request lines over 16 KB (431), as many hosts would; the app
 * must still cope when such a link reaches it (a permissive host, a CDN). So a document
 * request for an over-long URL is answered by the same server for the same path (it
 * ignores queries) with its real headers, the strict CSP included.
 */
async function allowLongUrls(page) {
  await page.route(
    (url) => url.href.length > 8000,
    async (route) => {
      const response = await route.fetch({ url: env.server.origin + new URL(route.request().url()).pathname });
      await route.fulfill({ response });
    },
  );
}

/** Everything the checks need, read in the page in one go. */
function inspect() {
  const app = document.getElementById('app');
  const problems = [];
  const textIssues = [];
  for (const el of [document.documentElement, ...document.querySelectorAll('*')]) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) problems.push(`<${el.localName}> has an ${a.name} attribute`);
      if (/^(href|src|action|formaction|xlink:href|data|srcdoc|poster)$/i.test(a.name) && /^\s*(javascript|vbscript):/i.test(a.value)) {
        problems.push(`<${el.localName} ${a.name}="${a.value.slice(0, 40)}">`);
      }
    }
  }
  const markup = app.querySelectorAll(
    'script, img, image, iframe, frame, object, embed, style, link, meta, base, form, foreignObject, audio, video, source, math, template',
  );
  for (const el of markup) problems.push(`unexpected <${el.localName}> in #app`);
  for (const svg of app.querySelectorAll('svg')) {
    if (svg.id !== 'atlas-chart') problems.push('an <svg> that is not the chart');
  }
  if (/<(script|img|iframe|svg[^>]*\sonload)\b/i.test(app.innerHTML.replace(/<svg id="atlas-chart"/g, ''))) {
    problems.push('raw payload markup in #app.innerHTML');
  }
  // Text the reader sees: no raw control characters, and bidi overrides / isolates only
  // inside an isolating element (<bdi>, unicode-bidi: isolate), where they cannot reorder
  // the words around them.
  const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
  const bidi = /[\u061C\u202A-\u202E\u2066-\u2069]/;
  const isolated = (el) => !!el && (el.closest('bdi') || /isolate|plaintext/.test(getComputedStyle(el).unicodeBidi));
  const hex = (c) => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const where = n.parentElement?.closest('[data-notice]')
      ? 'the notice'
      : `<${n.parentElement?.localName}${n.parentElement?.className ? '.' + n.parentElement.className : ''}>`;
    const c = n.data.match(control);
    if (c) textIssues.push(`raw ${hex(c[0])} in ${where}`);
    const b = n.data.match(bidi);
    if (b && !isolated(n.parentElement)) textIssues.push(`raw ${hex(b[0])} (not isolated) in ${where}`);
  }
  const notice = document.querySelector('[data-notice]');
  return {
    ready: app.dataset.ready,
    problems,
    textIssues,
    notice: notice ? [...notice.querySelectorAll('li')].map((li) => li.textContent) : null,
    search: location.search,
    q: document.querySelector('[data-filter="q"]')?.value ?? '',
    count: app.dataset.count,
  };
}

const outcomes = new Map(); // label → Map(outcome → keys)
const textProblems = [];

function record(label, key, outcome) {
  if (!outcomes.has(label)) outcomes.set(label, new Map());
  const byOutcome = outcomes.get(label);
  if (!byOutcome.has(outcome)) byOutcome.set(outcome, []);
  byOutcome.get(outcome).push(key);
}

function printTable() {
  const lines = ['| value | outcome: keys |', '|---|---|'];
  for (const [label] of [...HOSTILE, ...ALL_AT_ONCE]) {
    const byOutcome = outcomes.get(label);
    if (!byOutcome) continue;
    const cells = [...byOutcome]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([outcome, keys]) => {
        const named = KEYS.filter((k) => keys.includes(k));
        const others = KEYS.filter((k) => !keys.includes(k));
        return `${outcome}: ${others.length === 0 ? 'all keys' : named.length > 12 ? `all but ${others.join(' ')}` : named.join(' ')}`;
      });
    lines.push(`| \`${label.replace(/\|/g, '\\|')}\` | ${cells.join('; ')} |`);
  }
  console.log(`Hostile URL values (${KEYS.length} keys incl. unknown \`zz\`):\n${lines.join('\n')}`);
}

/**
 * Opens `/?query` and checks it: ready, no error / dialog / CSP violation, nothing
 * executable in the DOM. Records, for each of `values` (key → raw value), what became of it.
 */
async function visit(page, label, values) {
  const query = Object.entries(values).map(([k, v]) => `${k}=${v}`).join('&');
  const errorsBefore = page.errors.length;
  const failed = await page
    .goto(`${env.server.origin}/?${query}`, { waitUntil: 'commit' })
    .then(() => page.waitForSelector('#app[data-ready="true"], #app[data-ready="error"]', { timeout: 15000 }))
    .then(() => null, (e) => String(e.message).split('\n')[0].slice(0, 120));
  if (failed) {
    for (const key of Object.keys(values)) record(label, key, `FAIL (${failed})`);
    return [`${label}: ${failed}`];
  }
  const r = await page.evaluate(inspect);
  const problems = [...r.problems, ...page.errors.slice(errorsBefore).map((e) => `error: ${e.slice(0, 160)}`)];
  if (r.ready !== 'true') problems.push(`data-ready=${r.ready}`);
  const issues = [...new Set(r.textIssues)];
  const kept = new URLSearchParams(r.search);
  for (const [key, raw] of Object.entries(values)) {
    const parts = [];
    if (key !== 'q' && raw.startsWith(VALID[key] + '~') && kept.get(key) === VALID[key]) parts.push('valid part applied');
    const mine = (r.notice ?? []).filter((t) => t.startsWith(key + '=') || !t.includes('='));
    if (mine.length) {
      const probe = decodeLossy(raw).replace(VALID[key] + '~', '').replace(/[\u0000-\u001F\u202A-\u202E]/g, '').slice(0, 10);
      parts.push(probe && mine.some((t) => t.includes(probe)) ? 'notice, as text' : 'notice');
    }
    if (key === 'q' && r.q) parts.push(`search text (${r.count} models)`);
    if (!parts.length) parts.push(`dropped silently (${r.count} models)`);
    // Text issues are tied to a key when one key is tested at a time.
    if (Object.keys(values).length === 1 && issues.length) {
      parts.push(issues.map((t) => t.replace(/ in .*/, '')).join(', ').toUpperCase());
    }
    record(label, key, problems.length ? `FAIL (${problems[0]})` : parts.join(' + '));
  }
  const where = Object.keys(values).length === 1 ? Object.keys(values)[0] : 'all keys';
  for (const t of issues) textProblems.push({ key: where, label, issue: t });
  return problems.map((p) => `${label} in ${where}: ${p}`);
}

describe('hostile values in every URL key', { concurrency: 2 }, () => {
  after(printTable);

  for (const key of KEYS) {
    it(`${key}=<hostile>: ready, inert, shown as text`, async () => {
      const page = await newPage(env.browser);
      await allowLongUrls(page);
      const failures = [];
      for (const [label, raw] of HOSTILE) failures.push(...(await visit(page, label, { [key]: raw })));
      await page.context().close();
      assert.deepEqual(failures, [], `hostile values in ${key}`);
    });
  }

  it('every key at once: hostile items in valid lists, long separator runs, all values spread', async () => {
    const page = await newPage(env.browser);
    const failures = [];
    for (const [label, make] of ALL_AT_ONCE) {
      failures.push(...(await visit(page, label, Object.fromEntries(KEYS.map((k) => [k, make(k)])))));
    }
    await page.context().close();
    assert.deepEqual(failures, []);
  });
});

test('what the reader sees shows control and bidi-override characters escaped, dropped or isolated', () => {
  const byIssue = new Map();
  for (const { key, label, issue } of textProblems) {
    const k = `${label}: ${issue}`;
    byIssue.set(k, [...(byIssue.get(k) ?? []), key]);
  }
  const lines = [...byIssue].map(([k, keys]) => `${k} — ${keys.length === KEYS.length ? 'every key' : keys.join(' ')}`);
  if (lines.length) console.log(`raw control / bidi characters rendered:\n  ${lines.join('\n  ')}`);
  assert.deepEqual(lines, []);
});

test('embed mode with hostile values: the "open full view" link stays an http(s) link to the same state', async () => {
  const page = await newPage(env.browser);
  const payload = '"><img src=x onerror=alert(1)>';
  await page.goto(`${env.server.origin}/?embed=1&q=${encodeURIComponent(payload)}&zz=${payload}`);
  await ready(page);
  const own = await page.$$eval(
    '#app a[target="_blank"]',
    (as, origin) => as.map((a) => a.getAttribute('href')).filter((h) => h.startsWith(origin + '/')),
    env.server.origin,
  );
  assert.equal(own.length, 1, 'one "open full view" link');
  const url = new URL(own[0]);
  assert.equal(url.origin, env.server.origin);
  assert.equal(url.searchParams.get('q'), payload, 'the search text round-trips, encoded');
  assert.equal(url.searchParams.get('embed'), null);
  assert.deepEqual((await page.evaluate(inspect)).problems, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// ---------------------------------------------------------------------------
// Links built from data.

test('every link in the card of every model, in the table and in the events list is http(s)', async () => {
  const page = await newPage(env.browser, { locale: 'en-US' });
  const ids = readData('models.csv').map((m) => m.id);
  const bad = new Set();
  const collect = async () => {
    // The skip link is the page's own fragment link, not built from data.
    const links = await page.$$eval('#app a:not(a.skip[href="#atlas-panel"])', (as) =>
      as.map((a) => ({
        href: a.getAttribute('href'),
        text: a.textContent.trim().slice(0, 50),
        blank: a.target === '_blank',
        rel: a.rel,
        where: a.closest('[data-card]')
          ? `card ${a.closest('[data-card]').dataset.card}${a.closest('[data-dispute]') ? ' (dispute)' : ''}`
          : a.closest('details.events')
            ? 'events list'
            : a.closest('table')
              ? `table row ${a.closest('[data-model-id]')?.dataset.modelId}`
              : `<${a.parentElement.localName}>`,
      })),
    );
    for (const l of links) {
      if (l.href === null || !/^https?:\/\/[^/\s]/i.test(l.href)) bad.add(`${l.where}: <a href=${JSON.stringify(l.href)}> "${l.text}"`);
      if (l.blank && !/\bnoopener\b/.test(l.rel)) bad.add(`${l.where}: target=_blank without noopener: ${l.href}`);
    }
    return links.length;
  };
  for (const id of ids) {
    await page.goto(`${env.server.origin}/?sel=${id}`);
    await ready(page);
    const card = await page.waitForSelector(`[data-card="${id}"]`, { timeout: 5000 }).catch(() => null);
    if (!card) {
      // A reference model (GPT-3) is not part of the Korean set; its card need not open.
      if (koreanModelIds().includes(id)) bad.add(`sel=${id}: no card`);
      continue;
    }
    const sources = await page.$$eval(`[data-card="${id}"] a[data-source]`, (as) => as.length);
    if (sources < 1) bad.add(`sel=${id}: the card links no source`);
    await page.click('details.events summary').catch(() => {});
    await collect();
  }
  await page.goto(`${env.server.origin}/?view=table`);
  await ready(page);
  assert.ok((await collect()) >= readData('sources.csv').length, 'the table links every source');
  assert.deepEqual(page.errors, []);
  await page.context().close();
  if (bad.size) console.log(`links that are not http(s):\n  ${[...bad].join('\n  ')}`);
  assert.deepEqual([...bad], [], 'only http(s) links');
});

// ---------------------------------------------------------------------------
// No third-party requests.

const ownOrigin = (origins) => (u) => u.startsWith('blob:') || u.startsWith('data:') || origins.some((o) => u === o || u.startsWith(o + '/'));

test('using every feature requests nothing from another origin', async () => {
  const page = await newPage(env.browser, { locale: 'ko-KR' });
  await page.goto(env.server.origin + '/');
  await ready(page);
  for (const view of ['ranking', 'lanes', 'table', 'timeline']) {
    await page.click(`[data-view="${view}"]`);
    await page.waitForSelector(`[data-view="${view}"][aria-selected="true"]`);
  }
  await page.check('[data-facet="sector"][data-value="telecom"] input');
  await page.check('[data-facet="size"][data-value="hyperscale"] input');
  await page.fill('[data-filter="q"]', 'ㅎㅇㅍ');
  await page.click('[data-action="clear-all"]');
  await page.selectOption('[data-control="color"]', 'org');
  await page.click('[data-action="asof-article"]');
  await page.click('details.events summary');
  await page.click('[data-action="asof-today"]');
  await page.click('[data-action="theme"]');
  await page.click('[data-action="lang"]');
  await page.hover('#atlas-chart [data-model-id]');
  // Opened from the keyboard: a first mouse click on the chart does not open it (see a11y.test.mjs).
  await page.focus('#atlas-chart');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-card]');
  await page.click('[data-card] [data-action="pin"]');
  await page.click('[data-card] .close');
  await page.click('[data-action="copy-link"]');
  await page.click('[data-action="embed"]');
  await page.waitForSelector('[data-sheet="embed"]');
  await page.click('[data-action="download"]');
  await page.waitForSelector('[data-sheet="download"]');
  for (const kind of ['csv', 'json', 'svg', 'png']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${kind}"]`)]);
    assert.ok(download.suggestedFilename().endsWith(`.${kind}`), kind);
    await download.path();
  }
  assert.deepEqual(page.errors, []);
  const foreign = page.requests.filter((u) => !ownOrigin([env.server.origin])(u));
  assert.deepEqual(foreign, [], 'every request stays on the widget origin');
  assert.ok(page.requests.some((u) => u.endsWith('.wasm')), 'requests were recorded');
  await page.context().close();

  // Embedded on a newsroom page (another origin) with the host script.
  const host = await serve(DIST, {
    host: '127.0.0.2',
    pages: {
      '/article': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title><link rel="icon" href="data:,"></head>
<body><h1>Article</h1><iframe id="atlas" src="${env.server.origin}/?embed=1&lang=en" title="K-AI Atlas" data-kai-atlas
style="width:100%;min-height:1200px;border:0"></iframe><script src="${env.server.origin}/embed.js" async></script></body></html>`,
    },
  });
  try {
    const hostPage = await newPage(env.browser, { width: 700 });
    await hostPage.goto(host.origin + '/article');
    const frame = await (await hostPage.waitForSelector('#atlas')).contentFrame();
    await frame.waitForSelector('[data-app="kai-atlas"][data-ready="true"]');
    await hostPage.waitForFunction(() => document.querySelector('#atlas').style.height !== '');
    await frame.click('[data-view="lanes"]');
    await frame.fill('[data-filter="q"]', 'exaone');
    await frame.waitForTimeout(200);
    const foreignEmbed = hostPage.requests.filter((u) => !ownOrigin([env.server.origin, host.origin])(u));
    assert.deepEqual(foreignEmbed, [], 'embedded: only the host page and the widget origin');
    assert.ok(hostPage.requests.some((u) => u.startsWith(env.server.origin) && u.endsWith('.wasm')), 'the frame loaded');
    assert.deepEqual(hostPage.errors, []);
    await hostPage.context().close();
  } finally {
    await host.close();
  }
});

// ---------------------------------------------------------------------------
// The shipped Content-Security-Policy.

test('the shipped CSP is strict, and no view or action violates it', async () => {
  const page = await newPage(env.browser, { locale: 'en-US' });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const response = await page.goto(env.server.origin + '/');
  await ready(page);
  const csp = response.headers()['content-security-policy'] ?? '';
  const shipped = readFileSync(join(DIST, '_headers'), 'utf8');
  assert.ok(shipped.includes(csp) && csp.length > 0, `the policy served is the one in dist/_headers: ${csp}`);
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]),
  );
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/, 'script-src is exactly self + wasm-unsafe-eval');
  assert.ok(!csp.includes("'unsafe-inline'"), "no 'unsafe-inline' anywhere");
  assert.ok(!/'unsafe-eval'/.test(csp), "no 'unsafe-eval' (only 'wasm-unsafe-eval')");
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['style-src'], ["'self'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  for (const [name, values] of Object.entries(directives)) {
    assert.ok(!values.includes('*') && !values.some((v) => /^(https?:|\*\.)/.test(v)), `${name} allows no other origin`);
  }

  // Every view, sheets, card, compare, article view, theme and language.
  for (const view of ['ranking', 'lanes', 'table', 'timeline']) {
    await page.click(`[data-view="${view}"]`);
    await page.waitForSelector(`[data-view="${view}"][aria-selected="true"]`);
  }
  await page.hover('#atlas-chart [data-model-id]');
  await page.focus('#atlas-chart');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-card]');
  await page.click('[data-card] [data-action="pin"]');
  await page.click('[data-action="asof-article"]');
  await page.click('[data-action="theme"]');
  await page.click('[data-action="lang"]');
  await page.click('[data-action="embed"]');
  await page.click('[data-action="download"]');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="png"]')]);
  await png.path();
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no securitypolicyviolation');
  await page.goto(env.server.origin + '/?embed=1&view=lanes&foo=bar&q=zzzz');
  await ready(page);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'none in embed mode, notice and empty state either');
  assert.deepEqual(page.errors, []);

  // The policy is live, not just present: an injected inline script is refused.
  await assert.rejects(page.addScriptTag({ content: 'window.__inline = 1' }));
  assert.equal(await page.evaluate(() => window.__inline), undefined, 'inline script did not run');
  assert.ok((await page.evaluate(() => window.__csp)).some((v) => v.startsWith('script-src')), 'and was reported');
  await page.context().close();
});

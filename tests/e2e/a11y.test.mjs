// Accessibility (PRODUCT.md, Quality bars): zero axe-core violations in Korean and
// English, light and dark, in every view and state a reader can reach, plus the
// keyboard path (search, facets, chart walk, card, view tabs) with visible focus, and
// its mouse twin: one click on a mark opens the card.
//
// Rule sets: wcag2a, wcag2aa, wcag21a, wcag21aa and best-practice. best-practice is
// kept on purpose: its landmark / heading / region rules (region, landmark-one-main,
// heading-order, page-has-heading-one, landmark-unique…) are what a screen-reader user
// navigates by, and the widget passes them, so they guard against regressions. No rule
// is disabled.
//
// Injection: the shipped strict CSP (script-src 'self' 'wasm-unsafe-eval', no
// 'unsafe-inline') rightly refuses `page.addScriptTag({ content })` — an inline
// <script> — with a securitypolicyviolation. So axe is evaluated through the DevTools
// protocol (`page.evaluate(source)`), which CSP does not govern, and the page under
// test keeps its real policy (no bypassCSP).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPage, ready, ROOT, suite, activeMark, walk } from './harness.mjs';

const AXE_SOURCE = readFileSync(join(ROOT, 'tests', 'e2e', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const VIEWS = ['timeline', 'ranking', 'lanes', 'table'];
const LOCALES = { ko: 'ko-KR', en: 'en-US' };

const env = suite();

/** Runs axe on the whole document; returns the violations, compact. */
async function axe(page) {
  if ((await page.evaluate(() => typeof window.axe)) !== 'object') await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (values) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
      summary: v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').trim() ?? '',
    }));
  }, RULE_SETS);
}

/** "state: id [impact] targets — summary" lines, for the lead to act on. */
function describe(found) {
  return found
    .flatMap(({ state, violations }) =>
      violations.map(
        (v) => `  ${state}: ${v.id} [${v.impact}] ${v.targets.slice(0, 5).join(' | ')}` +
          `${v.targets.length > 5 ? ` (+${v.targets.length - 5})` : ''} — ${v.summary}`,
      ),
    )
    .join('\n');
}

/** Opens each state in turn in one page and collects axe violations and page errors. */
async function audit(states, { lang, scheme, width = 1280, height = 900 }) {
  const page = await newPage(env.browser, { colorScheme: scheme, locale: LOCALES[lang], width, height });
  const found = [];
  for (const { name, query, act } of states) {
    const state = `${lang}/${scheme}/${width}px ${name}`;
    await page.goto(`${env.server.origin}/${query ? '?' + query : ''}`);
    await ready(page);
    if (act) await act(page);
    const violations = await axe(page);
    if (violations.length) found.push({ state, violations });
  }
  const errors = [...page.errors];
  await page.context().close();
  if (found.length) console.log(`axe violations (${RULE_SETS.join(', ')}):\n${describe(found)}`);
  assert.deepEqual(errors, [], 'no console error, page error or CSP violation while auditing');
  assert.equal(found.length, 0, `axe violations:\n${describe(found)}`);
}

// Reader states beyond the four views: embed, card, compare, empty, notice, sheets, article.
const STATES = [
  { name: 'embed mode', query: 'embed=1' },
  { name: 'detail card (timeline)', query: 'sel=exaone-3-5' },
  { name: 'detail card + selected row (table)', query: 'view=table&sel=hyperclova' },
  { name: 'compare', query: 'cmp=exaone-3-5~hyperclova' },
  { name: 'empty state', query: 'q=zzzz' },
  { name: 'malformed-URL notice', query: 'foo=bar' },
  {
    name: 'embed sheet open',
    query: '',
    act: async (page) => {
      await page.click('[data-action="embed"]');
      await page.waitForSelector('[data-sheet="embed"]');
    },
  },
  {
    name: 'download sheet open',
    query: '',
    act: async (page) => {
      await page.click('[data-action="download"]');
      await page.waitForSelector('[data-sheet="download"]');
    },
  },
  {
    name: '2023 article view + events list open + tooltip',
    query: '',
    act: async (page) => {
      await page.click('[data-action="asof-article"]');
      await page.waitForSelector('[data-hint="article"]');
      await page.click('details.events summary');
      await page.hover('#atlas-chart [data-model-id]');
      await page.waitForSelector('.tooltip');
    },
  },
];

for (const lang of ['ko', 'en']) {
  for (const scheme of ['light', 'dark']) {
    test(`axe: every view, ${lang}, ${scheme}`, async () => {
      const states = VIEWS.map((view) => ({
        name: `view ${view}`,
        query: `lang=${lang}${view === 'timeline' ? '' : `&view=${view}`}`,
      }));
      await audit(states, { lang, scheme });
    });

    test(`axe: embed, card, compare, empty, notice, sheets, article view, ${lang}, ${scheme}`, async () => {
      const states = STATES.map((s) => ({ ...s, query: [`lang=${lang}`, s.query].filter(Boolean).join('&') }));
      await audit(states, { lang, scheme });
    });

    test(`axe: filters drawer open on a 375 px phone, ${lang}, ${scheme}`, async () => {
      const openDrawer = async (page) => {
        await page.click('.filters-toggle');
        await page.waitForSelector('.filters[data-open] .filters-body', { state: 'visible' });
      };
      await audit(
        [
          { name: 'phone, drawer closed', query: `lang=${lang}` },
          { name: 'phone, drawer open', query: `lang=${lang}`, act: openDrawer },
          { name: 'phone, drawer open, table', query: `lang=${lang}&view=table`, act: openDrawer },
        ],
        { lang, scheme, width: 375, height: 800 },
      );
    });
  }
}

test('axe: theme= overrides the system scheme both ways', async () => {
  await audit([{ name: 'theme=dark', query: 'theme=dark&view=lanes&color=org' }], { lang: 'ko', scheme: 'light' });
  await audit([{ name: 'theme=light', query: 'theme=light&view=ranking&color=org' }], { lang: 'en', scheme: 'dark' });
});

// ---------------------------------------------------------------------------
// Keyboard only.

/** The focused element (through shadow roots) and whether its focus is drawn. */
function focusInfo(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { onBody: true, desc: 'body' };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    const attrs = ['id', 'data-view', 'data-filter', 'data-control', 'data-action', 'role', 'type']
      .filter((a) => el.hasAttribute(a))
      .map((a) => `[${a}=${el.getAttribute(a)}]`)
      .join('');
    const chip = el.closest('[data-facet][data-value]');
    return {
      onBody: false,
      desc: `${el.tagName.toLowerCase()}${attrs}${chip ? ` in ${chip.dataset.facet}=${chip.dataset.value}` : ''}`,
      focusVisible: el.matches(':focus-visible'),
      drawn: el.matches(':focus-visible') && (outline || shadow),
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow: ${cs.boxShadow}`,
      // Chromium's date/month inputs have an internal picker button as their last tab
      // stop; when it has focus the host does not match :focus-visible and the UA draws
      // its own ring on the button.
      nativePicker: el.matches('input[type="date"], input[type="month"]') && !el.matches(':focus-visible'),
      selector: el.dataset.control
        ? `[data-control="${el.dataset.control}"]`
        : el.dataset.filter
          ? `[data-filter="${el.dataset.filter}"]`
          : null,
    };
  });
}

test('keyboard only: search, facet, chart walk, card, Escape, view tabs — focus always visible', async () => {
  const page = await newPage(env.browser, { locale: 'ko-KR' });
  await page.goto(env.server.origin + '/');
  await ready(page);
  const problems = [];
  const path = [];

  // Unfocused look of the native date inputs, to prove the UA's own ring is drawn.
  const baseline = {};
  for (const sel of ['[data-control="asof"]']) baseline[sel] = await page.locator(sel).screenshot();

  async function checkFocus(step) {
    const f = await focusInfo(page);
    path.push(f.desc);
    if (f.onBody) {
      problems.push(`${step}: focus is lost (on <body>)`);
    } else if (!f.drawn) {
      if (f.nativePicker && f.selector && baseline[f.selector]) {
        const now = await page.locator(f.selector).screenshot();
        if (now.equals(baseline[f.selector])) problems.push(`${step}: ${f.desc} (native picker) shows no focus ring`);
      } else {
        problems.push(`${step}: focus on ${f.desc} is not visible (:focus-visible ${f.focusVisible}; ${f.style})`);
      }
    }
    return f;
  }

  /** Presses Tab until `selector` has focus, checking the focus ring at every stop. */
  async function tabTo(selector, step, max = 80) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement === document.body)) {
        // Past the last stop focus leaves the document for the browser's UI; the next Tab wraps.
        path.push('(browser UI)');
        continue;
      }
      await checkFocus(`${step}, Tab #${i + 1}`);
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    }
    assert.fail(`${step}: ${selector} never got focus in ${max} Tabs; path: ${path.slice(-max).join(' → ')}`);
  }

  // 1. From page load to the search box; type a query.
  await tabTo('[data-filter="q"]', 'to the search box');
  await page.keyboard.type('exaone');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'exaone');
  const afterSearch = Number(await page.getAttribute('#app', 'data-count'));
  assert.ok(afterSearch > 1, `the search finds several EXAONE models (${afterSearch})`);
  await checkFocus('after typing');

  // 2. A facet checkbox, toggled with Space.
  await tabTo('[data-facet][data-value] input[type="checkbox"]', 'to a facet checkbox');
  const chip = await page.evaluate(() => {
    const c = document.activeElement.closest('[data-facet][data-value]');
    return { facet: c.dataset.facet, value: c.dataset.value };
  });
  await page.keyboard.press('Space');
  await page.waitForFunction(
    ({ facet, value }) => new URL(location.href).searchParams.get(facet)?.split('~').includes(value),
    chip,
  );
  assert.equal(await page.isChecked(`[data-facet="${chip.facet}"][data-value="${chip.value}"] input`), true, 'Space checks it');
  await checkFocus('after Space on the facet');
  const filtered = Number(await page.getAttribute('#app', 'data-count'));
  assert.ok(filtered >= 2, `the facet leaves marks to walk (${filtered})`);

  // 3. The chart is one tab stop: no focusable mark inside, next Tab leaves it.
  await tabTo('#atlas-chart', 'to the chart');
  assert.equal(
    await page.$$eval('#atlas-chart *', (els) => els.filter((e) => e.tabIndex >= 0).length),
    0,
    'no mark is its own tab stop',
  );
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('#atlas-chart')), false, 'one Tab leaves the chart');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'atlas-chart', 'Shift+Tab comes back');
  await checkFocus('back on the chart');

  // Arrow keys walk the marks (aria-activedescendant); Enter opens the card.
  const first = await activeMark(page);
  assert.ok(await page.$(`#atlas-chart #m-${first}`), `aria-activedescendant names a mark in the chart (${first})`);
  const second = await walk(page, 'ArrowRight');
  assert.notEqual(second, first, 'ArrowRight moves to the next mark');
  await checkFocus('after ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`[data-card="${second}"]`);
  await checkFocus('card open');

  // Escape closes the card; focus must come back where it was (the chart), visibly.
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-card]', { state: 'detached' });
  const back = await checkFocus('after Escape closed the card');
  if (!back.onBody && (await page.evaluate(() => document.activeElement.id)) !== 'atlas-chart') {
    problems.push(`after Escape: focus went to ${back.desc}, not back to the chart`);
  }

  // 4. The view tabs, the ARIA tabs pattern: one tab stop, the arrow keys (and Home / End) choose
  // and focus follows; the tab panel is named by its tab.
  await tabTo('[role="tab"][aria-selected="true"]', 'to the view tabs');
  assert.equal(await page.$$eval('[role="tab"]', (ts) => ts.filter((t) => t.tabIndex === 0).length), 1, 'one tab stop');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-view="ranking"][aria-selected="true"]');
  await page.waitForSelector('#atlas-chart[data-chart="ranking"]');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.view), 'ranking', 'focus follows the arrow');
  assert.equal(await page.getAttribute('[role="tabpanel"]', 'aria-labelledby'), 'tab-ranking');
  await checkFocus('after ArrowRight on the tabs');
  await page.keyboard.press('End');
  await page.waitForSelector('[data-view="table"][aria-selected="true"]');
  await page.waitForSelector('table.models tbody tr');
  await checkFocus('after End on the tabs');
  assert.equal(new URL(page.url()).searchParams.get('view'), 'table');
  assert.equal(
    await page.$$eval('table.models tbody tr', (rows) => rows.length),
    filtered,
    'the table shows the filtered models',
  );

  if (problems.length) console.log(`keyboard walk problems:\n  ${problems.join('\n  ')}\npath: ${path.join(' → ')}`);
  assert.deepEqual(problems, [], 'focus is always on the page and visibly drawn');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('one click on a mark opens its card, as Enter does (mouse path to the card)', async () => {
  const page = await newPage(env.browser, { locale: 'en-US' });
  await page.goto(env.server.origin + '/?lang=en');
  await ready(page);
  // A mark that is on top at its own centre (not covered by a neighbour).
  const { id, x, y } = await page.evaluate(() => {
    for (const m of document.querySelectorAll('#atlas-chart .mark[data-model-id]')) {
      const r = m.getBoundingClientRect();
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
      if (document.elementFromPoint(x, y) === m) return { id: m.dataset.modelId, x, y };
    }
    return {};
  });
  assert.ok(id, 'a clickable mark');
  // The chart does not have focus yet: this is the reader's first click on it.
  await page.mouse.click(x, y);
  const opened = await page.waitForSelector(`[data-card="${id}"]`, { timeout: 3000 }).then(() => true, () => false);
  assert.ok(opened, `a single click on the ${id} mark opens its card`);
  assert.equal(new URL(page.url()).searchParams.get('sel'), id);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('keyboard only: a button that removes itself hands focus on, never to the page body', async () => {
  const page = await newPage(env.browser, { locale: 'en-US' });
  const steps = [
    // [link, button pressed with Enter, where focus must land]
    ['cmp=hyperclova~kogpt-6b', '[data-compare] thead th[data-model-id="kogpt-6b"] button', '[data-compare] thead th[data-model-id="hyperclova"] button'],
    ['cmp=hyperclova', '[data-compare] thead button', '#atlas-chart'],
    ['cmp=hyperclova~kogpt-6b', '[data-action="clear-compare"]', '#atlas-chart'],
    ['view=table&cmp=hyperclova', '[data-action="clear-compare"]', '.table-wrap'],
    ['sector=telecom', '[data-action="clear-all"]', '.filters [data-filter="q"]'],
    ['sector=telecom', '[data-clear="sector"]', '[data-facet-group="sector"] input'],
    // A facet that starts folded stays open when emptied: focus on its first choice.
    ['org=lg-ai-research', '[data-clear="org"]', '[data-facet-group="org"] input'],
    ['modality=vision', '[data-clear="modality"]', '[data-facet-group="modality"] input'],
    // The removed column's neighbour takes the focus.
    ['cmp=hyperclova~kogpt-6b~exaone-1-0', '[data-compare] thead th[data-model-id="kogpt-6b"] button', '[data-compare] thead th[data-model-id="exaone-1-0"] button'],
    ['cmp=hyperclova~kogpt-6b~exaone-1-0', '[data-compare] thead th[data-model-id="exaone-1-0"] button', '[data-compare] thead th[data-model-id="kogpt-6b"] button'],
    // With nothing to show, the skip link goes to the way back.
    ['q=zzz', 'a.skip', '[data-empty] .chip'],
    ['q=zzz&asof=1999-01-01', '[data-empty] .chip', '[data-empty] [data-clear="asof"]'],
    ['q=zzz', '[data-empty] .chip', '#atlas-chart'],
    ['q=zzz', '[data-action="clear-all-empty"]', '#atlas-chart'],
    ['view=bogus', '[data-notice] button', '[role=tab][aria-selected=true]'],
  ];
  for (const [query, button, expected] of steps) {
    await page.goto(`${env.server.origin}/?lang=en&${query}`);
    await ready(page);
    await page.focus(button);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
    const landed = await page.evaluate((sel) => {
      const el = document.activeElement;
      return { body: el === document.body, ok: el === document.querySelector(sel), desc: el.outerHTML.slice(0, 80) };
    }, expected);
    assert.equal(landed.body, false, `${query}: ${button} left focus on the body`);
    assert.ok(landed.ok, `${query}: ${button} → ${expected}, got ${landed.desc}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('screen reader details: skip link, view heading, Korean text marked ko, summaries, glyphs hidden', async () => {
  const page = await newPage(env.browser, { locale: 'en-US' });
  await page.goto(env.server.origin + '/?lang=en&sector=portal&sel=hyperclova');
  await ready(page);
  // The first Tab stop skips the filters, visibly, and covers nothing.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  assert.equal(await page.textContent('.skip'), 'Skip to the chart');
  const [skip, title] = await page.evaluate(() => ['.skip', 'h1'].map((s) => document.querySelector(s).getBoundingClientRect().toJSON()));
  assert.ok(skip.top >= 0 && skip.height > 0, 'shown when focused');
  assert.ok(skip.bottom <= title.top, `the title moves down, not under it (${skip.bottom} > ${title.top})`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'atlas-chart');
  // Headings reach the view itself.
  assert.ok((await page.$$eval('#atlas-panel h2', (hs) => hs.map((h) => h.textContent))).includes('Timeline'));
  // Korean text on the English page says so.
  assert.equal(await page.getAttribute('[data-card] p.org', 'lang'), 'ko');
  assert.equal(await page.$eval('[data-card] p.org', (p) => p.textContent), '하이퍼클로바');
  const koreanSources = await page.$$eval('details.events li a, details.events li cite', (as) => as.filter((a) => /[가-힣]/.test(a.textContent)).map((a) => a.lang));
  assert.ok(koreanSources.length > 0 && koreanSources.every((l) => l === 'ko'), `Korean source titles: ${koreanSources}`);
  // A disputed figure quoted from a Korean source too.
  await page.goto(env.server.origin + '/?lang=en&sel=kogpt-6b');
  await ready(page);
  assert.equal(await page.$eval('[data-card] [data-dispute] span', (s) => `${s.lang}:${s.textContent}`), 'ko:300억 (30B)');
  await page.goto(env.server.origin + '/?lang=en&sector=portal&sel=hyperclova');
  await ready(page);
  // Glyphs are pictures: hidden from the marks key and the facet arrows.
  assert.equal(await page.$$eval('.legend[data-legend=shapes] li:not([aria-hidden]) > span[aria-hidden=true]', (s) => s.length) > 0, true);
  assert.equal(await page.getAttribute('[data-clear="sector"]', 'aria-label'), 'Clear sector');
  // Ranking and lanes describe themselves as the timeline does.
  await page.click('[data-view="ranking"]');
  await page.waitForSelector('#atlas-chart[data-chart="ranking"]');
  assert.match(await page.textContent('#chart-desc'), /^Korean AI models by total parameters, largest first \(log scale\)\. 8 models\./);
  // The count says when nothing matches.
  await page.fill('[data-filter="q"]', 'zzzz');
  await page.waitForSelector('[data-empty]');
  assert.match(await page.textContent('.count'), /0 models\s*No models match\./);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

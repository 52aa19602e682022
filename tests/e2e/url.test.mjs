// URL contract v1: the view lives in the link; bad links never break the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, ready, readData, suite } from './harness.mjs';

const env = suite();

const ids = (page) =>
  page.$$eval('#app [data-model-id]', (els) => [...new Set(els.map((e) => e.dataset.modelId))].sort());

async function settle(page) {
  // Let Yew re-render and the effect write the URL.
  await page.waitForTimeout(150);
}

test('filters and search set in the UI travel in the link and come back in a fresh browser', async () => {
  const page = await newPage(env.browser, { locale: 'ko-KR' });
  await page.goto(env.server.origin + '/');
  await ready(page);
  assert.equal(new URL(page.url()).search, '', 'the default view has an empty query');

  await page.check('[data-facet="sector"][data-value="manufacturing"] input');
  await page.check('[data-facet="sector"][data-value="portal"] input');
  await page.fill('[data-filter="q"]', 'ㅇㅅㅇ');
  await page.click('[data-view="ranking"]');
  await settle(page);
  const url = page.url();
  const query = new URL(url).searchParams;
  assert.equal(query.get('sector'), 'manufacturing~portal');
  assert.equal(query.get('q'), 'ㅇㅅㅇ');
  assert.equal(query.get('view'), 'ranking');
  assert.equal(query.get('v'), '1');
  const count = Number(await page.getAttribute('#app', 'data-count'));
  const shown = await ids(page);
  // 초성 ㅇㅅㅇ finds every 엑사원 (and, fairly, 삼성 가우스 (언어 …): 우·스·언).
  const exaone = readData('models.csv').filter((m) => m.name_ko.includes('엑사원')).map((m) => m.id);
  assert.ok(exaone.length > 5);
  assert.ok(exaone.every((id) => shown.includes(id)), `every EXAONE is found: ${shown}`);
  assert.equal(count, shown.length);

  // A fresh browser context opening the shared link sees the same view.
  const fresh = await newPage(env.browser, { locale: 'en-US' });
  await fresh.goto(url);
  assert.equal(await ready(fresh), count);
  assert.deepEqual(await ids(fresh), shown);
  assert.equal(await fresh.isChecked('[data-facet="sector"][data-value="manufacturing"] input'), true);
  assert.equal(await fresh.isChecked('[data-facet="sector"][data-value="telecom"] input'), false);
  assert.equal(await fresh.inputValue('[data-filter="q"]'), 'ㅇㅅㅇ');
  assert.equal(await fresh.getAttribute('[data-view="ranking"]', 'aria-selected'), 'true');
  assert.deepEqual(fresh.errors, []);
  await fresh.context().close();

  // Clearing is one click, and the link goes back to empty.
  await page.click('[data-action="clear-all"]');
  await page.click('[data-view="timeline"]');
  await settle(page);
  assert.equal(new URL(page.url()).search, '');
  await page.context().close();
});

test('Back and Forward restore the view (popstate), and filtering adds no history entries', async () => {
  const page = await newPage(env.browser, { locale: 'en-US' });
  await page.goto(env.server.origin + '/?view=table');
  await ready(page);
  const before = await page.evaluate(() => history.length);
  await page.check('[data-facet="status"][data-value="announced"] input');
  await page.check('[data-facet="status"][data-value="released"] input');
  await settle(page);
  assert.equal(await page.evaluate(() => history.length), before, 'replaceState, no history spam');

  // Two in-page entries, then Back: the app must follow the location.
  await page.evaluate(() => {
    history.pushState(null, '', '?view=lanes');
    history.pushState(null, '', '?view=ranking&sector=telecom');
  });
  await page.goBack();
  await page.waitForSelector('#atlas-chart[data-chart="lanes"]');
  assert.equal(await page.isChecked('[data-facet="status"][data-value="announced"] input'), false, 'state replaced');
  await page.goForward();
  await page.waitForSelector('#atlas-chart[data-chart="ranking"]');
  const telecom = readData('models.csv').filter((m) => m.reference !== 'yes' && readData('organisations.csv').find((o) => o.id === m.org)?.sector === 'telecom');
  assert.equal(Number(await page.getAttribute('#app', 'data-count')), telecom.length);
  // Reload keeps it.
  await page.reload();
  assert.equal(await ready(page), telecom.length);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('what a reader types reopens the same view: inverted ranges, exponents, pasted tabs; the fragment stays', async () => {
  const page = await newPage(env.browser, { locale: 'en-US' });
  await page.goto(env.server.origin + '/?lang=en#story');
  await ready(page);
  await page.$eval('[data-facet-group="params"]', (d) => { d.open = true; });
  await page.fill('[data-filter="params-min"]', '1e2'); // the browser's own number syntax: 100
  await page.press('[data-filter="params-min"]', 'Tab');
  await page.fill('[data-filter="params-max"]', '10'); // below the minimum
  await page.press('[data-filter="params-max"]', 'Tab');
  await page.fill('[data-filter="q"]', 'exaone\tlg'); // two spreadsheet cells
  await settle(page);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('params'), '10..100', 'swapped, and 1e2 read as 100');
  assert.equal(url.searchParams.get('q'), 'exaone lg', 'the tab is a space');
  assert.equal(url.hash, '#story', 'the fragment stays');
  assert.equal(await page.inputValue('[data-filter="params-min"]'), '10');
  assert.equal(await page.inputValue('[data-filter="params-max"]'), '100');
  const count = Number(await page.getAttribute('#app', 'data-count'));
  assert.ok(count > 0, 'EXAONE models of 10–100B');
  const shown = await ids(page);
  // A tab pasted mid-text: the box shows a space, and the caret stays after the paste.
  await page.focus('[data-filter="q"]');
  await page.$eval('[data-filter="q"]', (i) => i.setSelectionRange(6, 6));
  await page.keyboard.insertText('\tkt');
  await settle(page);
  assert.equal(await page.inputValue('[data-filter="q"]'), 'exaone kt lg');
  assert.deepEqual(await page.$eval('[data-filter="q"]', (i) => [i.selectionStart, i.selectionEnd]), [9, 9], 'the caret after "kt"');
  await page.keyboard.type('x');
  assert.equal(await page.inputValue('[data-filter="q"]'), 'exaone ktx lg', 'typing goes on where it was');
  await page.fill('[data-filter="q"]', 'exaone lg');
  await settle(page);

  const again = await newPage(env.browser, { locale: 'en-US' });
  await again.goto(url.href);
  assert.equal(await ready(again), count);
  assert.deepEqual(await ids(again), shown);
  assert.equal(await again.$('.notice'), null, 'nothing ignored');
  assert.deepEqual([page.errors, again.errors], [[], []]);
  await page.context().close();
  await again.context().close();
});

test('the Korean page takes sizes in 억, as it writes them; links carry billions', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.origin + '/?lang=ko&params=..10');
  await ready(page);
  const koreanCount = readData('models.csv').filter((m) => m.reference !== 'yes').length;
  await page.$eval('[data-facet-group="params"]', (d) => { d.open = true; });
  assert.match(await page.textContent('[data-facet-group="params"] summary'), /단위: 억/);
  assert.equal(await page.inputValue('[data-filter="params-max"]'), '100', '10B is 100억');
  await page.fill('[data-filter="params-min"]', '78');
  await page.press('[data-filter="params-min"]', 'Tab');
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get('params'), '7.8..10', '78억 is 7.8B');
  assert.equal(await page.inputValue('[data-filter="params-min"]'), '78');
  const count = Number(await page.getAttribute('#app', 'data-count'));
  assert.ok(count > 0 && count < koreanCount, `some models: ${count}`);
  // The English page shows the same bounds in billions, and the same models.
  await page.goto(page.url().replace('lang=ko', 'lang=en'));
  assert.equal(await ready(page), count);
  await page.$eval('[data-facet-group="params"]', (d) => { d.open = true; });
  assert.deepEqual([await page.inputValue('[data-filter="params-min"]'), await page.inputValue('[data-filter="params-max"]')], ['7.8', '10']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a number the field cannot read ("10e") keeps the filter that applies, and shows it', async () => {
  const page = await newPage(env.browser, { locale: 'en-US' });
  await page.goto(env.server.origin + '/?lang=en&params=5..');
  const count = await ready(page);
  await page.$eval('[data-facet-group="params"]', (d) => { d.open = true; });
  const field = page.locator('[data-filter="params-min"]');
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10e'); // the browser allows the keys, but has no number: value ""
  assert.equal(await field.evaluate((el) => el.validity.badInput), true);
  await page.keyboard.press('Tab');
  await settle(page);
  assert.equal(await field.inputValue(), '5', 'back to what applies');
  assert.equal(new URL(page.url()).searchParams.get('params'), '5..', 'the filter stays');
  assert.equal(Number(await page.getAttribute('#app', 'data-count')), count);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a malformed link shows what was ignored and applies the rest, without console errors', async () => {
  const page = await newPage(env.browser, { locale: 'en-US' });
  const bad =
    '?view=pie&sector=telecom~mars&foo=bar&params=10..abc&q=%E0%A4&sel=no-such-model&sector=portal' +
    '&date=2023-13..&theme=purple&cmp=exaone-3-5~nope&lang=xx&' + 'x'.repeat(5000);
  await page.goto(env.server.origin + '/' + bad);
  const count = await ready(page);
  const notice = await page.waitForSelector('[data-notice="ignored"]');
  const text = await notice.innerText();
  for (const part of ['view=pie', 'mars', 'foo=bar', 'params=10..abc', 'sel=no-such-model', 'theme=purple', 'lang=xx', 'nope']) {
    assert.ok(text.includes(part), `the notice names ${part}: ${text}`);
  }
  const orgs = readData('organisations.csv');
  const telecom = readData('models.csv').filter((m) => m.reference !== 'yes' && orgs.find((o) => o.id === m.org)?.sector === 'telecom');
  assert.equal(count, telecom.length, 'sector=telecom still applies (the duplicate sector key is ignored)');
  assert.deepEqual(page.errors, [], 'no console error');
  // The notice can be dismissed.
  await page.click('[data-notice="ignored"] button');
  await page.waitForSelector('[data-notice="ignored"]', { state: 'detached' });
  await page.context().close();
});

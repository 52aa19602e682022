// The release build, served on loopback, opened like a reader would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, ready, koreanModelIds, suite } from './harness.mjs';

const env = suite();

test('while the wasm loads, the page shows through and theme= already applies (no white block in a dark article)', async () => {
  for (const [theme, scheme, ink] of [['dark', 'light', 'rgb(236, 238, 242)'], ['light', 'dark', 'rgb(22, 24, 29)']]) {
    const page = await newPage(env.browser, { colorScheme: scheme });
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/*_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${env.server.origin}/?embed=1&theme=${theme}`);
    await page.waitForSelector('#boot');
    await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
    const look = () => page.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, ink: getComputedStyle(document.body).color }));
    assert.deepEqual(await look(), { bg: 'rgba(0, 0, 0, 0)', ink }, `theme=${theme} on a ${scheme} system`);
    assert.equal(await page.getAttribute('#app', 'data-ready'), 'false', 'still loading');
    release();
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
    assert.notEqual((await look()).bg, 'rgba(0, 0, 0, 0)', 'the widget has its own background once it runs');
    assert.equal(await page.$('#boot-failed'), null, 'the failure line goes with the loading line');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a load that never finishes asks the reader, after 15 s, to reload (styles alone: no script needed)', async () => {
  const page = await newPage(env.browser);
  await page.route('**/*_bg.wasm', () => {}); // never answered: a very slow network
  await page.goto(env.server.origin + '/?lang=en', { waitUntil: 'commit' });
  await page.waitForSelector('#boot');
  assert.equal(await page.isVisible('.boot-slow[lang=en]'), false, 'not at first');
  // Jump the animation to its end rather than wait 15 s.
  await page.evaluate(() => document.getAnimations().forEach((a) => (a.currentTime = 15_001)));
  assert.equal(await page.isVisible('.boot-slow[lang=en]'), true);
  assert.match(await page.textContent('#boot'), /오래 걸리면[\s\S]*please reload/);
  await page.context().close();
});

test('a wasm that cannot load replaces "Loading…" with a bilingual "could not load"', async () => {
  const page = await newPage(env.browser);
  await page.route('**/*_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(env.server.origin + '/?lang=en');
  await page.waitForSelector('#boot-failed:not([hidden])');
  assert.equal(await page.isVisible('#boot'), false);
  const text = await page.textContent('#boot-failed');
  assert.match(text, /불러오지 못했습니다/);
  assert.match(text, /could not load/);
  assert.equal(await page.getAttribute('#boot-failed', 'role'), 'alert');
  // The failure itself is logged for whoever debugs the page, and nothing else is.
  assert.ok(page.errors.length >= 1 && page.errors.every((e) => /404|WebAssembly|wasm|Failed to load/i.test(e)), page.errors.join('\n'));
  await page.context().close();
});

test('the default view becomes ready and draws one mark per Korean model', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.origin + '/');
  const count = await ready(page);
  const expected = koreanModelIds();
  assert.ok(expected.length > 0, 'data/models.csv has models');
  assert.equal(count, expected.length, 'data-count is the number of Korean models');
  const drawn = await page.$$eval('#app [data-model-id]', (els) =>
    [...new Set(els.map((e) => e.getAttribute('data-model-id')))].sort(),
  );
  assert.deepEqual(drawn, expected, 'every model has a mark, and only those');
  assert.deepEqual(page.errors, [], 'no console error');
  await page.context().close();
});

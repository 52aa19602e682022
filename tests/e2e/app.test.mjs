// The release build, served on loopback, opened like a reader would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, ready, koreanModelIds, DIST } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serve(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the default view becomes ready and draws one mark per Korean model', async () => {
  const page = await newPage(browser);
  await page.goto(server.origin + '/');
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

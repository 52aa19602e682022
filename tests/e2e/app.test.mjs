// The release build, served on loopback, opened like a reader would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, ready, koreanModelIds, suite } from './harness.mjs';

const env = suite();

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

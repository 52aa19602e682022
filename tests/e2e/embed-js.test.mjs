// Unit tests of static/embed.js, run in a Node VM with a fake host page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import vm from 'node:vm';
import { ROOT } from './harness.mjs';

const SOURCE = readFileSync(join(ROOT, 'static', 'embed.js'), 'utf8');

function hostPage(frames) {
  let listener = null;
  const window = {
    location: { href: 'https://news.example/article' },
    document: { querySelectorAll: (sel) => (sel === 'iframe[data-kai-atlas]' ? frames : []) },
    addEventListener: (type, fn) => {
      if (type === 'message') listener = fn;
    },
  };
  vm.runInNewContext(SOURCE, { window, URL, isFinite, Math });
  return (event) => listener(event);
}

function frame(src) {
  return { src, contentWindow: { name: src }, style: {} };
}

const msg = (height, extra = {}) => ({ type: 'kai-atlas:height', v: 1, height, ...extra });

test('resizes only the iframe whose window sent the message, from its origin', () => {
  const a = frame('https://atlas.example/?embed=1');
  const b = frame('https://atlas.example/?embed=1&view=table');
  const send = hostPage([a, b]);
  send({ data: msg(812.4), source: b.contentWindow, origin: 'https://atlas.example' });
  assert.equal(b.style.height, '813px');
  assert.equal(b.style.minHeight, '0', 'the script takes over from the min-height fallback');
  assert.equal(a.style.height, undefined);
});

test('ignores wrong origins, rogue windows, bad shapes and insane heights', () => {
  const a = frame('https://atlas.example/?embed=1');
  const send = hostPage([a]);
  const rogue = { name: 'rogue' };
  send({ data: msg(500), source: a.contentWindow, origin: 'https://evil.example' });
  send({ data: msg(500), source: a.contentWindow, origin: 'null' });
  send({ data: msg(500), source: rogue, origin: 'https://atlas.example' });
  for (const bad of [msg(NaN), msg(Infinity), msg(-5), msg(99), msg(1e9), msg('500'), { ...msg(500), v: 2 }, { ...msg(500), type: 'other' }, null, 'kai-atlas:height']) {
    send({ data: bad, source: a.contentWindow, origin: 'https://atlas.example' });
  }
  assert.equal(a.style.height, undefined);
  send({ data: msg(640), source: a.contentWindow, origin: 'https://atlas.example' });
  assert.equal(a.style.height, '640px');
});

test('embed.js stays under 1 KB gzip', () => {
  const size = gzipSync(SOURCE, { level: 9 }).length;
  console.log(`embed.js: ${Buffer.byteLength(SOURCE)} bytes raw, ${size} bytes gzip -9`);
  assert.ok(size < 1024, `embed.js is ${size} bytes gzip`);
});

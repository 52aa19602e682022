// Unit tests of static/embed.js, run in a Node VM with a fake host page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import vm from 'node:vm';
import { ROOT } from './harness.mjs';

const SOURCE = readFileSync(join(ROOT, 'static', 'embed.js'), 'utf8');

function hostPage(frames, origin = 'https://news.example', named = {}) {
  let listener = null;
  const window = {
    ...named,
    origin,
    location: { href: 'https://news.example/article' },
    document: { querySelectorAll: (sel) => (sel === 'iframe[data-kai-atlas]' ? frames : []) },
    addEventListener: (type, fn) => {
      if (type === 'message') listener = fn;
    },
  };
  vm.runInNewContext(SOURCE, { window, URL, isFinite, Math });
  return (event) => listener(event);
}

function frame(src, sandbox = null) {
  const asked = [];
  return {
    src,
    asked,
    getAttribute: (name) => (name === 'sandbox' ? sandbox : null),
    contentWindow: { name: src, postMessage: (data, origin) => asked.push([data, origin]) },
    style: {},
  };
}

const msg = (height, extra = {}) => ({ type: 'kai-atlas:height', v: 1, height, ...extra });

test('on start, asks every frame to send its height again (a widget ready before the script)', () => {
  const a = frame('https://atlas.example/?embed=1');
  const b = frame('https://atlas.example/?embed=1&view=table');
  const detached = { src: 'https://atlas.example/', getAttribute: () => null, contentWindow: null, style: {} };
  hostPage([a, detached, b]);
  // (JSON: the message object comes from the script's own VM realm.)
  const expected = JSON.stringify([[{ type: 'kai-atlas:measure', v: 1 }, '*']]);
  assert.equal(JSON.stringify(a.asked), expected);
  assert.equal(JSON.stringify(b.asked), expected);
});

test('resizes only the iframe whose window sent the message', () => {
  const a = frame('https://atlas.example/?embed=1');
  const b = frame('https://atlas.example/?embed=1&view=table');
  const send = hostPage([a, b]);
  send({ data: msg(812.4), source: b.contentWindow, origin: 'https://atlas.example' });
  assert.equal(b.style.height, '813px');
  assert.equal(b.style.minHeight, '0', 'the script takes over from the min-height fallback');
  // Set from script too: an article CSP without 'unsafe-inline' blocks the snippet's style attribute.
  assert.equal(b.style.width, '100%');
  assert.equal(b.style.border, '0');
  assert.equal(a.style.height, undefined);
});

test("a message from the frame's window but another origin is ignored (the frame was navigated away)", () => {
  const a = frame('https://atlas.example/?embed=1');
  const send = hostPage([a]);
  for (const origin of ['https://evil.example', 'http://atlas.example', 'https://www.atlas.example', 'null']) {
    send({ data: msg(700), source: a.contentWindow, origin });
  }
  assert.equal(a.style.height, undefined);
});

test('a relative src is taken against the page; an http src may arrive upgraded to https on the same host', () => {
  const rel = frame('/atlas/?embed=1');
  const http = frame('http://atlas.example:8080/?embed=1');
  const send = hostPage([rel, http]);
  send({ data: msg(600), source: rel.contentWindow, origin: 'https://news.example' });
  send({ data: msg(700), source: http.contentWindow, origin: 'https://atlas.example:8080' });
  assert.equal(rel.style.height, '600px');
  assert.equal(http.style.height, '700px');
});

test('a sandbox without allow-same-origin has an opaque origin ("null"), and only that is trusted', () => {
  const opaque = frame('https://atlas.example/?embed=1', 'allow-scripts');
  const same = frame('https://atlas.example/?embed=1&view=table', 'allow-scripts allow-same-origin');
  const send = hostPage([opaque, same]);
  send({ data: msg(500), source: opaque.contentWindow, origin: 'https://atlas.example' });
  send({ data: msg(500), source: same.contentWindow, origin: 'null' });
  assert.equal(opaque.style.height, undefined);
  assert.equal(same.style.height, undefined);
  send({ data: msg(640), source: opaque.contentWindow, origin: 'null' });
  send({ data: msg(650), source: same.contentWindow, origin: 'https://atlas.example' });
  assert.equal(opaque.style.height, '640px');
  assert.equal(same.style.height, '650px');
});

test('ignores rogue windows, bad shapes and insane heights', () => {
  const a = frame('https://atlas.example/?embed=1');
  const send = hostPage([a]);
  const rogue = { name: 'rogue' };
  send({ data: msg(500), source: rogue, origin: 'https://atlas.example' });
  send({ data: msg(500), source: null, origin: 'https://atlas.example' });
  for (const bad of [msg(NaN), msg(Infinity), msg(-5), msg(99), msg(1e9), msg('500'), { ...msg(500), v: 2 }, { ...msg(500), type: 'other' }, null, 'kai-atlas:height']) {
    send({ data: bad, source: a.contentWindow, origin: 'https://atlas.example' });
  }
  assert.equal(a.style.height, undefined);
  send({ data: msg(640), source: a.contentWindow, origin: 'https://atlas.example' });
  assert.equal(a.style.height, '640px');
});

test('a host page that is itself sandboxed (opaque origin) passes that on: its frames speak from origin "null"', () => {
  const a = frame('https://atlas.example/?embed=1');
  const send = hostPage([a], 'null');
  send({ data: msg(500), source: a.contentWindow, origin: 'https://atlas.example' });
  assert.equal(a.style.height, undefined);
  send({ data: msg(640), source: a.contentWindow, origin: 'null' });
  assert.equal(a.style.height, '640px');
});

test('an element with id="kaiAtlasEmbed" on the host page (a named window property) does not switch it off', () => {
  const a = frame('https://atlas.example/?embed=1');
  const send = hostPage([a], 'https://news.example', { kaiAtlasEmbed: { tagName: 'A' } });
  send({ data: msg(700), source: a.contentWindow, origin: 'https://atlas.example' });
  assert.equal(a.style.height, '700px');
});

test('embed.js stays under 1 KB gzip', () => {
  const size = gzipSync(SOURCE, { level: 9 }).length;
  console.log(`embed.js: ${Buffer.byteLength(SOURCE)} bytes raw, ${size} bytes gzip -9`);
  assert.ok(size < 1024, `embed.js is ${size} bytes gzip`);
});

// Shared pieces of the end-to-end suite: a static server for dist/, Chromium
// through playwright-core, and the dataset read straight from data/ so the
// expectations do not come from the code under test.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** The strict policy the widget must run under (PRODUCT.md, Deployable anywhere static). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'none'";

/**
 * The rules of a Netlify-style `_headers` file as a function path → headers.
 * Later matching rules override earlier ones, header by header.
 */
export function headersFile(file) {
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp('^' + line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
      rules.push({ pattern, headers: {} });
    } else if (rules.length) {
      const at = line.indexOf(':');
      rules.at(-1).headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return (path) => Object.assign({}, ...rules.filter((r) => r.pattern.test(path)).map((r) => r.headers));
}

/**
 * Serves `dir` on host:port 0 (a free port) with the headers of `dir/_headers`
 * (the strict CSP included). `pages` maps extra paths to HTML strings (host
 * pages for embed tests); `headers(path)` adds or overrides response headers.
 */
export async function serve(dir, { host = '127.0.0.1', pages = {}, headers = () => ({}) } = {}) {
  const shipped = existsSync(join(dir, '_headers')) ? headersFile(join(dir, '_headers')) : () => ({});
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (pages[path] !== undefined) {
        // Host pages are the newsroom's, not ours: none of our headers.
        res.writeHead(200, { 'content-type': TYPES['.html'], ...headers(path) });
        res.end(pages[path]);
        return;
      }
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...shipped(path),
        ...headers(path),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, host, ok));
  const { port } = server.address();
  return { origin: `http://${host}:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches headless Chromium; fails loudly when it is missing (never skips). */
export async function launch() {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: run \`cargo xtask test\`, which installs it`);
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/index.html missing: run `trunk build --release` (cargo xtask test does)');
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page that records console errors, page errors and every request, so each
 * test can assert "no error, nothing left the origin".
 */
export async function newPage(browser, { width = 1280, height = 900, colorScheme = 'light', locale = 'ko-KR' } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme,
    locale,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(msg.text());
  });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  page.on('request', (req) => page.requests.push(req.url()));
  // Content-Security-Policy violations are errors too (reported by the page).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('dialog', (d) => {
    page.errors.push(`dialog opened: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return page;
}

/** Waits until the app says it is ready and returns the root's data-count. */
export async function ready(page, root = page) {
  await root.waitForSelector('[data-app="kai-atlas"][data-ready="true"]', { timeout: 20000 });
  return Number(await root.getAttribute('[data-app="kai-atlas"]', 'data-count'));
}

/** Minimal RFC 4180 CSV parser (quotes, doubled quotes, commas and newlines in fields). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Rows of a data file as objects keyed by the header. */
export function readData(name) {
  const [header, ...rows] = parseCsv(readFileSync(join(ROOT, 'data', name), 'utf8'));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The Korean models the page must show by default (references are counted apart). */
export function koreanModelIds() {
  return readData('models.csv')
    .filter((m) => m.reference !== 'yes')
    .map((m) => m.id)
    .sort();
}

/**
 * The usual test file setup: the release dist served with its headers and one
 * Chromium, started before the file's tests and closed after them. Returns an
 * object whose `server` and `browser` are set once the hook has run.
 */
export function suite(options) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serve(DIST, options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The chart's active mark, its aria-activedescendant without the "m-", once the chart has one. */
export async function activeMark(page) {
  await page.waitForSelector('#atlas-chart[aria-activedescendant]', { timeout: 3000 });
  return page.$eval('#atlas-chart', (svg) => svg.getAttribute('aria-activedescendant').slice(2));
}

/** Focuses the chart and returns the mark that focus made active, once it is drawn. */
export async function focusChart(page) {
  await page.focus('#atlas-chart');
  return activeMark(page);
}

/**
 * Presses `key` on the focused chart and returns the active mark once the app has drawn the
 * key's effect. Yew draws on a microtask, nearly always before the press returns, but under
 * load it has been seen to draw 9 ms after (CI read the mark before the End key's). A key that
 * must move the mark waits for the move (and returns the old mark if it never comes, for the
 * test's own assertion to name); one that may stay put waits two frames.
 */
export async function walk(page, key, { moves = true } = {}) {
  const before = await activeMark(page);
  await page.keyboard.press(key);
  if (moves) {
    await page
      .waitForFunction((b) => document.getElementById('atlas-chart').getAttribute('aria-activedescendant')?.slice(2) !== b, before, { timeout: 3000 })
      .catch(() => {});
  } else {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  return activeMark(page);
}

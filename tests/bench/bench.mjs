// The benchmark behind PRODUCT.md's "Speed" and "Size" bars. Not a test:
// timings are printed and written to tests/bench/RESULTS.md, never asserted.
//
// For each dataset — the real data/ and synthetic ones of 1,000 and 10,000
// models (tests/bench/synth.mjs) — it builds the release dist with the real
// pipeline (`trunk build --release`, post_build hook included, the dataset
// chosen through KAI_ATLAS_DATA_DIR), measures the bundle, serves the dist
// with the end-to-end harness (shipped _headers, strict CSP) and times it in
// headless Chromium:
//
//   ready      navigation start → [data-app][data-ready="true"] (fresh page each run)
//   filter     click on the "telecom" sector chip → DOM settled → that frame
//              rendered (on: all → telecom; off: telecom → all), timeline
//              view, 1280 px
//   table      switching to the table view, and back to the timeline
//   DOM nodes  elements under #app after load
//
//   cargo xtask bench [--runs N] [--sizes 1000,10000] [--skip-build]
//   node tests/bench/bench.mjs …   (the same, with CHROMIUM=/usr/bin/chromium)
//
// Everything it builds stays under target/bench/ (dist-<dataset>/,
// data-<N>/, logs), with its own cargo target directory so a benchmark build
// never races a concurrent `cargo xtask test` over the same wasm file.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { ROOT, DIST, serve, launch, newPage, koreanModelIds } from '../e2e/harness.mjs';
import { writeDataset } from './synth.mjs';

const OUT = join(ROOT, 'target', 'bench');
const RESULTS = join(ROOT, 'tests', 'bench', 'RESULTS.md');
/** A build of 10,000 models compiles a large generated source file: generous. */
const BUILD_TIMEOUT_MS = 20 * 60_000;
/** Any single browser step (a load, one interaction) longer than this is reported, not waited for. */
const STEP_TIMEOUT_MS = 60_000;
/** A metric stops early (after at least 3 runs) once its runs have taken this long. */
const METRIC_BUDGET_MS = 120_000;
const READY = '[data-app="kai-atlas"][data-ready="true"]';
const CHIP = '[data-facet="sector"][data-value="telecom"] input';

// ---------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const opts = { runs: 7, sizes: [1000, 10000], build: true, trace: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--runs' || a.startsWith('--runs=')) {
      opts.runs = Number(value());
      if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs must be a positive whole number');
    } else if (a === '--sizes' || a.startsWith('--sizes=')) {
      const v = value();
      opts.sizes = v.trim() === '' ? [] : v.split(',').map((s) => Number(s.trim()));
      if (opts.sizes.some((n) => !Number.isInteger(n) || n < 1)) usage('--sizes takes whole numbers: --sizes 1000,10000');
    } else if (a === '--skip-build') opts.build = false;
    else if (a === '--no-trace') opts.trace = false;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  return opts;
}

function usage(problem) {
  if (problem) console.error(`bench: ${problem}`);
  console.error(
    'usage: cargo xtask bench [--runs N] [--sizes 1000,10000] [--skip-build] [--no-trace]\n' +
      '  --runs N       runs per metric, the median is reported (default 7)\n' +
      '  --sizes a,b    synthetic dataset sizes besides the real data (default 1000,10000)\n' +
      '  --skip-build   reuse the dists under target/bench/ from a previous run\n' +
      '  --no-trace     skip the Chromium trace breakdown of load and filter',
  );
  process.exit(problem ? 2 : 0);
}

// ---------------------------------------------------------------------------
// Small helpers

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (v) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : v.toFixed(0)) : '—');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const int = (n) => (Number.isFinite(n) ? n.toLocaleString('en-US') : '—');
const sleep = (t) => new Promise((ok) => setTimeout(ok, t));
const log = (s) => console.log(s);

/** `promise`, or a rejection naming `what` after `ms`. */
function within(promise, ms, what) {
  let timer;
  const limit = new Promise((_, no) => {
    timer = setTimeout(() => no(new Error(`${what} took more than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------
// Build

/** Runs `trunk build --release` for one dataset; output goes to a log file. */
function build(name, dataDir, dist) {
  const logFile = join(OUT, `build-${name}.log`);
  const env = { ...process.env, CARGO_TARGET_DIR: join(OUT, 'cargo') };
  delete env.NO_COLOR; // Trunk reads it as its --no-color flag, which takes only true/false
  if (dataDir) env.KAI_ATLAS_DATA_DIR = dataDir;
  else delete env.KAI_ATLAS_DATA_DIR;
  const args = ['build', '--release', '--dist', dist];
  const started = Date.now();
  return new Promise((ok, no) => {
    const out = createWriteStream(logFile);
    const child = spawn('trunk', args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL'); // trunk, cargo and rustc: the whole group
      } catch {}
      no(new Error(`build of ${name} took more than ${BUILD_TIMEOUT_MS / 60_000} min (log: ${logFile})`));
    }, BUILD_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      no(new Error(`could not start trunk: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      out.end();
      if (code === 0) ok((Date.now() - started) / 1000);
      else {
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
        no(new Error(`trunk build for ${name} failed (exit ${code}); last lines of ${logFile}:\n${tail}`));
      }
    });
  });
}

/** Raw and gzip -9 bytes of what a first load fetches (not embed.js, not _headers). */
function bundle(dist) {
  const files = readdirSync(dist)
    .filter((f) => f === 'index.html' || (/\.(js|wasm|css)$/.test(f) && f !== 'embed.js'))
    .sort();
  const rows = files.map((f) => {
    const bytes = readFileSync(join(dist, f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (pick) => rows.reduce((a, r) => a + r[pick], 0);
  const wasm = rows.filter((r) => r.file.endsWith('.wasm'));
  return {
    files: rows,
    raw: sum('raw'),
    gzip: sum('gzip'),
    wasmRaw: wasm.reduce((a, r) => a + r.raw, 0),
    wasmGzip: wasm.reduce((a, r) => a + r.gzip, 0),
  };
}

// ---------------------------------------------------------------------------
// Browser

/**
 * Installed before any page script: timestamps the ready flag, the end of the
 * frame after it, and the end of the frame after the last DOM change under
 * #app (the chart may be drawn again once its real width is known).
 */
function readyProbe() {
  const b = (window.__bench = { ready: null, frame: null, last: 0, settled: null });
  const afterFrame = (then) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then(performance.now());
    requestAnimationFrame(() => channel.port2.postMessage(0));
  };
  const mo = new MutationObserver((records) => {
    const app = document.getElementById('app');
    if (b.ready === null && app?.dataset.ready === 'true') {
      b.ready = performance.now();
      afterFrame((t) => (b.frame = t));
    }
    if (!records.some((r) => !(r.target === app && r.type === 'attributes'))) return;
    const stamp = (b.last = performance.now());
    afterFrame((t) => {
      if (b.last === stamp) b.settled = t;
    });
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Waits (in Node) until the page has had no DOM change for `quietMs`; returns the probe's numbers. */
async function settle(page, quietMs = 1000) {
  const started = Date.now();
  for (;;) {
    const b = await page.evaluate(() => ({ ...window.__bench, now: performance.now() }));
    if (b.settled !== null && b.settled >= b.last && b.now - b.last > quietMs) return b;
    if (Date.now() - started > STEP_TIMEOUT_MS) return { ...b, settled: NaN };
    await sleep(100);
  }
}

/**
 * In the page: clicks `selector` from an ordinary task just after a frame (as
 * a real click would arrive) and times, from just before the click,
 *   update  the end of the first batch of DOM changes under #app (Yew's
 *           update, view and patch, plus any layout the app forces meanwhile),
 *   layout  style + layout forced at the start of each following frame until
 *           the DOM is settled (0 when the app had already forced it),
 *   frame   the end of the first frame after which the DOM no longer changes
 *           (rAF, then a posted message): the new view is on screen.
 * The ready flag's own attributes on #app are bookkeeping and not counted.
 */
async function clickAndTime([selector, timeoutMs]) {
  const app = document.getElementById('app');
  let layout = 0;
  const afterFrame = (measure) =>
    new Promise((ok) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => ok(performance.now());
      requestAnimationFrame(() => {
        if (measure) {
          const l0 = performance.now();
          document.body.getBoundingClientRect(); // style + layout of the whole document
          layout += performance.now() - l0;
        }
        channel.port2.postMessage(0); // delivered after this frame's rendering
      });
    });
  const target = document.querySelector(selector);
  if (!target) throw new Error(`no element matches ${selector}`);
  await afterFrame(false);
  await new Promise((ok) => setTimeout(ok, 0)); // a fresh task, early in a frame interval
  let count = 0;
  let update = null;
  let changed;
  const first = new Promise((ok) => (changed = ok));
  const mo = new MutationObserver((records) => {
    const visible = records.filter((r) => !(r.target === app && r.type === 'attributes'));
    if (!visible.length) return;
    count += visible.length;
    update ??= performance.now();
    changed();
  });
  mo.observe(app, { subtree: true, childList: true, attributes: true, characterData: true });
  let timer;
  const limit = new Promise((_, no) => {
    timer = setTimeout(() => no(new Error(`no settled DOM within ${timeoutMs} ms`)), timeoutMs);
  });
  performance.mark('bench-click');
  const t0 = performance.now();
  target.click();
  try {
    await Promise.race([first, limit]);
    // Yew may go on in later tasks (its scheduler yields every 16 ms), and a
    // resize observer may redraw: wait for a frame after which nothing changed.
    let seen;
    let done;
    let frames = 0;
    do {
      seen = count;
      done = await Promise.race([afterFrame(true), limit]);
      frames++;
    } while (count !== seen);
    performance.mark('bench-done');
    return { update: update - t0, layout, frame: done - t0, frames, mutations: count };
  } finally {
    clearTimeout(timer);
    mo.disconnect();
  }
}

const domNodes = () => document.querySelectorAll('#app *').length;

async function loadOnce(browser, origin) {
  const page = await newPage(browser);
  try {
    await page.addInitScript(readyProbe);
    await page.goto(`${origin}/`, { timeout: STEP_TIMEOUT_MS, waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.frame != null, null, { timeout: STEP_TIMEOUT_MS, polling: 50 });
    const { settled } = await settle(page);
    const r = await page.evaluate(() => {
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        ready: window.__bench.ready,
        frame: window.__bench.frame,
        wasmFetched: wasm ? wasm.responseEnd : NaN,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN,
        heap: performance.memory ? performance.memory.usedJSHeapSize : NaN,
        nodes: document.querySelectorAll('#app *').length,
        count: Number(document.getElementById('app').dataset.count),
      };
    });
    r.settled = settled;
    r.errors = [...page.errors];
    return r;
  } finally {
    await page.context().close();
  }
}

/** Runs `once` up to `runs` times (fewer when the budget runs out, never fewer than 3 unless it fails). */
async function repeat(runs, once, what) {
  const results = [];
  const started = Date.now();
  for (let i = 0; i < runs; i++) {
    try {
      results.push(await within(once(i), STEP_TIMEOUT_MS + 5_000, what));
    } catch (e) {
      return { results, error: e.message.split('\n')[0] };
    }
    if (i >= 2 && Date.now() - started > METRIC_BUDGET_MS && i + 1 < runs) {
      return { results, note: `${i + 1} runs (time budget)` };
    }
  }
  return { results };
}

/** What a trace event's self time counts as (first match wins). */
const KINDS = [
  ['gc', /GC|Scavenge|MarkCompact|Sweep/i],
  ['wasm compile', /wasm/i],
  ['style', /UpdateLayoutTree|updateStyle|recalcStyle|StyleRecalc|StyleInvalidat/i],
  ['layout', /Layout|InlineNode|ShapeText|Shaping/],
  ['paint', /Paint|Layerize|Commit|Composit|Raster|UpdateLayer|PrePaint/i],
  ['script', /FunctionCall|EvaluateScript|^v8|^V8|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|Callback|Serialized/],
  ['loading', /Resource|Loader|ParseHTML|Navigation|Parse|Decode/i],
];

/**
 * Main-thread self time of a Chromium trace, by kind and by event name (ms),
 * between the page's `bench-click` (or the start) and `bench-done` marks.
 */
function traceBreakdown(buffer, top = 6) {
  const all = JSON.parse(buffer.toString('utf8')).traceEvents ?? [];
  const mark = (name) => all.find((e) => e.name === name && e.cat?.includes('user_timing'))?.ts;
  const from = mark('bench-click') ?? -Infinity;
  const to = mark('bench-done') ?? Infinity;
  const events = all.filter((e) => e.ph === 'M' || (e.ts >= from && e.ts <= to));
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    const k = `${e.pid}:${e.tid}`;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  const self = new Map();
  const add = (name, us) => self.set(name, (self.get(name) ?? 0) + us);
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    for (const e of list) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      if (stack.length) add(stack.at(-1).name, -e.dur);
      add(e.name, e.dur);
      stack.push(e);
    }
  }
  const kinds = {};
  for (const [name, us] of self) {
    if (/^(ThreadControllerImpl::RunTask|RunTask|ThreadPool_RunTask)$/.test(name)) continue; // scheduler overhead
    const kind = KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other';
    kinds[kind] = (kinds[kind] ?? 0) + us / 1000;
  }
  const names = [...self.entries()]
    .map(([name, us]) => ({ name, ms: us / 1000 }))
    .filter((r) => r.ms >= 0.5 && !/RunTask$/.test(r.name))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
  return { kinds, names };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'blink', 'blink.user_timing', 'disabled-by-default-devtools.timeline'];

/** One traced load (until the DOM settled) and one traced "filter off" (telecom → all, the big redraw). */
async function traced(browser, origin) {
  const out = {};
  const page = await newPage(browser);
  try {
    await page.addInitScript(readyProbe);
    await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
    await page.goto(`${origin}/`, { timeout: STEP_TIMEOUT_MS, waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.frame != null, null, { timeout: STEP_TIMEOUT_MS, polling: 50 });
    await settle(page);
    await page.evaluate(() => performance.mark('bench-done'));
    out.load = traceBreakdown(await browser.stopTracing());
    await page.evaluate(clickAndTime, [CHIP, STEP_TIMEOUT_MS]); // telecom on
    await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
    await page.evaluate(clickAndTime, [CHIP, STEP_TIMEOUT_MS]); // telecom off: every model again
    out.filterOff = traceBreakdown(await browser.stopTracing());
  } catch (e) {
    out.error = e.message.split('\n')[0];
    await browser.stopTracing().catch(() => {});
  } finally {
    await page.context().close();
  }
  return out;
}

async function measure(browser, dist, opts) {
  const server = await serve(dist);
  const m = {};
  try {
    // a. Load, fresh page (and cache) per run, after one discarded warm-up
    // load (the first page of a browser is slower: process start, disk).
    log('    load …');
    await within(loadOnce(browser, server.origin), STEP_TIMEOUT_MS + 5_000, 'the warm-up load').catch(() => {});
    m.load = await repeat(opts.runs, () => loadOnce(browser, server.origin), 'a load');

    // b. Interactions on one page, desktop width, timeline view.
    log('    filter and view switches …');
    const page = await newPage(browser, { width: 1280 });
    try {
      await page.addInitScript(readyProbe);
      await page.goto(`${server.origin}/`, { timeout: STEP_TIMEOUT_MS });
      await page.waitForSelector(READY, { timeout: STEP_TIMEOUT_MS });
      await settle(page);
      const timelineTab = '[data-view="timeline"]';
      if ((await page.getAttribute(timelineTab, 'aria-selected')) !== 'true') {
        await page.evaluate(clickAndTime, [timelineTab, STEP_TIMEOUT_MS]);
      }
      m.nodes = await page.evaluate(domNodes);
      m.errors = [...page.errors];
      const click = (sel) => within(page.evaluate(clickAndTime, [sel, STEP_TIMEOUT_MS]), STEP_TIMEOUT_MS + 5_000, sel);
      // Pairs: all → telecom ("on"), telecom → all ("off").
      m.filter = await repeat(opts.runs, async () => {
        const on = await click(CHIP);
        await sleep(50);
        const off = await click(CHIP);
        await sleep(50);
        return { on, off };
      }, 'a filter click');
      // Table and back to the timeline (a chart drawn from scratch).
      m.table = await repeat(opts.runs, async () => {
        const toTable = await click('[data-view="table"]');
        const nodes = await page.evaluate(domNodes);
        await sleep(50);
        const back = await click(timelineTab);
        await sleep(50);
        return { toTable, back, nodes };
      }, 'a view switch');
      m.errors.push(...page.errors.filter((e) => !m.errors.includes(e)));
    } catch (e) {
      m.interactionError = e.message.split('\n')[0];
    } finally {
      await page.context().close();
    }

    if (opts.trace) {
      log('    trace …');
      m.trace = await traced(browser, server.origin);
    }
  } finally {
    await server.close();
  }
  return m;
}

/** Headless Chromium through the harness; without a dist/ (which the harness insists on) directly. */
async function browserFor() {
  if (existsSync(join(DIST, 'index.html'))) return launch();
  const require = createRequire(join(ROOT, 'tests', 'e2e', 'package.json'));
  const { chromium } = require('playwright-core');
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: run \`cargo xtask bench\``);
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

// ---------------------------------------------------------------------------
// Report

function machine(browserVersion) {
  let cpu = 'unknown';
  try {
    cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpu;
  } catch {}
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {}
  let rev = 'unknown';
  try {
    rev = execFileSync('git', ['-C', ROOT, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
  } catch {}
  let trunk = 'unknown';
  try {
    trunk = execFileSync('trunk', ['--version'], { encoding: 'utf8' }).trim();
  } catch {}
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  return { nproc, cpu, chromium: browserVersion, node: process.version, trunk, rev, load, date: new Date().toISOString() };
}

function report(rows, env, opts) {
  const lines = [];
  const push = (s = '') => lines.push(s);
  push('# K-AI Atlas benchmark results');
  push();
  push('Written by `cargo xtask bench` (tests/bench/bench.mjs); timings are informative, never test assertions.');
  push();
  push(
    `Machine: ${env.nproc} cores, ${env.cpu}; Chromium ${env.chromium} (headless); Node ${env.node}; ${env.trunk}. ` +
      `Load average (1, 5, 15 min) when measuring began: ${env.load}, when it ended: ${env.loadAfter} ` +
      `(a busy shared machine inflates every timing; the fastest runs are the least disturbed). ` +
      `Source: ${env.rev}. Date: ${env.date}. ` +
      `Medians of ${opts.runs} runs unless noted.`,
  );
  push();
  push(
    '| dataset | models | wasm gzip | total gzip | ready ms (median) | chart final ms (median) | filter→redraw ms (median, on / off) | DOM nodes |',
  );
  push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const load = r.m?.load?.results ?? [];
    const filter = r.m?.filter?.results ?? [];
    const ready = r.m?.load?.error && !load.length ? `timeout/error` : ms(median(load.map((x) => x.ready)));
    const fOn = median(filter.map((x) => x.on.frame));
    const fOff = median(filter.map((x) => x.off.frame));
    const filterCell = r.m?.filter?.error && !filter.length ? 'timeout/error' : `${ms(fOn)} / ${ms(fOff)}`;
    push(
      `| ${r.name} | ${int(r.models)} | ${r.size ? kb(r.size.wasmGzip) : '—'} | ${r.size ? kb(r.size.gzip) : '—'} | ` +
        `${ready} | ${ms(median(load.map((x) => x.settled)))} | ${filterCell} | ${int(r.m?.nodes)} |`,
    );
  }
  push();
  push('*ready*: navigation start → `data-ready="true"` (the first view committed). *chart final*: navigation start →');
  push('the end of the first frame after the last DOM change of the load (the chart is drawn again once its real width');
  push('is measured). *filter→redraw*: click on the telecom sector chip → the first frame after the DOM settled, drawn.');
  push();
  push('Details (medians, ms; fastest run in brackets where the machine\'s noise matters; one warm-up load discarded).');
  push('*wasm fetched*: the .wasm response end; *ready*: navigation start → `data-ready="true"`; *+frame*: the end');
  push('of the first frame after that. Interactions, from the click: *update* = Yew\'s update, view and DOM patch done');
  push('(with any layout the app forces), *layout* = style + layout still pending in the next frame(s), *frame* = the');
  push('first frame after which the DOM no longer changes has been rendered. "filter on" = all → telecom only,');
  push('"filter off" = telecom only → all; "→ table" and "→ timeline" switch views (the timeline is drawn from scratch).');
  push();
  push('| dataset | build s | raw total | wasm fetched | ready | +frame | chart final | JS heap | filter on update / layout / frame | filter off update / layout / frame | → table update / layout / frame | table DOM nodes | → timeline update / layout / frame |');
  push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const fastest = (xs) => (xs.length ? ` (${ms(Math.min(...xs))})` : '');
  const trio = (xs) =>
    xs.length
      ? `${ms(median(xs.map((x) => x.update)))} / ${ms(median(xs.map((x) => x.layout)))} / ` +
        `${ms(median(xs.map((x) => x.frame)))}${fastest(xs.map((x) => x.frame))}`
      : '—';
  for (const r of rows) {
    const load = r.m?.load?.results ?? [];
    const filter = r.m?.filter?.results ?? [];
    const table = r.m?.table?.results ?? [];
    const heap = median(load.map((x) => x.heap));
    push(
      `| ${r.name} | ${r.buildSeconds ? r.buildSeconds.toFixed(0) : '—'} | ${r.size ? kb(r.size.raw) : '—'} | ` +
        `${ms(median(load.map((x) => x.wasmFetched)))} | ${ms(median(load.map((x) => x.ready)))}${fastest(load.map((x) => x.ready))} | ${ms(median(load.map((x) => x.frame)))} | ` +
        `${ms(median(load.map((x) => x.settled)))}${fastest(load.map((x) => x.settled).filter(Number.isFinite))} | ` +
        `${Number.isFinite(heap) ? `${(heap / 1048576).toFixed(1)} MB` : '—'} | ` +
        `${trio(filter.map((x) => x.on))} | ${trio(filter.map((x) => x.off))} | ${trio(table.map((x) => x.toTable))} | ` +
        `${int(median(table.map((x) => x.nodes)))} | ${trio(table.map((x) => x.back))} |`,
    );
  }
  const notes = [];
  for (const r of rows) {
    for (const [what, v] of Object.entries({ load: r.m?.load, filter: r.m?.filter, table: r.m?.table })) {
      if (v?.error) notes.push(`${r.name}, ${what}: stopped after ${v.results.length} runs: ${v.error}`);
      else if (v?.note) notes.push(`${r.name}, ${what}: ${v.note}`);
    }
    if (r.error) notes.push(`${r.name}: ${r.error.split('\n')[0]}`);
    if (Number.isFinite(r.shown) && r.shown !== r.models) notes.push(`${r.name}: the page shows ${int(r.shown)} of ${int(r.models)} models by default`);
    if (r.m?.trace?.error) notes.push(`${r.name}, trace: ${r.m.trace.error}`);
    if (r.m?.interactionError) notes.push(`${r.name}, interactions: ${r.m.interactionError}`);
    const errors = [...new Set([...(r.m?.errors ?? []), ...(r.m?.load?.results ?? []).flatMap((x) => x.errors)])];
    if (errors.length) notes.push(`${r.name}: page errors: ${errors.slice(0, 3).join('; ')}`);
  }
  if (notes.length) {
    push();
    push('Notes:');
    push();
    for (const n of notes) push(`- ${n}`);
  }
  const traces = rows.filter((r) => r.m?.trace && !r.m.trace.error);
  if (traces.length) {
    const order = ['script', 'wasm compile', 'style', 'layout', 'paint', 'gc', 'loading', 'other'];
    push();
    push('Where the main thread spends its time: self time by kind, from one Chromium trace each (ms; *script*');
    push('includes the wasm code, *loading* is fetching and parsing). Biggest trace events in brackets.');
    push();
    push(`| dataset | run | ${order.join(' | ')} | biggest events |`);
    push(`| --- | --- | ${order.map(() => '---:').join(' | ')} | --- |`);
    for (const r of traces) {
      for (const [what, t] of [['load', r.m.trace.load], ['filter off', r.m.trace.filterOff]]) {
        if (!t) continue;
        push(
          `| ${r.name} | ${what} | ${order.map((k) => ms(t.kinds[k] ?? 0)).join(' | ')} | ` +
            `${t.names.map((e) => `${e.name} ${ms(e.ms)}`).join(', ')} |`,
        );
      }
    }
  }
  push();
  push('Bundle (gzip -9) per file:');
  push();
  push('| dataset | file | raw | gzip -9 |');
  push('| --- | --- | ---: | ---: |');
  for (const r of rows) {
    for (const f of r.size?.files ?? []) push(`| ${r.name} | ${f.file.replace(/-[0-9a-f]{12,16}(?=[._])/, '-<hash>')} | ${int(f.raw)} | ${int(f.gzip)} |`);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  const datasets = [{ name: 'real', n: null }, ...opts.sizes.map((n) => ({ name: `synthetic-${n}`, n }))];

  // 1–2. Datasets and release builds, one after the other (builds use every core).
  const rows = [];
  for (const d of datasets) {
    const dist = join(OUT, `dist-${d.name}`);
    const row = { name: d.name, dist, models: d.n ?? koreanModelIds().length };
    rows.push(row);
    let dataDir = null;
    if (d.n) {
      dataDir = join(OUT, `data-${d.n}`);
      writeDataset(dataDir, d.n);
    }
    if (opts.build) {
      log(`==> building ${d.name} (trunk build --release${dataDir ? `, KAI_ATLAS_DATA_DIR=${dataDir}` : ''})`);
      try {
        row.buildSeconds = await build(d.name, dataDir, dist);
        log(`    built in ${row.buildSeconds.toFixed(0)} s`);
      } catch (e) {
        row.error = e.message;
        console.error(`    ${e.message}`);
        continue;
      }
    } else if (!existsSync(join(dist, 'index.html'))) {
      row.error = `no previous build in ${dist} (run without --skip-build)`;
      console.error(`    ${row.error}`);
      continue;
    }
    row.size = bundle(dist);
    log(`    bundle: ${kb(row.size.gzip)} gzip -9 (wasm ${kb(row.size.wasmGzip)}), ${kb(row.size.raw)} raw`);
  }

  // 3. Browser measurements.
  const browser = await browserFor();
  const env = machine(browser.version());
  try {
    for (const row of rows) {
      if (row.error) continue;
      log(`==> measuring ${row.name}`);
      row.m = await measure(browser, row.dist, opts);
      row.shown = row.m.load.results[0]?.count ?? NaN;
    }
  } finally {
    await browser.close();
  }
  env.loadAfter = loadavg().map((x) => x.toFixed(2)).join(' ');

  const text = report(rows, env, opts);
  writeFileSync(RESULTS, text);
  writeFileSync(join(OUT, 'results.json'), JSON.stringify({ env, opts, rows }, null, 2));
  log('');
  log(text);
  log(`written to ${RESULTS} (raw numbers in ${join(OUT, 'results.json')})`);
  if (rows.some((r) => r.error)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`bench: ${e.stack ?? e}`);
  process.exit(1);
});

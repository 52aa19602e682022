// A synthetic dataset of N models in the real data format (data/README.md),
// for the benchmark only: organisations, families and events are copied from
// data/, models.csv and sources.csv are generated, disputes.csv is empty.
// Deterministic: the same N and seed always give the same bytes.
//
//   node tests/bench/synth.mjs <N> <out-dir> [seed]

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, readData } from '../e2e/harness.mjs';

const MODEL_COLS = [
  'id', 'name_en', 'name_ko', 'family', 'org', 'date', 'status', 'params_b', 'params_basis',
  'active_b', 'active_basis', 'sizes_b', 'arch', 'modalities', 'languages', 'weights', 'license', 'license_ko',
  'context', 'origin', 'base_model', 'in_article', 'reference', 'note_en', 'note_ko',
];
const SOURCE_COLS = ['model_id', 'url', 'title', 'title_ko', 'date'];
const DISPUTE_COLS = [
  'model_id', 'field', 'value_b', 'claim', 'note_en', 'note_ko', 'source_url', 'source_title', 'source_title_ko', 'source_date',
];
const COPIED = ['organisations.csv', 'families.csv', 'events.csv'];

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  next.pick = (xs) => xs[Math.floor(next() * xs.length)];
  next.chance = (p) => next() < p;
  return next;
}

/** One CSV cell (RFC 4180 quoting when needed). */
const cell = (v) => {
  const s = String(v ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (cols, rows) =>
  [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';

/** A parameter count in billions, written as a model card would (log-uniform 0.1B–1T). */
function params(rand) {
  const v = 10 ** (rand() * 4 - 1);
  const digits = v < 1 ? 2 : v < 10 ? 1 : 0;
  return Number(v.toFixed(digits)) || 0.1;
}

/** Shipped sizes ending exactly at `total`, ascending, no repeats. */
function sizes(rand, total) {
  const out = [total];
  for (const f of [0.5, 0.2, 0.05]) {
    if (!rand.chance(0.45)) continue;
    const s = Number((total * f).toFixed(total * f < 1 ? 2 : 1));
    if (s > 0 && s < out[0]) out.unshift(s);
  }
  return out;
}

const pad = (n) => String(n).padStart(2, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date in 2020–2025 at day, month or year precision: always in the past, as the
 * build requires (it refuses dates after today), and the same whatever the day. */
function date(rand) {
  const y = rand.int(2020, 2025);
  const m = rand.int(1, 12);
  const precision = rand();
  if (precision < 0.08) return `${y}`;
  if (precision < 0.3) return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(rand.int(1, DAYS[m - 1]))}`;
}

const SERIES_EN = ['Nova', 'Hana', 'Baram', 'Byeol', 'Gaon', 'Dasom', 'Haneul', 'Nuri', 'Saebit', 'Mir'];
const SERIES_KO = ['노바', '하나', '바람', '별', '가온', '다솜', '하늘', '누리', '새빛', '미르'];
const SUFFIX = ['Instruct', 'Base', 'Chat', 'Think', 'Vision', 'Mini', 'Pro', 'Lite'];
const SUFFIX_KO = ['인스트럭트', '베이스', '챗', '씽크', '비전', '미니', '프로', '라이트'];
const MODALITIES = ['text', 'text', 'text', 'text;code', 'text;vision', 'text;vision;video', 'image-gen', 'text;speech'];
const LANGUAGES = ['ko;en', 'ko;en', 'ko', 'en;ko;ja', 'ko;en;zh;ja;es', ''];
const WEIGHTS = ['open-commercial', 'open-research', 'open-unverified', 'closed', 'closed'];
const LICENSES = { 'open-commercial': 'Apache-2.0', 'open-research': 'CC-BY-NC-4.0', 'open-unverified': '', closed: '' };
const CONTEXTS = ['', '', '2048', '4096', '8192', '32768', '131072', '262144'];
const BASES = ['official', 'official', 'official', 'reported', 'estimated'];

/** `n` model rows and their sources. */
export function models(n, seed = 1) {
  const rand = prng(seed);
  const orgs = readData('organisations.csv').filter((o) => o.country === 'KR');
  const parent = Object.fromEntries(readData('organisations.csv').map((o) => [o.id, o.parent]));
  const families = readData('families.csv');
  const related = (a, b) => a === b || parent[a] === b || parent[b] === a;
  const rows = [];
  const sources = [];
  for (let i = 0; i < n; i++) {
    const org = rand.pick(orgs);
    const fams = families.filter((f) => related(f.org, org.id));
    const family = fams.length && rand.chance(0.7) ? rand.pick(fams) : null;
    const k = rand.int(0, SERIES_EN.length - 1);
    const s = rand.int(0, SUFFIX.length - 1);
    const version = `${rand.int(1, 5)}.${rand.int(0, 9)}`;
    const announced = rand.chance(0.08);
    const undisclosed = rand.chance(0.15);
    const moe = !undisclosed && rand.chance(0.15);
    const total = undisclosed ? null : params(rand);
    const shipped = total && !announced && rand.chance(0.8) ? sizes(rand, total) : [];
    const active = moe ? Math.max(0.01, Number((total * (0.05 + rand() * 0.3)).toFixed(2))) : null;
    const activeUndisclosed = moe && rand.chance(0.2);
    const weights = announced ? 'closed' : rand.pick(WEIGHTS);
    const origin = rand.pick(['scratch', 'derived', 'unknown', 'unknown']);
    const when = date(rand);
    const id = `synth-${org.id}-${i + 1}`;
    const size = total ? ` ${total}B` : '';
    const fam = family ? family.name_en : SERIES_EN[k];
    const famKo = family ? family.name_ko : SERIES_KO[k];
    rows.push({
      id,
      name_en: `${fam} ${version} ${SUFFIX[s]}${size}${moe && !activeUndisclosed ? `-A${active}B` : ''}`,
      name_ko: `${famKo} ${version} ${SUFFIX_KO[s]}${size}`,
      family: family?.id ?? '',
      org: org.id,
      date: when,
      status: announced ? 'announced' : 'released',
      params_b: total ?? '',
      params_basis: undisclosed ? 'undisclosed' : rand.pick(BASES),
      active_b: moe && !activeUndisclosed ? active : '',
      active_basis: moe ? (activeUndisclosed ? 'undisclosed' : 'official') : '',
      sizes_b: shipped.join(';'),
      arch: moe ? 'moe' : rand.pick(['dense', 'dense', 'unknown']),
      modalities: rand.pick(MODALITIES),
      languages: rand.pick(LANGUAGES),
      weights,
      license: LICENSES[weights],
      license_ko: LICENSES[weights],
      context: rand.pick(CONTEXTS),
      origin,
      base_model: origin === 'derived' ? rand.pick(['Qwen2.5', 'Llama 3.1', 'Mistral 7B', `${fam} base`]) : '',
      in_article: rand.chance(0.05) ? 'yes' : 'no',
      reference: 'no',
      note_en:
        `Synthetic benchmark model #${i + 1} from ${org.name_en}, generated (not a real release). ` +
        (undisclosed ? 'Size undisclosed, ' : `About ${total}B parameters, `) +
        `${announced ? 'announced only' : 'released'}; trained on Korean and English text.`,
      note_ko:
        `벤치마크용 합성 모델 #${i + 1} (${org.name_ko}), 실제 모델이 아님. ` +
        (undisclosed ? '매개변수 미공개, ' : `매개변수 약 ${total}B, `) +
        `${announced ? '발표만 됨' : '공개됨'}; 한국어·영어 텍스트로 학습.`,
    });
    sources.push({
      model_id: id,
      url: `https://example.org/kai-atlas-bench/${id}`,
      title: `${fam} ${version} model card (example.org, synthetic)`,
      title_ko: `${fam} ${version} 모델 카드 (example.org, 합성)`,
      date: rand.chance(0.7) ? when : '',
    });
  }
  return { rows, sources };
}

/** Writes the dataset of `n` models into `dir` (created if missing). */
export function writeDataset(dir, n, seed = 1) {
  mkdirSync(dir, { recursive: true });
  for (const f of COPIED) copyFileSync(join(ROOT, 'data', f), join(dir, f));
  const { rows, sources } = models(n, seed);
  writeFileSync(join(dir, 'models.csv'), csv(MODEL_COLS, rows));
  writeFileSync(join(dir, 'sources.csv'), csv(SOURCE_COLS, sources));
  writeFileSync(join(dir, 'disputes.csv'), csv(DISPUTE_COLS, []));
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [n, dir, seed] = process.argv.slice(2);
  if (!Number(n) || !dir) {
    console.error('usage: node tests/bench/synth.mjs <N> <out-dir> [seed]');
    process.exit(2);
  }
  writeDataset(resolve(dir), Number(n), Number(seed ?? 1));
  console.log(`wrote ${n} synthetic models to ${dir}`);
}

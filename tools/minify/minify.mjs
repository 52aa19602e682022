// Minifies the wasm-bindgen JS glue in a Trunk staging directory, in place, drops the wasm's
// custom sections and gives the wasm's imports short names (in the wasm and in the glue).
// Run by `cargo xtask postbuild` (Trunk's post_build hook): node minify.mjs <dir>
// Trunk minifies CSS and HTML itself (`minify = "on_release"`) but not these files.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node minify.mjs <trunk staging dir>');
  process.exit(2);
}
const files = readdirSync(dir);
const glue = files.filter((f) => /^kai-atlas-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) {
  console.error(`expected one wasm-bindgen glue file in ${dir}, found ${glue.length}`);
  process.exit(1);
}
const path = join(dir, glue[0]);
const source = readFileSync(path, 'utf8');
// An ES module: top-level names stay (they are exports), the rest is compressed and mangled.
const out = await minify(source, { module: true, compress: true, mangle: true, format: { comments: false } });
console.log(`minified ${glue[0]}: ${source.length} -> ${out.code.length + 1} bytes`);

// A wasm module is an 8-byte header and then sections: an id byte, a LEB128 size, the bytes.
function readLeb(bytes, i, what) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    if (i >= bytes.length || shift > 28) throw new Error(`bad LEB128 number in ${what}`);
    const b = bytes[i++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, i];
  }
}
function leb(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return Buffer.from(out);
}
const named = (text) => {
  const bytes = Buffer.from(text);
  return [leb(bytes.length), bytes];
};

function sections(bytes) {
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (bytes.length < 8 || header.some((b, i) => bytes[i] !== b)) {
    throw new Error('not a wasm module (version 1)');
  }
  const found = [];
  let i = 8;
  while (i < bytes.length) {
    const start = i;
    const id = bytes[i++];
    let size;
    [size, i] = readLeb(bytes, i, `the size of the section at byte ${start}`);
    if (i + size > bytes.length) throw new Error(`section at byte ${start} runs past the end`);
    found.push({ id, whole: bytes.subarray(start, i + size), body: bytes.subarray(i, i + size) });
    i += size;
  }
  return found;
}

// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>`, in the wasm and again in the
// glue's import object: ≈ 5.8 KB gzip of mostly random digits. They become short base-36
// names, and the module "./kai-atlas_bg.js" becomes "a", in both files. Imports of any other
// module are left alone. Returns the new import section and the old → new names.
const GLUE_MODULE = './kai-atlas_bg.js';
function renamedImports(body) {
  let i = 0;
  let count;
  [count, i] = readLeb(body, i, 'the import count');
  const parts = [leb(count)];
  const names = new Map();
  for (let n = 0; n < count; n++) {
    let length;
    [length, i] = readLeb(body, i, 'an import module name');
    const module = body.subarray(i, i + length).toString();
    i += length;
    [length, i] = readLeb(body, i, 'an import name');
    const field = body.subarray(i, i + length).toString();
    i += length;
    const descStart = i;
    const kind = body[i++];
    if (kind === 0) {
      [, i] = readLeb(body, i, 'a function import'); // type index
    } else if (kind === 1 || kind === 2) {
      if (kind === 1) i++; // table element type
      const flags = body[i++];
      [, i] = readLeb(body, i, 'a limit');
      if (flags & 1) [, i] = readLeb(body, i, 'a limit');
    } else if (kind === 3) {
      i += 2; // value type, mutability
    } else {
      throw new Error(`unknown import kind ${kind} for ${module} ${field}`);
    }
    const desc = body.subarray(descStart, i);
    if (module === GLUE_MODULE) {
      const short = names.size.toString(36);
      names.set(field, short);
      parts.push(...named('a'), ...named(short), desc);
    } else {
      parts.push(...named(module), ...named(field), desc);
    }
  }
  if (i !== body.length) throw new Error('the import section has bytes after its last import');
  return [Buffer.concat(parts), names];
}

// Each name must be a key of the glue's import object exactly once, or nothing is changed.
function renamedGlue(js, names) {
  const once = (text, pattern, replacement, what) => {
    const hits = text.match(new RegExp(pattern, 'g')) ?? [];
    if (hits.length !== 1) throw new Error(`${what} occurs ${hits.length} times in the glue, not once`);
    return text.replace(new RegExp(pattern), replacement);
  };
  let out = once(js, `"${GLUE_MODULE.replace(/[./]/g, '\\$&')}":`, 'a:', `"${GLUE_MODULE}"`);
  for (const [long, short] of names) {
    // Base-36 names that start with a digit are numeric keys: valid without quotes.
    out = once(out, `\\b${long}:`, `${/^[0-9]+$/.test(short) || /^[a-z]/.test(short) ? short : `"${short}"`}:`, long);
  }
  return out;
}

const wasm = files.filter((f) => /^kai-atlas-[0-9a-f]+_bg\.wasm$/.test(f));
if (wasm.length !== 1) {
  console.error(`expected one wasm file in ${dir}, found ${wasm.length}`);
  process.exit(1);
}
const wasmPath = join(dir, wasm[0]);
const module = readFileSync(wasmPath);
const kept = [module.subarray(0, 8)];
let names = new Map();
for (const section of sections(module)) {
  // Custom sections (id 0) never change what the module does: wasm-bindgen's `name` section
  // for its shims, `producers`, `target_features` (≈ 0.9 KB gzip that no browser reads).
  if (section.id === 0) continue;
  if (section.id === 2) {
    let body;
    [body, names] = renamedImports(section.body);
    kept.push(Buffer.from([2]), leb(body.length), body);
  } else {
    kept.push(section.whole);
  }
}
const rewritten = Buffer.concat(kept);
writeFileSync(path, renamedGlue(out.code + '\n', names));
writeFileSync(wasmPath, rewritten);
console.log(
  `${wasm[0]}: custom sections dropped, ${names.size} imports renamed: ${module.length} -> ${rewritten.length} bytes`,
);

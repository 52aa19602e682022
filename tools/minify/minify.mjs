// Minifies the wasm-bindgen JS glue in a Trunk staging directory, in place, and drops the
// wasm's custom sections (wasm-bindgen's `name` section for its shims, `producers`,
// `target_features`: ≈ 0.9 KB gzip that no browser reads).
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
writeFileSync(path, out.code + '\n');
console.log(`minified ${glue[0]}: ${source.length} -> ${out.code.length + 1} bytes`);

// A wasm module is an 8-byte header and then sections: an id byte, a LEB128 size, the bytes.
// Custom sections have id 0 and never change what the module does.
function withoutCustomSections(bytes) {
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (bytes.length < 8 || header.some((b, i) => bytes[i] !== b)) {
    throw new Error('not a wasm module (version 1)');
  }
  const kept = [bytes.subarray(0, 8)];
  let i = 8;
  while (i < bytes.length) {
    const start = i;
    const id = bytes[i++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      if (i >= bytes.length || shift > 28) throw new Error(`bad section size at byte ${start}`);
      const b = bytes[i++];
      size += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    if (i + size > bytes.length) throw new Error(`section at byte ${start} runs past the end`);
    if (id !== 0) kept.push(bytes.subarray(start, i + size));
    i += size;
  }
  return Buffer.concat(kept);
}

const wasm = files.filter((f) => /^kai-atlas-[0-9a-f]+_bg\.wasm$/.test(f));
if (wasm.length !== 1) {
  console.error(`expected one wasm file in ${dir}, found ${wasm.length}`);
  process.exit(1);
}
const wasmPath = join(dir, wasm[0]);
const module = readFileSync(wasmPath);
const stripped = withoutCustomSections(module);
writeFileSync(wasmPath, stripped);
console.log(`dropped custom sections from ${wasm[0]}: ${module.length} -> ${stripped.length} bytes`);

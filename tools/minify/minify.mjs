// Minifies the wasm-bindgen JS glue in a Trunk staging directory, in place.
// Run by `cargo xtask postbuild` (Trunk's post_build hook): node minify.mjs <dir>
// Trunk minifies CSS and HTML itself (`minify = "on_release"`) but not this file.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node minify.mjs <trunk staging dir>');
  process.exit(2);
}
const glue = readdirSync(dir).filter((f) => /^kai-atlas-[0-9a-f]+\.js$/.test(f));
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

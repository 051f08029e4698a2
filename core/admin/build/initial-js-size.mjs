// Gzipped size of the admin shell's initial JavaScript: the HTML entry's chunk and every chunk it
// imports statically, read from the build manifest. Usage: node admin/build/initial-js-size.mjs [limitKB]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/admin/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));
const limit = Number(process.argv[2] ?? 150) * 1024;
const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) visit(next);
};
visit('index.html');
let total = 0;
const rows = [];
for (const key of seen) {
  const file = manifest[key].file;
  const size = gzipSync(readFileSync(dist + file), { level: 9 }).length;
  total += size;
  rows.push([file, size]);
}
const css = (manifest['index.html'].css ?? []).reduce((sum, file) => sum + gzipSync(readFileSync(dist + file), { level: 9 }).length, 0);
for (const [file, size] of rows.sort((a, b) => b[1] - a[1])) console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
console.log(`initial JS: ${(total / 1024).toFixed(1)} KB gzipped in ${rows.length} files (limit ${limit / 1024} KB); CSS ${(css / 1024).toFixed(1)} KB`);
if (total > limit) process.exit(1);

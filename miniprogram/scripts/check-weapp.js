#!/usr/bin/env node
/**
 * After `taro build --type weapp`: the output must be a mini-program WeChat devtools can open —
 * app.json listing every page of src/app.config.ts, and each page's .js, .json and .wxml.
 * Exits non-zero with the missing files named.
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist', 'weapp');
const source = fs.readFileSync(path.join(root, 'src', 'app.config.ts'), 'utf8');
const expected = [...source.matchAll(/'(pages\/[\w/-]+)'/g)].map((m) => m[1]);

const problems = [];
let app = { pages: [] };
try {
  app = JSON.parse(fs.readFileSync(path.join(out, 'app.json'), 'utf8'));
} catch (e) {
  problems.push(`dist/weapp/app.json missing or unreadable (${e.message})`);
}
for (const page of expected) {
  if (!app.pages.includes(page)) problems.push(`app.json does not list ${page}`);
  for (const ext of ['.js', '.json', '.wxml']) {
    if (!fs.existsSync(path.join(out, page + ext))) problems.push(`missing dist/weapp/${page}${ext}`);
  }
}
for (const f of ['app.js', 'app.wxss', 'project.config.json']) {
  if (!fs.existsSync(path.join(out, f))) problems.push(`missing dist/weapp/${f}`);
}
if (expected.length === 0) problems.push('no pages found in src/app.config.ts');

if (problems.length) {
  console.error(`weapp output check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`weapp output ok: app.json and ${expected.length} pages (${expected.join(', ')})`);

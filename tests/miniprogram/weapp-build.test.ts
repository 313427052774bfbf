/**
 * `taro build --type weapp` gives what WeChat devtools imports: app.json naming every page of
 * src/app.config.ts, and each page's script, config and template (miniprogram/dist/weapp).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { distDir, ensureBuilt, MINIPROGRAM } from '../../scripts/miniprogram';

jest.setTimeout(11 * 60_000);

/** The pages the source declares: the string literals of `pages: [...]` in app.config.ts. */
function declaredPages(): string[] {
  const src = readFileSync(path.join(MINIPROGRAM, 'src', 'app.config.ts'), 'utf8');
  const block = /pages\s*:\s*\[([^\]]*)\]/.exec(src)?.[1] ?? '';
  return [...block.matchAll(/['"`]([^'"`]+)['"`]/g)].map((m) => m[1]);
}

test('the weapp build has app.json and every page', () => {
  ensureBuilt('weapp');
  const dist = distDir('weapp');
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] };
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))];
  expect(pages.length).toBeGreaterThan(0);
  expect(pages).toEqual(expect.arrayContaining(declaredPages()));
  expect(existsSync(path.join(dist, 'app.js'))).toBe(true);
  for (const page of pages) {
    const missing = ['.js', '.json', '.wxml'].filter((ext) => !existsSync(path.join(dist, `${page}${ext}`)));
    expect({ page, missing }).toEqual({ page, missing: [] });
  }
});

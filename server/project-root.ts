/**
 * The checkout's root — the folder with package.json, prisma/ and miniprogram/ — found from this
 * file's own place, which is server/ under tsx and dist/server/ when compiled (`npm run build`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(__dirname);

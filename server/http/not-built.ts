/**
 * The page a front end's address answers (503) before the front end is built: what to run, and
 * what works meanwhile. In the county's language (flows/i18n server.not_built.*).
 */
import { t } from '../../flows/i18n';
import type { Lang } from '../../flows/engine/types';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function notBuiltPage(lang: Lang, site: 'app' | 'console', command: string, meanwhile: string): string {
  const w = (key: string) => escape(t(lang, `server.not_built.${site}.${key}`));
  return `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${w('title')}</title><body style="font:18px/1.6 sans-serif;max-width:40em;margin:2em auto;padding:0 1em">
<h1>${w('heading')}</h1>
<p>${w('body')}</p>
<pre style="background:#f4f4f4;padding:1em">${escape(command)}</pre>
<p>${w('meanwhile')} <a href="${meanwhile}">${meanwhile}</a></p></body></html>`;
}

/**
 * The public page of a posted 公示 list (GET /notice/:id): server-rendered HTML, no script but the
 * print button's, one inline stylesheet — both under the answer's CSP nonce (server/http/headers.ts).
 * On screen it reads on a phone (scanned from the QR code on the board); printed it is one A4 sheet
 * per ~25 households with the header row repeated, the toolbar left out.
 *
 * Everything written into the page is escaped; everything it shows comes from the stored notice,
 * which holds nothing private (rows.ts).
 */
import { t, type Lang } from '../../../flows/i18n';
import { causeWord, contactLines, dateWords, dayWords, measuresWords, placeName, titleOf, type NoticeText } from './words';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `
@page { size: A4 portrait; margin: 16mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
body { margin: 0; padding: 16px; color: #111; background: #fff; font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", serif; font-size: 15px; line-height: 1.6; }
main { max-width: 820px; margin: 0 auto; }
.toolbar { display: flex; gap: 12px; justify-content: flex-end; margin-bottom: 12px; font-family: "Noto Sans CJK SC", sans-serif; }
.toolbar button, .toolbar a { font: inherit; font-size: 14px; padding: 4px 14px; border: 1px solid #888; border-radius: 4px; background: #f5f5f5; color: #111; text-decoration: none; cursor: pointer; }
h1 { font-size: 22px; text-align: center; margin: 4px 0 14px; letter-spacing: 1px; }
.intro { text-indent: 2em; margin: 0 0 6px; }
.period { font-weight: bold; margin: 0 0 10px; }
.rows { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; }
thead { display: table-header-group; }
th, td { border: 1px solid #333; padding: 5px 6px; text-align: center; vertical-align: middle; }
th { background: #eee; font-weight: bold; white-space: nowrap; }
td.dates, td.name, td.place { white-space: nowrap; }
td.measures { text-align: left; }
td.ref { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; white-space: nowrap; }
tr { break-inside: avoid; }
.empty { text-align: center; padding: 18px; }
.objection { margin: 12px 0 4px; text-indent: 2em; }
.contacts { margin: 0 0 4px 2em; padding: 0; list-style: none; font-weight: bold; }
.privacy { color: #555; font-size: 12.5px; margin: 8px 0 0 2em; }
.foot { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 18px; break-inside: avoid; }
.qr { text-align: center; font-size: 12px; color: #333; }
.qr svg { width: 110px; height: 110px; display: block; margin: 0 auto 2px; }
.issuer { text-align: right; min-width: 40%; }
.issuer p { margin: 2px 0; }
@media (max-width: 600px) { body { padding: 8px; font-size: 14px; } h1 { font-size: 18px; } th, td { padding: 3px; font-size: 12px; } }
@media print {
  body { padding: 0; font-size: 13px; }
  main { max-width: none; }
  .toolbar { display: none; }
  .rows { overflow: visible; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export type PageInput = { notice: NoticeText; lang: Lang; nonce: string; qrSvg: string };

export function noticePage({ notice: n, lang, nonce, qrSvg }: PageInput): string {
  const h = n.header;
  const village = placeName(h.village, lang);
  const cols = ['no', 'name', 'place', 'size', 'cause', 'measures', 'dates', 'ref'] as const;
  const head = cols.map((c) => `<th scope="col">${esc(t(lang, `notice.columns.${c}`))}</th>`).join('');
  const body =
    n.rows.length === 0
      ? `<tr><td class="empty" colspan="${cols.length}">${esc(t(lang, 'notice.empty'))}</td></tr>`
      : n.rows
          .map(
            (r) =>
              `<tr data-case="${esc(r.caseNo)}"><td>${r.no}</td><td class="name">${esc(r.name)}</td><td class="place">${esc(village)}</td><td>${esc(t(lang, 'notice.persons', { n: r.householdSize }))}</td>` +
              `<td>${esc(causeWord(r, lang))}</td><td class="measures">${esc(measuresWords(r, lang))}</td>` +
              `<td class="dates">${esc(t(lang, 'notice.dates', { start: dayWords(lang, r.start), end: dayWords(lang, r.end) }))}</td><td class="ref">${esc(r.caseNo)}</td></tr>`,
          )
          .join('\n');
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  const otherHref = other === 'en' ? '?lang=en' : '?lang=zh-CN';
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(titleOf(n, lang))}</title>
<style nonce="${esc(nonce)}">${STYLE}</style>
</head>
<body>
<main>
<div class="toolbar"><button type="button" id="print">${esc(t(lang, 'notice.print'))}</button><a href="${otherHref}" hreflang="${other}">${esc(t(lang, 'notice.lang_other'))}</a></div>
<h1>${esc(titleOf(n, lang))}</h1>
<p class="intro">${esc(t(lang, 'notice.intro'))}</p>
<p class="period">${esc(t(lang, 'notice.period', { start: dateWords(lang, n.startDay), end: dateWords(lang, n.endDay), days: h.publicityMinDays }))}</p>
<div class="rows"><table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table></div>
<p class="objection">${esc(t(lang, 'notice.objection'))}</p>
<ul class="contacts">${contactLines(h, lang)
    .map((l) => `<li>${esc(l)}</li>`)
    .join('')}</ul>
<p class="privacy">${esc(t(lang, 'notice.privacy'))}</p>
<div class="foot">
<div class="qr">${qrSvg}<div>${esc(t(lang, 'notice.qr'))}</div></div>
<div class="issuer"><p>${esc(t(lang, 'notice.issuer', { village }))}</p><p>${esc(t(lang, 'notice.issued', { date: dateWords(lang, n.issuedDay) }))}</p></div>
</div>
</main>
<script nonce="${esc(nonce)}">document.getElementById('print').addEventListener('click', function () { window.print(); });</script>
</body>
</html>
`;
}

/** The page for an address that names no notice: the same frame, no data. */
export function noticeNotFoundPage(lang: Lang, nonce: string): string {
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow">
<title>${esc(t(lang, 'notice.not_found_title'))}</title><style nonce="${esc(nonce)}">${STYLE}</style></head>
<body><main><h1>${esc(t(lang, 'notice.not_found_title'))}</h1><p class="empty">${esc(t(lang, 'notice.not_found'))}</p></main></body>
</html>
`;
}

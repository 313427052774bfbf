/**
 * GET /simulator: one self-contained page (no build step, no assets) that looks like a phone
 * chat. It polls the messages API every 700 ms and posts what the person types or picks.
 */
import type { TFunction } from 'i18next';
import type { BotLang } from '../i18n';

export interface PageParams {
  lang: BotLang;
  t: TFunction;
  as: string;
  room?: string;
  botName: string;
  /** The Content-Security-Policy nonce that lets the page's own inline script and style run. */
  nonce: string;
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON inside <script>: "</script>" in a name must not end the script. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c');

export function renderPage({ lang, t, as, room, botName, nonce }: PageParams): string {
  const s = (key: string, vars?: Record<string, string>): string => esc(t(`simulator.${key}`, vars ?? {}));
  const other = new URLSearchParams({ as, ...(room ? { room } : {}), lang: lang === 'en' ? 'zh-CN' : 'en' });
  const config = {
    as,
    room: room ?? null,
    botName,
    str: Object.fromEntries(
      ['image', 'file', 'audio', 'video', 'other', 'sendFailed'].map((k) => [k, t(`simulator.${k}`, { reason: '{{reason}}' })]),
    ),
  };
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${s('title')}</title>
<style nonce="${esc(nonce)}">
  body { margin: 0; background: #d9d9d9; font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
  .phone { max-width: 420px; height: 100vh; margin: 0 auto; display: flex; flex-direction: column; background: #ededed; }
  header { background: #f7f7f7; border-bottom: 1px solid #ddd; padding: 8px 12px; text-align: center; }
  header h1 { font-size: 17px; margin: 0; }
  header form { font-size: 12px; color: #666; margin-top: 6px; display: flex; gap: 6px; justify-content: center; align-items: center; flex-wrap: wrap; }
  header input { width: 6em; font-size: 12px; }
  #log { flex: 1; overflow-y: auto; padding: 12px; }
  .hint { font-size: 12px; color: #999; text-align: center; margin: 8px 0; }
  .row { display: flex; align-items: flex-start; margin: 10px 0; }
  .row.mine { flex-direction: row-reverse; }
  .avatar { width: 38px; height: 38px; flex: none; border-radius: 4px; background: #7d9cc7; color: #fff; display: flex; align-items: center; justify-content: center; }
  .row.bot .avatar { background: #07c160; }
  .body { max-width: 72%; margin: 0 8px; }
  .name { font-size: 11px; color: #888; margin-bottom: 2px; }
  .row.mine .name { text-align: right; }
  .bubble { background: #fff; padding: 8px 10px; border-radius: 6px; font-size: 16px; line-height: 1.45; white-space: pre-wrap; word-break: break-word; }
  .row.mine .bubble { background: #95ec69; }
  .bubble img { display: block; max-width: 180px; border-radius: 4px; }
  footer { display: flex; gap: 6px; align-items: center; padding: 8px; background: #f7f7f7; border-top: 1px solid #ddd; }
  footer textarea { flex: 1; height: 38px; resize: none; font-size: 16px; padding: 6px; border: 1px solid #ddd; border-radius: 4px; box-sizing: border-box; }
  button, .pick { border: 0; border-radius: 4px; padding: 9px 12px; font-size: 14px; cursor: pointer; background: #07c160; color: #fff; white-space: nowrap; }
  .pick { background: #fff; color: #333; border: 1px solid #ccc; padding: 8px 10px; }
  .mention { font-size: 12px; white-space: nowrap; }
</style>
</head>
<body>
<div class="phone">
  <header>
    <h1>${room ? s('roomChat', { room }) : s('privateChat', { bot: botName })}</h1>
    <form method="get">
      <label>${s('youAre')} <input name="as" value="${esc(as)}"></label>
      <label>${s('room')} <input name="room" value="${esc(room ?? '')}" placeholder="${s('roomPlaceholder')}"></label>
      <input type="hidden" name="lang" value="${lang}">
      <button type="submit">${s('switch')}</button>
      <a href="?${esc(other.toString())}">${s('otherLanguage')}</a>
    </form>
  </header>
  <div id="log"><p class="hint" id="empty">${s('empty')}</p>${room ? `<p class="hint">${s('mentionHint', { bot: botName })}</p>` : ''}</div>
  <footer>
    <label class="pick">${s('attach')}<input type="file" id="file" hidden></label>
    ${room ? `<label class="mention"><input type="checkbox" id="mention" checked>@${esc(botName)}</label>` : ''}
    <textarea id="text" placeholder="${s('placeholder')}"></textarea>
    <button id="send">${s('send')}</button>
  </footer>
</div>
<script nonce="${esc(nonce)}">
const CFG = ${scriptJson(config)};
const base = location.pathname.replace(/\\/$/, '');
const logEl = document.getElementById('log');
const textEl = document.getElementById('text');
const who = () => ({ as: CFG.as, ...(CFG.room ? { room: CFG.room } : {}) });
let after = 0;

function el(tag, cls) { const e = document.createElement(tag); if (cls) e.className = cls; return e; }

function render(m) {
  document.getElementById('empty')?.remove();
  const mine = !m.from.bot && m.from.name === CFG.as;
  const row = el('div', 'row' + (mine ? ' mine' : '') + (m.from.bot ? ' bot' : ''));
  const avatar = el('div', 'avatar');
  avatar.textContent = m.from.name.slice(0, 1);
  const body = el('div', 'body');
  if (CFG.room) { const name = el('div', 'name'); name.textContent = m.from.name; body.append(name); }
  const bubble = el('div', 'bubble');
  const url = base + '/api/media/' + encodeURIComponent(m.id);
  if (m.type === 'text') bubble.textContent = m.text;
  else if (m.type === 'image') { const img = el('img'); img.src = url; img.alt = CFG.str.image; bubble.append(img); }
  else { const a = el('a'); a.href = url; a.target = '_blank'; a.textContent = (CFG.str[m.type] || CFG.str.other) + ' ' + (m.fileName || ''); bubble.append(a); }
  body.append(bubble);
  row.append(avatar, body);
  const atBottom = logEl.scrollTop + logEl.clientHeight >= logEl.scrollHeight - 40;
  logEl.append(row);
  if (atBottom || mine) logEl.scrollTop = logEl.scrollHeight;
}

async function poll() {
  try {
    const res = await fetch(base + '/api/messages?' + new URLSearchParams({ ...who(), after: String(after) }));
    if (res.ok) for (const m of (await res.json()).messages) { render(m); after = m.index; }
  } catch (e) { /* server restarting: try again */ }
  setTimeout(poll, 700);
}

async function post(init) {
  const res = await fetch(base + '/api/send', { method: 'POST', ...init }).catch((e) => ({ ok: false, statusText: String(e) }));
  if (!res.ok) {
    const reason = res.json ? ((await res.json().catch(() => ({}))).error || res.status) : res.statusText;
    alert(CFG.str.sendFailed.replace('{{reason}}', reason));
  }
}

async function sendText() {
  let text = textEl.value.trim();
  if (!text) return;
  const mention = document.getElementById('mention');
  if (mention && mention.checked && !text.includes('@' + CFG.botName)) text = '@' + CFG.botName + ' ' + text;
  textEl.value = '';
  await post({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...who(), text }) });
}

document.getElementById('send').onclick = sendText;
textEl.onkeydown = (e) => { if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendText(); } };
document.getElementById('file').onchange = async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  const form = new FormData();
  for (const [k, v] of Object.entries(who())) form.append(k, v);
  form.append('file', file);
  e.target.value = '';
  await post({ body: form });
};
poll();
</script>
</body>
</html>
`;
}

/**
 * A chat question made into a form's words. The chat's questions end with how to answer by
 * typing ("请回复数字，例如：4", "同意请回复“同意”…", "Please reply "yes" or "no""); a form has
 * buttons and fields for that. Kept: the question itself; taken out: the example (shown as the
 * field's placeholder) and the reply instructions. tests/miniprogram/form.test.ts checks that no
 * form question still says "回复" or "reply", so a reworded chat question that slips through fails.
 */
const EXAMPLE = /(?:例如：|例如:|for example:\s*)(.*)$/i;
const REPLY = /请回复|回复“|(?:please\s+)?\breply\b/i;

/** The end of the example's first sentence: "3万2 或 32000。没有收入请回复 0" → "3万2 或 32000". */
function firstSentence(text: string): string {
  const zh = text.indexOf('。');
  const cut = zh >= 0 ? zh : text.search(/\.\s+(?=[A-Z])/);
  return (cut >= 0 ? text.slice(0, cut) : text).trim();
}

/** A line's text before its reply instruction, kept only when it is itself a question ("对吗？"). */
function withoutReplyHint(line: string): string {
  const i = line.search(REPLY);
  if (i < 0) return line;
  const before = line.slice(0, i).trim();
  return /[？?]$/.test(before) ? before : '';
}

export function questionParts(ask: string): { question: string; example?: string } {
  const kept: string[] = [];
  let example: string | undefined;
  for (const line of ask.split('\n')) {
    const m = EXAMPLE.exec(line);
    if (m) {
      example = firstSentence(m[1]);
      const before = withoutReplyHint(line.slice(0, m.index).trim().replace(/[，,]$/, ''));
      if (before) kept.push(before);
      continue;
    }
    const rest = withoutReplyHint(line.trim());
    if (rest) kept.push(rest);
  }
  return { question: kept.join('\n'), ...(example ? { example } : {}) };
}

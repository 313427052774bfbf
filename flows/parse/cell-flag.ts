/**
 * A yes/no cell of a spreadsheet as offices fill it (是/否, √/×, 1/0, Y/N…): a department's flag
 * figures (server/core/alerts/rows.ts) and a register import's 是否脱贫户 (flows/register/import.ts).
 */
export const CELL_YES: readonly string[] = ['是', '有', '1', 'y', 'yes', 'true', '√', '在保', '享受'];
export const CELL_NO: readonly string[] = ['否', '无', '0', 'n', 'no', 'false', '×', '退出', '未享受'];

const YES = new Set(CELL_YES);
const NO = new Set(CELL_NO);

/** true / false; null when empty; 'invalid' when it says neither. */
export function readCellFlag(text: string): boolean | null | 'invalid' {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return 'invalid';
}

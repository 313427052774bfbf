/**
 * The 因病 questions as the tests answer them, one line per question in the chat's order. A new
 * 因病 question is one line here: the chat scripts, the form's answers and the filed details of
 * every test that goes through an illness application are made from this table
 * (tests/flows/application-schema.test.ts checks it against the flow).
 *
 *   typed  what a villager types when they are the patient and confirm the computed self-paid
 *          figure (absent: not asked on that path)
 *   form   what the mini-program's form sends when the applicant's son is the patient
 *   filed  what the typed answer is filed as (absent: filed some other way)
 *   asks   words of the chat's question, for tests that check each answer brings the next one
 *   group  the part of the summary that shows the answer (flows/application SUMMARY_GROUPS)
 */
export interface IllnessAnswer {
  field: string;
  typed?: string;
  form?: unknown;
  filed?: unknown;
  asks?: string;
  group: string;
}

export const ILLNESS_TABLE: IllnessAnswer[] = [
  { field: 'patient', typed: '本人', form: 'family', filed: 'self', asks: '生病的是谁', group: 'hardship' },
  { field: 'patientRelation', form: '儿子', group: 'hardship' },
  { field: 'patientName', form: '王小明', group: 'hardship' },
  { field: 'illness', typed: '脑梗', form: '骨折', filed: '脑梗', asks: '什么病', group: 'hardship' },
  { field: 'hospital', typed: '县人民医院', form: '县人民医院', filed: '县人民医院', asks: '哪个医院', group: 'hardship' },
  { field: 'hospitalLevel', typed: '2', form: 'county', filed: 'county', asks: '县级医院', group: 'hardship' }, // the level asked, or said back from the hospital's name
  { field: 'totalCostFen', typed: '5万', form: '5万', filed: 5_000_000, asks: '一共花了多少钱', group: 'hardship' },
  { field: 'reimbursedFen', typed: '2万', form: 20000, filed: 2_000_000, asks: '报销了多少钱', group: 'hardship' },
  { field: 'selfPaidConfirmed', typed: '对', form: true, asks: '对吗', group: 'hardship' },
  { field: 'selfPaidFen', group: 'hardship' },
];

type Range = { from?: string; until?: string };

/** The typed rows from `from` up to (not including) `until`, some answers replaced. */
function typedRows(over: Record<string, string>, range: Range): { field: string; text: string; asks?: string }[] {
  const rows = ILLNESS_TABLE.filter((r) => r.typed !== undefined).map((r) => ({ field: r.field, text: over[r.field] ?? r.typed!, asks: r.asks }));
  const at = (field: string | undefined, fallback: number) => {
    if (field === undefined) return fallback;
    const i = rows.findIndex((r) => r.field === field);
    if (i < 0) throw new Error(`no typed 因病 answer for ${field}`);
    return i;
  };
  return rows.slice(at(range.from, 0), at(range.until, rows.length));
}

/** [field, what is typed] for the 因病 questions, in order. */
export function illnessPath(over: Record<string, string> = {}, range: Range = {}): [string, string][] {
  return typedRows(over, range).map((r) => [r.field, r.text]);
}

/** What is typed for the 因病 questions, in order: `'本人', '脑梗', '县人民医院', …`. */
export function illnessTyped(over: Record<string, string> = {}, range: Range = {}): string[] {
  return typedRows(over, range).map((r) => r.text);
}

/** [typed answer, words of the question that follows it] for the 因病 questions in the range. */
export function illnessTurns(over: Record<string, string> = {}, range: Range = {}): [string, string][] {
  const all = typedRows(over, {});
  return typedRows(over, range).map((r) => {
    const next = all[all.findIndex((x) => x.field === r.field) + 1];
    if (!next?.asks) throw new Error(`no question after ${r.field} in the table`);
    return [r.text, next.asks];
  });
}

/** The 因病 answers a form sends (the applicant's son is ill). */
export function illnessForm(): Record<string, unknown> {
  return Object.fromEntries(ILLNESS_TABLE.filter((r) => r.form !== undefined).map((r) => [r.field, r.form]));
}

/** The details filed from the typed answers, where a typed answer files as itself. */
export function illnessFiled(): Record<string, unknown> {
  return Object.fromEntries(ILLNESS_TABLE.filter((r) => r.filed !== undefined).map((r) => [r.field, r.filed]));
}

/** The summary group of each 因病 answer. */
export function illnessGroups(): Record<string, string> {
  return Object.fromEntries(ILLNESS_TABLE.map((r) => [r.field, r.group]));
}

/**
 * The messages a villager sends for the 因病 questions, in the chat's order: the typed answer of
 * each question of the table, except where `answers` says otherwise — the messages that answer that
 * question instead (a folded question answering two at once, a figure said back and confirmed,
 * a question only this path asks), or none (`[]`: answered by the message before). A question
 * added to the table is answered here without touching the script that uses it.
 */
export function illnessScript(answers: Record<string, string[]> = {}): string[] {
  const unknown = Object.keys(answers).filter((f) => !ILLNESS_TABLE.some((r) => r.field === f && r.typed !== undefined));
  if (unknown.length > 0) throw new Error(`no typed 因病 answer for ${unknown.join(', ')}`);
  return ILLNESS_TABLE.filter((r) => r.typed !== undefined).flatMap((r) => answers[r.field] ?? [r.typed!]);
}

/** Fields of the table a self patient confirming the figure is asked, after the patient (what a form still misses). */
export function illnessAskedAfterPatient(): string[] {
  return ILLNESS_TABLE.filter((r) => r.typed !== undefined && r.field !== 'patient').map((r) => r.field);
}

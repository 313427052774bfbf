/**
 * School grades as villagers say them, as data: which words name which school stage ("高二" is
 * senior high, "初三" junior high, "大三" college, "研一" graduate school, "读幼儿园" preschool).
 * A grade with its school ("中专二年级", "初中二年级") belongs to the school, not to the primary
 * grade of the same number: both words are given, the longer one wins where they meet.
 */

import { digitForms } from './chinese-number';

export const SCHOOL_STAGES = ['preschool', 'primary', 'junior', 'senior', 'college', 'graduate'] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number];

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** "一年级" … "1年级" … and the formal numerals ("叁年级"): grades n..m. */
const grades = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i).flatMap((n) => [...digitForms(n).map((d) => `${d}年级`), `${n}年级`]);
/** "高一" "高1" "高叁" …: a prefix and years 1..n. */
const years = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => [...digitForms(i + 1).map((d) => `${prefix}${d}`), `${prefix}${i + 1}`]).flat();

/** The words of each stage, on their own. */
const STAGE_WORDS: Record<SchoolStage, readonly string[]> = {
  preschool: ['学前', '学前班', '幼儿园', '幼稚园', '托班', '小班', '中班', '大班', 'preschool', 'kindergarten', 'nursery'],
  primary: ['小学', '小学生', ...grades(1, 6), 'primary', 'grade 1', 'grade 2', 'grade 3', 'grade 4', 'grade 5', 'grade 6'],
  junior: [
    // 国中 (国一…国三): junior high in Taiwan usage, typed in traditional characters (讀國中)
    '初中', '初中生', ...years('初', 4), ...grades(7, 9), '国中', '国中生', ...years('国', 3),
    'junior', 'middle school', 'grade 7', 'grade 8', 'grade 9',
  ],
  senior: [
    '高中', '高中生', ...years('高', 3), '中职', '职高', '职中', '职校', '中专', '技校', '卫校', '技工学校', '职业学校', '职业高中', '职教中心', '职教', '高复', '复读高三', '高复班',
    '中等职业', 'senior', 'high school', 'vocational', 'grade 10', 'grade 11', 'grade 12',
  ],
  college: [
    '大学', '大学生', ...years('大', 5), '大专', '专科', '本科', '高职', '学院', '职业技术学院',
    'college', 'university', 'undergraduate',
  ],
  graduate: ['研究生', '读研', '硕士', '博士', ...years('研', 3), ...years('博', 3), 'graduate', 'postgraduate', 'master', 'phd'],
};

/** Schools that may be said with a grade after them: "中专二年级" is senior, not primary. */
const SCHOOLS_WITH_GRADES: Partial<Record<SchoolStage, readonly string[]>> = {
  primary: ['小学'],
  junior: ['初中', '国中'],
  senior: ['高中', '中专', '职高', '中职', '技校', '职中', '职校', '卫校', '职教', '职业学校', '职业高中', '技工学校'],
  college: ['大学', '大专', '本科', '专科', '高职'],
  graduate: ['研究生', '硕士', '博士'],
};

/** A clause set in the past ("去年还在读初三", "本来读初中的") and one set now ("今年上高一", "现在读初中"). */
const PAST = /^(?:娃|孩子|他|她)?(?:本来|原来|原先|以前|之前|早先|去年|前年|那会儿?|那时候?|上学期)/u;
const NOW = /^(?:娃|孩子|他|她)?(?:现在|今年|目前|如今|眼下|这学期|后来|又)|升(?:到|了|上|入)?(?:初|高|大)/u;

/** Words saying a school is finished: "小学毕业" names no stage the child is in now. */
export const FINISHED = ['毕业', '读完', '念完', '上完'];

/**
 * "初中毕业了，今年上高中": a clause saying a school is finished, beside one naming the school now —
 * the rest without it; null when nothing is said finished or nothing else is said.
 */
/**
 * Words saying a school is only sought, not yet attended: "今年考大学" (the exam is this year), "准备上高中".
 * "考上大学了" (admitted) is not one of them.
 */
const SOUGHT = /(?:准备|打算|想|要|报|正在|在)?考(?![上进取到完])|(?:准备|打算|想)(?:上|读|念)/u;

/**
 * "初中毕业了，今年上高中": a clause saying a school is finished, beside one naming the school now —
 * the rest without it; '' when every clause is finished or only sought ("高中毕业了 今年考大学": which
 * stage is the child in? asked); null when nothing is said finished or sought.
 */
export function withoutFinished(text: string): string | null {
  const clauses = text.split(/[,，;；。.!！\s]+/u).filter((c) => c !== '');
  // "本来读初中的，今年升高中了": a clause set in the past, before one set now, is the past too
  const now = clauses.some((c) => NOW.test(c));
  const past = (c: string) => FINISHED.some((f) => c.includes(f)) || (now && PAST.test(c) && !NOW.test(c));
  const kept = clauses.filter((c) => !past(c) && !SOUGHT.test(c));
  const finished = clauses.some(past);
  if (clauses.length > 1 && finished && kept.length === 0 && clauses.some((c) => SOUGHT.test(c))) return '';
  return clauses.length > 1 && kept.length > 0 && kept.length < clauses.length ? kept.join('，') : null;
}

/** The stage's words, and its school with a grade after it ("中专二年级"). */
/** Between a school and its grade ("在职高念二年级", "中专读三年级"): the grade still belongs to the school. */
const STUDY_VERBS = ['', '读', '念', '上', '在读', '读的', '念的', '上的'];

function stageWords(stage: SchoolStage): string[] {
  const withGrade = (SCHOOLS_WITH_GRADES[stage] ?? []).flatMap((school) =>
    STUDY_VERBS.flatMap((v) => [...grades(1, 6).map((g) => school + v + g), ...CN.slice(0, 5).map((n) => `${school}${v}${n}年`)]),
  );
  return [...STAGE_WORDS[stage], ...withGrade];
}

/**
 * The labels of a stage in a numbered list, matched as parseChoice matches labels (the longest
 * hit wins, two stages named is asked again). A school said as finished ("小学毕业") is a label of
 * every other stage, so that it names none and the villager is asked which stage the child is in.
 */
export function stageLabels(stage: SchoolStage): string[] {
  const finished = SCHOOL_STAGES.filter((s) => s !== stage).flatMap((other) =>
    [...(SCHOOLS_WITH_GRADES[other] ?? []), ...(other === 'preschool' ? ['幼儿园'] : [])].flatMap((school) => FINISHED.map((f) => school + f)),
  );
  return [...stageWords(stage), ...finished];
}

/**
 * One checklist item of the documents step: the villager sends any number of photos or files,
 * then says "好了" to move on, or "跳过" when they do not have it (a cadre may ask later).
 *
 *   { kind: 'documents', id: 'doc_hospital_bill', field: 'doc_hospital_bill', item: 'hospital_bill', itemLabel: 'docs.item.hospital_bill' }
 *
 * The answer stored under `field` is 'done' or 'skipped'; how many files arrived per kind is
 * kept under answers.documents so the villager hears a running count. Longer answers count too:
 * "还没拿到发票" before any photo skips the item, "好了，就这一张" after one finishes it.
 */
import { looksLikeQuestion } from '../../parse';
import { commandText } from '../commands';
import { applies } from '../conditions';
import type { Answers, DocumentsStep, StepEnv, StepOutcome } from '../flow';
import type { Inbound } from '../types';

/** answers key holding { [kind]: count } of uploads attached in this application. */
export const DOCUMENT_COUNTS = 'documents';
/** Kind used for media sent while another question is being asked. */
export const OTHER_KIND = 'other';

const DONE = ['好了', '好', '好的', '好啦', '完成', '完了', '发完了', '发完', '发好了', '传完了', '没了', '没有了', '就这些', '就这么多', '下一步', '下一项', '完事了', '完事', '完活了', '中', '中了', '行了', '可以了', 'ok了', 'okk', '就这张', '就这', '够了', '齐了', '全了', '发齐了', '拍好了', '没得了', '冇了', '莫得了', 'done', 'finished', 'ok', 'next', "that's all", 'no more'];
const SKIP = ['跳过', '没得', '冇', '冇得', '莫得', '木有', '莫有', '暂时没得', '没有', '暂时没有', '没有这个', '没这个', '无', '不发', '以后再发', '以后再说', 'skip', 'none', "i don't have it", 'not now'];
/** Said in a longer answer: the papers are not at hand ("还没拿到发票", "发票找不到了", "明天再拍"). */
const NOT_AT_HAND = ['没拿到', '还没拿', '还没开', '没开', '没给', '找不到', '丢了', '弄丢', '没带', '不在身边', '不在家', '以后再', '明天再', '过几天再', '回头再', '等几天', '等会', '等一会', '待会', '一会儿再', '还没有', '没有',
  '过两天', '过几天', '过些天', '改天', '晚点', '晚些', '明天', '后天', '回来拍', '回来再拍', '回来发', '回头拍', '再拍', '拍了发', '拍了再发', '拍好发', '拍好再发',
  '在儿子那', '在女儿那', '在闺女那', '在他那', '在她那', '不在手上', '不在手边', '不在跟前', '没得', '冇', '莫得'];
/** Said in a longer answer after some photos: that was all ("好了，就这一张", "就这几张"). */
const ALL_SENT = ['发完', '传完', '拍完', '完事', '就这张', '就这一张', '就这几张', '就这两张', '就这些', '就这么多', '没有了', '没了', '好了', '完了'];

export function documentCounts(answers: Answers): Record<string, number> {
  const v = answers[DOCUMENT_COUNTS];
  return v && typeof v === 'object' ? (v as Record<string, number>) : {};
}

export function totalDocuments(answers: Answers): number {
  return Object.values(documentCounts(answers)).reduce((a, b) => a + b, 0);
}

function documentSteps(env: StepEnv): DocumentsStep[] {
  return env.flow.steps.filter(
    (s): s is DocumentsStep => s.kind === 'documents' && applies(s, env.answers),
  );
}

export function promptDocuments(step: DocumentsStep, env: StepEnv): string {
  const all = documentSteps(env);
  const count = documentCounts(env.answers)[step.item] ?? 0;
  const item = env.t(step.itemLabel);
  // "第1项，共1项" says nothing when there is a single item.
  const lines = [all.length === 1 ? env.t('docs.ask_one', { item }) : env.t('docs.ask', { item, index: all.indexOf(step) + 1, total: all.length })];
  if (count > 0) lines.push(env.t('docs.so_far', { item, n: count }));
  lines.push(env.t('docs.how'));
  return lines.join('\n');
}

export function handleDocuments(step: DocumentsStep, text: string, env: StepEnv): StepOutcome {
  const s = commandText(text);
  const count = documentCounts(env.answers)[step.item] ?? 0;
  const item = env.t(step.itemLabel);
  const says = (words: string[]) => !looksLikeQuestion(s) && words.some((w) => s.includes(w));
  // "没有了" after some uploads means "no more"; "没有" before any means "I don't have it".
  if (DONE.includes(s) || (count > 0 && (SKIP.includes(s) || says(ALL_SENT)))) {
    if (count === 0) return { kind: 'stay', replies: [env.t('docs.none_yet', { item })] };
    return { kind: 'answer', patch: { [step.field]: 'done' }, notes: [env.t('docs.item_done', { item, n: count })] };
  }
  if (SKIP.includes(s) || (count === 0 && says(NOT_AT_HAND))) {
    return { kind: 'answer', patch: { [step.field]: 'skipped' }, notes: [env.t('docs.skipped', { item })] };
  }
  return { kind: 'retry', hint: env.t('docs.hint') };
}

/** A photo/file/video received during an application: attached to the item asked for, or as 'other'. */
export function acceptUpload(
  step: DocumentsStep | null,
  inbound: Extract<Inbound, { kind: 'media' }>,
  env: StepEnv,
): StepOutcome {
  const kind = step ? step.item : OTHER_KIND;
  const counts = { ...documentCounts(env.answers) };
  counts[kind] = (counts[kind] ?? 0) + 1;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const effects = [{ type: 'attach_document' as const, upload: inbound.upload, kind }];
  const patch = { [DOCUMENT_COUNTS]: counts };
  // Photos and files are counted in 张 (the villager's own word for a sheet); a video is not, so it is
  // acknowledged without a count.
  const video = inbound.mediaType === 'video';
  if (!step) {
    const what = env.t(`media.kind_${inbound.mediaType === 'audio' ? 'file' : inbound.mediaType}`);
    const said = video ? env.t('docs.received_other_video') : env.t('docs.received_other', { what, total });
    return { kind: 'stay', patch, effects, replies: [said], reprompt: true };
  }
  const item = env.t(step.itemLabel);
  const said = video ? env.t('docs.received_video', { item }) : env.t('docs.received', { item, n: counts[kind], total });
  return { kind: 'stay', patch, effects, replies: [[said, env.t('docs.more_or_done')].join('\n')] };
}

export function displayDocuments(step: DocumentsStep, value: unknown, env: StepEnv): string {
  const n = documentCounts(env.answers)[step.item] ?? 0;
  if (value === 'skipped' && n === 0) return env.t('docs.display_skipped');
  return env.t('docs.display_count', { n });
}

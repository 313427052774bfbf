/** 因学: the student, the school stage, the school, the yearly cost and aid already received. */
import type { StepDef, StepEnv } from '../engine/flow';
import { parseChoice, SCHOOL_STAGES, stageLabels, withoutFinished, type SchoolStage } from '../parse';
import { FINISHED } from '../parse/grades';
import { amountQuestion, forCause, nameQuestion, textQuestion } from './fields';
import { checkSchool } from './text';
import { splitCostReceived, splitStageSchool } from './folds';

/** The stages, with the words that name them ("高二", "初三", "读幼儿园"), are data in flows/parse/grades.ts. */
export const STAGES = SCHOOL_STAGES;
export type Stage = SchoolStage;

/** Words between two children's grades ("老大高二老二初一", "一个高二一个初一", "高二和初一"). */
const BETWEEN_CHILDREN = /和|跟|、|[,，;；\s]|一个|老[大二三四]|大的|小的|另一个/u;

const stageOptions = (env: StepEnv) => STAGES.map((id) => ({ id, text: env.t(`apply.stage.${id}`), labels: stageLabels(id) }));

/** The stages of each part of an answer naming grades for more than one child; one stage when it names one. */
function stagesIn(text: string): SchoolStage[] {
  if (withoutFinished(text) !== null) return [];
  const labelled = STAGES.map((id) => ({ id, labels: stageLabels(id) }));
  const found = text.split(BETWEEN_CHILDREN).filter((p) => p.trim() !== '').map((p) => parseChoice(p, labelled));
  return [...new Set(found.flatMap((r) => (r.ok ? [r.value] : [])))];
}

export const educationSteps: StepDef[] = forCause('education', [
  nameQuestion({
    id: 'studentName',
    ask: 'apply.studentName.ask',
    label: 'apply.studentName.label',
    editWords: ['学生', '学生姓名', '学生名字', '孩子', '孩子名字', 'student', "student's name"],
  }),
  {
    kind: 'choice',
    id: 'stage',
    field: 'stage',
    label: 'apply.stage.label',
    editWords: ['学段', '年级', '阶段', '读几年级', 'stage', 'grade', 'level'],
    ask: (env) => env.t('apply.stage.ask'),
    // "高二" is senior, "中专二年级" too; "小学毕业" names no stage and is asked again
    options: stageOptions,
    // "初中毕业了，今年上高中": the school finished is past, the stage is the one said besides
    read: (text, env) => {
      // "老大高二，老二初一": two children's stages — one application is for the child named
      const stages = stagesIn(text);
      if (stages.length > 1) {
        const name = typeof env.answers.studentName === 'string' ? env.answers.studentName : '';
        return { kind: 'retry', hint: env.t('heard.stage.two', { stages: stages.map((id) => env.t(`apply.stage.${id}`)).join(env.t('understand.and')), name }), understood: true };
      }
      const now = withoutFinished(text);
      // "初中毕业了" alone: a school finished names no stage the child is in now — which one, asked
      if (now === null) return FINISHED.some((f) => text.includes(f)) && !parseChoice(text, stageOptions(env)).ok ? { kind: 'retry', hint: env.t('heard.stage.which_now'), understood: true } : null;
      // "高中毕业了 今年考大学": finished one school, not yet in the next — which stage, asked
      if (now === '') return { kind: 'retry', hint: env.t('heard.stage.which_now'), understood: true };
      const r = parseChoice(now, STAGES.map((id) => ({ id, labels: [env.t(`apply.stage.${id}`), ...stageLabels(id)] })));
      return r.ok ? { kind: 'answer', patch: { stage: r.value } } : null;
    },
    // "高二，县一中": the stage and the school in one answer
    fold: { with: 'school', ask: (env) => env.t('heard.fold.stage_school'), split: splitStageSchool },
  },
  textQuestion({
    id: 'school',
    ask: 'apply.school.ask',
    label: 'apply.school.label',
    editWords: ['学校', '哪个学校', 'school'],
    minLength: 2,
    read: checkSchool,
  }),
  amountQuestion({
    id: 'educationCostFen',
    ask: 'apply.educationCostFen.ask',
    topic: 'cost',
    per: 'year',
    label: 'apply.educationCostFen.label',
    editWords: ['学费', '上学费用', '费用', '花费', 'cost', 'fees', 'school cost'],
    // "一年1万2，助学金2000": the cost and the aid in one answer
    fold: { with: 'aidFen', ask: (env) => env.t('heard.fold.cost_aid'), split: splitCostReceived },
  }),
  amountQuestion({
    id: 'aidFen',
    ask: 'apply.aidFen.ask',
    topic: 'received',
    label: 'apply.aidFen.label',
    editWords: ['资助', '助学金', '减免', '补助', 'aid', 'grant', 'scholarship'],
    allowZero: true,
    atMost: { field: 'educationCostFen', hint: 'apply.aidFen.too_much' },
  }),
]);

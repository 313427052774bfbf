/** 因学: the student, the school stage, the school, the yearly cost and aid already received. */
import type { StepDef } from '../engine/flow';
import { amountQuestion, forCause, nameQuestion, textQuestion } from './fields';

export const STAGES = ['preschool', 'primary', 'junior', 'senior', 'college', 'graduate'] as const;
export type Stage = (typeof STAGES)[number];

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
    options: (env) => [
      { id: 'preschool', text: env.t('apply.stage.preschool'), labels: ['学前', '幼儿园', 'preschool', 'kindergarten'] },
      { id: 'primary', text: env.t('apply.stage.primary'), labels: ['小学', 'primary'] },
      { id: 'junior', text: env.t('apply.stage.junior'), labels: ['初中', 'junior', 'middle school'] },
      { id: 'senior', text: env.t('apply.stage.senior'), labels: ['高中', '中职', '职高', '中专', '技校', 'senior', 'high school', 'vocational'] },
      { id: 'college', text: env.t('apply.stage.college'), labels: ['大专', '本科', '大学', 'college', 'university'] },
      { id: 'graduate', text: env.t('apply.stage.graduate'), labels: ['研究生', '硕士', '博士', 'graduate', 'postgraduate'] },
    ],
  },
  textQuestion({
    id: 'school',
    ask: 'apply.school.ask',
    label: 'apply.school.label',
    editWords: ['学校', '哪个学校', 'school'],
    minLength: 2,
  }),
  amountQuestion({
    id: 'educationCostFen',
    ask: 'apply.educationCostFen.ask',
    label: 'apply.educationCostFen.label',
    editWords: ['学费', '上学费用', '费用', '花费', 'cost', 'fees', 'school cost'],
  }),
  amountQuestion({
    id: 'aidFen',
    ask: 'apply.aidFen.ask',
    label: 'apply.aidFen.label',
    editWords: ['资助', '助学金', '减免', '补助', 'aid', 'grant', 'scholarship'],
    allowZero: true,
    atMost: { field: 'educationCostFen', hint: 'apply.aidFen.too_much' },
  }),
]);

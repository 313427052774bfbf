/** A form definition shaped as miniprogram/API.md describes (the 因学 application), for the pure tests. */
import type { FormDefinition } from '../../src/lib/types';

export const educationForm: FormDefinition = {
  cause: 'education',
  lang: 'zh-CN',
  version: 'test-1',
  title: '申请帮扶（因学）',
  causes: [
    { value: 'illness', label: '因病' },
    { value: 'disaster', label: '因灾' },
    { value: 'education', label: '因学' },
  ],
  sections: [
    { id: 'applicant', title: '申请人和家庭', fields: ['name', 'idNumber', 'phone', 'townCode', 'villageCode', 'householdSize', 'annualIncomeFen', 'povertyAlleviated'] },
    { id: 'details', title: '上学的情况', fields: ['studentName', 'stage', 'school', 'educationCostFen', 'aidFen', 'patientRelation'] },
    { id: 'documents', title: '照片和材料', fields: [] },
    { id: 'consent', title: '承诺和同意', fields: ['consentIncome', 'consentPersonal'] },
    { id: 'summary', title: '核对并提交', fields: [] },
  ],
  fields: [
    { name: 'name', kind: 'name', label: '姓名', required: true, constraints: { minLength: 2, maxLength: 20 } },
    { name: 'idNumber', kind: 'id_number', label: '身份证号', required: true },
    { name: 'phone', kind: 'phone', label: '手机号', required: true },
    { name: 'townCode', kind: 'region', level: 'town', label: '乡镇', required: true, options: [{ value: 'T1', label: '青山镇' }, { value: 'T2', label: '白石乡' }] },
    {
      name: 'villageCode', kind: 'region', level: 'village', label: '村', required: true,
      optionsBy: { field: 'townCode', options: { T1: [{ value: 'V1', label: '柳树村' }], T2: [{ value: 'V2', label: '白石村' }] } },
    },
    { name: 'householdSize', kind: 'integer', label: '家庭人口', unit: '人', required: true, constraints: { min: 1, max: 20 } },
    { name: 'annualIncomeFen', kind: 'money', unit: 'yuan', label: '去年家庭纯收入', allowZero: true, required: true },
    { name: 'povertyAlleviated', kind: 'yesno', label: '脱贫户', required: true, options: [{ value: true, label: '是' }, { value: false, label: '不是' }] },
    { name: 'studentName', kind: 'name', label: '学生姓名', required: true },
    { name: 'stage', kind: 'choice', label: '学段', required: true, options: [{ value: 'primary', label: '小学' }, { value: 'senior', label: '高中或中职' }] },
    { name: 'school', kind: 'text', label: '学校', required: true, constraints: { minLength: 2, maxLength: 50 } },
    { name: 'educationCostFen', kind: 'money', unit: 'yuan', label: '一年上学费用', required: true },
    { name: 'aidFen', kind: 'money', unit: 'yuan', label: '已得资助', allowZero: true, atMost: 'educationCostFen', required: true },
    // Not in the real 因学 form: exercises visibleWhen.
    { name: 'patientRelation', kind: 'text', label: '与申请人关系', required: true, visibleWhen: { field: 'stage', equals: 'senior' } },
    { name: 'consentIncome', kind: 'consent', label: '承诺授权', question: '您承诺……', agreeLabel: '同意', required: true },
    { name: 'consentPersonal', kind: 'consent', label: '个人信息使用', question: '办这次申请……', agreeLabel: '同意', required: true },
  ],
  documents: [
    { item: 'enrollment_proof', label: '录取通知书或学籍证明', required: false },
    { item: 'fee_receipt', label: '缴费凭证或收据', required: false },
  ],
};

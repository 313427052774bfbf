/** The 'workflow' namespace, en (complete translation of workflow.zh-CN.ts). */
import type { workflowZhCN } from './workflow.zh-CN';

export const workflowEn: typeof workflowZhCN = {
  placeholder: '(to be defined)',
};

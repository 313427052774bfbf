/** The 'workflow' namespace, zh-CN (the source). Kept apart so each part of the system owns its words. */
export const workflowZhCN = {
  placeholder: '（待定）',
};

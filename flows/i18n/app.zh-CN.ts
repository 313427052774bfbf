/** The 'app' namespace, zh-CN (the source). Kept apart so each part of the system owns its words. */
export const appZhCN = {
  placeholder: '（待定）',
};

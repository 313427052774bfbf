/** The 'cadre' namespace, zh-CN (the source). Kept apart so each part of the system owns its words. */
export const cadreZhCN = {
  placeholder: '（待定）',
};

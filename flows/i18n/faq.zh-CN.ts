/** The 'faq' namespace, zh-CN (the source). Kept apart so each part of the system owns its words. */
export const faqZhCN = {
  placeholder: '（待定）',
};

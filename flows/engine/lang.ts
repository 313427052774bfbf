/** The languages the flows speak; its own file so that every types file may name it without importing another. */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

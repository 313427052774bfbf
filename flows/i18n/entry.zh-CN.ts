/**
 * The 'entry' namespace, zh-CN (the source): what the server says about an application a cadre
 * enters for a villager without WeChat (代录, server/core/cases/enter.ts), and what the cadre who
 * entered it is told of the case in the villager's stead.
 */
export const entryZhCN = {
  error: {
    role: '您的账号不能代录申请（村、乡镇和县帮扶办可以）。',
    village_outside: '这个村不在您的辖区内，不能替这个村的村民代录。',
    item: '照片要归到本申请的一项材料里。',
  },
  /** The villager's notice, sent to the cadre who entered the case: say it on to them. */
  notice: '【代录 {{caseNo}} · {{name}}】请转告村民：\n{{text}}',
};

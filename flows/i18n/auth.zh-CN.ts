/**
 * The 'auth' namespace, zh-CN (the source): what the login endpoints and the outbox say about
 * logins and throttling (server/core/auth, server/api/routes/auth.ts, app-auth.ts, server/core/outbox/sealed-text.ts).
 */
export const authZhCN = {
  /** Cadre login (POST /api/auth/login). */
  login: {
    invalid: '用户名或密码不对。',
    throttled: '尝试的次数太多了，请{{seconds}}秒后再试。自己常用的电脑或手机上登录过的，用那台设备登录不受影响。',
  },
  /** Any endpoint that checks a secret, refused for a while (429). */
  throttled: '尝试的次数太多了，请{{seconds}}秒后再试。',
  /** What the county office sees in the outbox list instead of a login code (the code is for the bot alone). */
  login_code_hidden: '【登录验证码】内容只有机器人能读取，发出后即删除，过期不再发送。',
};

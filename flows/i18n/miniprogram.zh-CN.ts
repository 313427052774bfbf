/**
 * The 'miniprogram' namespace, zh-CN (the source): what the server says to the mini-program and
 * the h5 app (server/app, server/api/routes/app-*.ts) — form titles and notes, error
 * messages, the login code, the case timeline. The pages' own words are in the 'app' namespace.
 */
export const miniprogramZhCN = {
  /** The mini-program's form (server/core/form/form.ts); the questions themselves are the chat's. */
  form: {
    title: '申请帮扶（{{cause}}）',
    intro: '一页填几项，照着提示填就行。填的内容会先存在手机上，没填完也不会丢。',
    section: {
      applicant: '申请人和家庭',
      details_illness: '看病的情况',
      details_disaster: '受灾的情况',
      details_education: '上学的情况',
      documents: '照片和材料',
      consent: '承诺和同意',
      summary: '核对并提交',
    },
    documents_note: '请把材料拍清楚，每样可以拍几张。没有的材料可以先不传，村干部以后可能会向您要。',
    error: {
      type: '这一项填得不对，请重新填。',
      required: '这一项还没有填。',
      consent_required: '需要您同意才能提交申请。',
      invalid: '有 {{n}} 项需要修改，请看标红的地方。',
      document_unknown: '有一张照片没有传成功，请删掉它重新传。',
      document_item: '照片放错了地方，请重新选择。',
    },
  },
  errors: {
    cause: '请先选择是因病、因灾还是因学。',
    idempotency_key: '提交时缺少编号，请刷新页面后再提交。',
    idempotency_reused: '这份申请已经提交过了，内容不一样。请刷新页面看看。',
    login_required: '请先确认身份。',
    case_not_found: '没有找到这个申请。',
    not_returned: '这个申请现在不需要补充材料。',
    not_withdrawable: '这个申请现在不能撤回。',
    file_missing: '没有收到照片，请再传一次。',
    phone: '手机号应该是1开头的11位数字，请核对一下。',
    otp_invalid: '验证码不对或者已经过期了，请核对，或者重新获取。',
    otp_too_many_attempts: '验证码输错的次数太多了，请重新获取验证码。',
    otp_too_soon: '验证码刚刚发过，请{{seconds}}秒后再获取。',
    otp_too_many: '获取验证码太频繁了，请过一会儿再试。',
    wechat_disabled: '现在不能用微信登录，请用手机号登录。',
    wechat_code: '微信登录没有成功，请再试一次。',
    wechat_unavailable: '暂时连不上微信，请稍后再试，或者用手机号登录。',
    subscribe_not_configured: '现在没有开通消息提醒。',
    subscribe_phone: '用微信登录后才能订阅消息提醒。',
    upload_not_found: '没有找到这张照片。',
  },
  /** Sent through the chat bot to the household's WeChat (never logged). */
  otp: {
    // what the outbox row of a login code by text message shows (the code is sealed apart)
    sms_hidden: '【登录验证码·短信】内容只在发送的那一刻读取，发出后即删除，过期不再发送。',
    message: '【防贫助手】您的登录验证码是 {{code}}，{{minutes}}分钟内有效。\n不是您本人在登录小程序的话，请不要把验证码告诉别人。',
  },
  /** A case's timeline as the villager sees it in the mini-program: what the chat's notices do not say (flows/villager/notices.ts). */
  timeline: {
    documents_added: '又交了一份同样的申请，照片已经放进这个申请里。',
    supplement: '补充的材料',
  },
  /**
   * Text messages (server/core/sms): what each template says, in the words the SMS provider's
   * template must be registered with — there {{caseNo}} is {1} and {{status}} is {2}.
   */
  sms: {
    case_update: '您的帮扶申请{{caseNo}}有新进展：{{status}}。详情请在防贫助手“我的申请”里查看。',
    // {{code}} is {1}, {{minutes}} is {2}
    login_code: '您的登录验证码是{{code}}，{{minutes}}分钟内有效。不是您本人在登录的话，请不要把验证码告诉别人。',
  },
};

/** The 'miniprogram' namespace, en (complete translation of miniprogram.zh-CN.ts). */
import type { miniprogramZhCN } from './miniprogram.zh-CN';

export const miniprogramEn: typeof miniprogramZhCN = {
  form: {
    title: 'Apply for help ({{cause}})',
    intro: 'A few questions per page; just follow the hints. What you type is kept on your phone, so nothing is lost if you stop halfway.',
    section: {
      applicant: 'Applicant and household',
      details_illness: 'About the illness',
      details_disaster: 'About the disaster',
      details_education: 'About the schooling',
      documents: 'Photos and papers',
      consent: 'Commitment and consent',
      summary: 'Check and submit',
    },
    documents_note: 'Take clear photos of your papers; several photos per item are fine. You can leave out what you do not have; a village cadre may ask for it later.',
    error: {
      type: 'This answer is not valid; please fill it in again.',
      required: 'This is not filled in yet.',
      consent_required: 'Your agreement is needed to submit the application.',
      invalid: '{{n}} answer(s) need correcting; see the fields marked in red.',
      document_unknown: 'A photo did not upload properly; please remove it and upload it again.',
      document_item: 'A photo was filed under the wrong item; please choose again.',
    },
  },
  errors: {
    cause: 'Please choose first: illness, disaster or schooling.',
    idempotency_key: 'The submission has no number; please reload the page and submit again.',
    idempotency_reused: 'This application was already submitted with different answers. Please reload the page.',
    login_required: 'Please confirm who you are first.',
    case_not_found: 'This application was not found.',
    not_returned: 'This application does not need more papers now.',
    not_withdrawable: 'This application cannot be withdrawn now.',
    file_missing: 'No photo arrived; please upload it again.',
    phone: 'A mobile number has 11 digits and starts with 1; please check it.',
    otp_invalid: 'The code is wrong or has expired; please check it or get a new one.',
    otp_too_many_attempts: 'Too many wrong codes; please get a new code.',
    otp_too_soon: 'A code was just sent; you can ask for another in {{seconds}} seconds.',
    otp_too_many: 'Too many codes asked for; please try again later.',
    wechat_disabled: 'WeChat login is not available now; please log in with your phone number.',
    wechat_code: 'The WeChat login did not work; please try again.',
    wechat_unavailable: 'WeChat cannot be reached right now; please try later or log in with your phone number.',
    subscribe_not_configured: 'Message reminders are not available now.',
    subscribe_phone: 'Log in with WeChat to get message reminders.',
    upload_not_found: 'This photo was not found.',
  },
  otp: {
    sms_hidden: '[Login code, text message] Read only at the moment it is sent, deleted once sent, never sent after it expires.',
    message: '[防贫助手] Your login code is {{code}}, valid for {{minutes}} minutes.\nIf you are not logging in to the mini-program yourself, do not tell anyone this code.',
  },
  timeline: {
    documents_added: 'The same application was sent again; its photos were added to this one.',
    supplement: 'Additional papers',
  },
  /** Text messages (server/core/sms); the provider's templates are registered in Chinese. */
  sms: {
    case_update: 'Your application {{caseNo}} has news: {{status}}. See "My applications" in 防贫助手 for details.',
    login_code: 'Your login code is {{code}}, valid for {{minutes}} minutes. If you are not logging in yourself, do not tell anyone this code.',
  },
};

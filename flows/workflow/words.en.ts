/** Every status's words, en (complete translation of words.zh-CN.ts). Command words stay Chinese: they are what the bot understands. */
import type { DecisionWords, StatusWordsTable } from './word-types';

export const statusWordsEn: StatusWordsTable = {
  submitted: {
    label: 'Submitted',
    stage: 'submitted',
    arrival: 'Application submitted.',
    explain: {
      meaning: 'Your application was submitted and is being passed to the village committee.',
      next: 'Nothing to do: wait for the next message. Reply "status" to see progress.',
    },
  },
  village_review: {
    label: 'Village committee review',
    stage: 'village review',
    step: 'the village committee’s first review',
    arrival: 'The village committee has received your application and is reviewing it.',
    explain: {
      meaning: 'The village committee is doing the first review: checking your situation and whether the papers are complete and true.',
      next: 'Usually within {{limit}}. A village cadre may call or visit, so please keep your phone on.',
    },
    need: 'Needed: the village committee’s first review of the application and documents.',
    within: 'village committee first review usually within {{limit}}',
  },
  town_review: {
    label: 'Town review',
    stage: 'town review',
    step: 'the town review',
    arrival: 'The village committee approved your application in its first review. It has gone to the town for review.',
    explain: {
      meaning: 'The village review passed; the town is now reviewing it.',
      next: 'Usually within {{limit}}. No more papers needed — wait for the next message.',
    },
    need: 'Needed: the town review.',
    within: 'town review usually within {{limit}}',
  },
  county_review: {
    label: 'County review',
    stage: 'county review',
    step: 'the county review',
    arrival: 'The town approved your application. It has gone to the county for review.',
    explain: {
      meaning: 'The town review passed; the county office is now reviewing it and will arrange a home visit.',
      next: 'Usually within {{limit}}. Wait for the next message.',
    },
    need: 'Needed: the county review. Reply 通过 and you will be asked which verifier to assign.',
    within: 'county review usually within {{limit}}',
    cadreNext: 'Next: send "approve {{caseNo}}" and assign a verifier; urgent: "fast {{caseNo}} REASON"; documents missing: "return {{caseNo}} missing ITEMS"; not eligible: "reject {{caseNo}} REASON".',
  },
  verification: {
    label: 'Home visit and verification',
    stage: 'household verification',
    step: 'the home visit',
    arrival: 'The county approved your application. Next is a home visit: staff will contact you to visit your home. Please keep your phone on.',
    explain: {
      meaning: 'The county has sent a verifier (possibly from an insurance company) to check your household\'s income, spending and hardship at home.',
      next: 'The verifier will contact you first. Please be at home and have your medical, disaster or school receipts ready. Usually done within {{limit}}.',
    },
    need: 'Needed: the home visit — verify income, members and expenses, take photos. Book the visit first; afterwards reply 通过 and enter the findings as asked.',
    within: 'home visit usually within {{limit}}',
    cadreNext: 'Next: send "visit {{caseNo}} on DATE" to arrange the household visit; afterwards "approve {{caseNo}}" to enter the results.',
  },
  assessment: {
    label: 'Village assessment',
    stage: 'village assessment',
    step: 'the village assessment',
    arrival: 'The home visit is done. Next, the village will meet to assess your household’s situation.',
    explain: {
      meaning: 'The home visit is done; the village is now meeting to assess whether your household qualifies.',
      next: 'Nothing to do. If it passes, it will be posted as a public notice in your village.',
    },
    need: 'Needed: the village assessment. Afterwards reply 通过 and enter the result, attendance and the dates of the public notice as asked.',
    within: 'village assessment usually within {{limit}}',
    cadreNext: 'Next: after the village assessment send "approve {{caseNo}}" to enter its result and the notice dates; not agreed: "reject {{caseNo}} REASON".',
  },
  publicity: {
    label: 'Public notice',
    stage: 'public notice',
    step: 'the approval after the public notice',
    arrival:
      'The village assessment agreed. As required, there will be a public notice in the village from {{start}} to {{end}}. The notice does not show ID numbers, phone numbers or illnesses. If there is no objection, it goes to the county for approval.',
    explain: {
      meaning: 'The assessment passed and the result is posted in your village for at least {{publicityDays}} so everyone can see it is fair. It never shows your ID number, phone or illness.',
      next: 'Without objections it goes on to approval; if someone objects, the village checks.',
    },
    need: 'Public notice: {{start}} to {{end}}. Once it has ended and any objections are resolved, reply 通过 and enter the amount, household category and measures as asked.',
    within: 'public notice at least {{publicityDays}}',
    cadreNext: 'Next: the notice runs until {{end}}. Objections: "objection {{caseNo}} TEXT"; after it ends "approve {{caseNo}}" to enter the amount, category and measures.',
    cadreNextEnded: 'Next: the notice has ended; send "approve {{caseNo}}" to enter the amount, category and measures.',
  },
  approved: {
    label: 'Approved',
    stage: 'approved, to be paid',
    step: 'the payment',
    arrival: 'Your application was approved!\nAmount: {{amount}}\nHelp given: {{measures}}\nHousehold category: {{category}}\nWe will tell you again when the money is paid.',
    explain: {
      meaning: 'Approved! Your household is identified for assistance with the measures and amount approved.',
      next: 'The money is paid as the rules say, usually within {{limit}}, and you will be told when it is paid.',
    },
    need: 'Needed: pay the assistance of {{amount}}. Once paid, reply 通过 and enter the payment reference and date as asked.',
    cadreNext: 'Next: once paid, send "approve {{caseNo}}" to enter the payment reference and date.',
  },
  paid: {
    label: 'Paid',
    stage: 'paid',
    arrival: 'The assistance of {{amount}} was paid on {{date}}. Please check that you received it.',
    chat: 'Questions? Reply "human".',
    explain: {
      meaning: 'The assistance has been paid.',
      next: 'Please check your bank or social security card. If hardship comes again, you can apply again.',
    },
  },
  returned: {
    label: 'Returned for more documents',
    stage: 'returned for documents',
    step: 'the missing documents',
    arrival: 'Your application needs more documents (found at {{step}}):\n{{items}}',
    chat: 'Send the photos right here, then reply "好了" (done).',
    explain: {
      meaning: 'Your application was returned: these papers are missing: {{items}}.',
      next: 'Send photos of them, then reply "done". Usually within {{limit}}; if you cannot, reply "human" and a village cadre will help.',
    },
    cadreNext: 'Next: waiting for the applicant\'s documents; the case returns to its review step when they are supplied, and you will be told.',
  },
  rejected: {
    label: 'Not approved',
    stage: 'rejected',
    arrival:
      'We are sorry: your application was not approved ({{step}}).\nReason: {{reason}}\nIf you disagree, you can ask {{office}} for a re-check (复核) within {{days}} days of this message.',
    chat: 'Or reply "human" and a village cadre will help you.',
    explain: {
      meaning: 'This review did not identify your household; the reason is in the notice.',
      next: 'If you think it is wrong, ask for a re-check: reply "human", or go to the village committee with any new papers. If things change, you can apply again.',
    },
  },
  withdrawn: {
    label: 'Withdrawn',
    stage: 'withdrawn',
    arrival: 'Your application has been withdrawn. You can apply again at any time.',
    explain: {
      meaning: 'This application was withdrawn and will not be reviewed.',
      next: 'If you still need help, reply "menu" and then 1 to apply again.',
    },
  },
};

/** The decision's words (with the official Chinese term where a reader may meet it on paper). */
export const decisionWordsEn: DecisionWords = {
  measure: {
    dibao: 'minimum living allowance (低保)',
    temporary_relief: 'temporary relief',
    medical_aid: 'medical aid',
    education_aid: 'education aid',
    insurance_payout: 'anti-poverty insurance payout',
    public_job: 'public-service job',
    industry_subsidy: 'industry subsidy',
    housing_repair: 'dangerous-house repair',
    employment_aid: 'employment support',
    other: 'other',
  },
  category: {
    unstable_lifted: 'lifted out of poverty but unstable (脱贫不稳定户)',
    marginal: 'on the edge of poverty (边缘易致贫户)',
    sudden_hardship: 'in sudden severe hardship (突发严重困难户)',
  },
};

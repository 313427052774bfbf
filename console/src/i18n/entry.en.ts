/** Entering an application for a villager, and the demo clock, English (the same keys as entry.zh-CN.ts). */
import type { demoZhCN, entryZhCN } from './entry.zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const entryEn: Shape<typeof entryZhCN> = {
  nav: 'Enter application',
  title: 'Enter an application for a villager',
  hint: 'Fill in an application for a villager who cannot use WeChat: the questions are the mini-program’s. It then goes through the village review and on as any other; you are recorded as the person who entered it.',
  cause: 'Reason for applying',
  photos: 'Photos of the papers',
  photosHint: 'Take or choose photos of the villager’s papers, each filed as one document.',
  addPhoto: 'Add a photo',
  consentTitle: 'Consent given in person',
  consentInPerson: 'The villager gave this consent to me ({{name}}) in person on {{date}}',
  submit: 'Submit the application',
  submitting: 'Submitting…',
  uploading: 'Uploading photos ({{done}}/{{total}})…',
  filed: 'Submitted: case {{caseNo}}',
  photoFailed: 'The application was submitted, but a photo did not upload: {{message}}. You can upload it again here.',
  fixFields: '{{n}} answer(s) need changing: see the fields marked in red.',
  required: 'Please fill this in',
  consentRequired: 'Please confirm the villager consented in person',
  flag: 'Entered by a cadre',
  flagBy: 'Entered by {{name}}',
  yes: 'Yes',
  no: 'No',
  select: 'Select',
};

export const demoEn: Shape<typeof demoZhCN> = {
  banner: 'Demo time: {{now}} ({{days}} day(s) ahead of the real time)',
  label: 'Demo clock',
  advance: 'Move the clock on by',
  days: 'days',
  go: 'Move on',
  reset: 'Back to the real time',
  advanced: 'Demo time is now {{now}}',
};

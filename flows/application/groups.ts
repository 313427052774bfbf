/**
 * The groups the summary shows the answers in, in order. A step names the group it starts
 * (engine/flow.ts `group`); the steps after it are in the same group until one names another.
 */
export const SUMMARY_GROUPS = [
  { id: 'applicant', label: 'summary.group.applicant' },
  { id: 'household', label: 'summary.group.household' },
  { id: 'hardship', label: 'summary.group.hardship' },
  { id: 'papers', label: 'summary.group.papers' },
] as const;

export type SummaryGroup = (typeof SUMMARY_GROUPS)[number]['id'];

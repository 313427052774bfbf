/**
 * What each role may do through the cadre API besides the workflow's moves and acts (those are
 * flows/workflow's: OWNER_ROLES, SIDE_ACT_ROLES): one list per capability, read by the core
 * actions and the routes that guard them. The auditor reads; it never changes anything.
 */
import type { Role } from '../../../flows/workflow';

export const MAY = {
  /** Create and change accounts — which ones: accounts.ts mayManage. */
  manageAccounts: ['county', 'town'],
  readAccounts: ['county', 'town', 'auditor'],
  /** Long-lived API tokens (scripts, integrations). */
  issueApiTokens: ['county'],
  /** Binding codes for a village's or town's work group ("绑定群"). */
  bindWorkGroups: ['county', 'town', 'village'],
  /** Compose, send and cancel broadcasts (a town: within its own town). */
  sendBroadcasts: ['county', 'town'],
  /** List and tag villagers' contacts: their own cadres, not the insurer's verifier nor the auditor. */
  keepContacts: ['county', 'town', 'village'],
  /**
   * 公示 lists (server/core/notices): a village makes and posts its own, the town and the county
   * office any of theirs, and sends it to the village work group; the auditor reads them.
   */
  makeNotices: ['county', 'town', 'village'],
  readNotices: ['county', 'town', 'village', 'auditor'],
  /** 代录: enter an application for a villager without WeChat, in a village of one's region (server/core/cases/enter.ts). */
  enterApplications: ['county', 'town', 'village'],
  readOutbox: ['county'],
  retryOutbox: ['county'],
  readAudit: ['county', 'auditor'],
  /** The county's settings (regions, office phones, income lines, time limits and calendar): every cadre reads those of its own region; the county office edits its county's. */
  editCountySettings: ['county'],
  /** Policy articles and FAQ entries. */
  readKnowledge: ['county', 'auditor'],
  editKnowledge: ['county'],
  /**
   * "显示完整": the applicant's full ID number or phone, one field at a time, audited, on a case
   * of one's own region (a verifier: one assigned to it) — the cadres who check the person in
   * front of them or call the household. Not the auditor: auditing what was done needs the case
   * and its trail, not the means to identify or ring a household; it reads them masked.
   */
  revealIdentity: ['village', 'town', 'county', 'verifier'],
  /** The statistics of one's region (server/core/stats): not the insurer's verifier, who sees only the cases assigned to it. */
  readStats: ['county', 'town', 'village', 'auditor'],
  /** The county's budget for the year, against which the statistics set what was paid. */
  setBudget: ['county'],
  /**
   * The 台账 export (server/core/export): each its own region's cases, as its work queue lists them
   * (a verifier: the cases assigned to it). A layout writing ID numbers or phones whole needs
   * revealIdentity besides — the auditor exports them masked.
   */
  exportLedger: ['village', 'town', 'county', 'verifier', 'auditor'],
  /** The county's own export layouts (copies of the built-in ones, edited). */
  editExportLayouts: ['county'],
  /**
   * Department data (server/core/alerts): the county office configures its departments (column
   * mappings, alert rules, the push API's token) and uploads their files; the alerts — check tasks —
   * are read in one's region, and closed by the offices that check households.
   */
  configureDepartments: ['county'],
  importDepartmentData: ['county'],
  readAlerts: ['county', 'town', 'village', 'auditor'],
  closeAlerts: ['county', 'town', 'village'],
  /**
   * The monitoring register (server/core/register): its households, their risks, measures and
   * history, each its own region's. Not the insurer's verifier, who reads the cases assigned to it.
   */
  readRegister: ['county', 'town', 'village', 'auditor'],
  /** Record a household's measures, its 帮扶责任人 and its labour flag. */
  keepRegister: ['county', 'town', 'village'],
} as const satisfies Record<string, readonly Role[]>;

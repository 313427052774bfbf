/**
 * The shapes the server sends and takes (miniprogram/API.md). Pure types: the pages, the form
 * state and the API client all speak these.
 */
export type Lang = 'zh-CN' | 'en';
export type Cause = 'illness' | 'disaster' | 'education';
export const CAUSES: readonly Cause[] = ['illness', 'disaster', 'education'];

export interface AppConfig {
  wechatLogin: boolean;
  otpLogin: boolean;
  subscribeTemplateId: string | null;
  langs: Lang[];
  /** The county's language (DEFAULT_LANG): shown until the villager picks one. */
  defaultLang: Lang;
  /** Case updates go by SMS to the phone given on the form (SMS_PROVIDER set). */
  smsUpdates: boolean;
  maxUploadBytes: number;
  uploadTypes: string[];
  /** The whole identification's time limit (the county's), for the steps the app describes. */
  totalLimit?: { days: number; working: boolean };
}

export interface FieldOption {
  value: string | boolean;
  label: string;
  description?: string;
}

export type FieldKind =
  | 'name' | 'text' | 'id_number' | 'phone' | 'integer' | 'money' | 'date' | 'choice' | 'region' | 'yesno' | 'consent';

export interface FieldConstraints {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  min?: number;
  max?: number;
}

export interface FormField {
  name: string;
  kind: FieldKind;
  label: string;
  question?: string;
  example?: string;
  help?: string;
  required?: boolean;
  constraints?: FieldConstraints;
  options?: FieldOption[];
  /** Villages: the options depend on the chosen town. */
  optionsBy?: { field: string; options: Record<string, FieldOption[]> };
  level?: 'town' | 'village';
  unit?: string;
  allowZero?: boolean;
  /** The name of a field this amount may not exceed. */
  atMost?: string;
  visibleWhen?: { field: string; equals: string | boolean };
  /** The question's text depends on earlier answers: the server's check gives it. */
  dynamic?: boolean;
  agreeLabel?: string;
}

export interface FormSection {
  id: string;
  title: string;
  fields: string[];
}

export interface ChecklistItem {
  item: string;
  label: string;
  required: boolean;
}

export interface FormDefinition {
  cause: Cause;
  lang: Lang;
  version: string;
  title: string;
  causes: { value: Cause; label: string; description?: string }[];
  intro?: string;
  sections: FormSection[];
  fields: FormField[];
  documents: ChecklistItem[];
  documentsNote?: string;
  consents?: FormField[];
}

export interface CheckFigures {
  perCapitaIncomeFen?: number | null;
  perCapitaIncomeText?: string | null;
  rigidExpenseFen?: number | null;
  rigidExpenseText?: string | null;
  incomeLineFen?: number | null;
  underIncomeLine?: boolean | null;
  expenseExceedsIncome?: boolean | null;
}

export interface SummaryLine {
  name?: string;
  label: string;
  value: string;
}

export interface CheckResult {
  errors: Record<string, string>;
  missing: string[];
  questions: Record<string, string>;
  figures: CheckFigures | null;
  precheck: string[];
  summary: SummaryLine[];
  /** Each amount as the chat's parser read it ("两万4" → 2,400,000 fen, "24,000元"), for the text typed (`input`). */
  amounts?: Record<string, { input: string; fen: number; text: string }>;
}

export interface Villager {
  id: string;
  via: 'wechat' | 'phone';
  phoneTail: string | null;
  lang: Lang;
}

export interface Session {
  token: string;
  expiresAt: string;
  villager: Villager;
}

export interface UploadInfo {
  id: string;
  mime: string;
  size: number;
  sha256?: string;
  createdAt?: string;
}

export interface SubmissionBody {
  cause: Cause;
  lang: Lang;
  answers: Record<string, string | number | boolean>;
  documents: { uploadId: string; item: string }[];
}

export interface CaseListItem {
  caseNo: string;
  cause: Cause;
  causeLabel: string;
  status: string;
  statusLabel: string;
  submittedAt: string;
  updatedAt?: string;
  overdue?: boolean;
  needsAction?: boolean;
}

export interface TimelineEntry {
  at: string;
  status: string;
  statusLabel: string;
  text: string;
}

export interface CaseDocument {
  id: string;
  item: string;
  label: string;
  mime: string;
  createdAt: string;
}

export interface CaseDetail extends CaseListItem {
  village?: string;
  town?: string;
  applicant?: { name: string; idNumberTail?: string; phoneTail?: string };
  summary: SummaryLine[];
  figures?: { perCapitaIncomeFen?: number | null; rigidExpenseFen?: number | null; incomeLineFen?: number | null } | null;
  documents: CaseDocument[];
  missing: { items: string[]; note?: string | null; returnedAt?: string } | null;
  canSupplement: boolean;
  canWithdraw: boolean;
  /** Its news also goes by text message to the phone on its form (the filer logged in with it; when the server sends them). */
  textsToPhone?: boolean;
  timeline: TimelineEntry[];
  approvedAmountFen?: number | null;
  paidAt?: string | null;
}

export interface SubmitResult {
  case: CaseDetail;
  duplicate: boolean;
}

/** GET /api/public/policies → { items } */
export interface PolicySummary {
  id: string;
  title: string;
  summary?: string;
  tags?: string[];
  effectiveFrom?: string | null;
}

/** GET /api/public/policies/:id → { article } */
export interface PolicyArticle {
  id: string;
  title: string;
  body: string;
  updatedAt?: string;
}

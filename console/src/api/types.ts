/** The shapes of the API's answers the console reads (docs/api.md). */
export type Role = 'village' | 'town' | 'county' | 'verifier' | 'auditor';

export type Me = {
  cadre: { id: string; name: string; role: Role; region: { code: string; name: string; level: string } | null };
  via: 'session' | 'api_token' | 'admin';
  expiresAt?: string;
};

export type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: (string | number)[];
  const?: unknown;
  items?: JsonSchema;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxLength?: number;
};

export type MoveSchema = { id: string; action: string; from: string[]; to: string | null; noteRequired: boolean; data: JsonSchema };

export type Workflow = {
  statuses: string[];
  /** The statuses the console names: where a filed case starts (and passes on at once), where a returned one waits. */
  statusOf: { filed: string; returned: string };
  owners: Record<string, Role[]>;
  /** The side acts: the status each happens in and who does it. */
  sideActs: Record<'visit' | 'objection', { status: string; roles: Role[] }>;
  moves: MoveSchema[];
  todo: string[];
  lang: string;
  words: {
    statuses: Record<string, { label: string; stage: string }>;
    causes: Record<string, string>;
    roles: Record<Role, string>;
    actions: Record<string, string>;
    /** Case events that are not moves (objection_resolved, duplicate_application, …). */
    events: Record<string, string>;
    moves: Record<string, string>;
    fields: Record<string, string>;
    outcomes: Record<string, string>;
    results: Record<string, string>;
    categories: Record<string, string>;
    measures: Record<string, string>;
    checklists: Record<string, { id: string; label: string }[]>;
    /** The monitoring register's words (flows/register). */
    register: { states: Record<string, string>; riskCauses: Record<string, string>; riskSources: Record<string, string>; events: Record<string, string>; eliminationStatuses: Record<string, string>; departments: Record<string, string> };
  };
};

export type Region = { code: string; name: string; level: 'county' | 'town' | 'village'; parentCode: string | null };

export type Place = { code: string; name: string } | null;
export type Identity = { check: 'pending' | 'confirmed'; reason: string | null } | null;

export type CaseSummary = {
  caseNo: string;
  status: string;
  cause: string;
  village: Place;
  town: Place;
  applicantName: string | null;
  identity: Identity;
  rigidExpenseFen: number;
  perCapitaIncomeFen: number;
  submittedAt: string;
  updatedAt: string;
  statusSince: string;
  dueAt: string | null;
  overdue: boolean;
  /** The server's colour for the limit (its working-day rule): null without a limit. */
  due: 'ok' | 'soon' | 'overdue' | null;
  greenChannel: boolean;
  /** 代录: a cadre entered it for a villager without WeChat (channel 'cadre'). */
  entered?: boolean;
  /** The detail only: who entered it (录入人), when. */
  enteredBy?: { id: string | null; name: string | null; at: string } | null;
};

export type CaseList = {
  page?: number;
  pageSize: number;
  total?: number;
  totalExact?: boolean;
  statusCounts?: Record<string, number>;
  nextCursor: string | null;
  cases: CaseSummary[];
};

export type CaseDocument = { id: string; kind: string; mime: string; size: number; fileName: string | null; createdAt: string; url: string };
export type CaseEvent = { at: string; type: string; actorType: string; actorId: string | null; actorName: string | null; from: string | null; to: string | null; note: string | null; data: unknown };

export type CaseDetail = CaseSummary & {
  lang: string;
  overdueSince: string | null;
  returnedFrom: string | null;
  missingItems: string[];
  verifier: { id: string; name: string | null } | null;
  visit: { date: string | null; scheduledAt: string } | null;
  verification: { verifiedIncomeFen: number; verifiedMembers: number; verifiedExpenseFen: number; outcome: string; visitedOn?: string; note?: string } | null;
  assessment: { result: string; attendance: number; proposedMeasures?: string[] } | null;
  publicity: { start: string; end: string } | null;
  decision: { amountFen: number; category: string | null; measures: string[] } | null;
  payment: { ref: string; paidOn: string | null } | null;
  rejectionReason: string | null;
  /** noticeId: raised against a posted 公示 list (its public page: /notice/<id>). */
  objections: { id: string; note: string; recordedBy: { name: string | null } | null; receivedAt: string; resolvedAt: string | null; resolution: string | null; noticeId: string | null }[];
  allowedMoves: { action: string; to: string }[];
  household: {
    registered: boolean;
    headName: string | null;
    idNumber: string | null;
    phone: string | null;
    size: number | null;
    povertyAlleviated: boolean | null;
    registryVillage: Place;
    filerGave: Record<string, unknown> | null;
  };
  figures: {
    householdSize: number;
    incomeYear: number;
    annualIncomeFen: number;
    perCapitaIncomeFen: number;
    rigidExpenseFen: number;
    incomeLineFen: number | null;
    underIncomeLine: boolean | null;
    expenseExceedsIncome: boolean;
  };
  answers: Record<string, unknown>;
  documents: CaseDocument[];
  events: CaseEvent[];
};

/** The application form's definition (miniprogram/API.md): its sections and fields say how to show the answers. */
export type FormField = { name: string; kind: string; label: string; unit?: string; options?: { value: unknown; label: string }[]; optionsBy?: { field: string; options: Record<string, { value: unknown; label: string }[]> } };
export type FormDefinition = { sections: { id: string; title: string; fields: string[] }[]; fields: FormField[] };

export type Cadre = { id: string; name: string; role: Role; active: boolean; region?: { code: string; name: string } | null };

/** POST /api/cases/:caseNo/reveal: one field of the applicant, whole (audited). */
export type RevealField = 'idNumber' | 'phone';
export type Revealed = { field: RevealField; value: string };

/** POST /api/cases/bulk-move: what happened to each case, in the order given. */
export type BulkMove = 'approve' | 'assign_verifier';
export type Refused = { code: string; message: string; field?: string; reason?: string };
export type BulkOutcome = ({ caseNo: string; ok: true; from: string; to: string }) | ({ caseNo: string; ok: false } & Refused);
export type BulkResult = { moved: number; refused: number; results: BulkOutcome[] };

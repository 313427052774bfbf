/** A small fixed world for the flow tests: 2 towns × 2 villages, one income line, a fixed clock. */
import { step } from '../../flows';
import type { CaseSummary, Effect, FlowContext, Inbound, SessionState, StepResult, UploadRef } from '../../flows';
import { illnessTyped } from '../support/illness';

export const NOW = new Date('2025-06-15T02:00:00Z'); // 10:00 in Asia/Shanghai

/** A valid 18-digit ID number (GB 11643 check digit X). */
export const ID = '11010519491231002X';
export const PHONE = '13812345678';

export function makeCtx(over: Partial<FlowContext> = {}): FlowContext {
  return {
    now: NOW,
    towns: [
      {
        code: 'T1',
        name: '东山镇',
        nameEn: 'Dongshan Town',
        villages: [
          { code: 'V11', name: '东山村', nameEn: 'Dongshan Village' },
          { code: 'V12', name: '柳树村', nameEn: 'Liushu Village' },
        ],
      },
      {
        code: 'T2',
        name: '西河乡',
        nameEn: 'Xihe Township',
        villages: [
          { code: 'V21', name: '西河村', nameEn: 'Xihe Village' },
          { code: 'V22', name: '桃园村', nameEn: 'Taoyuan Village' },
        ],
      },
    ],
    // 6,000 yuan for 东山村 in 2025 only; every other village is not configured.
    incomeLineFen: (village, year) => (village === 'V11' && year === 2025 ? 600000 : null),
    myCases: [],
    knownContact: true,
    ...over,
  };
}

export const text = (t: string): Inbound => ({ kind: 'text', text: t });

let uploadNo = 0;
export function upload(mediaType: 'image' | 'file' | 'audio' | 'video' = 'image'): Inbound & { upload: UploadRef } {
  uploadNo += 1;
  const sha256 = uploadNo.toString(16).padStart(64, '0');
  return { kind: 'media', mediaType, upload: { sha256, mime: 'image/jpeg', size: 1000, storageKey: `k/${sha256}` } };
}

/** A conversation: feeds messages one by one, keeping the state; each state goes through JSON like the server's. */
export class Chat {
  state: SessionState | null;
  last!: StepResult;
  /** Every effect emitted so far. */
  effects: Effect[] = [];
  constructor(
    public ctx: FlowContext = makeCtx(),
    state: SessionState | null = null,
  ) {
    this.state = state;
  }

  send(...messages: (string | Inbound)[]): StepResult {
    for (const m of messages) {
      const inbound = typeof m === 'string' ? text(m) : m;
      const before = JSON.stringify(this.state);
      this.last = step(this.state, inbound, this.ctx);
      // The engine must not mutate its input.
      expect(JSON.stringify(this.state)).toBe(before);
      this.state = JSON.parse(JSON.stringify(this.last.state));
      this.effects.push(...this.last.effects);
    }
    return this.last;
  }

  /** All reply texts of the last turn, joined. */
  get said(): string {
    return this.last.replies.map((r) => r.text).join('\n');
  }

  get at(): string {
    return `${this.state!.flow}/${this.state!.step}`;
  }

  effectsOf<T extends Effect['type']>(type: T): Extract<Effect, { type: T }>[] {
    return this.effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
  }
}

/**
 * From a greeting to the first cause-specific question: 东山镇 / 东山村 (income line 6,000 yuan),
 * 4 people, 20,000 yuan income (5,000 per person), 脱贫户.
 */
export function applicant(cause: '1' | '2' | '3', village: '1' | '2' = '1'): string[] {
  return ['你好', '1', cause, '张三', ID, PHONE, '1', village, '4', '2万', '是'];
}

/** Cause-specific answers, up to the pre-check (which is said on the way to the documents). */
export const ILLNESS_ANSWERS = illnessTyped({ patient: '1' });
export const DISASTER_ANSWERS = ['1', '2025-06-01', '3万', '5000'];
export const EDUCATION_ANSWERS = ['王小明', '4', '县第一中学', '1万2', '2000'];

export const ILLNESS = [...applicant('1'), ...ILLNESS_ANSWERS];
export const DISASTER = [...applicant('2'), ...DISASTER_ANSWERS];
export const EDUCATION = [...applicant('3'), ...EDUCATION_ANSWERS];

/** Documents (one photo per item, "好了") and both consents: lands on the summary. */
export function documentsAndConsent(items: number): (string | Inbound)[] {
  const out: (string | Inbound)[] = [];
  for (let i = 0; i < items; i++) out.push(upload(), '好了');
  return [...out, '同意', '同意'];
}

export const TO_SUMMARY = {
  illness: [...ILLNESS, ...documentsAndConsent(2)],
  disaster: [...DISASTER, ...documentsAndConsent(1)],
  education: [...EDUCATION, ...documentsAndConsent(2)],
};

/** A chat standing at the summary of an application for `cause`. */
export function atSummary(cause: keyof typeof TO_SUMMARY, ctx = makeCtx()): Chat {
  const chat = new Chat(ctx);
  chat.send(...TO_SUMMARY[cause]);
  expect(chat.at).toBe('apply/summary');
  return chat;
}

export type { CaseSummary };

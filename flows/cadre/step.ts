/**
 * The cadre chat as one pure step: (state, message, view, allowed moves) → (state, replies,
 * effects). The server reads the message (readInbound), loads what needsOf asks — the work list,
 * the case the message is about with its facts, detail and verifiers — calls the step, carries
 * out the effects in the message's transaction and says their outcomes (outcome.ts).
 *
 * An exchange in progress (exchange.ts) takes every message as its next answer except "待办" and a
 * new case command, which leave it; after two idle hours it is over.
 */
import type { Inbound } from '../engine/types';
import { t } from '../i18n';
import { shanghaiDate } from '../i18n/format';
import { outsideScope, publicityGuard, statusOfAct, type Action, type Refusal } from '../workflow';
import { confirmsIdentity, parseCadreCommand, type CadreCommand } from './commands';
import { parseComingDay } from './day';
import { answerExchange, currentQuestion, exchangeHelp, guideExpired, interruptsGuide, startExchange } from './exchange';
import { moveRefusal, type AllowedMove } from './move-refusal';
import { refusalReply } from './outcome';
import { APPROVE_GUIDE } from './plans';
import { ledgerText, statsPeriodParam, statsText } from './report';
import { alertsText, alertUsageText, type AlertClosure } from './alerts';
import { caseText, greetingText, helpText, pendingText, unknownText, usageText } from './text';
import { idleState, type CadreInbound, type CadreNeeds, type CadreState, type CadreTurn, type CadreView, type CaseTarget, type Guide, type GuideCtx, type GuideKind, type GuideOption } from './types';
import type { CadreEffect, RefusalCase } from './effects';

/** The step's own refusal of a fast approval: 身份待核实 is confirmed first ("通过 … 身份已核实"), not in the middle of the green channel's questions. */
const IDENTITY_REFUSAL: Refusal = { code: 'invalid_data', message: 'the applicant’s identity is to be verified (身份待核实)', field: 'data.identityConfirmed' };

export function readInbound(inbound: Inbound): CadreInbound {
  if (inbound.kind === 'text') return { kind: 'text', text: inbound.text, command: parseCadreCommand(inbound.text) };
  if (inbound.mediaType === 'audio' || !inbound.upload.storageKey) return { kind: 'voice' };
  return { kind: 'photo', upload: inbound.upload };
}

/** What a message does given the state: feeds the exchange, or is a command (after leaving one). */
type Route =
  | { kind: 'media' }
  | { kind: 'exchange'; guide: Guide; text: string; command: CadreCommand | null }
  | { kind: 'command'; command: CadreCommand | null; left?: { guide: Guide; why: 'expired' | 'interrupted' } };

function route(state: CadreState | null, inbound: CadreInbound, now: Date): Route {
  if (inbound.kind !== 'text') return { kind: 'media' };
  const guide = state?.guide;
  const command = inbound.command;
  if (!guide) return { kind: 'command', command };
  if (guideExpired(guide, now)) return { kind: 'command', command, left: { guide, why: 'expired' } };
  if (!interruptsGuide(guide, command)) return { kind: 'exchange', guide, text: inbound.text, command };
  return { kind: 'command', command, left: { guide, why: 'interrupted' } };
}

/** What the server must load before calling the step on this message. */
export function needsOf(state: CadreState | null, inbound: CadreInbound, now: Date): CadreNeeds {
  const none: CadreNeeds = { pending: false, case: null, detail: false, verifiers: false };
  const r = route(state, inbound, now);
  if (r.kind === 'media') return inbound.kind === 'photo' && state?.guide ? { ...none, case: { caseNo: state.guide.caseNo } } : none;
  if (r.kind === 'exchange') return { ...none, case: { caseNo: r.guide.caseNo } };
  const cmd = r.command;
  return {
    pending: cmd?.kind === 'pending',
    case: cmd && 'ref' in cmd ? { ref: cmd.ref } : null,
    detail: cmd?.kind === 'view',
    verifiers: cmd?.kind === 'approve',
    ...(cmd?.kind === 'stats' ? { stats: { period: statsPeriodParam(cmd.period, now) } } : {}),
    ...(cmd?.kind === 'export' ? { ledger: true as const } : {}),
    ...(cmd?.kind === 'alerts' ? { alerts: true as const } : {}),
  };
}

export function cadreStep(state: CadreState | null, inbound: CadreInbound, view: CadreView, allowed: readonly AllowedMove[]): CadreTurn {
  const s = new Step(state ? { ...state, lang: view.lang } : idleState(view.lang), view, allowed);
  const r = route(state, inbound, view.now);
  if (r.kind === 'media') return s.media(inbound);
  if (r.kind === 'exchange') return s.exchange(r.guide, r.text, r.command);
  if (!r.left) return s.command(r.command);
  const left = s.say(s.idle(), s.t(`cadre.guide.${r.left.why}`, { caseNo: r.left.guide.caseNo }));
  const next = s.withState(left.state).command(r.command);
  return { ...next, replies: [...left.replies, ...next.replies] };
}

/** One message's work; holds nothing but what the step was given. */
class Step {
  private readonly c: GuideCtx;

  constructor(
    private readonly state: CadreState,
    private readonly view: CadreView,
    private readonly allowed: readonly AllowedMove[],
  ) {
    this.c = { lang: state.lang, now: view.now, publicityMinDays: view.publicityMinDays };
  }

  withState(state: CadreState): Step {
    return new Step(state, this.view, this.allowed);
  }

  t(key: string, params?: Record<string, unknown>): string {
    return t(this.state.lang, key, params);
  }

  idle(): CadreState {
    return idleState(this.state.lang);
  }

  say(state: CadreState, ...lines: string[]): CadreTurn {
    return this.act(state, [], ...lines);
  }

  private act(state: CadreState, effects: CadreEffect[], ...lines: string[]): CadreTurn {
    return { state, replies: lines.filter((l) => l.trim() !== ''), effects };
  }

  /** Keeps the state: only says. */
  private reply(...lines: string[]): CadreTurn {
    return this.say(this.state, ...lines);
  }

  // --- the exchange -------------------------------------------------------------------------------

  exchange(guide: Guide, text: string, command: CadreCommand | null): CadreTurn {
    if (command?.kind === 'cancel') return this.say(this.idle(), this.t('cadre.guide.dropped', { caseNo: guide.caseNo }));
    if (command?.kind === 'help') return this.reply(exchangeHelp(guide, this.c));
    const target = this.view.target;
    const status = target?.kind === 'case' ? target.facts.status : null;
    return answerExchange(this.state, guide, text, status, this.c);
  }

  media(inbound: CadreInbound): CadreTurn {
    const g = this.state.guide;
    if (inbound.kind !== 'photo') return this.reply(this.t('cadre.photo.voice'));
    if (!g || this.view.target?.kind !== 'case') return this.reply(this.t('cadre.photo.outside'));
    const guide = { ...g, photos: g.photos + 1 };
    // photos sent while the home visit's findings are entered are the visit's evidence
    const visitFindings = g.kind === APPROVE_GUIDE[statusOfAct('visit')];
    const attach: CadreEffect = { type: 'attach_photo', caseNo: g.caseNo, upload: inbound.upload, kind: visitFindings ? 'verification_photo' : 'cadre_photo' };
    return this.act({ ...this.state, guide }, [attach], [this.t('cadre.guide.photo_received', { caseNo: g.caseNo, n: guide.photos }), currentQuestion(guide, this.c)].join('\n'));
  }

  // --- commands -------------------------------------------------------------------------------------

  command(cmd: CadreCommand | null): CadreTurn {
    const lang = this.state.lang;
    const { who, now } = this.view;
    if (!cmd) return this.reply(unknownText(lang));
    switch (cmd.kind) {
      case 'pending': {
        const { items, total } = loaded(this.view.pending, 'the pending list');
        return this.reply(pendingText(lang, who, items, total, now));
      }
      case 'help':
        return this.reply(helpText(lang, who, this.view.inRoom));
      case 'stats':
        // the region's figures in a private chat or the region's own work group, not in any group the cadre is in
        if (this.view.inRoom && !this.view.roomInRegion) return this.reply(this.t('cadre.room.stats_private'));
        return this.reply(statsText(lang, who.role, loaded(this.view.stats, 'the figures')));
      case 'export':
        return this.reply(ledgerText(lang, loaded(this.view.ledger, 'the ledger\'s layouts')));
      case 'alerts': {
        const v = loaded(this.view.alerts, 'the alerts');
        // in a group, how many only: the list names households and their figures
        if (this.view.inRoom && v.allowed) return this.reply(this.t('cadre.room.alerts_count', { region: v.region, count: v.total }));
        return this.say({ ...this.state, alertIds: v.allowed ? v.items.map((a) => a.id) : undefined }, alertsText(lang, v));
      }
      case 'close_alert':
        return this.closeAlert(cmd.number, cmd.closure, cmd.reason);
      case 'greeting':
        return this.reply(greetingText(lang, who));
      case 'lang_en':
      case 'lang_zh': {
        const to = cmd.kind === 'lang_en' ? 'en' : 'zh-CN';
        return this.act({ ...this.state, lang: to }, [{ type: 'set_language', lang: to }], t(to, 'cadre.language_set'));
      }
      case 'cancel':
        return this.reply(this.t('cadre.nothing_to_cancel'));
      case 'incomplete':
        return this.reply(usageText(lang, cmd.verb));
    }
    const target = loaded(this.view.target, 'the case');
    if (target.kind === 'ambiguous') return this.reply(this.t('cadre.refused.ambiguous', { list: target.caseNos.join('、'), caseNo: target.caseNos[0] }));
    switch (cmd.kind) {
      case 'view':
        return this.viewCase(target);
      case 'approve':
        return this.approve(target, cmd.note);
      case 'return':
        return this.move(target, 'return', (c) => (cmd.items.length === 0 ? this.start(c, 'return') : this.transition(c.caseNo, 'return', '', { items: cmd.items })));
      case 'reject':
        return this.move(target, 'reject', (c) => (cmd.reason.trim() === '' ? this.start(c, 'reject') : this.transition(c.caseNo, 'reject', cmd.reason, {})));
      case 'fast_approve':
        return this.move(target, 'fast_approve', (c) =>
          c.facts.identityCheck === 'pending' ? this.refuse(c.caseNo, 'fast_approve', IDENTITY_REFUSAL, { audit: 'chat:fast_approve', status: c.facts.status }) : this.start(c, 'fast_approve', cmd.reason),
        );
      case 'visit':
        return this.visit(target.caseNo, cmd.when, cmd.note);
      case 'objection':
        if (cmd.text.trim() === '') return this.reply(usageText(lang, 'objection'));
        return this.act(this.state, [{ type: 'objection', caseNo: target.caseNo, text: cmd.text }]);
      case 'resolve_objection': {
        if (cmd.number === null || cmd.text.trim() === '') return this.reply(usageText(lang, 'resolve_objection'));
        const objectionId = target.kind === 'case' ? (target.objectionIds[cmd.number - 1] ?? null) : null;
        return this.act(this.state, [{ type: 'resolve_objection', caseNo: target.caseNo, number: cmd.number, objectionId, text: cmd.text }]);
      }
    }
  }

  /** 预警 N 不需要 原因 / 已有帮扶: the alert the last 预警 listed as N (a reason required for 不需要, as the console asks). */
  private closeAlert(n: number | null, closure: AlertClosure | null, reason: string): CadreTurn {
    const lang = this.state.lang;
    if (n === null || closure === null || (closure === 'not_needed' && reason.length < 2)) return this.reply(alertUsageText(lang, 'usage', n));
    const ids = this.state.alertIds;
    if (!ids) return this.reply(alertUsageText(lang, 'no_list'));
    const alertId = ids[n - 1];
    if (!alertId) return this.reply(alertUsageText(lang, 'no_number', n));
    return this.act(this.state, [{ type: 'close_alert', alertId, number: n, closure, reason }]);
  }

  /** 查看: outside the cadre's reach it reads (and is audited) as a case that does not exist. */
  private viewCase(target: Exclude<CaseTarget, { kind: 'ambiguous' }>): CadreTurn {
    const refusal: Refusal | null = target.kind === 'missing' ? { code: 'not_found', message: 'case not found' } : outsideScope(this.view.actor, target.facts);
    if (refusal || target.kind !== 'case') return this.refuse(target.caseNo, 'view', refusal!, { audit: 'chat:view', status: '' });
    const detail = loaded(target.detail, 'the case detail');
    // in a private chat the phone is shown (whole to the roles that may reveal it): written to the access audit
    const effects: CadreEffect[] = detail.personal ? [{ type: 'audit_view', caseNo: target.caseNo, fields: detail.personal.wholePhone ? ['phone'] : ['case'] }] : [];
    return this.act(this.state, effects, caseText(this.state.lang, detail, this.view.who.role, this.view.now));
  }

  /** 通过: at once where the move asks nothing, else its exchange — after what can be judged before the questions. */
  private approve(target: Exclude<CaseTarget, { kind: 'ambiguous' }>, note: string): CadreTurn {
    return this.move(target, 'approve', (c) => {
      const kind = APPROVE_GUIDE[c.facts.status];
      // a case flagged 身份待核实 passes the village review only with "身份已核实" in the note
      const identity = c.facts.identityCheck === 'pending' && confirmsIdentity(note) ? { identityConfirmed: true } : {};
      if (!kind) return this.transition(c.caseNo, 'approve', note, identity);
      if (kind === 'decision') {
        // the notice must have ended without open objections: say so before asking the decision's questions
        const refusal = publicityGuard(c.facts, { now: this.view.now, openObjections: c.openObjections });
        // the count only when the objections are the reason (the notice still running is said first)
        const open = refusal?.reason === 'open_objections' ? { openObjections: c.openObjections } : {};
        if (refusal) return this.refuse(c.caseNo, 'approve', refusal, { audit: 'transition:approve', status: c.facts.status, publicityEnd: publicityEndOf(c), ...open });
      }
      if (kind === 'assign_verifier') {
        const options = loaded(c.verifiers, 'the verifiers');
        if (options.length === 0) return this.reply(this.t('cadre.refused.no_verifier', { village: c.village }));
        return this.start(c, kind, note, options);
      }
      return this.start(c, kind, note);
    });
  }

  /**
   * Whether this cadre may make the move on the case as it stands (reach, status, role) before
   * anything is asked; a refusal is written to the audit trail as the workflow writes its own.
   */
  private move(target: Exclude<CaseTarget, { kind: 'ambiguous' }>, action: Action, then: (c: Extract<CaseTarget, { kind: 'case' }>) => CadreTurn): CadreTurn {
    const facts = target.kind === 'case' ? target.facts : null;
    const refusal = moveRefusal(this.view.actor, facts, action, this.allowed);
    if (refusal || target.kind !== 'case') {
      const c = target.kind === 'case' ? { status: target.facts.status, publicityEnd: publicityEndOf(target) } : {};
      return this.refuse(target.caseNo, action, refusal!, { audit: `transition:${action}`, ...c });
    }
    return then(target);
  }

  private start(c: Extract<CaseTarget, { kind: 'case' }>, kind: GuideKind, note = '', options?: GuideOption[]): CadreTurn {
    return startExchange(this.state, kind, { caseNo: c.caseNo, from: c.facts.status, note, ...(options ? { options } : {}) }, this.c);
  }

  private transition(caseNo: string, action: Action, note: string, data: Record<string, unknown>): CadreTurn {
    return this.act(this.state, [{ type: 'transition', caseNo, action, note, data }]);
  }

  /** 核查 … 预约 <day>: a day still to come; the workflow checks who and when. */
  private visit(caseNo: string, when: string, note: string): CadreTurn {
    if (when.trim() === '') return this.reply(usageText(this.state.lang, 'visit'));
    const day = parseComingDay(when, this.view.now);
    if (!day.ok) return this.reply([this.t(day.reason === 'date_past' ? 'cadre.hint.date_past' : `parse.${day.reason}`), usageText(this.state.lang, 'visit')].join('\n'));
    return this.act(this.state, [{ type: 'visit', caseNo, date: day.value, note }]);
  }

  /** Says why not, and audits it under `audit` (the step decided it, not the workflow). */
  private refuse(caseNo: string, action: string, refusal: Refusal, c: Partial<RefusalCase> & { audit: string }): CadreTurn {
    const { audit, ...facts } = c;
    return this.act(this.state, [{ type: 'audit_refusal', caseNo, action: audit, refusal }], refusalReply(this.view, this.state.lang, caseNo, action, refusal, facts));
  }
}

/** The last day of the notice (stored as that day's midnight in China). */
function publicityEndOf(c: Extract<CaseTarget, { kind: 'case' }>): string | null {
  return c.facts.publicityEnd ? shanghaiDate(c.facts.publicityEnd) : null;
}

/** A part of the view needsOf asked for: missing, the server did not load what it was told to. */
function loaded<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`cadre step: ${what} was not loaded`);
  return value;
}

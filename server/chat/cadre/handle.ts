/**
 * One message from a bound cadre (private chat, or @-mentioning the bot in any group): parse it
 * (flows/cadre, pure), act on the case through the workflow (performTransition, objections,
 * visits — each checks the role and jurisdiction and audits a refusal), and answer in the
 * cadre's language with what to do next. A guided exchange in progress lives in the cadre's
 * session; anything but a new case command is its next answer.
 */
import { confirmsIdentity, parseCadreCommand, type CadreCommand } from '../../../flows/cadre/commands';
import { parseComingDay } from '../../../flows/cadre/day';
import { answerGuide, APPROVE_GUIDE, currentQuestion, guideExpired, guideHelp, interruptsGuide, startGuide, type GuideTurn } from '../../../flows/cadre/guide';
import { caseText, doneText, greetingText, helpText, pendingText, refusalText, unknownText, usageText, type Done, type Who } from '../../../flows/cadre/text';
import { idleState, isCadreState, type CadreState, type GuideCtx, type GuideKind } from '../../../flows/cadre/types';
import type { Inbound, Lang } from '../../../flows/engine/types';
import { t } from '../../../flows/i18n';
import type { Prisma } from '../../generated/prisma/client';
import type { RegionTree } from '../../core/regions/tree';
import { type Action, actorId, type CadreActor, caseFactsOf, findRule, inJurisdiction, inScope, publicityGuard, type Refusal } from '../../../flows/workflow';
import { recordObjection, resolveObjection } from '../../core/workflow/objections';
import { performTransition, type TransitionResult, type WorkflowSettings } from '../../core/workflow/perform';
import { scheduleVisit } from '../../core/workflow/visit';
import { pendingFor, shanghaiDay } from './pending';
import { resolveCaseRef } from './resolve';
import { loadCaseView } from './view';
import { recordAccess } from '../../core/audit/access';

type Tx = Prisma.TransactionClient;
type CaseRow = NonNullable<Awaited<ReturnType<Tx['case']['findUnique']>>>;

const IDENTITY_REFUSAL: Refusal = { code: 'invalid_data', message: 'the applicant’s identity is to be verified (身份待核实)', field: 'data.identityConfirmed' };

export type CadreInput = {
  tx: Tx;
  actor: CadreActor & { lang: string; regionId: string };
  contact: { id: string };
  /** Said in a group: no ID number or phone in the answer. */
  inRoom: boolean;
  inbound: Inbound;
  /** The contact's stored session state (a villager's, or nothing, the first time). */
  state: unknown;
  tree: RegionTree;
  workflow: WorkflowSettings;
  now: Date;
};

export type CadreTurn = { state: CadreState; replies: string[] };

export async function handleCadreMessage(input: CadreInput): Promise<CadreTurn> {
  const turn = new Turn(input);
  await turn.run();
  return { state: turn.state, replies: turn.replies };
}

class Turn {
  state: CadreState;
  readonly replies: string[] = [];
  private readonly lang: Lang;
  private readonly c: GuideCtx;
  private readonly who: Who;
  private readonly tx: Tx;
  private readonly actor: CadreActor;

  constructor(private readonly input: CadreInput) {
    this.lang = input.actor.lang === 'en' ? 'en' : 'zh-CN';
    this.state = isCadreState(input.state) ? { ...input.state, lang: this.lang } : idleState(this.lang);
    this.c = { lang: this.lang, now: input.now, publicityMinDays: input.workflow.publicityMinDays };
    this.who = { name: input.actor.name, role: input.actor.role, region: input.tree.byId.get(input.actor.regionId)?.name ?? '' };
    this.tx = input.tx;
    this.actor = input.actor;
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return t(this.lang, key, params);
  }

  private say(...lines: string[]): void {
    this.replies.push(...lines.filter((l) => l.trim() !== ''));
  }

  async run(): Promise<void> {
    const { inbound } = this.input;
    if (inbound.kind === 'media') return this.onMedia(inbound);
    const cmd = parseCadreCommand(inbound.text);
    const guide = this.state.guide;
    if (guide && guideExpired(guide, this.input.now)) {
      this.toIdle();
      this.say(this.t('cadre.guide.expired', { caseNo: guide.caseNo }));
    } else if (guide) {
      if (cmd?.kind === 'cancel') {
        this.toIdle();
        return this.say(this.t('cadre.guide.dropped', { caseNo: guide.caseNo }));
      }
      if (cmd?.kind === 'help') return this.say(guideHelp(guide, this.c));
      // a new case command (or 待办) leaves the exchange; anything else answers it
      if (!interruptsGuide(guide, cmd)) return this.onGuideTurn(answerGuide(guide, inbound.text, this.c));
      this.toIdle();
      this.say(this.t('cadre.guide.interrupted', { caseNo: guide.caseNo }));
    }
    if (!cmd) return this.say(unknownText(this.lang));
    await this.command(cmd);
  }

  private toIdle(): void {
    this.state = idleState(this.lang);
  }

  private async command(cmd: CadreCommand): Promise<void> {
    switch (cmd.kind) {
      case 'pending': {
        const { items, total } = await pendingFor(this.tx, this.actor, this.input.tree, this.input.now);
        return this.say(pendingText(this.lang, this.who, items, total, this.input.now));
      }
      case 'help':
        return this.say(helpText(this.lang, this.who, this.input.inRoom));
      case 'greeting':
        return this.say(greetingText(this.lang, this.who));
      case 'lang_en':
      case 'lang_zh': {
        const lang: Lang = cmd.kind === 'lang_en' ? 'en' : 'zh-CN';
        await this.tx.cadre.update({ where: { id: this.actor.id }, data: { lang } });
        this.state = { ...this.state, lang };
        return this.say(t(lang, 'cadre.language_set'));
      }
      case 'cancel':
        return this.say(this.t('cadre.nothing_to_cancel'));
      case 'incomplete':
        return this.say(usageText(this.lang, cmd.verb));
    }
    const resolved = await resolveCaseRef(this.tx, this.actor, cmd.ref, this.input.now);
    if (resolved.kind === 'ambiguous') return this.say(this.t('cadre.refused.ambiguous', { list: resolved.caseNos.join('、'), caseNo: resolved.caseNos[0] }));
    const caseNo = resolved.caseNo;
    switch (cmd.kind) {
      case 'view':
        return this.view(caseNo);
      case 'approve':
        return this.approve(caseNo, cmd.note);
      case 'return':
        if (!(await this.precheck(caseNo, 'return'))) return;
        if (cmd.items.length === 0) return this.guide('return', caseNo);
        return this.transition(caseNo, { action: 'return', data: { items: cmd.items } });
      case 'reject':
        if (!(await this.precheck(caseNo, 'reject'))) return;
        if (cmd.reason.trim() === '') return this.guide('reject', caseNo);
        return this.transition(caseNo, { action: 'reject', note: cmd.reason });
      case 'fast_approve': {
        const row = await this.precheck(caseNo, 'fast_approve');
        if (!row) return;
        // 身份待核实: confirmed first ("通过 … 身份已核实"), not in the middle of the green channel's questions
        if (row.identityCheck === 'pending') return this.refuse(caseNo, 'fast_approve', IDENTITY_REFUSAL, row.status, true);
        return this.guide('fast_approve', caseNo, cmd.reason);
      }
      case 'visit':
        return this.visit(caseNo, cmd.when, cmd.note);
      case 'objection':
        return this.objection(caseNo, cmd.text);
      case 'resolve_objection':
        return this.resolveObjection(caseNo, cmd.number, cmd.text);
    }
  }

  // --- 查看 -------------------------------------------------------------------------------------

  private async view(caseNo: string): Promise<void> {
    const row = await this.tx.case.findUnique({ where: { caseNo }, select: { villageId: true, verifierId: true, status: true } });
    // outside the region reads (and is audited) as a case that does not exist
    if (!row) return this.refuse(caseNo, 'view', { code: 'not_found', message: 'case not found' }, '', true);
    if (!inJurisdiction(this.actor, row.villageId)) return this.refuse(caseNo, 'view', { code: 'outside_jurisdiction', message: 'the case is outside your region' }, '', true);
    // an insurer's verifier reads the cases assigned to them, not the whole county's (inScope)
    if (!inScope(this.actor, row)) return this.refuse(caseNo, 'view', { code: 'outside_jurisdiction', message: 'the case is not assigned to you' }, '', true);
    const view = await loadCaseView(this.tx, caseNo, this.input.tree, { personal: !this.input.inRoom, now: this.input.now });
    // in a private chat the phone is shown in full: written to the access audit
    if (view?.personal) await recordAccess(this.tx, { actor: this.actor, action: 'chat:view', caseNo, fields: ['phone'], at: this.input.now });
    this.say(caseText(this.lang, view!, this.who.role, this.input.now));
  }

  // --- 通过 / 退回 / 驳回 / 绿色通道 ---------------------------------------------------------------

  private async approve(caseNo: string, note: string): Promise<void> {
    const row = await this.precheck(caseNo, 'approve', note);
    if (!row) return;
    const kind = APPROVE_GUIDE[row.status];
    // a case flagged 身份待核实 passes the village review only with "身份已核实" in the note
    const identity = row.identityCheck === 'pending' && confirmsIdentity(note) ? { identityConfirmed: true } : {};
    if (!kind) return this.transition(caseNo, { action: 'approve', note, data: identity });
    if (kind === 'decision') {
      // the notice must have ended without open objections: say so before asking three questions
      const open = await this.tx.objection.count({ where: { caseId: row.id, resolvedAt: null } });
      const refusal = publicityGuard(row, { now: this.input.now, openObjections: open });
      const publicityEnd = row.publicityEnd ? shanghaiDay(row.publicityEnd) : null;
      // the count only when the objections are the reason (the notice still running is said first)
      if (refusal) return this.refuse(caseNo, 'approve', refusal, row.status, true, { publicityEnd, ...(/objection/i.test(refusal.message) ? { openObjections: open } : {}) });
    }
    if (kind === 'assign_verifier') {
      const options = await this.verifiersFor(row.villageId);
      if (options.length === 0) return this.say(this.t('cadre.refused.no_verifier', { village: this.input.tree.byId.get(row.villageId)?.name ?? '' }));
      return this.guide(kind, caseNo, note, row.status, options);
    }
    return this.guide(kind, caseNo, note, row.status);
  }

  /** Active verifiers whose region holds the village (the county's insurer covers every village). */
  private async verifiersFor(villageId: string): Promise<{ id: string; label: string }[]> {
    const verifiers = await this.tx.cadre.findMany({ where: { role: 'verifier', active: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    return verifiers
      .filter((v) => this.input.tree.subtreeIds(v.regionId).has(villageId))
      .map((v) => ({ id: v.id, label: `${v.name}（${this.input.tree.byId.get(v.regionId)?.name ?? ''}）` }));
  }

  /**
   * Whether this cadre may make the move on the case as it stands (role, jurisdiction, status) —
   * asked before a guided exchange so nobody answers five questions to be refused. A refusal is
   * made by performTransition itself, which audits it.
   */
  private async precheck(caseNo: string, action: Action, note?: string): Promise<CaseRow | null> {
    const row = await this.tx.case.findUnique({ where: { caseNo } });
    const facts = row ? caseFactsOf(row) : null;
    const rule = facts ? findRule(facts.status, { action }, facts) : undefined;
    if (row && facts && rule && rule.who(this.actor, facts) === null) return row;
    const refused = await performTransition(this.tx, this.input.workflow, this.actor, caseNo, { action, ...(note ? { note } : {}) }, this.input.now);
    await this.answer(refused, {}, action);
    return null;
  }

  private async guide(kind: GuideKind, caseNo: string, note = '', from?: string, options?: { id: string; label: string }[]): Promise<void> {
    const status = from ?? (await this.tx.case.findUniqueOrThrow({ where: { caseNo }, select: { status: true } })).status;
    this.onGuideTurn(startGuide(kind, { caseNo, from: status, note, ...(options ? { options } : {}) }, this.c));
  }

  private async onGuideTurn(turn: GuideTurn): Promise<void> {
    switch (turn.kind) {
      case 'ask':
        this.state = { ...this.state, step: 'guide', guide: turn.guide };
        return this.say(...turn.replies);
      case 'end':
        this.toIdle();
        return this.say(...turn.replies);
      case 'submit': {
        this.toIdle();
        const g = turn.guide;
        const now = await this.tx.case.findUnique({ where: { caseNo: g.caseNo }, select: { status: true } });
        if (!now || now.status !== g.from) return this.say(this.t('cadre.refused.changed', { caseNo: g.caseNo, stage: this.t(`cadre.stage.${now?.status ?? 'withdrawn'}`) }));
        const { action, note, data } = turn.submit;
        return this.transition(g.caseNo, { action, data, ...(note.trim() ? { note } : {}) });
      }
    }
  }

  private async transition(caseNo: string, req: { action: Action; note?: string; data?: Record<string, unknown> }): Promise<void> {
    const note = req.note?.trim() ? req.note : undefined;
    const result = await performTransition(this.tx, this.input.workflow, this.actor, caseNo, { action: req.action, ...(note ? { note } : {}), data: req.data ?? {} }, this.input.now);
    await this.answer(result, req.data ?? {}, req.action);
  }

  private async answer(result: TransitionResult, data: Record<string, unknown>, action: Action): Promise<void> {
    if (!result.ok) return this.refuse(result.caseNo, action, result);
    this.say(
      doneText(this.lang, {
        kind: 'transition',
        action: result.action,
        caseNo: result.caseNo,
        to: result.to,
        ...(Array.isArray(data.items) ? { items: data.items as string[] } : {}),
        ...(typeof data.amountFen === 'number' ? { amountFen: data.amountFen } : {}),
      }),
    );
  }

  // --- 核查 / 异议 -------------------------------------------------------------------------------

  private async visit(caseNo: string, when: string, note: string): Promise<void> {
    if (when.trim() === '') return this.say(usageText(this.lang, 'visit'));
    const day = parseComingDay(when, this.input.now);
    if (!day.ok) return this.say([this.t(day.reason === 'date_past' ? 'cadre.hint.date_past' : `parse.${day.reason}`), usageText(this.lang, 'visit')].join('\n'));
    const r = await scheduleVisit(this.tx, this.actor, caseNo, day.value, this.input.now, note || undefined);
    if (r.ok) return this.done({ kind: 'visit', caseNo, date: r.date });
    return this.refuse(caseNo, 'visit', r);
  }

  private async objection(caseNo: string, text: string): Promise<void> {
    if (text.trim() === '') return this.say(usageText(this.lang, 'objection'));
    const r = await recordObjection(this.tx, this.actor, caseNo, text, this.input.now);
    if (!r.ok) return this.refuse(caseNo, 'objection', r);
    const all = await this.objectionsOf(r.caseId);
    return this.done({ kind: 'objection', caseNo, number: all.findIndex((o) => o.id === r.objectionId) + 1 });
  }

  private async resolveObjection(caseNo: string, number: number | null, text: string): Promise<void> {
    if (number === null || text.trim() === '') return this.say(usageText(this.lang, 'resolve_objection'));
    const row = await this.tx.case.findUnique({ where: { caseNo }, select: { id: true } });
    const objection = row ? (await this.objectionsOf(row.id))[number - 1] : undefined;
    // an unknown number still goes through resolveObjection: it checks the caller first and audits
    const r = await resolveObjection(this.tx, this.actor, caseNo, objection?.id ?? 'none', text, this.input.now);
    if (r.ok) return this.done({ kind: 'objection_resolved', caseNo, number, open: r.openObjections });
    if (r.code === 'not_found' && row) return this.say(this.t('cadre.refused.no_objection', { caseNo, number }));
    if (r.code === 'guard' && r.field === 'objectionId') return this.say(this.t('cadre.refused.objection_resolved', { caseNo, number }));
    return this.refuse(caseNo, 'resolve_objection', r);
  }

  private objectionsOf(caseId: string) {
    return this.tx.objection.findMany({ where: { caseId }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], select: { id: true } });
  }

  private done(d: Done): void {
    this.say(doneText(this.lang, d));
  }

  // --- refusals and media -----------------------------------------------------------------------

  /**
   * Says why not. `audit`: the refusal was decided here (not by the workflow, which audits its
   * own), so it is written to the audit trail here.
   */
  private async refuse(caseNo: string, action: string, refusal: Refusal, status?: string, audit = false, extra: { publicityEnd?: string | null; openObjections?: number } = {}): Promise<void> {
    if (audit) {
      await this.tx.auditEntry.create({
        data: { at: this.input.now, actorType: 'cadre', actorId: actorId(this.actor), action: action === 'approve' ? 'transition:approve' : `chat:${action}`, caseNo, allowed: false, reason: `${refusal.code}: ${refusal.message}` },
      });
    }
    const row = status === undefined ? await this.tx.case.findUnique({ where: { caseNo }, select: { id: true, status: true, publicityEnd: true } }) : null;
    const publicityEnd = extra.publicityEnd ?? (row?.publicityEnd ? shanghaiDay(row.publicityEnd) : null);
    const openObjections = extra.openObjections ?? (row && refusal.code === 'guard' ? await this.tx.objection.count({ where: { caseId: row.id, resolvedAt: null } }) : undefined);
    this.say(
      refusalText(this.lang, {
        caseNo,
        code: refusal.code,
        ...(refusal.field ? { field: refusal.field } : {}),
        message: refusal.message,
        action,
        role: this.who.role,
        status: status ?? row?.status,
        region: this.who.region,
        publicityEnd,
        ...(openObjections !== undefined ? { openObjections } : {}),
        publicityMinDays: this.input.workflow.publicityMinDays,
      }),
    );
  }

  private async onMedia(m: Extract<Inbound, { kind: 'media' }>): Promise<void> {
    const g = this.state.guide;
    if (m.mediaType === 'audio' || !m.upload.storageKey) return this.say(this.t('cadre.photo.voice'));
    if (!g) return this.say(this.t('cadre.photo.outside'));
    const row = await this.tx.case.findUnique({ where: { caseNo: g.caseNo }, select: { id: true } });
    if (!row) return this.say(this.t('cadre.photo.outside'));
    await this.tx.document.create({
      data: {
        sha256: m.upload.sha256,
        mime: m.upload.mime,
        size: m.upload.size,
        storageKey: m.upload.storageKey,
        kind: g.kind === 'verification' ? 'verification_photo' : 'cadre_photo',
        fileName: m.upload.fileName?.slice(0, 200),
        caseId: row.id,
        contactId: this.input.contact.id,
      },
    });
    const guide = { ...g, photos: g.photos + 1 };
    this.state = { ...this.state, guide };
    this.say([this.t('cadre.guide.photo_received', { caseNo: g.caseNo, n: guide.photos }), currentQuestion(guide, this.c)].join('\n'));
  }
}

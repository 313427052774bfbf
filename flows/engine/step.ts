/**
 * The engine: one pure function from (state, inbound, context) to (state, replies, effects).
 *
 * Order of concerns for a text message (typed in traditional characters, it is first read as simplified):
 *   1. a contact without a session gets the welcome and the menu;
 *   2. global commands (取消, 上一步, 帮助, 人工, English/中文) work at every step;
 *   3. a greeting in the middle of an application re-asks where the villager stopped;
 *   4. anything else is the answer to the current step, handled by the step's kind — unless it
 *      is not a valid answer and an interceptor takes it (the policy knowledge, flows/faq, reads
 *      it as a question): then its answer is said and the same step asked again, the state untouched.
 *      While a value understood only approximately waits for a yes (state.pending), the answer
 *      settles it first (confirm.ts).
 * Facts said before their question was reached (state.prefill) are said back when it is reached,
 * instead of asking it (prefill.ts). A newcomer's first message that opens something by itself
 * ("我老伴住院花了三万二，想申请") is given to `opening`.
 * The input state is never mutated; the state returned is plain JSON.
 */
import { commandText, detectCommand, EXPLAIN_HOW, type Command } from './commands';
import { pendingOf, renderAsk, settle } from './confirm';
import { makeEnv, mergeAnswers } from './env';
import { hasField, type FlowDef, type StepDef, type StepEnv, type StepOutcome } from './flow';
import { handoverEffect } from './handover';
import { firstOf, type Interception, type Interceptor } from './intercept';
import { applies, firstPending, isPending, staleAnswer, stepIndex } from './navigation';
import { keepPrefill, takePrefill } from './prefill';
import { acceptUpload, displayAnswer, handleText, helpKey, isDocuments, promptFor, remindFor } from './steps';
import type { AlertOffer, Effect, FlowContext, Inbound, Lang, SessionState, StepFunction, StepResult } from './types';
import { readPlaceholder, type PlaceholderKind } from '../parse';
import { toSimplified } from '../parse/simplified';
import { fromCantonese } from '../parse/cantonese';

export interface EngineConfig {
  flows: FlowDef[];
  /** Where a new contact starts and where finished or cancelled flows return. */
  home: { flow: string; step: string };
  /** Consulted besides the current step, in order (the policy knowledge). */
  interceptors?: Interceptor[];
  /**
   * A newcomer's first message that opens something by itself ("我要申请帮扶", "我老伴住院花了三万二，
   * 想申请"): what follows, else null (the menu). At rest, the home step reads such messages itself.
   */
  opening?: (text: string, env: StepEnv) => StepOutcome | null;
  /**
   * A pending offer (a department alert told to the household, state.alertOffer), read before
   * anything else at rest: its answer, else null — then the choice is said again once and the
   * message is handled as usual; the message after that drops the offer.
   */
  offer?: {
    answer: (text: string, offer: AlertOffer, env: StepEnv) => StepOutcome | null;
    restate: (offer: AlertOffer, env: StepEnv) => string;
    /** The whole offer, for one kept back while the household was in the middle of something (`deferred`). */
    tell: (offer: AlertOffer, env: StepEnv) => string;
  };
}

/**
 * A message typed in traditional characters ("應該是兩萬") read as simplified, and Cantonese words
 * ("佢患咗肝癌") as Mandarin, before anything reads it (parse/simplified.ts, parse/cantonese.ts).
 */
function simplifiedInbound(inbound: Inbound): Inbound {
  return inbound.kind === 'text' ? { ...inbound, text: fromCantonese(toSimplified(inbound.text)) } : inbound;
}

/** A missed answer this many times in a row offers a cadre. */
export const MISSES_BEFORE_OFFER = 3;

export function createEngine(config: EngineConfig): StepFunction {
  const flows = new Map(config.flows.map((f) => [f.id, f]));
  return (prev, inbound, ctx) => {
    const turn = new Turn(flows, config, ctx, prev);
    turn.run(simplifiedInbound(inbound));
    return turn.result();
  };
}

/**
 * What the villager is being asked now — the question, or the confirmation waiting at it — or null
 * without a conversation. Said after the reply to a message the engine never sees (a sticker, a
 * link: the server answers those itself), so the villager knows what to answer.
 */
export function createReminder(config: EngineConfig): (state: SessionState | null, ctx: FlowContext) => string | null {
  const flows = new Map(config.flows.map((f) => [f.id, f]));
  return (state, ctx) => (state ? new Turn(flows, config, ctx, state).reminder() : null);
}

/** Commands a contact without a session may use before seeing the menu. */
const FRESH_COMMANDS: Command[] = ['status', 'handover', 'help', 'lang_en', 'lang_zh', 'unsubscribe', 'subscribe'];

class Turn {
  state: SessionState;
  private replies: string[] = [];
  private effects: Effect[] = [];
  private readonly fresh: boolean;
  private readonly lost: boolean;
  /**
   * What a message said beyond the answer it settled ("对，报了五千"; "人口改成5，收入改成3万"), read
   * at the next step entered; said back as not taken when the turn ends before one is.
   */
  private carry: { text: string; summary: boolean } | null = null;
  /** Fields an answer filled besides its own step's ("不对，自己掏了两万" fills the self-paid figure): not asked next. */
  private filled = new Set<string>();
  /** The alert offer still waiting after this turn (put back on whatever state the turn ends in). */
  private offer: AlertOffer | undefined;

  constructor(
    private readonly flows: Map<string, FlowDef>,
    private readonly config: EngineConfig,
    private readonly ctx: FlowContext,
    prev: SessionState | null,
  ) {
    this.fresh = prev === null;
    // A deep copy: the caller's state stays untouched, and anything not JSON is dropped now, not on save.
    const state: SessionState = prev ? JSON.parse(JSON.stringify(prev)) : this.homeState(ctx.lang ?? 'zh-CN');
    const flow = this.flows.get(state.flow);
    // A state saved by an older version of the flows may name a step that no longer exists.
    this.lost = !flow || stepIndex(flow, state.step) < 0;
    this.state = this.lost ? this.homeState(state.lang ?? ctx.lang ?? 'zh-CN') : state;
    this.state.answers ??= {};
    this.state.history ??= [];
    this.state.misses ??= 0;
  }

  private homeState(lang: Lang): SessionState {
    return { flow: this.config.home.flow, step: this.config.home.step, answers: {}, misses: 0, history: [], lang };
  }

  get flow(): FlowDef {
    return this.flows.get(this.state.flow)!;
  }

  get current(): StepDef {
    return this.flow.steps[stepIndex(this.flow, this.state.step)];
  }

  get env(): StepEnv {
    return makeEnv(this.state, this.ctx, this.flow);
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.env.t(key, params);
  }

  private say(...lines: string[]): void {
    this.replies.push(...lines.filter((l) => l.trim() !== ''));
  }

  private get interceptors(): readonly Interceptor[] {
    return this.config.interceptors ?? [];
  }

  result(): StepResult {
    if (this.offer) this.offer = this.settleOffer(this.offer);
    if (this.offer) this.state.alertOffer = this.offer;
    for (const i of this.interceptors) this.effects.push(...(i.settle?.(this.effects, this.ctx) ?? []));
    return {
      state: this.state,
      replies: this.replies.map((text) => ({ type: 'text' as const, text })),
      effects: this.effects,
    };
  }

  run(inbound: Inbound): void {
    if (this.lost) {
      // Whatever was being built is gone: its uploads must not linger unfiled.
      this.effects.push({ type: 'discard_documents' });
      this.say(this.t('engine.reset'));
      this.ask();
      return;
    }
    // told after the last turn's filing (describeOutcome said it): now an offer like any other
    const { tellAfterFiling: _told, ...kept } = this.state.alertOffer ?? ({} as AlertOffer);
    this.offer = this.state.alertOffer ? (kept as AlertOffer) : undefined;
    this.state.alertOffer = undefined;
    if (inbound.kind === 'media') return this.onMedia(inbound);

    const cmd = detectCommand(inbound.text);
    if (this.fresh && !(cmd && FRESH_COMMANDS.includes(cmd))) {
      this.say(this.t(this.ctx.knownContact ? 'menu.welcome_back' : 'menu.welcome'));
      // a first message that asks something gets its answer rather than only the menu
      if (cmd === 'explain' && this.ctx.myCases.length > 0) return this.explain(inbound.text);
      const opened = cmd === null || cmd === 'menu' ? this.config.opening?.(inbound.text, this.env) : null;
      if (opened) return this.apply(opened);
      if (cmd === null && this.firstQuestion(inbound.text)) return;
      this.ask();
      return;
    }
    // "[语音]", "[图片]": a message that is not text, as the chat app shows it — never an answer
    const placeholder = readPlaceholder(inbound.text);
    if (placeholder !== null) return this.onPlaceholder(placeholder);
    // a department alert's offer waiting for 1/2/3: at rest, its answer first (mid-flow it waits)
    const offer = this.offer;
    if (offer && !offer.deferred && this.atRest && this.config.offer) {
      this.offer = undefined;
      const answered = this.config.offer.answer(inbound.text, offer, this.env);
      if (answered) return this.apply(answered);
      if (!offer.restated) {
        this.say(this.config.offer.restate(offer, this.env));
        this.offer = { ...offer, restated: true };
      }
    }
    // "全文", or a number from the list the previous reply offered (valid for this message only)
    const picked = cmd === null ? firstOf(this.interceptors, (i) => i.pick?.(inbound.text, this.env, this.atRest)) : null;
    if (picked) return this.answered(picked);
    switch (cmd) {
      case 'cancel':
        return this.apply(this.flow.cancel(this.env));
      case 'back':
        return this.back();
      case 'help':
        return this.help();
      case 'handover':
        return this.handover();
      case 'lang_en':
        return this.setLanguage('en');
      case 'lang_zh':
        return this.setLanguage('zh-CN');
      case 'unsubscribe':
        return this.setSubscription(false);
      case 'subscribe':
        return this.setSubscription(true);
      case 'greeting':
      case 'menu':
        if (this.flow.resumable) return this.resume();
        break;
      case 'status':
        if (this.flow.resumable) {
          if (this.flow.busyHint) this.say(this.t(this.flow.busyHint));
          return this.ask();
        }
        break;
      case 'explain':
        return this.explain(inbound.text);
      default:
        break;
    }
    const { outcome, keep, carry } = this.read(inbound.text);
    // A valid answer always wins; what is not one may be a question asked in passing.
    if (!this.isAnswer(outcome, inbound.text)) {
      const asked = firstOf(this.interceptors, (i) => i.ask?.(inbound.text, this.env, this.atRest));
      if (asked) return this.answered(asked);
    }
    if (!keep) this.state.pending = undefined;
    this.carry = carry === undefined ? null : { text: carry, summary: false };
    this.apply(outcome);
    this.carryLeft();
  }

  /** A summary edit's remainder not read this turn (the first change waits for a yes): the villager is told. */
  private carryLeft(): void {
    const left = this.carry;
    this.carry = null;
    if (left?.summary) this.say(this.t('engine.carry_left', { said: left.text }));
  }

  /** What the message said beyond the step it answered, read at `target` (a summary edit's remainder: at the summary) when it is an answer there. */
  private takeCarry(target: StepDef): boolean {
    const left = this.carry;
    if (left === null || (left.summary && target.kind !== 'summary')) return false;
    this.carry = null;
    const o = handleText(target, left.text, this.env);
    if (o.kind === 'retry' || (o.kind === 'stay' && !o.patch)) {
      if (left.summary) this.say(this.t('engine.carry_left', { said: left.text }));
      return false;
    }
    this.apply(o);
    return true;
  }

  /** The current step's reading of a text; a pending value is settled by it first (kept while the reply is unclear). */
  private read(text: string): { outcome: StepOutcome; keep: boolean; carry?: string } {
    const pending = pendingOf(this.current, this.env);
    if (pending) return settle(this.current, pending, text, this.env);
    return { outcome: handleText(this.current, text, this.env), keep: false };
  }

  /** See createReminder: nothing when the state no longer names a step. */
  reminder(): string | null {
    return this.lost ? null : this.prompt(true);
  }

  /** The current question, or the confirmation waiting for a yes; `again`: as a reminder after a digression (the summary's is one line). */
  private prompt(again = false): string {
    const pending = pendingOf(this.current, this.env);
    if (pending) return renderAsk(pending.ask, this.env);
    return again ? remindFor(this.current, this.env) : promptFor(this.current, this.env);
  }

  /**
   * A pending offer as the turn ends. An application of the alert's cause filed now answers it: the
   * case is linked to the alert (file_case's alertId), the offer is done. One kept back while the
   * household was busy (`deferred`) is told once they are back at rest — after a filing, behind the
   * case number (describeOutcome, `tellAfterFiling`), so the number is not lost under it.
   */
  private settleOffer(offer: AlertOffer): AlertOffer | undefined {
    const filing = this.effects.find((e): e is Extract<Effect, { type: 'file_case' }> => e.type === 'file_case');
    if (filing) {
      if (!filing.alertId && offer.cause !== null && filing.application.cause === offer.cause) {
        filing.alertId = offer.alertId;
        return undefined;
      }
      return offer.deferred ? { ...offer, deferred: false, tellAfterFiling: true } : offer;
    }
    if (offer.deferred && this.atRest && this.config.offer) {
      this.say(this.config.offer.tell(offer, this.env));
      return { ...offer, deferred: false };
    }
    return offer;
  }

  /** At rest in the menu (numbers pick from a list), rather than in the middle of something. */
  private get atRest(): boolean {
    return this.state.flow === this.config.home.flow;
  }

  private isAnswer(outcome: StepOutcome, text: string): boolean {
    const step = this.current;
    if (step.kind === 'custom' && step.understands) return step.understands(text, this.env);
    // an answer refused for what it says ("没有" where 0 is not allowed) is still an answer, not a question
    return outcome.kind !== 'retry' || outcome.understood === true;
  }

  /** An answer given in passing: the state stays as it was; the villager is brought back to their place. */
  private answered(a: Interception): void {
    this.say(...a.replies);
    this.effects.push(...a.effects);
    if (!this.atRest) this.say([this.t('faq.back_to_step'), this.prompt(true)].join('\n'));
  }

  /** A new contact's first message: answered when it clearly asks something we know. */
  private firstQuestion(text: string): boolean {
    const asked = firstOf(this.interceptors, (i) => i.ask?.(text, this.env, true));
    // nothing found: the menu says more to a newcomer than "ask a cadre"
    if (!asked || !asked.found) return false;
    this.answered(asked);
    return true;
  }

  /** "什么意思" / "怎么办": the case that just changed; otherwise help ("怎么办") or the step's own reading. */
  private explain(text: string): void {
    const explained = firstOf(this.interceptors, (i) => i.explain?.(this.env, this.atRest || this.fresh));
    if (explained) {
      this.say(...explained.replies);
      this.effects.push(...explained.effects);
      if (!this.atRest && !this.fresh) this.say([this.t('faq.back_to_step'), this.prompt(true)].join('\n'));
      return;
    }
    if (EXPLAIN_HOW.includes(commandText(text))) return this.help();
    const { outcome, keep } = this.read(text);
    if (!keep) this.state.pending = undefined;
    this.apply(outcome);
  }

  /** Say the current step's question (or the confirmation waiting at it). */
  private ask(showPrevious = false): void {
    const step = this.current;
    let prompt = this.prompt();
    if (showPrevious && hasField(step) && step.kind !== 'documents') {
      const value = displayAnswer(step, this.env);
      if (value !== null) prompt += '\n' + this.t('engine.previous_answer', { value });
    }
    this.say(prompt);
  }

  /** Make `id` the current step and ask it. The summary first sends the villager to anything still missing. */
  private enter(id: string, showPrevious = false): void {
    let target = this.flow.steps[stepIndex(this.flow, id)];
    if (target.kind === 'summary') {
      const missing = firstPending(this.flow, this.env, 0, stepIndex(this.flow, id));
      if (missing) {
        this.state.returnTo = target.id;
        target = missing;
      }
    }
    this.state.step = target.id;
    this.state.misses = 0;
    this.state.pending = undefined; // a value awaiting a yes belongs to the step it was said at
    // the rest of the message just settled ("对，报了五千"): this question's answer, when it reads as one
    if (this.takeCarry(target)) return;
    // a fact said earlier for this question: said back for a yes instead of asking
    const said = takePrefill(this.state, target);
    if (said) {
      this.state.pending = said;
      this.say(renderAsk(said.ask, this.env));
      return;
    }
    // An answer made wrong by an edit elsewhere ("reimbursed ≤ total"): say why it is asked again.
    const stale = staleAnswer(target, this.env);
    if (stale) this.say(this.t(stale.hint, stale.params));
    this.ask(showPrevious && !stale);
  }

  /**
   * Stand at `id` and read `text` as the answer to it, without asking it first (an edit that carries
   * its new value): stored, said back for a yes, or refused with the step's hint and its question.
   */
  private answerAt(id: string, text: string): void {
    this.state.step = id;
    this.state.misses = 0;
    this.state.pending = undefined;
    this.apply(this.read(text).outcome);
  }

  /** After a valid answer: the next step in order, or, while editing, the next stale one or back to the summary. */
  private advance(): void {
    const steps = this.flow.steps;
    const from = stepIndex(this.flow, this.state.step);
    if (this.state.returnTo) {
      const back = this.state.returnTo;
      const pending = firstPending(this.flow, this.env, from + 1, Math.max(from + 1, stepIndex(this.flow, back)));
      if (pending) return this.enter(pending.id);
      this.state.returnTo = undefined;
      return this.enter(back);
    }
    for (const s of steps.slice(from + 1)) {
      if (!applies(s, this.env) || this.answeredElsewhere(s)) continue;
      if (s.kind === 'notice') {
        this.say(...s.text(this.env));
        continue;
      }
      return this.enter(s.id);
    }
    this.apply(this.flow.complete(this.env));
  }

  /**
   * A later step whose answer came with another one's is not asked: in this message (a folded
   * question, a fact confirmed with another), or before this step's own answer (the second half of
   * a folded question answered first) — unless that answer has since gone wrong.
   */
  private answeredElsewhere(s: StepDef): boolean {
    if (!hasField(s)) return false;
    if (this.filled.has(s.field)) return true;
    if (!this.state.ahead?.includes(s.field)) return false;
    this.state.ahead = this.state.ahead.filter((f) => f !== s.field);
    if (this.state.ahead.length === 0) this.state.ahead = undefined;
    return this.state.answers[s.field] !== undefined && !isPending(s, this.env);
  }

  private apply(o: StepOutcome): void {
    switch (o.kind) {
      case 'answer': {
        const step = this.current;
        for (const [k, v] of Object.entries(o.patch)) if (v !== undefined && !(hasField(step) && k === step.field)) this.filled.add(k);
        const forget = Object.fromEntries((step.clears ?? []).map((f) => [f, undefined]));
        this.state.answers = mergeAnswers(this.state.answers, { ...forget, ...o.patch });
        keepPrefill(this.state, this.flow, o.prefill);
        this.say(...(o.notes ?? []));
        this.effects.push(...(o.effects ?? []));
        this.pushHistory(step.id);
        return this.advance();
      }
      case 'retry': {
        this.state.misses += 1;
        const lines = o.reprompt === false ? [o.hint] : [o.hint, this.prompt()];
        if (this.state.misses >= MISSES_BEFORE_OFFER) lines.push(this.t('engine.offer_handover'));
        this.say(lines.join('\n'));
        return;
      }
      case 'confirm':
        // nothing is stored yet: the value waits for the villager's yes (confirm.ts)
        this.state.pending = { step: this.current.id, patch: o.patch, ask: o.ask };
        keepPrefill(this.state, this.flow, o.prefill);
        this.state.misses = 0;
        this.say(renderAsk(o.ask, this.env));
        return;
      case 'stay':
        this.state.misses = 0;
        if (o.patch) {
          this.state.answers = mergeAnswers(this.state.answers, o.patch);
          this.markAhead(o.patch);
        }
        keepPrefill(this.state, this.flow, o.prefill);
        this.say(...o.replies);
        this.effects.push(...(o.effects ?? []));
        if (o.reprompt) this.ask();
        return;
      case 'goto':
        this.pushHistory(this.state.step);
        this.state.answers = mergeAnswers(this.state.answers, Object.fromEntries((o.clear ?? []).map((f) => [f, undefined])));
        this.state.returnTo = o.returnTo;
        this.say(...(o.replies ?? []));
        if (o.then !== undefined) this.carry = { text: o.then, summary: true };
        if (o.answer !== undefined) return this.answerAt(o.step, o.answer);
        return this.enter(o.step, true);
      case 'complete':
        return this.apply(this.flow.complete(this.env));
      case 'switch': {
        const entering = o.flow !== this.state.flow;
        this.state = {
          flow: o.flow,
          step: o.step ?? '',
          answers: o.answers ?? {},
          misses: 0,
          history: [],
          lang: this.state.lang,
          ...(o.writtenFor ? { writtenFor: o.writtenFor } : {}),
        };
        keepPrefill(this.state, this.flow, o.prefill);
        this.say(...(o.replies ?? []));
        this.effects.push(...(o.effects ?? []));
        if (entering && !o.step && this.flow.intro && o.intro !== false) this.say(...this.flow.intro(this.env));
        const first = o.step ?? this.firstStep();
        if (o.prompt === false) {
          this.state.step = first;
          return;
        }
        return this.enter(first);
      }
    }
  }

  /** Answers of later steps given before their question (a folded question's second half): not asked when reached. */
  private markAhead(patch: Record<string, unknown>): void {
    const from = stepIndex(this.flow, this.state.step);
    const later = this.flow.steps.slice(from + 1).filter((s) => hasField(s) && patch[s.field] !== undefined).map((s) => (s as { field: string }).field);
    if (later.length > 0) this.state.ahead = [...new Set([...(this.state.ahead ?? []), ...later])];
  }

  /** The first applicable step of the current flow still to answer (an opening may have answered the cause), saying any notices passed on the way. */
  private firstStep(): string {
    for (const s of this.flow.steps) {
      if (!applies(s, this.env)) continue;
      if (hasField(s) && this.state.answers[s.field] !== undefined) {
        this.pushHistory(s.id); // "上一步" goes back to it
        continue;
      }
      if (s.kind === 'notice') {
        this.say(...s.text(this.env));
        continue;
      }
      return s.id;
    }
    return this.flow.steps[0].id;
  }

  private pushHistory(id: string): void {
    const h = this.state.history;
    if (h[h.length - 1] !== id) h.push(id);
  }

  /** "上一步": the previous question, its answer kept and shown. */
  private back(): void {
    const h = this.state.history;
    while (h.length > 0) {
      const id = h.pop()!;
      const idx = stepIndex(this.flow, id);
      if (idx < 0 || !applies(this.flow.steps[idx], this.env)) continue;
      if (this.state.returnTo === id) this.state.returnTo = undefined;
      return this.enter(id, true);
    }
    if (this.flow.resumable) this.say(this.t('engine.no_back'));
    this.ask();
  }

  /** "帮助": what this step expects, then the commands; the place is kept. */
  private help(): void {
    const step = this.current;
    this.say([this.t(helpKey(step)), this.prompt(true)].join('\n'));
    this.say(this.t(this.flow.resumable ? 'help.commands' : 'help.commands_menu'));
  }

  /** "人工": a cadre will call; the villager keeps their place. */
  private handover(): void {
    const reason = this.state.misses >= MISSES_BEFORE_OFFER ? 'misunderstood' : 'requested';
    this.effects.push(handoverEffect(this.env, reason));
    this.state.misses = 0;
    this.say(this.t('handover.done'));
    if (this.flow.resumable) {
      this.say(this.t('handover.continue'));
      this.ask();
    }
  }

  private setLanguage(lang: Lang): void {
    this.state.lang = lang;
    this.effects.push({ type: 'set_language', lang });
    this.say(this.t('engine.language_set'));
    this.ask();
  }

  /** "退订" / "订阅": publicity only; the villager keeps their place. */
  private setSubscription(subscribed: boolean): void {
    this.effects.push({ type: 'set_subscription', subscribed });
    this.say(this.t(subscribed ? 'broadcast.subscribed' : 'broadcast.unsubscribed'));
    if (this.flow.resumable) this.ask();
  }

  /** A greeting mid-flow: "您上次填到…", then the same question. */
  private resume(): void {
    const step = this.current;
    const label = isDocuments(step) ? step.itemLabel : step.label;
    this.say(label ? this.t('engine.resume', { label: this.t(label) }) : this.t('engine.resume_generic'));
    this.ask();
  }

  /** A placeholder for a message that is not text: a voice is asked to be typed; anything else, the question again. */
  private onPlaceholder(kind: PlaceholderKind): void {
    if (kind === 'audio') this.say(this.t('media.voice'));
    else if (kind !== 'other' && !isDocuments(this.current)) this.say(this.t('media.please_type', { what: this.t(`media.kind_${kind}`) }));
    else if (!isDocuments(this.current)) this.say(this.t('help.question'));
    this.say(this.prompt(true));
  }

  private onMedia(m: Extract<Inbound, { kind: 'media' }>): void {
    const what = this.t(`media.kind_${m.mediaType}`);
    // a flow that takes media itself (photos for a returned case) decides what they are
    if (this.flow.onMedia && !this.fresh) {
      if (m.mediaType === 'audio') {
        this.say(this.t('media.voice'));
        return this.ask();
      }
      return this.apply(this.flow.onMedia(m, this.env));
    }
    if (this.fresh || !this.flow.resumable) {
      this.say(this.t(m.mediaType === 'audio' ? 'media.voice' : 'media.received_outside', { what }));
      if (this.state.step !== this.config.home.step || this.state.flow !== this.config.home.flow) {
        this.state = { ...this.homeState(this.state.lang), answers: this.state.answers };
      }
      return this.ask();
    }
    if (m.mediaType === 'audio') {
      this.say(this.t('media.voice'));
      return this.ask();
    }
    if (!this.flow.collectsDocuments) {
      this.say(this.t('media.please_type', { what }));
      return this.ask();
    }
    const step = this.current;
    this.apply(acceptUpload(isDocuments(step) ? step : null, m, this.env));
  }
}

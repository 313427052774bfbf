/**
 * The monitoring register (server/core/register), each cadre its own region's households:
 *   GET   /api/households?state=&category=&region=&responsible=&event=&month=&cursor=&pageSize=   (head names masked; event+month: a month's 新识别/再次纳入/风险消除)
 *   GET   /api/households/:id   (members, cases, risks, measures, history, timeline; ID numbers and phone masked; audited)
 *   POST  /api/households/:id/reveal {field, memberId?}   (one value whole, audited)
 *   POST  /api/households/:id/measures {kind, amountFen?, givenOn, department?, caseNo?, note?}
 *   POST  /api/households/:id/responsible {cadreId | null}
 *   PATCH /api/households/:id {noLabourCapacity, note?}
 *   POST  /api/households/:id/follow-ups {day, perCapitaIncomeFen, solvedRiskIds?, note?}   (走访: the 帮扶责任人 or a village cadre)
 *   POST  /api/households/:id/follow-ups/:followUpId/photos (multipart `file`)   (a photo of the visit: the same cadres; the uploads' places, rate and caps per visit)
 *   POST  /api/households/:id/risks {cause, startedOn, source?, category?, note?}   (an eliminated household is taken back: 返贫/再次纳入)
 *   POST  /api/households/:id/elimination {note?}   (风险消除 proposed by the village)
 *   POST  /api/households/:id/elimination/step {action: approve|return|reject, reason?}   (the town, then the county)
 *   POST  /api/households/found {headName, idNumber, phone?, village, householdSize, cause, note, foundOn}   (干部排查: found or registered, a risk and a check task)
 *   GET|PUT /api/settings/monitoring?county= {followUpMonths}   (the county's follow-up interval; PUT: county office)
 * Outside the caller's region a household does not exist (404), as a case does; the verifier and
 * roles that do not read the register are refused (403).
 */
import Router from '@koa/router';
import { z } from 'zod';
import { HOUSEHOLD_CATEGORIES } from '../../../flows/workflow';
import { MONITORING_STATES } from '../../../flows/register';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { clockOf } from '../../core/clock';
import { REVEAL_FIELDS, REVEAL_LIMIT } from '../../core/cases/reveal';
import { countyForRequest, countyIdOf, currentStatics } from '../../core/settings/workflow';
import { MAY } from '../../core/auth/permissions';
import { householdDetailAudited } from '../../core/register/detail';
import { followUpMonthsOf, MonitoringSettingValue, readMonitoringSetting, writeMonitoringSetting } from '../../core/register/follow-up';
import { Month, MONTH_EVENT_KINDS } from '../../core/register/event-month';
import { decodeHouseholdCursor, listHouseholds, type HouseholdListFilter } from '../../core/register/list';
import type { RegionTree } from '../../core/regions/tree';
import type { CadreActor } from '../../../flows/workflow';
import { addMeasure, LabourInput, MeasureInput, ResponsibleInput, setNoLabourCapacity, setResponsible } from '../../core/register/measures';
import { requireRegisterRole } from '../../core/register/reach';
import { revealHouseholdField } from '../../core/register/reveal';
import { FollowUpInput, recordFollowUp, recordRisk, RiskInput } from '../../core/register/visits';
import { attachFollowUpPhoto, followUpPhotosOf, mayAddFollowUpPhoto } from '../../core/register/visit-photos';
import { UploadGuard } from '../../core/documents/upload-guard';
import { requestLang } from '../../http/lang';
import { uploadParser } from '../../http/upload-file';
import { receiveCadrePhoto } from '../cadre-photo-upload';
import { ProposeInput, proposeElimination, stepElimination, StepInput } from '../../core/register/elimination';
import { FoundInput, recordFoundHousehold } from '../../core/alerts/cadre-found';
import { badRequest, HttpError, notFound, parseOr400 } from '../../http/errors';
import type { AppDeps } from '../../deps';

const RegionCode = z.string().trim().regex(/^\d{6,15}$/, 'must be a region code (6–15 digits)');
export const HouseholdId = z.string().regex(/^[a-z0-9]{20,40}$/, 'must be a household id');
const FollowUpId = z.string().regex(/^[a-z0-9]{20,40}$/, 'must be a follow-up id');

export const ListQuery = z
  .object({
    state: z.enum(MONITORING_STATES, { message: `must be one of ${MONITORING_STATES.join(', ')}` }).optional(),
    category: z.enum(HOUSEHOLD_CATEGORIES, { message: `must be one of ${HOUSEHOLD_CATEGORIES.join(', ')}` }).optional(),
    /** A town or village (or the county): the households of its subtree, within the caller's. */
    region: RegionCode.optional(),
    /** A cadre's id, or "me": the households it follows as 帮扶责任人. */
    responsible: z.string().trim().min(1).max(40).optional(),
    /** With `month`: the households with a monitoring event of this kind taking effect that month. */
    event: z.enum(MONTH_EVENT_KINDS, { message: `must be one of ${MONTH_EVENT_KINDS.join(', ')}` }).optional(),
    month: Month.optional(),
    cursor: z.string().max(200).optional(),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const RevealBody = z
  .object({ field: z.enum(REVEAL_FIELDS, { message: `must be one of ${REVEAL_FIELDS.join(', ')}` }), memberId: z.string().trim().min(1).max(40).optional() })
  .strict()
  .refine((b) => b.memberId === undefined || b.field === 'idNumber', { message: 'a member’s ID number only (members have no phone on record)', path: ['field'] });

/** The list's filters as the list and its export (register-files.ts) take them. */
export function listFilterOf(q: Pick<z.infer<typeof ListQuery>, 'state' | 'category' | 'region' | 'responsible' | 'event' | 'month'>, tree: RegionTree, actor: CadreActor): HouseholdListFilter {
  if ((q.event === undefined) !== (q.month === undefined)) throw badRequest(`${q.event ? 'month' : 'event'}: needed with ${q.event ? 'event' : 'month'}`, q.event ? 'month' : 'event');
  const asked: string[] = [];
  if (q.region) {
    const region = tree.byCode.get(q.region);
    if (!region) throw badRequest(`region: no region has the code ${q.region}`, 'region');
    asked.push(region.id);
  }
  return {
    regions: asked,
    ...(q.state ? { state: q.state } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.responsible ? { responsibleCadreId: q.responsible === 'me' ? actor.id : q.responsible } : {}),
    ...(q.event && q.month ? { event: { kind: q.event, month: q.month } } : {}),
  };
}

/** `uploads`: the server's one set of upload places and rates (server/web.ts); its own when not given. */
export function householdsRouter(deps: AppDeps, uploads: UploadGuard = new UploadGuard(deps.config.uploads)): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql);
  const parser = uploadParser(deps.config.maxUploadBytes);

  router.get('/api/households', auth, async (ctx) => {
    const q = parseOr400(ListQuery, ctx.query);
    const actor = cadreOf(ctx);
    requireRegisterRole(actor, 'readRegister');
    const after = q.cursor !== undefined ? decodeHouseholdCursor(q.cursor) : null;
    if (q.cursor !== undefined && !after) throw badRequest('cursor: not a cursor of this list', 'cursor');
    const { tree } = await currentStatics(deps.prisma);
    const filter = listFilterOf(q, tree, actor);
    ctx.body = { pageSize: q.pageSize, ...(await listHouseholds(deps.prisma, tree, actor, filter, { after, pageSize: q.pageSize })) };
  });

  // 干部排查: a household found on a round (server/core/alerts/cadre-found.ts)
  router.post('/api/households/found', auth, async (ctx) => {
    const body = parseOr400(FoundInput, ctx.request.body ?? {});
    ctx.status = 201;
    ctx.body = await recordFoundHousehold(deps.prisma, { keyring: deps.keyring, workflow: deps.config.workflow }, cadreOf(ctx), body, now());
  });

  router.get('/api/households/:id', auth, async (ctx) => {
    const id = parseOr400(HouseholdId, ctx.params.id, 'id');
    const actor = cadreOf(ctx);
    requireRegisterRole(actor, 'readRegister');
    const statics = await currentStatics(deps.prisma);
    const household = await deps.prisma.household.findUnique({ where: { id }, select: { villageId: true } });
    const followUpMonths = followUpMonthsOf(statics, household ? countyIdOf(statics.tree, { regionId: household.villageId }) : null);
    const detail = await householdDetailAudited(deps.prisma, id, actor, statics.tree, { followUpMonths }, now());
    if (!detail) throw notFound('household');
    ctx.body = detail;
  });

  // "显示完整": one value whole, audited every time (server/core/register/reveal.ts)
  router.post('/api/households/:id/reveal', auth, async (ctx) => {
    const id = parseOr400(HouseholdId, ctx.params.id, 'id');
    const body = parseOr400(RevealBody, ctx.request.body ?? {});
    const result = await revealHouseholdField(deps.prisma, id, cadreOf(ctx), body, now());
    if (result.ok) ctx.body = { field: result.field, value: result.value };
    else if (result.code === 'not_found') throw notFound('household');
    else if (result.code === 'no_role') throw new HttpError(403, 'forbidden', 'your role sees the ID number and phone masked');
    else {
      ctx.set('Retry-After', String(result.retryAfterSeconds));
      throw new HttpError(429, 'too_many_reveals', `at most ${REVEAL_LIMIT.max} reveals an hour`, undefined, { retryAfterSeconds: result.retryAfterSeconds });
    }
  });

  router.post('/api/households/:id/measures', auth, async (ctx) => {
    const id = parseOr400(HouseholdId, ctx.params.id, 'id');
    const body = parseOr400(MeasureInput, ctx.request.body ?? {});
    const measure = await addMeasure(deps.prisma, id, cadreOf(ctx), body, now());
    ctx.status = 201;
    ctx.body = { id: measure.id };
  });

  router.post('/api/households/:id/responsible', auth, async (ctx) => {
    const id = parseOr400(HouseholdId, ctx.params.id, 'id');
    const body = parseOr400(ResponsibleInput, ctx.request.body ?? {});
    await setResponsible(deps.prisma, (await currentStatics(deps.prisma)).tree, id, cadreOf(ctx), body.cadreId, now());
    ctx.body = { ok: true };
  });

  // the county's follow-up interval of its 监测对象 (CountySetting `monitoring`, monthly while unset)
  const SettingsQuery = z.object({ county: z.string().trim().regex(/^\d{6,12}$/, 'must be a county code').optional() });
  const countyOf = async (actor: ReturnType<typeof cadreOf>, query: unknown) => countyForRequest((await currentStatics(deps.prisma)).tree, actor, parseOr400(SettingsQuery, query).county);
  router.get('/api/settings/monitoring', auth, async (ctx) => {
    ctx.body = await readMonitoringSetting(deps.prisma, await countyOf(cadreOf(ctx), ctx.query));
  });
  router.put('/api/settings/monitoring', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editCountySettings, 'change the follow-up interval');
    const county = await countyOf(actor, ctx.query);
    await writeMonitoringSetting(deps.prisma, actor, county, parseOr400(MonitoringSettingValue, ctx.request.body ?? {}), now());
    ctx.body = await readMonitoringSetting(deps.prisma, county);
  });

  router.patch('/api/households/:id', auth, async (ctx) => {
    const id = parseOr400(HouseholdId, ctx.params.id, 'id');
    const body = parseOr400(LabourInput, ctx.request.body ?? {});
    await setNoLabourCapacity(deps.prisma, id, cadreOf(ctx), body, now());
    ctx.body = { ok: true };
  });

  router.post('/api/households/:id/follow-ups', auth, async (ctx) => {
    const id = parseOr400(HouseholdId, ctx.params.id, 'id');
    const body = parseOr400(FollowUpInput, ctx.request.body ?? {});
    ctx.status = 201;
    ctx.body = await recordFollowUp(deps.prisma, id, cadreOf(ctx), body, now());
  });

  // a photo of the visit, from the phone's camera (server/core/register/visit-photos.ts)
  router.post('/api/households/:id/follow-ups/:followUpId/photos', auth, async (ctx) => {
    const id = parseOr400(HouseholdId, ctx.params.id, 'id');
    const followUpId = parseOr400(FollowUpId, ctx.params.followUpId, 'followUpId');
    const actor = cadreOf(ctx);
    // who may, before a byte of the photo is read
    await mayAddFollowUpPhoto(deps.prisma, id, followUpId, actor, now());
    await receiveCadrePhoto(ctx, deps, uploads, parser, { cadreId: actor.id, lang: requestLang(ctx, deps.config.defaultLang), pile: followUpPhotosOf(followUpId), now }, async (file) => ({
      ok: true,
      document: await attachFollowUpPhoto(deps.prisma, id, followUpId, actor, file, now()),
    }));
  });

  router.post('/api/households/:id/risks', auth, async (ctx) => {
    const id = parseOr400(HouseholdId, ctx.params.id, 'id');
    const body = parseOr400(RiskInput, ctx.request.body ?? {});
    ctx.status = 201;
    ctx.body = await recordRisk(deps.prisma, id, cadreOf(ctx), body, now());
  });

  router.post('/api/households/:id/elimination', auth, async (ctx) => {
    const id = parseOr400(HouseholdId, ctx.params.id, 'id');
    const body = parseOr400(ProposeInput, ctx.request.body ?? {});
    ctx.status = 201;
    ctx.body = await proposeElimination(deps.prisma, id, cadreOf(ctx), body, now());
  });

  router.post('/api/households/:id/elimination/step', auth, async (ctx) => {
    const id = parseOr400(HouseholdId, ctx.params.id, 'id');
    const body = parseOr400(StepInput, ctx.request.body ?? {});
    ctx.body = await stepElimination(deps.prisma, id, cadreOf(ctx), body, now());
  });
  return router;
}

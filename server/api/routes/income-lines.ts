/**
 * Income lines per region and year (server/core/settings/income-lines.ts):
 *   GET    /api/income-lines?year= → { lines: [{ regionCode, regionName, level, year, perCapitaFen, note, createdAt }] }
 *          every cadre: the lines set on its regions and the regions above them
 *   PUT    /api/income-lines { regionCode, year, perCapitaFen, note? } → { line } (201 when new)   county office
 *   DELETE /api/income-lines/:regionCode/:year → 204   county office (the region inherits the line above it again)
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { clockOf } from '../../core/clock';
import { listLines, removeLine, SetLineBody, setLine, Year } from '../../core/settings/income-lines';
import { RegionCode } from '../../core/settings/regions';
import { parseOr400 } from '../../http/errors';
import type { AppDeps } from '../../deps';

const ListQuery = z.object({ year: Year.optional() });

export function incomeLinesRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql);

  router.get('/api/income-lines', auth, async (ctx) => {
    const q = parseOr400(ListQuery, ctx.query);
    ctx.body = { lines: await listLines(deps.prisma, cadreOf(ctx), q.year) };
  });

  router.put('/api/income-lines', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editCountySettings, 'set income lines');
    const body = parseOr400(SetLineBody, ctx.request.body ?? {});
    const { line, created } = await setLine(deps.prisma, actor, body, now());
    ctx.status = created ? 201 : 200;
    ctx.body = { line };
  });

  router.delete('/api/income-lines/:regionCode/:year', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editCountySettings, 'remove income lines');
    const regionCode = parseOr400(RegionCode, ctx.params.regionCode, 'regionCode');
    const year = parseOr400(Year, ctx.params.year, 'year');
    await removeLine(deps.prisma, actor, regionCode, year, now());
    ctx.status = 204;
  });
  return router;
}

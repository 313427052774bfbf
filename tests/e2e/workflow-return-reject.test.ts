/**
 * The two other endings of a village review, end to end through wechaty-puppet-mock:
 * - returned for documents: the village cadre, in the bound village group, returns the case with
 *   "缺 出院小结"; the villager is told the list, sends a photo and "好了"; the case is back at the
 *   village's review, the cadre is told, and the approval reaches the villager;
 * - rejected: the village cadre, privately, rejects with a reason; the reason reaches the villager
 *   with how to ask for a re-check.
 */
import { issueBindingCode } from '../../server/core/auth/binding-codes';
import { leftovers, sleep } from './support';
import { apply, Group, noticesTo, outboxDrained, Person, startWorld, villagerHears, type World } from './workflow-support';
import { jpegBytes } from '../support/server';

let baseline: string[];
let world: World | undefined;

beforeAll(() => {
  baseline = process.getActiveResourcesInfo();
  for (const level of ['log', 'info', 'warn', 'error'] as const) jest.spyOn(console, level).mockImplementation(() => undefined);
});

afterEach(async () => {
  await world?.close();
  world = undefined;
});

afterAll(async () => {
  jest.restoreAllMocks();
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

/** The village cadre, bound privately and with the village's work group. */
async function villageWorld(): Promise<{ world: World; cadre: Person; room: Group }> {
  const cadre = new Person('wx-cunzhishu', '村支书');
  const room = new Group('room-liushu@chatroom', '柳树村工作群', [cadre]);
  world = await startWorld([cadre], [room]);
  await cadre.askIn(room, `绑定群 ${world.srv.seed.roomCodes[0]!.code}`, '本群是柳树村的工作群');
  await cadre.ask(`绑定 ${world.srv.cadre('liushu').bindingCode}`, '绑定成功');
  return { world, cadre, room };
}

test('returned for 出院小结: the villager sends a photo and "好了", the case goes back to the village review and on', async () => {
  const { world, cadre, room } = await villageWorld();
  const { srv, villager } = world;
  const mark = villager.transcript.length;
  const caseNo = await apply(villager);
  await room.notice(`【待办】${caseNo}`);

  await cadre.askIn(room, `退回 ${caseNo} 缺 出院小结`, `已退回：${caseNo}，请申请人补充：出院小结`);
  const returned = await villagerHears(villager, '还需要补充材料', mark);
  expect(returned).toContain('1. 出院小结');
  expect(returned).toContain('发完回复“好了”');

  // the villager answers the notice: a photo, then "好了"
  const got = await villager.send({ name: '出院小结.jpg', bytes: jpegBytes(21) }, { until: (r) => r.some((t) => t.includes('收到第1张')) });
  expect(got.join('\n')).toContain(`已放进申请 ${caseNo}`);
  const done = await villager.send('好了', { until: (r) => r.some((t) => t.includes('重新提交')) });
  expect(done.join('\n')).toContain(`申请 ${caseNo} 现在是“村委会初审中”`);

  // the village hears the papers are in, in its group, and approves
  await room.notice(`【补充材料已交】${caseNo}`, 0);
  expect(await cadre.askIn(room, `查看 ${caseNo}`, `【${caseNo}】`)).toContain('材料：2份（其中补交1份）');
  await cadre.askIn(room, `通过 ${caseNo}`, `已通过：${caseNo} 转到「镇审核」`);
  await villagerHears(villager, '村委会初审通过了', mark);
  await outboxDrained(srv);

  // in order: the list of what is missing, then (after the villager's own resubmission, answered
  // in the chat) the approval — nothing else
  const notices = await noticesTo(srv, villager, mark);
  expect(notices).toEqual([expect.stringContaining('还需要补充材料'), expect.stringContaining('村委会初审通过了')]);
  for (const n of notices) expect(n).toContain(`申请编号：${caseNo}`);

  const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo }, include: { documents: { orderBy: { createdAt: 'asc' } }, events: { orderBy: { seq: 'asc' } } } });
  expect(row.status).toBe('town_review');
  expect(row.documents.map((d) => [d.kind, d.fileName])).toEqual([
    ['hospital_bill', '住院发票.jpg'],
    ['supplement', '出院小结.jpg'],
  ]);
  expect(row.events.map((e) => [e.type, e.actorType, e.toStatus])).toEqual([
    ['submitted', 'villager', 'submitted'],
    ['accept', 'system', 'village_review'],
    ['return', 'cadre', 'returned'],
    ['resubmit', 'villager', 'village_review'],
    ['approve', 'cadre', 'town_review'],
  ]);
});

test('rejected with a reason: the reason reaches the villager, with how to ask for a re-check', async () => {
  const { world, cadre } = await villageWorld();
  const { srv, villager } = world;
  const mark = villager.transcript.length;
  const caseNo = await apply(villager);
  await cadre.notice(`【待办】${caseNo}`);

  await cadre.ask(`驳回 ${caseNo} 家庭年收入明显高于监测标准，且无大额刚性支出`, `已驳回：${caseNo}`);
  const rejected = await villagerHears(villager, '没有通过', mark);
  expect(rejected).toContain('原因：家庭年收入明显高于监测标准，且无大额刚性支出');
  expect(rejected).toContain('复核');
  await outboxDrained(srv);
  expect(await noticesTo(srv, villager, mark)).toEqual([expect.stringContaining('没有通过')]);

  // the case is closed: a late "通过" is refused with the reason
  expect(await cadre.ask(`通过 ${caseNo}`, '不能通过')).toContain('已驳回');
  const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } });
  expect(row).toMatchObject({ status: 'rejected', rejectionReason: '家庭年收入明显高于监测标准，且无大额刚性支出' });
});

test('a command from someone without the role, or from outside the jurisdiction, is refused with the reason and audited', async () => {
  const cadre = new Person('wx-cunzhishu', '村支书');
  const member = new Person('wx-cunmin', '村民老王'); // in the work group, not a cadre
  const baishi = new Person('wx-baishi', '白石村支书'); // a village cadre of another village
  const room = new Group('room-liushu@chatroom', '柳树村工作群', [cadre, member]);
  world = await startWorld([cadre, member, baishi], [room]);
  const { srv, villager } = world;
  await cadre.askIn(room, `绑定群 ${srv.seed.roomCodes[0]!.code}`, '本群是柳树村的工作群');
  const code = await issueBindingCode(srv.db.prisma, { purpose: 'cadre', cadreId: srv.cadre('baishi').id }, new Date());
  await baishi.ask(`绑定 ${code.code}`, '绑定成功');
  const caseNo = await apply(villager);
  await room.notice(`【待办】${caseNo}`);

  expect(await member.askIn(room, `通过 ${caseNo}`, '只有绑定了干部账号的微信才能办理案件')).toContain('绑定 绑定码');
  // outside one's village a case reads as a number that does not exist (the audit trail says why)
  expect(await baishi.ask(`通过 ${caseNo}`, '没有找到案件')).toContain(caseNo);
  expect(await baishi.ask(`查看 ${caseNo}`, '没有找到案件')).not.toContain('13800138000');

  const prisma = srv.db.prisma;
  expect((await prisma.case.findUniqueOrThrow({ where: { caseNo } })).status).toBe('village_review');
  const audit = await prisma.auditEntry.findMany({ where: { caseNo, allowed: false }, orderBy: { at: 'asc' }, select: { actorType: true, action: true, reason: true } });
  expect(audit).toEqual([
    { actorType: 'contact', action: 'chat:approve', reason: 'no_role: not a bound cadre' },
    { actorType: 'cadre', action: 'transition:approve', reason: expect.stringMatching(/^outside_jurisdiction:/) },
    { actorType: 'cadre', action: 'chat:view', reason: expect.stringMatching(/^outside_jurisdiction:/) },
  ]);
});

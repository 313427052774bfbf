/**
 * A 因病 case from filing to paid, end to end through wechaty-puppet-mock: the villager applies by
 * chat; the village cadre and the town cadre bind their WeChat and their work groups with one-time
 * codes and move the case by @-mentioning the bot in those groups; the county office and the
 * insurer's verifier act in private chats, with the guided exchanges for the verifier, the
 * verification, the assessment, the decision and the payment. The bot drains the outbox into the
 * same mock WeChat, and the villager's contact receives each expected update, in order.
 */
import { issueBindingCode } from '../../server/core/auth/binding-codes';
import { leftovers, sleep } from './support';
import { apply, Group, noticesTo, outboxDrained, Person, startWorld, villagerHears, type World } from './workflow-support';

let baseline: string[];
let world: World | undefined;
const logged: string[] = [];

beforeAll(() => {
  baseline = process.getActiveResourcesInfo();
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
});

afterEach(async () => {
  await world?.close();
  world = undefined;
});

afterAll(async () => {
  jest.restoreAllMocks();
  // nothing the villager typed that identifies them reaches a log line
  expect(logged.filter((l) => ['11010519491231002X', '13800138000', '脑梗'].some((s) => l.includes(s)))).toEqual([]);
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

test('因病: filed by chat, moved by cadres in bound groups and private chats, paid; the villager hears every step in order', async () => {
  const village = new Person('wx-cunzhishu', '村支书');
  const town = new Person('wx-zhen', '镇干部');
  const county = new Person('wx-xian', '县办王主任');
  const verifier = new Person('wx-hecha', '核查员小周');
  const villageRoom = new Group('room-liushu@chatroom', '柳树村工作群', [village]);
  const townRoom = new Group('room-qingshan@chatroom', '青山镇工作群', [town]);
  world = await startWorld([village, town, county, verifier], [villageRoom, townRoom]);
  const { srv, villager } = world;
  const prisma = srv.db.prisma;

  // --- binding: groups in the group, people in a private chat -------------------------------
  const townRegion = await prisma.region.findUniqueOrThrow({ where: { code: '439901100' } });
  const townRoomCode = await issueBindingCode(prisma, { purpose: 'room', regionId: townRegion.id }, new Date());
  const verifierCode = await issueBindingCode(prisma, { purpose: 'cadre', cadreId: srv.cadre('verifier').id }, new Date());
  await village.askIn(villageRoom, `绑定群 ${srv.seed.roomCodes[0]!.code}`, '本群是柳树村的工作群');
  await village.ask(`绑定 ${srv.cadre('liushu').bindingCode}`, '绑定成功');
  await town.askIn(townRoom, `绑定群 ${townRoomCode.code}`, '本群是青山镇的工作群');
  await town.ask(`绑定 ${srv.cadre('qingshan').bindingCode}`, '绑定成功');
  await county.ask(`绑定 ${srv.cadre('county').bindingCode}`, '绑定成功');
  await verifier.ask(`绑定 ${verifierCode.code}`, '绑定成功');

  // --- the villager applies -----------------------------------------------------------------
  const mark = villager.transcript.length;
  const caseNo = await apply(villager);

  // --- 村初审, in the village group ----------------------------------------------------------
  await villageRoom.notice(`【待办】${caseNo}`);
  await village.notice(`【待办】${caseNo}`);
  const seen = await village.askIn(villageRoom, `查看 ${caseNo}`, `【${caseNo}】因病｜村初审`);
  expect(seen).not.toContain('13800138000'); // a group never sees the phone or the ID number
  expect(seen).not.toContain('002X');
  await village.askIn(villageRoom, `通过 ${caseNo}`, `已通过：${caseNo} 转到「镇审核」`);
  await villagerHears(villager, '村委会初审通过了', mark);

  // --- 镇审核, in the town group -------------------------------------------------------------
  await townRoom.notice(`【待办】${caseNo}`);
  await town.askIn(townRoom, `通过 ${caseNo}`, `已通过：${caseNo} 转到「县审核」`);
  await villagerHears(villager, '镇里审核通过了', mark);

  // --- 县审核, privately: assigns the verifier --------------------------------------------------
  await county.notice(`【待办】${caseNo}`);
  expect(await county.ask(`通过 ${caseNo}`, '请选择入户核查的核查员')).toContain('1. 人保核查员（清溪县）\n只有一位，请回复 1。');
  await county.ask('1', '请核对');
  await county.ask('确认', `已通过：${caseNo} 转到「入户核查」`);
  await villagerHears(villager, '县里审核通过了', mark);

  // --- 入户核查, the verifier privately -----------------------------------------------------------
  await verifier.notice(`【待办】${caseNo}`);
  await verifier.ask(`核查 ${caseNo} 预约 7月22日`, `已预约：${caseNo} 2026年7月22日入户核查`);
  await villagerHears(villager, '入户核查定在2026年7月22日', mark);
  await verifier.ask(`通过 ${caseNo}`, `录入 ${caseNo} 的入户核查结果`);
  await verifier.ask('3万2', '几人');
  await verifier.ask('4', '刚性支出');
  await verifier.ask('2万2', '核查结论');
  expect(await verifier.ask('1', '请核对')).toContain('核实年纯收入：32,000元');
  const roomMark = villageRoom.chat.length;
  await verifier.ask('确认', `已通过：${caseNo} 转到「村级评议」`);
  await villagerHears(villager, '入户核查做完了', mark);

  // --- 村级评议 and 公示, back in the village group -------------------------------------------------
  await villageRoom.notice(`【待办】${caseNo}`, roomMark);
  await village.askIn(villageRoom, `通过 ${caseNo}`, `录入 ${caseNo} 的村级评议结果`);
  await village.askIn(villageRoom, '1', '参加评议');
  await village.askIn(villageRoom, '23', '公示从哪天开始');
  await village.askIn(villageRoom, '好', '公示到哪天结束');
  const check = await village.askIn(villageRoom, '好', '请核对');
  expect(check).toContain('公示开始：2026年7月20日');
  expect(check).toContain('公示结束：2026年7月24日');
  await village.askIn(villageRoom, '确认', `已通过：${caseNo} 转到「公示」`);
  await villagerHears(villager, '公示，时间是2026年7月20日到2026年7月24日', mark);

  // --- 审批, after the notice has run ---------------------------------------------------------
  await county.ask(`通过 ${caseNo}`, '公示要到2026年7月24日才结束');
  await outboxDrained(srv);
  world.advanceDays(5);
  await county.ask(`通过 ${caseNo}`, `录入 ${caseNo} 的审批结果`);
  await county.ask('5000', '认定为哪一类');
  await county.ask('2', '帮扶措施');
  expect(await county.ask('2 3 5', '请核对')).toContain('帮扶措施：临时救助、医疗救助、防贫保险金');
  await county.ask('确认', `已通过：${caseNo} 转到「已批准待发放」`);
  await villagerHears(villager, '您的申请批准了', mark);

  // --- 发放 ----------------------------------------------------------------------------------
  await county.ask(`通过 ${caseNo}`, `登记 ${caseNo} 的发放`);
  await county.ask('ZF-2026-0725-001', '哪天发放');
  await county.ask('好', '请核对');
  await county.ask('确认', `已登记发放：${caseNo} 办结`);
  await villagerHears(villager, '已经在2026年7月25日发放', mark);
  await outboxDrained(srv);

  // --- what the villager heard, in order: one message per step, each with the case number ---
  const notices = await noticesTo(srv, villager, mark);
  const expected = [
    '村委会初审通过了',
    '镇里审核通过了',
    '县里审核通过了',
    '入户核查定在2026年7月22日',
    '入户核查做完了',
    '公示，时间是2026年7月20日到2026年7月24日',
    /您的申请批准了！\n帮扶金额：5,000元\n帮扶措施：临时救助、医疗救助、防贫保险金\n认定为：边缘易致贫户/,
    '帮扶金5,000元已经在2026年7月25日发放',
  ];
  // "received" is not repeated to a villager who filed in the chat: the chat reply said so
  expect(notices.map((n, i) => ({ i, ok: typeof expected[i] === 'string' ? n.includes(expected[i] as string) : (expected[i] as RegExp | undefined)?.test(n) ?? false, n }))).toEqual(
    expected.map((_e, i) => ({ i, ok: true, n: notices[i] })),
  );
  expect(notices).toHaveLength(expected.length);
  for (const n of notices) expect(n).toContain(`申请编号：${caseNo}`);

  // --- the case and its timeline --------------------------------------------------------------
  const row = await prisma.case.findUniqueOrThrow({ where: { caseNo }, include: { events: { orderBy: { seq: 'asc' } } } });
  expect(row).toMatchObject({ status: 'paid', verifierId: srv.cadre('verifier').id, approvedAmountFen: 500_000, householdCategory: 'marginal', paymentRef: 'ZF-2026-0725-001' });
  expect(row.events.map((e) => [e.type, e.actorType, e.toStatus])).toEqual([
    ['submitted', 'villager', 'submitted'],
    ['accept', 'system', 'village_review'],
    ['approve', 'cadre', 'town_review'],
    ['approve', 'cadre', 'county_review'],
    ['approve', 'cadre', 'verification'],
    ['visit_scheduled', 'cadre', null],
    ['approve', 'cadre', 'assessment'],
    ['approve', 'cadre', 'publicity'],
    ['approve', 'cadre', 'approved'],
    ['approve', 'cadre', 'paid'],
  ]);
  // the early "通过" during the notice was refused and audited
  expect(await prisma.auditEntry.count({ where: { actorType: 'cadre', caseNo, allowed: false } })).toBe(1);
  // nothing left undelivered, nothing dead
  expect(await prisma.outbox.count({ where: { status: { not: 'sent' } } })).toBe(0);
});

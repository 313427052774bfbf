/**
 * Who hears of a case move, and what they read (real database, the demo county):
 *  - the villager, in their language, every step they should know of, ending with the case number;
 *  - the cadres whose role owns the new status and whose region holds the village — only when
 *    bound to WeChat — and the work groups bound at that level, with the exact command to act.
 */
import { t } from '../../flows/i18n';
import { SYSTEM } from '../../flows/workflow';
import { notifyHandover, notifyVisitScheduled } from '../../server/core/workflow/notify';
import { performTransition } from '../../server/core/workflow/perform';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { bindCadre, bindRoom, cadreActor, move, mustMove, outboxRows, villagerContact, type Row } from './support';

const LIUSHU = '439901100201'; // 柳树村, 青山镇
const SHIQIAO = '439901100202'; // 石桥村, 青山镇
const BAISHI = '439901200201'; // 白石村, 白石乡
const QINGSHAN = '439901100';
const COUNTY = '439901';

let clock = new Date('2026-07-20T02:00:00Z'); // 10:00 in China
let srv: TestServer;
let ids = 0;

beforeAll(async () => {
  srv = await startTestServer({ now: () => clock });
  const p = srv.db.prisma;
  await bindCadre(p, srv.cadre('liushu').id, 'c-liushu');
  await bindCadre(p, srv.cadre('qingshan').id, 'c-qingshan', 'en');
  await bindCadre(p, srv.cadre('baishi').id, 'c-baishi');
  await bindCadre(p, srv.cadre('county').id, 'c-county');
  await bindCadre(p, srv.cadre('verifier').id, 'c-verifier');
  // baishi_town and the auditor stay unbound
  await bindRoom(p, LIUSHU, 'r-liushu@chatroom');
  await bindRoom(p, QINGSHAN, 'r-qingshan@chatroom');
  await bindRoom(p, COUNTY, 'r-county@chatroom');
});
afterAll(async () => {
  await srv.close();
});

async function newCase(villageCode: string, opts: { status?: string; lang?: 'zh-CN' | 'en'; fields?: object; contact?: boolean } = {}) {
  ids += 1;
  const contact = opts.contact === false ? null : await villagerContact(srv.db.prisma, `v-${ids}`, opts.lang ?? 'zh-CN');
  const idNumber = `11010519491231${String(ids).padStart(3, '0')}X`;
  const c = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode, idNumber, status: opts.status ?? 'submitted', ...(contact ? { contactId: contact.id } : {}), fields: opts.fields });
  return { ...c, villager: contact?.externalId };
}

/** Runs a move and returns what it wrote to the outbox. */
async function sent(caseId: string, act: () => Promise<unknown>): Promise<Row[]> {
  const before = new Set((await outboxRows(srv.db.prisma)).map((r) => r.id));
  await act();
  return (await outboxRows(srv.db.prisma, { caseId })).filter((r) => !before.has(r.id));
}
const targets = (rows: Row[]) => rows.map((r) => r.targetId).sort();
const to = (rows: Row[], target: string) => rows.find((r) => r.targetId === target)?.text ?? '';

describe('the whole review chain: who hears of each step', () => {
  let c: Awaited<ReturnType<typeof newCase>>;
  beforeAll(async () => {
    c = await newCase(LIUSHU);
  });

  const inAWeek = new Date('2026-07-27T02:00:00Z');
  const steps: [string, () => Promise<unknown>, string[]][] = [
    ['accept → village_review', () => mustMove(srv, SYSTEM, c.caseNo, { action: 'accept' }, clock), ['c-liushu', 'r-liushu@chatroom', 'VILLAGER']],
    ['village approves → town_review', async () => mustMove(srv, await cadreActor(srv, 'liushu'), c.caseNo, { action: 'approve' }, clock), ['c-qingshan', 'r-qingshan@chatroom', 'VILLAGER']],
    ['town approves → county_review', async () => mustMove(srv, await cadreActor(srv, 'qingshan'), c.caseNo, { action: 'approve' }, clock), ['c-county', 'r-county@chatroom', 'VILLAGER']],
    [
      'county assigns the verifier → verification',
      async () => mustMove(srv, await cadreActor(srv, 'county'), c.caseNo, { action: 'approve', data: { verifierId: srv.cadre('verifier').id } }, clock),
      ['c-verifier', 'r-county@chatroom', 'VILLAGER'],
    ],
    [
      'verifier records the visit → assessment',
      async () =>
        mustMove(srv, await cadreActor(srv, 'verifier'), c.caseNo, { action: 'approve', data: { verifiedIncomeFen: 2_000_000, verifiedMembers: 4, verifiedExpenseFen: 3_200_000, outcome: 'confirmed' } }, clock),
      ['c-liushu', 'r-liushu@chatroom', 'VILLAGER'],
    ],
    [
      'village assessment → publicity',
      async () =>
        mustMove(srv, await cadreActor(srv, 'liushu'), c.caseNo, { action: 'approve', data: { result: 'agreed', attendance: 23, publicityStart: '2026-07-21', publicityEnd: '2026-07-25' } }, clock),
      ['c-county', 'r-county@chatroom', 'VILLAGER'],
    ],
    [
      'county decides after the notice → approved',
      async () =>
        mustMove(srv, await cadreActor(srv, 'county'), c.caseNo, { action: 'approve', data: { amountFen: 500_000, category: 'marginal', measures: ['medical_aid', 'temporary_relief'] } }, inAWeek),
      ['c-county', 'r-county@chatroom', 'VILLAGER'],
    ],
    [
      'county records the payment → paid',
      async () => mustMove(srv, await cadreActor(srv, 'county'), c.caseNo, { action: 'approve', data: { paymentRef: 'NX-2026-0001', paidOn: '2026-07-28' } }, inAWeek),
      ['VILLAGER'],
    ],
  ];

  const villagerTexts: string[] = [];
  test.each(steps)('%s', async (_name, act, expected) => {
    const rows = await sent(c.caseId, act);
    expect(targets(rows)).toEqual(expected.map((e) => (e === 'VILLAGER' ? c.villager! : e)).sort());
    for (const r of rows) {
      expect(r.channel).toBe('wechaty-puppet-mock:mock-bot');
      expect(r.targetType).toBe(r.targetId.endsWith('@chatroom') ? 'room' : 'contact');
      expect(r.text).toContain(c.caseNo);
      expect(r.dedupeKey).toMatch(/^tx:/);
      expect(r.kind).toBe(r.targetId === c.villager ? 'case_update' : 'case_task');
    }
    villagerTexts.push(to(rows, c.villager!));
  });

  test('the villager heard each step in plain words, each ending with the case number', () => {
    const footer = `申请编号：${c.caseNo}`;
    expect(villagerTexts.map((text) => text.endsWith(footer))).toEqual(Array(8).fill(true));
    expect(villagerTexts.map((text) => text.slice(0, -footer.length - 1))).toEqual([
      t('zh-CN', 'workflow.villager.to_village_review'),
      t('zh-CN', 'workflow.villager.to_town_review'),
      t('zh-CN', 'workflow.villager.to_county_review'),
      t('zh-CN', 'workflow.villager.to_verification'),
      t('zh-CN', 'workflow.villager.to_assessment'),
      t('zh-CN', 'workflow.villager.to_publicity', { start: '2026年7月21日', end: '2026年7月25日' }),
      t('zh-CN', 'workflow.villager.to_approved', { amount: '5,000元', measures: '医疗救助、临时救助', category: '边缘易致贫户' }),
      // the chat adds how to answer in it
      `${t('zh-CN', 'workflow.villager.to_paid', { amount: '5,000元', date: '2026年7月28日' })}\n${t('zh-CN', 'workflow.villager.chat.paid')}`,
    ]);
    expect(villagerTexts[3]).toContain('工作人员会联系您上门核查');
    expect(villagerTexts[5]).toContain('2026年7月21日到2026年7月25日');
  });
});

describe('cadre notices: the facts and the exact command', () => {
  test('private: case number, village, cause, rigid expenses, what is needed, the commands', async () => {
    const c = await newCase(LIUSHU);
    const rows = await sent(c.caseId, () => mustMove(srv, SYSTEM, c.caseNo, { action: 'accept' }, clock));
    expect(to(rows, 'c-liushu')).toBe(
      [
        `【待办】${c.caseNo}`,
        '柳树村｜因病｜家庭刚性支出32,000元',
        '需要：村委会初审，核对申请和材料。',
        `回复：通过 ${c.caseNo}`,
        `或：退回 ${c.caseNo} 缺 出院小结`,
        `或：驳回 ${c.caseNo} 原因`,
        `或：查看 ${c.caseNo}`,
      ].join('\n'),
    );
    // in the work group: the same, with the bot @-mentioned before each command
    expect(to(rows, 'r-liushu@chatroom')).toContain(`在群里回复：@防贫助手 通过 ${c.caseNo}\n或：@防贫助手 退回 ${c.caseNo} 缺 出院小结`);
  });

  test('in the cadre’s language: English for an English-speaking cadre (command words stay Chinese)', async () => {
    const c = await newCase(LIUSHU, { status: 'village_review' });
    const rows = await sent(c.caseId, async () => mustMove(srv, await cadreActor(srv, 'liushu'), c.caseNo, { action: 'approve' }, clock));
    const text = to(rows, 'c-qingshan');
    expect(text).toContain(`[To do] ${c.caseNo}`);
    expect(text).toContain('Liushu Village | Illness | household rigid expenses 32,000 yuan');
    expect(text).toContain(`Reply: 通过 ${c.caseNo} (approve)`);
  });

  test.each([
    ['a village cadre bound → gets it; another village’s cadre → none', LIUSHU, ['c-liushu'], ['c-baishi']],
    ['the other village’s own cadre gets theirs', BAISHI, ['c-baishi'], ['c-liushu', 'r-liushu@chatroom']],
    ['a village with no bound cadre and no room → no cadre notice at all', SHIQIAO, [], ['c-liushu', 'c-baishi', 'r-liushu@chatroom']],
  ])('%s', async (_name, village, gets, not) => {
    const c = await newCase(village);
    const rows = await sent(c.caseId, () => mustMove(srv, SYSTEM, c.caseNo, { action: 'accept' }, clock));
    const got = targets(rows).filter((x) => x !== c.villager);
    for (const g of gets) expect(got).toContain(g);
    for (const n of not) expect(got).not.toContain(n);
    if (gets.length === 0) expect(got).toEqual([]);
  });

  test('the village room gets village-level steps, the town room the town review', async () => {
    const c = await newCase(LIUSHU);
    const atVillage = await sent(c.caseId, () => mustMove(srv, SYSTEM, c.caseNo, { action: 'accept' }, clock));
    expect(targets(atVillage)).toContain('r-liushu@chatroom');
    expect(targets(atVillage)).not.toContain('r-qingshan@chatroom');
    const atTown = await sent(c.caseId, async () => mustMove(srv, await cadreActor(srv, 'liushu'), c.caseNo, { action: 'approve' }, clock));
    expect(targets(atTown)).toContain('r-qingshan@chatroom');
    expect(targets(atTown)).not.toContain('r-liushu@chatroom');
  });

  test('a town case of 白石乡, whose town cadre is not bound: nobody privately', async () => {
    const c = await newCase(BAISHI, { status: 'village_review' });
    const rows = await sent(c.caseId, async () => mustMove(srv, await cadreActor(srv, 'baishi'), c.caseNo, { action: 'approve' }, clock));
    expect(targets(rows)).toEqual([c.villager]);
  });

  test('verification with an assigned verifier not bound to WeChat → the county office hears of it', async () => {
    const p = srv.db.prisma;
    const unbound = await p.cadre.create({ data: { name: '临时核查员', role: 'verifier', regionId: (await p.region.findUniqueOrThrow({ where: { code: COUNTY } })).id } });
    const c = await newCase(LIUSHU, { status: 'county_review' });
    const rows = await sent(c.caseId, async () => mustMove(srv, await cadreActor(srv, 'county'), c.caseNo, { action: 'approve', data: { verifierId: unbound.id } }, clock));
    expect(targets(rows)).toEqual([c.villager, 'c-county', 'r-county@chatroom'].sort());
    expect(to(rows, 'c-county')).toContain(`核查 ${c.caseNo} 预约 3月5日`);
  });
});

describe('the villager: returned, resubmitted, rejected, withdrawn, green channel, language', () => {
  test('returned: the missing items as a list and how to send them; no cadre is told', async () => {
    const c = await newCase(LIUSHU, { status: 'town_review' });
    const rows = await sent(c.caseId, async () => mustMove(srv, await cadreActor(srv, 'qingshan'), c.caseNo, { action: 'return', data: { items: ['出院小结', '户口本'] } }, clock));
    expect(targets(rows)).toEqual([c.villager]);
    expect(rows[0]!.text).toBe(
      `您的申请还需要补充材料（镇里审核时发现的）：\n1. 出院小结\n2. 户口本\n请直接在这里发照片，发完回复“好了”。\n申请编号：${c.caseNo}`,
    );
  });

  test('resubmitted by the villager in the chat: the cadres who returned it hear; the villager is not told twice', async () => {
    const c = await newCase(LIUSHU, { status: 'returned', fields: { returnedFrom: 'village_review', missingItems: ['出院小结'] } });
    const contact = await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: c.villager } });
    const rows = await sent(c.caseId, () => mustMove(srv, { kind: 'villager', contactId: contact.id, householdId: c.householdId }, c.caseNo, { action: 'resubmit' }, clock));
    expect(targets(rows)).toEqual(['c-liushu', 'r-liushu@chatroom']);
    expect(to(rows, 'c-liushu')).toMatch(/^【补充材料已交】FP-/);
  });

  test('resubmitted by a cadre (papers handed in at the office): the villager is told', async () => {
    const c = await newCase(LIUSHU, { status: 'returned', fields: { returnedFrom: 'village_review', missingItems: ['出院小结'] } });
    const rows = await sent(c.caseId, async () => mustMove(srv, await cadreActor(srv, 'liushu'), c.caseNo, { action: 'resubmit' }, clock));
    expect(to(rows, c.villager!)).toContain('申请回到村委会初审继续办理');
  });

  test.each([
    ['village_review', 'liushu', '村委会初审', '镇政府'],
    ['town_review', 'qingshan', '镇里审核', '镇政府'],
    ['county_review', 'county', '县里审核', '县乡村振兴局'],
  ] as const)('rejected at %s: the reason, and where to ask for a re-check', async (status, who, step, office) => {
    const c = await newCase(LIUSHU, { status });
    const rows = await sent(c.caseId, async () => mustMove(srv, await cadreActor(srv, who), c.caseNo, { action: 'reject', note: '家庭收入高于标准，且无大额支出' }, clock));
    const text = to(rows, c.villager!);
    expect(text).toContain(`没有通过（${step}）`);
    expect(text).toContain('原因：家庭收入高于标准，且无大额支出');
    expect(text).toContain(`15天内，向${office}`);
    expect(text).toContain('复核');
  });

  test('withdrawn by the villager: the cadre who was acting hears they can stop', async () => {
    const c = await newCase(LIUSHU, { status: 'village_review' });
    const contact = await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: c.villager } });
    const rows = await sent(c.caseId, () => mustMove(srv, { kind: 'villager', contactId: contact.id, householdId: c.householdId }, c.caseNo, { action: 'withdraw' }, clock));
    expect(targets(rows)).toEqual(['c-liushu']);
    expect(rows[0]!.text).toContain('已撤回');
  });

  test('green channel: approved first, the paperwork after', async () => {
    const c = await newCase(LIUSHU, { status: 'town_review' });
    const rows = await sent(c.caseId, async () =>
      mustMove(srv, await cadreActor(srv, 'county'), c.caseNo, { action: 'fast_approve', note: '大病住院急需', data: { amountFen: 1_000_000, category: 'sudden_hardship', measures: ['temporary_relief'] } }, clock),
    );
    const text = to(rows, c.villager!);
    expect(text).toContain('绿色通道');
    expect(text).toContain('10,000元');
    expect(text).toContain('临时救助');
    expect(text).toContain('突发严重困难户');
    expect(targets(rows)).toContain('c-county'); // to pay it
  });

  test('in English for a villager who chose English', async () => {
    const c = await newCase(LIUSHU, { status: 'village_review', lang: 'en' });
    const rows = await sent(c.caseId, async () => mustMove(srv, await cadreActor(srv, 'liushu'), c.caseNo, { action: 'approve' }, clock));
    expect(to(rows, c.villager!)).toBe(`${t('en', 'workflow.villager.to_town_review')}\nApplication number: ${c.caseNo}`);
  });

  test('a case without a contact (top-down monitoring): cadres only', async () => {
    const c = await newCase(LIUSHU, { contact: false });
    const rows = await sent(c.caseId, () => mustMove(srv, SYSTEM, c.caseNo, { action: 'accept' }, clock));
    expect(targets(rows)).toEqual(['c-liushu', 'r-liushu@chatroom']);
  });

  test('a case the villager just filed in the chat: its acceptance is not repeated to them (the chat reply said it)', async () => {
    const c = await newCase(LIUSHU);
    const contact = await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: c.villager } });
    await srv.db.prisma.caseEvent.create({ data: { caseId: c.caseId, type: 'submitted', actorType: 'villager', actorId: contact.id, toStatus: 'submitted' } });
    const rows = await sent(c.caseId, () => mustMove(srv, SYSTEM, c.caseNo, { action: 'accept' }, clock));
    expect(targets(rows)).toEqual(['c-liushu', 'r-liushu@chatroom']);
  });
});

describe('in the transition’s transaction', () => {
  test('a transition rolled back leaves no outbox row', async () => {
    const c = await newCase(LIUSHU);
    const before = (await outboxRows(srv.db.prisma)).length;
    await expect(
      srv.db.prisma.$transaction(async (tx) => {
        const r = await performTransition(tx, srv.config.workflow, SYSTEM, c.caseNo, { action: 'accept' }, clock);
        expect(r.ok).toBe(true);
        expect(await tx.outbox.count({ where: { caseId: c.caseId } })).toBe(2 + 1); // written, inside
        throw new Error('something later in the same transaction failed');
      }),
    ).rejects.toThrow('something later');
    expect((await outboxRows(srv.db.prisma)).length).toBe(before);
    expect((await srv.db.prisma.case.findUniqueOrThrow({ where: { id: c.caseId } })).status).toBe('submitted');
  });

  test('a refused move tells nobody', async () => {
    const c = await newCase(LIUSHU, { status: 'village_review' });
    const rows = await sent(c.caseId, async () => {
      const r = await move(srv, await cadreActor(srv, 'baishi'), c.caseNo, { action: 'approve' }, clock);
      expect(r.ok).toBe(false);
    });
    expect(rows).toEqual([]);
  });
});

describe('the home visit and the hand-over', () => {
  test('a scheduled visit: the villager is told the day, once per day set', async () => {
    const c = await newCase(LIUSHU, { status: 'verification' });
    const rows = await sent(c.caseId, async () => {
      await srv.db.prisma.$transaction((tx) => notifyVisitScheduled(tx, { caseId: c.caseId, visitOn: '2026-07-23' }, clock));
      await srv.db.prisma.$transaction((tx) => notifyVisitScheduled(tx, { caseId: c.caseId, visitOn: '2026-07-23' }, clock));
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toContain('入户核查定在2026年7月23日');
    expect(rows[0]!.text).toContain(c.caseNo);
  });

  test('a hand-over: the village cadre privately with the phone, the village group without it', async () => {
    const p = srv.db.prisma;
    const c = await newCase(LIUSHU, { status: 'village_review' });
    const contact = await p.contact.findFirstOrThrow({ where: { externalId: c.villager } });
    await p.contact.update({ where: { id: contact.id }, data: { householdId: c.householdId, householdLink: 'created' } });
    const village = await p.region.findUniqueOrThrow({ where: { code: LIUSHU } });
    const handover = await p.handover.create({ data: { contactId: contact.id, villageId: village.id, reason: 'requested' } });
    const before = new Set((await outboxRows(p)).map((r) => r.id));
    await p.$transaction((tx) => notifyHandover(tx, { handoverId: handover.id, contactId: contact.id, villageId: village.id, reason: 'requested' }, clock));
    const rows = (await outboxRows(p)).filter((r) => !before.has(r.id));
    expect(targets(rows)).toEqual(['c-liushu', 'r-liushu@chatroom']);
    expect(to(rows, 'c-liushu')).toContain('【请联系村民】');
    expect(to(rows, 'c-liushu')).toContain('电话：13800138000');
    expect(to(rows, 'c-liushu')).toContain(c.caseNo);
    expect(to(rows, 'r-liushu@chatroom')).not.toContain('13800138000');
    expect(rows.every((r) => r.kind === 'handover')).toBe(true);
  });

  test('a hand-over from a contact that only typed the household\'s ID number and phone (claimed): not presented as the household', async () => {
    const p = srv.db.prisma;
    const c = await newCase(LIUSHU, { status: 'village_review' });
    ids += 1;
    const claimer = await villagerContact(p, `v-claim-${ids}`);
    await p.contact.update({ where: { id: claimer.id }, data: { householdId: c.householdId, householdLink: 'claimed' } });
    const village = await p.region.findUniqueOrThrow({ where: { code: LIUSHU } });
    const handover = await p.handover.create({ data: { contactId: claimer.id, villageId: village.id, reason: 'requested' } });
    const before = new Set((await outboxRows(p)).map((r) => r.id));
    await p.$transaction((tx) => notifyHandover(tx, { handoverId: handover.id, contactId: claimer.id, villageId: village.id, reason: 'requested' }, clock));
    const text = to((await outboxRows(p)).filter((r) => !before.has(r.id)), 'c-liushu');
    expect(text).toContain('【请联系村民】');
    expect(text).not.toContain('13800138000');
    expect(text).not.toContain(c.caseNo);
  });

  test.each([
    ['石桥村 (no village cadre bound): the town cadre', SHIQIAO, ['c-qingshan']],
    ['no village known: the county office', null, ['c-county']],
  ])('a hand-over from %s', async (_name, code, expected) => {
    const p = srv.db.prisma;
    ids += 1;
    const contact = await villagerContact(p, `v-${ids}`);
    const village = code ? await p.region.findUniqueOrThrow({ where: { code } }) : null;
    const handover = await p.handover.create({ data: { contactId: contact.id, villageId: village?.id ?? null, reason: 'misunderstood' } });
    const before = new Set((await outboxRows(p)).map((r) => r.id));
    await p.$transaction((tx) => notifyHandover(tx, { handoverId: handover.id, contactId: contact.id, villageId: village?.id ?? null, reason: 'misunderstood' }, clock));
    const rows = (await outboxRows(p)).filter((r) => !before.has(r.id));
    expect(targets(rows)).toEqual(expected);
  });
});

/**
 * A villager applies by WeChat chat, end to end: a mock WeChat (wechaty-puppet-mock) → the real
 * gateway (bot/startBot) → the real koa app → a real PostgreSQL database (fresh per test), and the
 * filed case read back through the cadres' API. Also: a restart of bot and server mid-application,
 * a server outage with the bot running, and asking for the status afterwards.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { statusLabel } from '../../flows';
import { t } from '../../flows/i18n';
import { illnessTurns } from '../support/illness';
import { ADMIN_TOKEN, jpegBytes, pngBytes, startTestServer, type TestServer } from '../support/server';
import { BUSY, leftovers, recordedIn, sleep, startChatBot, tempDir, Villager, waitFor, type ChatBot, type Photo } from './support';
import { maskIdNumber, maskPhone } from '../../server/core/cases/reveal';
import { processWords } from '../../flows/workflow/process-words';

/** The server's clock: a summer day of 2026 (an income line is configured for it), ticking. */
const CLOCK_BASE = Date.parse('2026-07-20T02:00:00Z'); // 10:00 in Asia/Shanghai
const CASE_NO = /FP-\d{4}-\d{6}/;

let baseline: string[];
const logged: string[] = [];
let srv: TestServer;
/** This test's server and spool, while they exist (a failed beforeEach leaves nothing to close). */
let open: { srv?: TestServer; spoolDir?: string } = {};
let running: ChatBot[] = [];
let villagers: Villager[] = [];

beforeAll(() => {
  baseline = process.getActiveResourcesInfo();
  // the gateway logs outages and retries: keep them out of the output, but read them (afterAll)
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
});

beforeEach(async () => {
  const started = Date.now();
  srv = open.srv = await startTestServer({ now: () => new Date(CLOCK_BASE + (Date.now() - started)) });
  open.spoolDir = tempDir('fangpin-e2e-spool-');
});

afterEach(async () => {
  for (const bot of running) await bot.stop();
  running = [];
  // E2E_TRANSCRIPTS=<dir>: keep each chat as the villager saw it, to read the wording
  const dir = process.env['E2E_TRANSCRIPTS'];
  if (dir) {
    mkdirSync(dir, { recursive: true });
    const name = expect.getState().currentTestName!.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    writeFileSync(path.join(dir, `${name}.txt`), villagers.map((v) => v.print()).join('\n\n'));
  }
  villagers = [];
  await open.srv?.close();
  if (open.spoolDir) rmSync(open.spoolDir, { recursive: true, force: true });
  open = {};
});

afterAll(async () => {
  jest.restoreAllMocks();
  // what a villager typed that identifies them never reaches a log line
  const secrets = [...ILLNESS.secrets, ...DISASTER.secrets, ...EDUCATION.secrets];
  expect(logged.filter((line) => secrets.some((s) => line.includes(s)))).toEqual([]);
  await sleep(50); // let closed sockets finish closing
  expect(leftovers(baseline)).toEqual([]);
});

/** A bot process: a new mock WeChat with these villagers in it, the gateway, this test's spool. */
async function startBot(joining: Villager[] = []): Promise<ChatBot> {
  const bot = await startChatBot(srv, open.spoolDir!, joining);
  running.push(bot);
  return bot;
}

async function stopBot(bot: ChatBot): Promise<void> {
  await bot.stop();
  running = running.filter((b) => b !== bot);
}

function newVillager(id = 'villager-1', name = '李秀英'): Villager {
  const villager = new Villager(id, name, recordedIn(srv));
  villagers.push(villager);
  return villager;
}

// ---------------------------------------------------------------------------------------------
// The three applications: what the villager types (messy, as people do) and what must be filed.
// ---------------------------------------------------------------------------------------------

/**
 * One turn: what the villager sends (several messages at once, as when picking two photos in
 * WeChat), and what the bot's answer must contain (usually the next question).
 */
type Turn = [message: string | Photo | Photo[], expect: string | RegExp | (string | RegExp)[]];

interface Application {
  cause: 'illness' | 'disaster' | 'education';
  /** Up to the documents: greeting, menu, cause, applicant, household, cause questions. */
  questions: Turn[];
  /** The documents checklist: photos, "好了", "跳过"… */
  documents: Turn[];
  photos: { photo: Photo; kind: string }[];
  /** Facts the summary must show. */
  summary: string[];
  filed: {
    headName: string;
    idNumber: string;
    phone: string;
    village: { code: string; name: string };
    householdSize: number;
    povertyAlleviated: boolean;
    annualIncomeFen: number;
    perCapitaIncomeFen: number;
    rigidExpenseFen: number;
    details: Record<string, unknown>;
  };
  /** Identifying strings that must never be logged. */
  secrets: string[];
}

const photo = (name: string, bytes: Buffer): Photo => ({ name, bytes });

const ILLNESS: Application = {
  cause: 'illness',
  questions: [
    ['你好', '请问您要办什么'],
    ['1', '是什么原因'],
    ['因病', '申请人叫什么名字'],
    ['李秀英', '身份证号'],
    ['11010519491231002X', '手机号'],
    ['１３８００１３８０００', '哪个乡镇'], // full-width digits, as some phone keyboards type them
    ['青山镇', ['哪个村', '石桥村']], // the town by name
    ['2', '几口人'], // the village by number: 石桥村
    ['4口人', '纯收入'],
    ['三万二', ['人均纯收入约8,000元', '脱贫户']],
    ['是的', '生病的是谁'],
    ...illnessTurns({ totalCostFen: '3万2' }, { until: 'reimbursedFen' }),
    ['一万', ['自己付了约22,000元', '对吗']],
    ['对', ['初步算一下', '低于本地2026年的监测标准（每人每年8,700元）', '住院结算单或发票（第1项，共2项）']],
  ],
  documents: [],
  photos: [
    { photo: photo('住院发票.jpg', jpegBytes(1)), kind: 'hospital_bill' },
    { photo: photo('结算单.png', pngBytes(2)), kind: 'hospital_bill' },
  ],
  summary: ['因病', '李秀英', '11010519491231002X', '13800138000', '青山镇', '石桥村', '4人', '32,000元', '脑梗', '县人民医院', '22,000元', '住院结算单或发票：2张'],
  filed: {
    headName: '李秀英',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    village: { code: '439901100202', name: '石桥村' },
    householdSize: 4,
    povertyAlleviated: true,
    annualIncomeFen: 3200000,
    perCapitaIncomeFen: 800000,
    rigidExpenseFen: 2200000,
    details: {
      patient: 'self',
      patientName: '李秀英',
      illness: '脑梗',
      hospital: '县人民医院',
      totalCostFen: 3200000,
      reimbursedFen: 1000000,
      selfPaidFen: 2200000,
      missingDocuments: ['discharge_summary'],
    },
  },
  secrets: ['11010519491231002X', '13800138000', '１３８００１３８０００', '脑梗'],
};
ILLNESS.documents = [
  [ILLNESS.photos[0]!.photo, '第1张'],
  [ILLNESS.photos[1]!.photo, '第2张'],
  ['好了', ['住院结算单或发票收到了，共2张', '出院小结（第2项，共2项）']],
  ['没有', ['出院小结先跳过', '承诺和授权']], // "没有" before any photo: I don't have it
];

const DISASTER: Application = {
  cause: 'disaster',
  questions: [
    ['您好', '请问您要办什么'],
    ['申请帮扶', '是什么原因'],
    ['受灾', '申请人叫什么名字'],
    ['张建国', '身份证号'],
    ['440304 19900101 1233', '手机号'], // read off the card in groups
    ['139-0713-6688', '哪个乡镇'],
    ['2', ['哪个村', '杉木村']], // the town by number: 白石乡
    ['杉木村', '几口人'], // the village by name
    ['五口', '纯收入'],
    ['3万', ['人均纯收入约6,000元', '脱贫户']],
    ['不是', '什么灾'],
    ['洪水', '哪一天'],
    ['7月3号', '损失了多少钱'],
    ['大概五万块', '赔款'],
    ['五千', ['初步算一下', '超过了家里一年的收入30,000元', '请拍照发送：受灾照片']],
  ],
  documents: [],
  photos: [
    { photo: photo('房子.jpg', jpegBytes(3)), kind: 'damage_photos' },
    { photo: photo('庄稼.png', pngBytes(4)), kind: 'damage_photos' },
  ],
  summary: ['因灾', '张建国', '440304199001011233', '13907136688', '白石乡', '杉木村', '5人', '洪涝', '2026年7月3日', '50,000元', '5,000元', '受灾照片：2张'],
  filed: {
    headName: '张建国',
    idNumber: '440304199001011233',
    phone: '13907136688',
    village: { code: '439901200202', name: '杉木村' },
    householdSize: 5,
    povertyAlleviated: false,
    annualIncomeFen: 3000000,
    perCapitaIncomeFen: 600000,
    rigidExpenseFen: 4500000,
    details: { disasterKind: 'flood', disasterDate: '2026-07-03', lossFen: 5000000, compensationFen: 500000, missingDocuments: [] },
  },
  secrets: ['440304199001011233', '440304 19900101 1233', '13907136688', '139-0713-6688'],
};
DISASTER.documents = [
  // both photos picked and sent at once: answered in order
  [DISASTER.photos.map((p) => p.photo), [/第1张[\s\S]*第2张/]],
  ['好了', ['受灾照片收到了，共2张', '承诺和授权']],
];

const EDUCATION: Application = {
  cause: 'education',
  questions: [
    ['在吗', '请问您要办什么'],
    ['1', '是什么原因'],
    ['3', '申请人叫什么名字'],
    ['王秀兰', '身份证号'],
    ['622927199912311512', '手机号'],
    ['我的电话是 150 1234 5678', '哪个乡镇'],
    ['青山', ['哪个村', '河湾村']], // the town by part of its name
    ['3', '几口人'], // 河湾村
    ['3', '纯收入'],
    ['两万四', ['人均纯收入约8,000元', '脱贫户']],
    ['是', '孩子叫什么名字'],
    ['王小明', '什么学段'],
    ['高中', '哪个学校'],
    ['县第一中学', '一年要花多少钱'],
    ['1万2', '资助'],
    ['两千', ['初步算一下', '没有超过家里一年的收入24,000元', '录取通知书或学籍证明（第1项，共2项）']],
  ],
  documents: [],
  photos: [
    { photo: photo('录取通知书.jpg', jpegBytes(5)), kind: 'enrollment_proof' },
    { photo: photo('收据.png', pngBytes(6)), kind: 'fee_receipt' },
  ],
  summary: ['因学', '王秀兰', '622927199912311512', '15012345678', '青山镇', '河湾村', '3人', '24,000元', '王小明', '高中或中职', '县第一中学', '12,000元', '2,000元'],
  filed: {
    headName: '王秀兰',
    idNumber: '622927199912311512',
    phone: '15012345678',
    village: { code: '439901100203', name: '河湾村' },
    householdSize: 3,
    povertyAlleviated: true,
    annualIncomeFen: 2400000,
    perCapitaIncomeFen: 800000,
    rigidExpenseFen: 1000000,
    details: { studentName: '王小明', stage: 'senior', school: '县第一中学', educationCostFen: 1200000, aidFen: 200000, missingDocuments: [] },
  },
  secrets: ['622927199912311512', '15012345678', '150 1234 5678'],
};
EDUCATION.documents = [
  [EDUCATION.photos[0]!.photo, '第1张'],
  ['好了', ['录取通知书或学籍证明收到了，共1张', '缴费凭证或收据（第2项，共2项）']],
  [EDUCATION.photos[1]!.photo, '第1张'],
  ['发完了', ['缴费凭证或收据收到了，共1张', '承诺和授权']],
];

/** Consents and the summary: the last turn files the case. */
function closing(app: Application): Turn[] {
  return [
    ['同意', '个人信息'],
    ['同意', ['请核对您填的内容', ...app.summary]],
    ['确认', [CASE_NO, '申请已经提交了']],
  ];
}

const script = (app: Application): Turn[] => [...app.questions, ...app.documents, ...closing(app)];

/** Plays turns; each answer must contain what the turn expects. Returns the last answer. */
async function play(villager: Villager, turns: Turn[]): Promise<string[]> {
  let replies: string[] = [];
  for (const [message, expected] of turns) {
    replies = Array.isArray(message) ? await villager.repliesTo(message.map((m) => villager.say(m))) : await villager.send(message);
    const said = replies.join('\n');
    for (const e of Array.isArray(expected) ? expected : [expected]) {
      const ok = typeof e === 'string' ? said.includes(e) : e.test(said);
      if (!ok) {
        const what = (Array.isArray(message) ? message : [message]).map((m) => (typeof m === 'string' ? m : `[${m.name}]`)).join(' ');
        throw new Error(`after "${what}" the bot should say ${String(e)}, but said:\n${said}\n\nthe chat so far:\n${villager.print()}`);
      }
    }
  }
  return replies;
}

const caseNoIn = (replies: string[]): string => {
  const m = CASE_NO.exec(replies.join('\n'));
  if (!m) throw new Error(`no case number in ${JSON.stringify(replies)}`);
  return m[0];
};

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

const asAdmin = (path: string): Promise<Response> => fetch(`${srv.url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });

/** The case in the database and through the cadres' API is what the villager said and sent. */
async function expectFiled(caseNo: string, app: Application): Promise<void> {
  const prisma = srv.db.prisma;
  const row = await prisma.case.findUnique({
    where: { caseNo },
    include: { household: true, village: true, documents: { orderBy: { createdAt: 'asc' } }, events: true },
  });
  expect(row).not.toBeNull();
  const f = app.filed;
  expect(row).toMatchObject({
    cause: app.cause,
    status: 'village_review',
    channel: 'wechaty-puppet-mock:mock-bot',
    householdSize: f.householdSize,
    annualIncomeFen: f.annualIncomeFen,
    perCapitaIncomeFen: f.perCapitaIncomeFen,
    rigidExpenseFen: f.rigidExpenseFen,
    incomeLineFen: 870000,
    incomeYear: 2025,
    village: { code: f.village.code, name: f.village.name },
    household: { headName: f.headName, headIdNumber: f.idNumber, phone: f.phone, size: f.householdSize, povertyAlleviated: f.povertyAlleviated },
  });
  expect(row!.answers).toMatchObject({ cause: app.cause, details: f.details, consent: { incomeCheck: true, personalInfo: true } });
  expect(row!.submittedAt.getUTCFullYear()).toBe(2026);

  // the photos, in the order sent, linked to the case; nothing left unfiled for the contact
  const docs = row!.documents;
  expect(docs.map((d) => ({ kind: d.kind, sha256: d.sha256, size: d.size, fileName: d.fileName }))).toEqual(
    app.photos.map(({ photo: p, kind }) => ({ kind, sha256: sha256(p.bytes), size: p.bytes.length, fileName: p.name })),
  );
  for (const d of docs) expect(d.mime).toMatch(/^image\//);
  expect(docs.map((d) => d.mime)).toEqual(app.photos.map(({ photo: p }) => (p.name.endsWith('.png') ? 'image/png' : 'image/jpeg')));
  expect(await prisma.document.count({ where: { caseId: null } })).toBe(0);

  expect(row!.events.map((e) => ({ type: e.type, toStatus: e.toStatus, actorType: e.actorType }))).toEqual([
    { type: 'submitted', toStatus: 'submitted', actorType: 'villager' },
    { type: 'accept', toStatus: 'village_review', actorType: 'system' },
  ]);
  // filed once: one case, one household. No cadre is bound in this test, and the villager heard
  // the case number in the chat itself, so nothing is queued for anyone.
  expect(await prisma.case.count()).toBe(1);
  expect(await prisma.household.count({ where: { headIdNumber: f.idNumber } })).toBe(1);
  expect(await prisma.outbox.count({ where: { caseId: row!.id } })).toBe(0);

  // a cadre reads the same case, and the photos byte for byte
  const res = await asAdmin(`/api/cases/${caseNo}`);
  expect(res.status).toBe(200);
  const detail = (await res.json()) as {
    caseNo: string;
    status: string;
    cause: string;
    village: { code: string };
    household: { idNumber: string; phone: string };
    documents: { id: string; mime: string; sha256: string; url: string }[];
  };
  expect(detail).toMatchObject({ caseNo, status: 'village_review', cause: app.cause, village: { code: f.village.code }, household: { idNumber: maskIdNumber(f.idNumber), phone: maskPhone(f.phone) } }); // whole only through 显示完整
  expect(detail.documents).toHaveLength(2);
  expect(detail.documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
  for (const [i, d] of detail.documents.entries()) {
    const got = await asAdmin(d.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe(d.mime);
    expect(Buffer.from(await got.arrayBuffer()).equals(app.photos[i]!.photo.bytes)).toBe(true);
  }
  expect((await fetch(`${srv.url}${detail.documents[0]!.url}`)).status).toBe(401); // not without a token
}

/**
 * Nothing lost, nothing doubled: the server processed each message the villager sent exactly once,
 * and the villager heard exactly the replies it recorded, in order (busy notices and the `pushed` notices aside).
 */
async function expectEachMessageAnsweredOnce(villager: Villager, pushed: string[] = []): Promise<void> {
  const contact = await srv.db.prisma.contact.findUniqueOrThrow({
    where: { channel_externalId: { channel: 'wechaty-puppet-mock:mock-bot', externalId: villager.id } },
    include: { inbound: true },
  });
  const sent = villager.sentIds();
  expect(contact.inbound.map((m) => m.messageId).sort()).toEqual([...sent].sort());
  const byId = new Map(contact.inbound.map((m) => [m.messageId, (m.replies as { text: string }[]).map((r) => r.text)]));
  expect(villager.botSaid().filter((s) => s !== BUSY && !pushed.includes(s))).toEqual(sent.flatMap((id) => byId.get(id)!));
}

// ---------------------------------------------------------------------------------------------

describe.each([
  ['因病 illness', ILLNESS],
  ['因灾 disaster', DISASTER],
  ['因学 education', EDUCATION],
])('%s', (_name, app) => {
  test('from "你好" to a case number: the case, its household and two photos are filed', async () => {
    const villager = newVillager('villager-1', app.filed.headName);
    await startBot([villager]);

    const last = await play(villager, script(app));
    const caseNo = caseNoIn(last);
    expect(last).toEqual([t('zh-CN', 'outcome.case_filed', { caseNo }), t('zh-CN', 'outcome.next_steps', processWords((key, params) => t('zh-CN', key, params)))]);

    await expectFiled(caseNo, app);
    await expectEachMessageAnsweredOnce(villager);
    expect(villager.botSaid()).not.toContain(BUSY);
  });
});

test('bot and server restarted mid-application: the villager picks up where they stopped, the case is filed once', async () => {
  const villager = newVillager();
  const first = await startBot([villager]);
  const [beforeRestart, afterRestart] = [ILLNESS.questions.slice(0, 5), ILLNESS.questions.slice(5)];
  expect(beforeRestart.at(-1)![0]).toBe('11010519491231002X'); // stops right after the ID number
  await play(villager, beforeRestart);

  // both processes go away: the bot (its WeChat session too) and the server's HTTP
  await stopBot(first);
  await srv.stopHttp();
  await srv.restart(); // a fresh app on the same database and port
  // a new bot process: a new mock WeChat, where the same villager (same contact id) writes again
  await startBot([villager]);

  const resumed = await villager.send('你好');
  expect(resumed).toEqual([
    t('zh-CN', 'engine.resume', { label: t('zh-CN', 'apply.phone.label') }),
    t('zh-CN', 'apply.phone.ask'),
  ]);
  const last = await play(villager, [...afterRestart, ...ILLNESS.documents, ...closing(ILLNESS)]);
  const caseNo = caseNoIn(last);

  await expectFiled(caseNo, ILLNESS); // also: exactly one case, one household, one notice
  await expectEachMessageAnsweredOnce(villager);
  expect(await srv.db.prisma.contact.count()).toBe(1); // the same villager, not a new one
});

test('server down while the bot runs: one "busy" notice, then the real replies, nothing lost or doubled', async () => {
  const villager = newVillager('villager-1', '张建国');
  await startBot([villager]);
  const upToIncome = DISASTER.questions.findIndex(([m]) => m === '3万');
  await play(villager, DISASTER.questions.slice(0, upToIncome));
  const inboundBefore = await srv.db.prisma.inboundMessage.count();

  await srv.stopHttp();
  // the answer to the income question, and (before any reply) the next one, 脱贫户 "不是"
  const income = villager.say('3万');
  const busy = await villager.repliesTo(income, { until: (said) => said.length > 0 });
  expect(busy).toEqual([BUSY]);
  const poverty = villager.say('不是');
  await sleep(300); // several retries at 50…200 ms: still down, nothing more is said
  expect(villager.saidAfter(income)).toEqual([BUSY]);
  expect(await srv.db.prisma.inboundMessage.count()).toBe(inboundBefore);

  await srv.restart();
  const replies = await villager.repliesTo([income, poverty]);
  expect(replies).toEqual([
    BUSY,
    t('zh-CN', 'apply.annualIncomeFen.per_capita', { perCapita: '6,000元', income: '30,000元', size: 5 }),
    t('zh-CN', 'apply.povertyAlleviated.ask'),
    expect.stringContaining('遭受的是什么灾'),
  ]);

  const rest = DISASTER.questions.slice(upToIncome + 2);
  expect(rest[0]![0]).toBe('洪水');
  const last = await play(villager, [...rest, ...DISASTER.documents, ...closing(DISASTER)]);
  await expectFiled(caseNoIn(last), DISASTER);
  await expectEachMessageAnsweredOnce(villager);
  expect(villager.botSaid().filter((s) => s === BUSY)).toHaveLength(1);
  expect(logged.some((line) => line.includes('server unavailable'))).toBe(true);
});

test('"查询" after filing lists the case with its status label; a new WeChat id finds it with ID number and phone', async () => {
  const villager = newVillager('villager-1', '王秀兰');
  await startBot([villager]);
  const caseNo = caseNoIn(await play(villager, script(EDUCATION)));

  const listed = await villager.send('查询');
  expect(listed).toHaveLength(1);
  expect(listed[0]).toContain(`编号 ${caseNo}｜因学｜${statusLabel('zh-CN', 'village_review')}｜2026年7月20日提交`);

  // the county moves the case on (the workflow API is not part of this test): the label follows
  await srv.db.prisma.case.update({ where: { caseNo }, data: { status: 'town_review' } });
  const moved = await villager.send('进度');
  expect(moved[0]).toContain(`编号 ${caseNo}｜因学｜${statusLabel('zh-CN', 'town_review')}｜`);
  expect(statusLabel('zh-CN', 'town_review')).toBe('镇审核中');

  // web-protocol puppets give a contact a new id after a re-login: the villager proves who they are
  const relogged = newVillager('villager-1-after-relogin', '王秀兰');
  relogged.join(running[0]!.mocker);
  await play(relogged, [
    ['查询', '没有查到这个微信的申请记录'],
    ['622927199912311512', '手机号'],
    ['15012345678', ['找到了', caseNo, statusLabel('zh-CN', 'town_review')]],
  ]);
  // the household's own WeChat is told, through the outbox (so it arrives in its own time), that it was looked up
  const claimed = t('zh-CN', 'workflow.villager.household_claimed');
  await waitFor(() => villager.botSaid().includes(claimed), () => `the look-up notice; so far ${JSON.stringify(villager.botSaid().slice(-2))}`);
  await expectEachMessageAnsweredOnce(villager, [claimed]);
  await expectEachMessageAnsweredOnce(relogged);
});

/**
 * Issue 10, end to end: a clean 因病 application in at most 20 messages, through the real chain —
 * a mock WeChat (wechaty-puppet-mock) → the gateway (bot/) → the koa app → PostgreSQL. The villager
 * opens with what happened ("我老伴住院了，花了三万二，想申请帮扶"): the application starts with it,
 * the patient and the cost are said back at their questions, folded questions take two answers in
 * one message, and the filed case holds everything the county needs.
 */
import { t } from '../../flows/i18n';
import { jpegBytes, pngBytes, startTestServer, type TestServer } from '../support/server';
import { leftovers, recordedIn, sleep, startChatBot, tempDir, Villager, type ChatBot, type Photo } from './support';
import { rmSync } from 'node:fs';
import { illnessFiled } from '../support/illness';
import { processWords } from '../../flows/workflow/process-words';

const CLOCK_BASE = Date.parse('2026-07-20T02:00:00Z'); // 10:00 in Asia/Shanghai
const CASE_NO = /FP-\d{4}-\d{6}/;

let baseline: string[];
let srv: TestServer | undefined;
let spoolDir: string | undefined;
let bot: ChatBot | undefined;

beforeAll(() => {
  baseline = process.getActiveResourcesInfo();
  // the gateway logs its start and stop: keep them out of the output
  for (const level of ['log', 'info', 'warn'] as const) jest.spyOn(console, level).mockImplementation(() => undefined);
});

afterEach(async () => {
  await bot?.stop();
  await srv?.close();
  if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
  bot = srv = spoolDir = undefined;
});

afterAll(async () => {
  jest.restoreAllMocks();
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

type Turn = [message: string | Photo, expect: string | RegExp | (string | RegExp)[]];

const bill: Photo = { name: '住院发票.jpg', bytes: jpegBytes(11) };
const summary: Photo = { name: '出院小结.png', bytes: pngBytes(12) };

const TURNS: Turn[] = [
  ['我老伴住院了，花了三万二，想申请帮扶', ['按“因病”申请', '申请人叫什么名字', '身份证号']],
  ['李秀英 11010519491231002X', '手机号'],
  ['13800138000', '哪个乡镇'],
  ['柳树村', '几口人'], // the village says its town
  ['老两口，一年收入两万四', ['人均纯收入约12,000元', '脱贫户']],
  ['是的', '生病的是您的配偶，对吗？'],
  ['对', '病人叫什么名字'],
  ['王大山', ['什么病', '哪个医院']],
  ['脑梗，在县人民医院住的院', '县人民医院是县级医院，对吗？'],
  ['对', '这次看病一共花了32,000元，对吗？'],
  ['对', '报销了多少钱'],
  ['医保报了一万', ['自己付了约22,000元', '对吗']],
  ['对', ['初步算一下', '住院结算单或发票（第1项，共2项）']],
  [bill, '第1张'],
  ['好了', '出院小结（第2项，共2项）'],
  [summary, '第1张'],
  ['好了', '承诺和授权'],
  ['同意', '个人信息'],
  ['同意', ['请核对您填的内容', '王大山', '县级医院', '32,000元', '22,000元']],
  ['确认', [CASE_NO, '申请已经提交了']],
];

test('a clean 因病 application from an opening files in at most 20 messages, with everything the county needs', async () => {
  srv = await startTestServer({ now: () => new Date(CLOCK_BASE) });
  spoolDir = tempDir('fangpin-e2e-short-');
  const villager = new Villager('villager-short', '李秀英', recordedIn(srv));
  bot = await startChatBot(srv, spoolDir, [villager]);

  let last: string[] = [];
  for (const [message, expected] of TURNS) {
    last = await villager.send(message);
    const said = last.join('\n');
    for (const e of Array.isArray(expected) ? expected : [expected]) {
      const ok = typeof e === 'string' ? said.includes(e) : e.test(said);
      if (!ok) throw new Error(`after "${typeof message === 'string' ? message : message.name}" the bot should say ${String(e)}, but said:\n${said}\n\n${villager.print()}`);
    }
  }
  expect(villager.sentIds()).toHaveLength(TURNS.length);
  expect(TURNS.length).toBeLessThanOrEqual(20);

  const caseNo = CASE_NO.exec(last.join('\n'))![0];
  expect(last).toEqual([t('zh-CN', 'outcome.case_filed', { caseNo }), t('zh-CN', 'outcome.next_steps', processWords((key, params) => t('zh-CN', key, params)))]);
  const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo }, include: { household: true, village: true, documents: true } });
  expect(row).toMatchObject({
    cause: 'illness',
    householdSize: 2,
    annualIncomeFen: 2_400_000,
    perCapitaIncomeFen: 1_200_000,
    rigidExpenseFen: 2_200_000,
    village: { name: '柳树村' },
    household: { headName: '李秀英', headIdNumber: '11010519491231002X', phone: '13800138000', povertyAlleviated: true },
  });
  expect(row.answers).toMatchObject({
    details: {
      ...illnessFiled(),
      patient: 'family', patientRelation: '配偶', patientName: '王大山',
      totalCostFen: 3_200_000, reimbursedFen: 1_000_000, selfPaidFen: 2_200_000, missingDocuments: [],
    },
    consent: { incomeCheck: true, personalInfo: true },
  });
  expect(row.documents.map((d) => d.kind).sort()).toEqual(['discharge_summary', 'hospital_bill']);
});

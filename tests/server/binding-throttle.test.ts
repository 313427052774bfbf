/**
 * Issue 8 finding 7: binding codes ("绑定 <code>" / "绑定群 <code>" in the chat) cannot be guessed.
 * Attempts are counted atomically before any code is looked up — per contact (5 an hour) and for
 * all contacts together (BINDING_ATTEMPTS_PER_HOUR, 60 by default) — so parallel guesses from one
 * contact, or guesses spread over many contacts, never get more tries than that. Fixed clock.
 */
import { t } from '../../flows/i18n';
import { MAX_BINDING_ATTEMPTS } from '../../server/chat/cadre/binding';
import { ADMIN_TOKEN, sendText, startTestServer, type TestServer } from '../support/server';

const START = new Date('2026-03-10T02:00:00Z');
let clock = START;
const HOUR = 3_600_000;

let srv: TestServer;
let seq = 0;
beforeAll(async () => {
  srv = await startTestServer({ now: () => clock });
});
afterAll(async () => {
  await srv.close();
});
beforeEach(() => {
  clock = new Date(clock.getTime() + 2 * HOUR); // clear of the previous test's budgets
});

const say = async (from: string, text: string) => {
  const res = await sendText(srv, from, text, `m-${++seq}`);
  expect(res.status).toBe(200);
  return res.body.replies!.map((r) => r.text).join('\n');
};
const badCode = t('zh-CN', 'cadre.bind.bad_code');
const tooMany = t('zh-CN', 'cadre.bind.too_many');
/** Wrong ten-digit codes, all different. */
const guess = (i: number) => `9${String(i).padStart(9, '0')}`;

async function freshCode(): Promise<string> {
  const res = await fetch(`${srv.url}/api/cadres/${srv.cadre('baishi').id}/binding-code`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return ((await res.json()) as { code: string }).code;
}

describe('binding codes cannot be guessed', () => {
  test('30 parallel guesses from one contact: only 5 are checked', async () => {
    const from = `wx-guesser-${seq}`;
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => say(from, `绑定 ${guess(i)}`)));
    expect(replies.filter((r) => r === badCode)).toHaveLength(MAX_BINDING_ATTEMPTS);
    expect(replies.filter((r) => r === tooMany)).toHaveLength(30 - MAX_BINDING_ATTEMPTS);
    const contact = await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: from } });
    expect(await srv.db.prisma.auditEntry.count({ where: { actorId: contact.id, reason: 'unknown, used or expired code' } })).toBe(MAX_BINDING_ATTEMPTS);
    // the right code from that contact waits too
    expect(await say(from, `绑定 ${await freshCode()}`)).toBe(tooMany);
  });

  test('guesses from many contacts share one budget per hour (60): the 61st is refused, even with the right code', async () => {
    const replies = await Promise.all(Array.from({ length: 70 }, (_, i) => say(`wx-crowd-${seq}-${i}`, `绑定 ${guess(1000 + i)}`)));
    expect(replies.filter((r) => r === badCode)).toHaveLength(60);
    expect(replies.filter((r) => r === tooMany)).toHaveLength(10);
    const code = await freshCode();
    expect(await say(`wx-cadre-${seq}`, `绑定 ${code}`)).toBe(tooMany);
    clock = new Date(clock.getTime() + HOUR);
    expect(await say(`wx-cadre-${seq}`, `绑定 ${code}`)).toContain('绑定成功');
  });

  test('within the budgets the right code binds, and an old six-digit guess is just a wrong code', async () => {
    expect(await say(`wx-new-${seq}`, '绑定 123456')).toBe(badCode);
    expect(await say(`wx-new-${seq}`, `绑定 ${await freshCode()}`)).toContain('绑定成功');
  });
});

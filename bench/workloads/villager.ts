/**
 * A simulated villager applying by chat through POST /api/bot/inbound, as the bot gateway calls it
 * (BOT_TOKEN): the clean 因病 application of tests/flows/clean-run.test.ts, with its two photos
 * sent as multipart uploads like the gateway's, a 5xx (503 "busy" beyond UPLOAD_CONCURRENCY) called
 * again as the gateway does. Each villager is a new WeChat contact with an ID
 * number and phone of its own, so every application files a new case of a new household.
 */
import { idCheckChar } from '../../flows/parse/id-number';
import type { HttpTarget } from '../harness/http';
import type { Recorder } from '../harness/load';

export const VILLAGER_BOT = { puppet: 'bench', accountId: 'villagers' };
const CASE_NO = /FP-\d{4}-\d{6}/;
const PHOTO = Symbol('photo');
type Message = string | typeof PHOTO;

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄'];
const GIVEN = ['秀英', '建国', '桂兰', '德明', '玉梅', '志强'];

/** The n-th villager's name, ID number (county 439901, a birth date and sequence from n, a valid check digit) and phone. */
export function identity(n: number): { name: string; idNumber: string; phone: string } {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const first17 = `439901${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(n % 1000).padStart(3, '0')}`;
  return { name: SURNAMES[n % SURNAMES.length]! + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]!, idNumber: first17 + idCheckChar(first17), phone: `139${String(n).padStart(8, '0')}` };
}

function script(n: number): Message[] {
  const who = identity(n);
  return [
    '你好', '1', '1',
    `${who.name} ${who.idNumber}`, who.phone, '柳树村', '4口人，一年2万', '是',
    '本人', '肺癌，县人民医院', '对', '花了5万，报了2万', '对',
    PHOTO, '好了', PHOTO, '好了',
    '同意', '同意', '确认',
  ];
}

export const STEPS_PER_APPLICATION = script(0).length;

/** A small JPEG whose header gives its size (uploads are refused otherwise), different for each `variant`. */
function photo(variant: string): Buffer {
  const comment = Buffer.from(`bench ${variant}`);
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), comment]);
  com.writeUInt16BE(comment.length + 2, 2);
  const sof0 = Buffer.from('ffc00011080010001003012200021101031101', 'hex');
  return Buffer.concat([Buffer.from([0xff, 0xd8]), com, sof0, Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
}

export type Walk = { steps: number; filed: boolean; failed: boolean; /** 5xx answers called again, as the gateway does */ retries: number };

/** The gateway's retry of a 5xx (bot/server-client.ts): 1 s, then doubling; it gives up here after this many. */
const RETRIES = 5;

/**
 * Villager `n` walks the application, one message at a time, each timed in `rec`. Stops early at
 * `deadline` (performance.now() ms), or at the first failed step (an error reply or a refusal).
 */
export async function applyByChat(target: HttpTarget, botToken: string, n: number, rec: Recorder, deadline = Infinity): Promise<Walk> {
  const auth = { authorization: `Bearer ${botToken}` };
  const envelope = (i: number) => ({ messageId: `bench-${process.pid}-${n}-${i}`, bot: VILLAGER_BOT, from: { id: `villager-${n}`, name: identity(n).name } });
  const walk: Walk = { steps: 0, filed: false, failed: false, retries: 0 };
  for (const [i, message] of script(n).entries()) {
    if (performance.now() >= deadline) return walk;
    let replies = '';
    // timed as the villager waits: from the first call to the answer, the gateway's retries included
    const ok = await rec.time(async () => {
      for (let failures = 0; ; failures++) {
        const res =
          message === PHOTO
            ? await target.postMultipart('/api/bot/inbound', { meta: JSON.stringify({ ...envelope(i), type: 'image' }) }, { field: 'file', name: `photo-${i}.jpg`, type: 'image/jpeg', bytes: photo(`${n}-${i}`) }, auth)
            : await target.postJson('/api/bot/inbound', { ...envelope(i), type: 'text', text: message }, auth);
        if (res.status >= 500 && failures < RETRIES) {
          walk.retries += 1;
          await new Promise((r) => setTimeout(r, 1000 * 2 ** failures));
          continue;
        }
        if (res.status !== 200) return `HTTP ${res.status} ${res.body.toString().slice(0, 200)}`;
        replies = res.body.toString();
        return true;
      }
    });
    if (!ok) {
      walk.failed = true;
      return walk;
    }
    walk.steps += 1;
    if (CASE_NO.test(replies) && i === STEPS_PER_APPLICATION - 1) walk.filed = true;
  }
  return walk;
}

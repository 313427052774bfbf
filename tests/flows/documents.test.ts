/** Media at and outside the documents step. */
import { applicant, Chat, DISASTER, EDUCATION, ILLNESS, upload } from './support';

describe('the documents step', () => {
  test('each upload is attached with the item as kind, with a running count', () => {
    const chat = new Chat();
    chat.send(...ILLNESS);
    expect(chat.at).toBe('apply/doc_hospital_bill');
    expect(chat.said).toContain('住院结算单或发票');
    expect(chat.said).toContain('请拍照发送：住院结算单或发票（第1项，共2项）');
    const a = upload('image');
    let r = chat.send(a);
    expect(r.effects).toEqual([{ type: 'attach_document', upload: a.upload, kind: 'hospital_bill' }]);
    expect(chat.said).toContain('已收到住院结算单或发票第1张（共收到1张）。');
    const b = upload('file');
    r = chat.send(b);
    expect(r.effects).toEqual([{ type: 'attach_document', upload: b.upload, kind: 'hospital_bill' }]);
    expect(chat.said).toContain('已收到住院结算单或发票第2张（共收到2张）。'); // a file counts in 张 too
    expect(chat.at).toBe('apply/doc_hospital_bill');
    chat.send('好了');
    expect(chat.said).toContain('住院结算单或发票收到了，共2张');
    expect(chat.at).toBe('apply/doc_discharge_summary');
    r = chat.send(upload());
    expect(r.effects[0]).toMatchObject({ type: 'attach_document', kind: 'discharge_summary' });
    expect(chat.said).toContain('已收到出院小结第1张（共收到3张）。');
    // A video is acknowledged without a count in 张.
    r = chat.send(upload('video'));
    expect(r.effects[0]).toMatchObject({ type: 'attach_document', kind: 'discharge_summary' });
    expect(chat.said).toContain('已收到出院小结的视频。');
    expect(chat.said).not.toContain('份');
  });

  test.each(['好了', '完成', '发完了', 'done'])('"%s" moves to the next item', (msg) => {
    const chat = new Chat();
    chat.send(...EDUCATION, upload(), msg);
    expect(chat.at).toBe('apply/doc_fee_receipt');
  });

  test.each(['跳过', '没有', 'skip'])('"%s" skips with a note that a cadre may ask later', (msg) => {
    const chat = new Chat();
    const r = chat.send(...EDUCATION, msg);
    expect(r.effects).toEqual([]);
    expect(chat.said).toContain('先跳过');
    expect(chat.said).toContain('以后可能会向您要');
    expect(chat.at).toBe('apply/doc_fee_receipt');
  });

  test('"好了" before any upload asks for the photo or 跳过', () => {
    const chat = new Chat();
    chat.send(...DISASTER, '好了');
    expect(chat.at).toBe('apply/doc_damage_photos');
    expect(chat.said).toContain('还没有收到受灾照片');
    expect(chat.said).toContain('跳过');
  });

  test('"没有了" after uploads means no more', () => {
    const chat = new Chat();
    chat.send(...DISASTER, upload(), '没有了');
    expect(chat.at).toBe('apply/consentIncome');
    expect(chat.state!.answers.doc_damage_photos).toBe('done');
  });

  test('other text is a miss with a hint', () => {
    const chat = new Chat();
    chat.send(...DISASTER, '房子塌了');
    expect(chat.state!.misses).toBe(1);
    expect(chat.said).toContain('请发照片');
  });

  test('a voice message is not a document', () => {
    const chat = new Chat();
    const r = chat.send(...DISASTER, upload('audio'));
    expect(r.effects).toEqual([]);
    expect(chat.said).toContain('听不懂语音');
    expect(chat.said).toContain('受灾照片');
  });

  test('skipped items are listed as missing in the filed case', () => {
    const chat = new Chat();
    chat.send(...ILLNESS, '跳过', upload(), '好了', '同意', '同意', '确认');
    const app = chat.effectsOf('file_case')[0].application;
    expect(app.details.missingDocuments).toEqual(['hospital_bill']);
  });
});

describe('media during another step of an application', () => {
  test.each(['image', 'file', 'video'] as const)('a %s is attached as "other", acknowledged, and the question re-asked', (kind) => {
    const chat = new Chat();
    chat.send(...applicant('1').slice(0, 5));
    const m = upload(kind);
    const r = chat.send(m);
    expect(r.effects).toEqual([{ type: 'attach_document', upload: m.upload, kind: 'other' }]);
    expect(chat.said).toContain('已经放进申请材料里');
    expect(chat.said).toContain('手机号'); // the current question again
    expect(chat.at).toBe('apply/phone');
  });

  test('the count includes earlier "other" documents, and the summary mentions them', () => {
    const chat = new Chat();
    chat.send(...applicant('2').slice(0, 4), upload());
    chat.send('张三');
    chat.send(upload());
    expect(chat.said).toContain('已经放进申请材料里（共收到2张）');
    chat.send(...applicant('2').slice(4), '1', '昨天', '3万', '0', upload());
    expect(chat.said).toContain('已收到受灾照片第1张（共收到3张）');
    chat.send('好了', '同意', '同意');
    expect(chat.said).toContain('其他材料：2张');
  });

  test('audio during a question: please type, nothing attached', () => {
    const chat = new Chat();
    chat.send(...applicant('1').slice(0, 5));
    const r = chat.send(upload('audio'));
    expect(r.effects).toEqual([]);
    expect(chat.said).toContain('请打字');
    expect(chat.at).toBe('apply/phone');
  });
});

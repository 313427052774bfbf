/**
 * 登记排查户 (干部排查): a village cadre records a household found on a round in their village —
 * POST /api/households/found: the household found by the ID number or registered, a risk of source
 * cadre_round, and a check task in 预警 (unless one is open, or a case, for the cause).
 */
import { App as AntApp, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useFailure } from '../admin/common';
import { ALERT_CAUSES } from '../alerts/types';

type FoundForm = { headName: string; idNumber: string; phone?: string; householdSize: number; cause: string; note: string; foundOn: string };
type FoundResult = { householdId: string; registered: boolean; alertId: string | null };

export function FoundHouseholdForm({ village }: { village: string }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FoundForm>();
  const submit = (v: FoundForm) =>
    api<FoundResult>('POST', '/api/households/found', {
      headName: v.headName.trim(),
      idNumber: v.idNumber.trim(),
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
      village,
      householdSize: v.householdSize,
      cause: v.cause,
      note: v.note.trim(),
      foundOn: v.foundOn,
    }).then((r) => {
      form.resetFields();
      void message.success(r.alertId ? t('register.found.raised') : t('register.found.deduplicated'));
      navigate(`/households/${r.householdId}`);
    }, fail);

  return (
    <Card size="small" title={t('register.found.title')} style={{ marginBottom: 12 }} data-testid="found-household">
      <Form form={form} layout="inline" onFinish={(v) => void submit(v)} style={{ rowGap: 8 }}>
        <Form.Item name="headName" rules={[{ required: true }]}>
          <Input placeholder={t('register.found.headName')} maxLength={40} data-testid="found-name" />
        </Form.Item>
        <Form.Item name="idNumber" rules={[{ required: true }]}>
          <Input placeholder={t('register.found.idNumber')} maxLength={18} data-testid="found-id" />
        </Form.Item>
        <Form.Item name="phone">
          <Input placeholder={t('register.found.phone')} maxLength={11} data-testid="found-phone" />
        </Form.Item>
        <Form.Item name="householdSize" rules={[{ required: true }]}>
          <InputNumber min={1} max={30} placeholder={t('register.found.size')} data-testid="found-size" />
        </Form.Item>
        <Form.Item name="cause" rules={[{ required: true }]}>
          <Select style={{ minWidth: 140 }} placeholder={t('register.found.cause')} options={ALERT_CAUSES.map((c) => ({ value: c, label: t(`monitor.cause.${c}`) }))} data-testid="found-cause" />
        </Form.Item>
        <Form.Item name="foundOn" rules={[{ required: true }]}>
          <Input type="date" aria-label={t('register.found.foundOn')} data-testid="found-day" />
        </Form.Item>
        <Form.Item name="note" rules={[{ required: true }]}>
          <Input placeholder={t('register.found.note')} maxLength={500} data-testid="found-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="found-submit">
          {t('register.found.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * 办理时限 (/settings/limits): the time limit of each step (named as the workflow names its
 * statuses) in calendar or working days, the whole identification's limit, the shortest 公示, and
 * the calendar — public holidays and make-up working days. The county office edits and saves (or
 * goes back to the system defaults); the others read what applies to them.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useFailure } from '../admin/common';
import { chinaDateTime } from '../format';
import { useLoggedIn } from '../session/session';
import { useCanEditSettings, type WorkflowSetting, type WorkflowValue } from '../settings/types';

/** Every day of a picked range, YYYY-MM-DD (at most a year). */
function daysOf(from: Dayjs, to: Dayjs): string[] {
  const out: string[] = [];
  for (let d = from.startOf('day'); !d.isAfter(to, 'day') && out.length < 366; d = d.add(1, 'day')) out.push(d.format('YYYY-MM-DD'));
  return out;
}

function DaysEditor({ days, onChange, canEdit, testId }: { days: string[]; onChange: (days: string[]) => void; canEdit: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Space wrap size={[4, 4]}>
        {days.length === 0 && <Typography.Text type="secondary">{t('settings.limits.noDays')}</Typography.Text>}
        {days.map((d) => (
          <Tag key={d} closable={canEdit} onClose={() => onChange(days.filter((x) => x !== d))}>
            {d}
          </Tag>
        ))}
      </Space>
      {canEdit && (
        <DatePicker.RangePicker
          placeholder={[t('settings.limits.addDays'), t('settings.limits.addDays')]}
          onChange={(range) => {
            if (range?.[0] && range[1]) onChange([...new Set([...days, ...daysOf(range[0], range[1])])].sort());
          }}
          value={null}
        />
      )}
    </Space>
  );
}

export function LimitsPage() {
  const { t } = useTranslation();
  const { workflow } = useLoggedIn();
  const canEdit = useCanEditSettings();
  const fail = useFailure();
  const { message } = AntApp.useApp();
  const [data, setData] = useState<WorkflowSetting | null>(null);
  const [value, setValue] = useState<WorkflowValue | null>(null);

  const show = (d: WorkflowSetting) => {
    setData(d);
    setValue(structuredClone(d.settings));
  };
  const load = useCallback(() => {
    api<WorkflowSetting>('GET', '/api/settings/workflow').then(show, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(load, [load]);

  const save = () =>
    api<WorkflowSetting>('PUT', '/api/settings/workflow', value).then((d) => {
      show(d);
      void message.success(t('settings.common.saved'));
    }, fail);
  const reset = () => api<WorkflowSetting>('DELETE', '/api/settings/workflow').then(show, fail);

  const nameOf = (name: string) => (name === 'total' ? t('settings.limits.total') : (workflow.words.statuses[name]?.label ?? name));
  const setLimit = (name: string, change: Partial<{ days: number; working: boolean }>) =>
    setValue((v) => (v ? { ...v, limits: { ...v.limits, [name]: { ...v.limits[name]!, ...change } } } : v));

  // the limits' names as the server sends them: each timed status in the workflow's order, then the whole limit
  const rows = Object.keys(data?.settings.limits ?? {}).map((name) => ({ name }));
  return (
    <Card
      title={t('settings.limits.title')}
      loading={!data || !value}
      extra={
        canEdit && data ? (
          <Space>
            {data.stored && (
              <Popconfirm title={t('settings.limits.resetConfirm')} onConfirm={() => void reset()}>
                <Button>{t('settings.limits.reset')}</Button>
              </Popconfirm>
            )}
            <Button type="primary" onClick={() => void save()} data-testid="save-limits">
              {t('settings.common.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      {data && value && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Paragraph type="secondary">{t('settings.limits.intro')}</Typography.Paragraph>
          {!canEdit && <Alert type="info" showIcon message={t('settings.common.readOnly')} />}
          <Typography.Text data-testid="limits-source">
            {data.stored ? t('settings.limits.stored', { who: data.updatedByName ?? data.updatedBy ?? '—', at: data.updatedAt ? chinaDateTime(data.updatedAt) : '—' }) : t('settings.limits.defaults')}
          </Typography.Text>
          <Table
            rowKey="name"
            dataSource={rows}
            pagination={false}
            size="small"
            columns={[
              { title: t('settings.limits.step'), key: 'step', render: (_: unknown, r: { name: string }) => nameOf(r.name) },
              {
                title: t('settings.limits.days'),
                key: 'days',
                render: (_: unknown, r: { name: string }) =>
                  canEdit ? (
                    <InputNumber min={1} max={r.name === 'total' ? 90 : 60} precision={0} value={value.limits[r.name]!.days} onChange={(n) => n !== null && setLimit(r.name, { days: n })} addonAfter={t('settings.limits.unit')} data-testid={`limit-${r.name}`} />
                  ) : (
                    `${value.limits[r.name]!.days} ${t('settings.limits.unit')}`
                  ),
              },
              {
                title: t('settings.limits.kind'),
                key: 'kind',
                render: (_: unknown, r: { name: string }) =>
                  canEdit ? (
                    <Select
                      style={{ width: 140 }}
                      value={value.limits[r.name]!.working ? 'working' : 'calendar'}
                      onChange={(k) => setLimit(r.name, { working: k === 'working' })}
                      options={[
                        { value: 'calendar', label: t('settings.limits.calendarDays') },
                        { value: 'working', label: t('settings.limits.workingDays') },
                      ]}
                    />
                  ) : value.limits[r.name]!.working ? (
                    t('settings.limits.workingDays')
                  ) : (
                    t('settings.limits.calendarDays')
                  ),
              },
            ]}
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('settings.limits.publicityMinDays')}>
              {canEdit ? (
                <Space>
                  <InputNumber min={5} max={30} precision={0} value={value.publicityMinDays} onChange={(n) => n !== null && setValue({ ...value, publicityMinDays: n })} addonAfter={t('settings.limits.unit')} data-testid="publicity-min-days" />
                  <Typography.Text type="secondary">{t('settings.limits.publicityHelp')}</Typography.Text>
                </Space>
              ) : (
                `${value.publicityMinDays} ${t('settings.limits.unit')}`
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.limits.holidays')}>
              <DaysEditor days={value.holidays} onChange={(holidays) => setValue({ ...value, holidays })} canEdit={canEdit} testId="holidays" />
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.limits.workdays')}>
              <DaysEditor days={value.workdays} onChange={(workdays) => setValue({ ...value, workdays })} canEdit={canEdit} testId="workdays" />
            </Descriptions.Item>
          </Descriptions>
        </Space>
      )}
    </Card>
  );
}

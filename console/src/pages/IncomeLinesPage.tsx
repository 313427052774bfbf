/**
 * 监测标准 (/settings/income-lines): the income line per region and year as a table — a row per
 * region (county, towns, villages), a column per year — each cell the line set there, or the one
 * it inherits from above (greyed). The county office sets, changes and removes a line in a cell;
 * the chat's "标准是多少" follows at once. Others read the lines that apply to them.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useFailure } from '../admin/common';
import { yuan } from '../format';
import { useCanEditSettings, type IncomeLine, type RegionRow } from '../settings/types';

type Cell = { region: RegionRow; year: number; line: IncomeLine | undefined };

export function IncomeLinesPage() {
  const { t, i18n } = useTranslation();
  const canEdit = useCanEditSettings();
  const fail = useFailure();
  const { message } = AntApp.useApp();
  const [regions, setRegions] = useState<RegionRow[] | null>(null);
  const [lines, setLines] = useState<IncomeLine[]>([]);
  const [extraYears, setExtraYears] = useState<number[]>([]);
  const [editing, setEditing] = useState<Cell | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(() => {
    Promise.all([api<{ regions: RegionRow[] }>('GET', '/api/regions'), api<{ lines: IncomeLine[] }>('GET', '/api/income-lines')]).then(([r, l]) => {
      setRegions(r.regions);
      setLines(l.lines);
    }, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(load, [load]);

  const thisYear = new Date().getFullYear();
  const years = useMemo(() => [...new Set([thisYear + 1, thisYear, ...lines.map((l) => l.year), ...extraYears])].sort((a, b) => b - a), [lines, extraYears, thisYear]);
  const lineOf = (code: string, year: number) => lines.find((l) => l.regionCode === code && l.year === year);
  /** The line a region uses: its own, else the nearest above (a division code begins with its parent's; the regions above a town's cadre are not in its list). */
  const inherited = (region: RegionRow, year: number): IncomeLine | undefined =>
    lines.filter((l) => l.year === year && region.code.startsWith(l.regionCode)).sort((a, b) => b.regionCode.length - a.regionCode.length)[0];

  const open = (cell: Cell) => {
    setEditing(cell);
    form.setFieldsValue({ yuan: cell.line ? cell.line.perCapitaFen / 100 : undefined, note: cell.line?.note ?? '' });
  };
  const save = async () => {
    if (!editing) return;
    const v = (await form.validateFields()) as { yuan: number; note?: string };
    try {
      await api('PUT', '/api/income-lines', { regionCode: editing.region.code, year: editing.year, perCapitaFen: Math.round(v.yuan * 100), note: v.note ?? '' });
      setEditing(null);
      void message.success(t('settings.common.saved'));
      load();
    } catch (err) {
      fail(err);
    }
  };
  const remove = async () => {
    if (!editing) return;
    try {
      await api('DELETE', `/api/income-lines/${editing.region.code}/${editing.year}`);
      setEditing(null);
      load();
    } catch (err) {
      fail(err);
    }
  };

  const indent = (r: RegionRow) => (r.level === 'county' ? 0 : r.level === 'town' ? 16 : 32);
  const columns = [
    {
      title: t('settings.lines.region'),
      key: 'region',
      fixed: 'left' as const,
      render: (_: unknown, r: RegionRow) => <span style={{ paddingLeft: indent(r), opacity: r.active ? 1 : 0.5 }}>{r.name}</span>,
    },
    ...years.map((year) => ({
      title: t('settings.lines.year', { year }),
      key: String(year),
      render: (_: unknown, r: RegionRow) => {
        const own = lineOf(r.code, year);
        const from = own ? undefined : inherited(r, year);
        const text = own ? (
          <Tooltip title={own.note ?? undefined}>
            <Typography.Text strong>{yuan(own.perCapitaFen, i18n.language)}</Typography.Text>
          </Tooltip>
        ) : from ? (
          <Typography.Text type="secondary">{t('settings.lines.inherited', { amount: yuan(from.perCapitaFen, i18n.language) })}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('settings.lines.notSet')}</Typography.Text>
        );
        return (
          <Space size="small" data-testid={`line-${r.code}-${year}`}>
            {text}
            {canEdit && (
              <Button size="small" type="link" onClick={() => open({ region: r, year, line: own })} data-testid={`set-line-${r.code}-${year}`}>
                {own ? t('settings.common.edit') : t('settings.lines.set')}
              </Button>
            )}
          </Space>
        );
      },
    })),
  ];

  return (
    <Card
      title={t('settings.lines.title')}
      extra={
        canEdit ? (
          <Button onClick={() => setExtraYears((y) => [...y, Math.min(...years) - 1])} data-testid="add-year">
            {t('settings.lines.addYear')}
          </Button>
        ) : null
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('settings.lines.intro')}</Typography.Paragraph>
        {!canEdit && <Alert type="info" showIcon message={t('settings.common.readOnly')} />}
        <Table<RegionRow> rowKey="code" loading={regions === null} dataSource={regions ?? []} columns={columns} pagination={false} size="small" scroll={{ x: true }} data-testid="lines-table" />
      </Space>
      <Modal
        open={editing !== null}
        title={editing ? t('settings.lines.editTitle', { region: editing.region.name, year: editing.year }) : ''}
        onCancel={() => setEditing(null)}
        footer={[
          ...(editing?.line
            ? [
                <Button key="remove" danger onClick={() => void remove()}>
                  {t('settings.lines.remove')}
                </Button>,
              ]
            : []),
          <Button key="cancel" onClick={() => setEditing(null)}>
            {t('settings.common.cancel')}
          </Button>,
          <Button key="save" type="primary" onClick={() => void save()} data-testid="save-line">
            {t('settings.common.save')}
          </Button>,
        ]}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="yuan" label={t('settings.lines.amount')} rules={[{ required: true }]}>
            <InputNumber min={1000} max={100000} precision={2} style={{ width: '100%' }} addonAfter={t('settings.lines.yuanPerPerson')} data-testid="line-yuan" />
          </Form.Item>
          <Form.Item name="note" label={t('settings.lines.note')}>
            <Input maxLength={200} placeholder={t('settings.lines.notePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

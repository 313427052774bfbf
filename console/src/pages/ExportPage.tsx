/**
 * 台账导出: the monitoring ledger of the caller's region as XLSX or CSV, in a layout — the built-in
 * ones (national system, provincial, all fields) or the county's own — with the work queue's
 * filters and the filing period. The county office copies a layout and edits it (export/LayoutEditor).
 * Opened from the work queue ("导出此列表", /export?…), it starts with the queue's filters: the ones
 * this page has fields for fill them, the others (a statistics figure's, a case number) are shown as
 * tags that remove them, and all are sent with the download.
 * The file is made by the server (GET /api/export, streamed and audited); the page only asks.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Input, Popconfirm, Radio, Select, Space, Tag, TreeSelect, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, query, type ApiError } from '../api/client';
import type { Region } from '../api/types';
import { downloadFile } from '../export/download';
import { draftOf, LayoutEditor } from '../export/LayoutEditor';
import type { ExportLayout, LayoutsResponse } from '../export/types';
import { useLoggedIn } from '../session/session';
import { FIGURE_PARAMS, FigureTags } from '../stats/figureFilters';

/** The queue's filters this page has no field of its own for: carried from the queue's URL and sent as they are. */
const CARRIED = [...FIGURE_PARAMS.filter((k) => k !== 'submittedFrom' && k !== 'submittedTo'), 'caseNo'] as const;
const dayOf = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v) : null);

type RegionNode = { value: string; title: string; children: RegionNode[] };
function regionTree(regions: Region[]): RegionNode[] {
  const node = (r: Region): RegionNode => ({ value: r.code, title: r.name, children: regions.filter((c) => c.parentCode === r.code).map(node) });
  const codes = new Set(regions.map((r) => r.code));
  return regions.filter((r) => r.parentCode === null || !codes.has(r.parentCode)).flatMap((root) => (root.level === 'county' ? node(root).children : [node(root)]));
}

export function ExportPage() {
  const { t, i18n } = useTranslation();
  const { me, workflow, regions } = useLoggedIn();
  const words = workflow.words;
  const [data, setData] = useState<LayoutsResponse | null>(null);
  const [layoutId, setLayoutId] = useState('national');
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  // the work queue's filters, when opened from it (read once: the fields own them afterwards)
  const [opened] = useSearchParams();
  const [statuses, setStatuses] = useState<string[]>(() => (opened.get('status') ?? '').split(',').filter(Boolean));
  const [cause, setCause] = useState<string | undefined>(() => opened.get('cause') ?? undefined);
  const [region, setRegion] = useState<string | undefined>(() => opened.get('region') ?? undefined);
  const [overdue, setOverdue] = useState(() => opened.get('overdue') === 'true');
  const [q, setQ] = useState(() => opened.get('q') ?? '');
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(() => {
    const from = dayOf(opened.get('submittedFrom'));
    const to = dayOf(opened.get('submittedTo'));
    return from || to ? [from, to] : null;
  });
  const [carried, setCarried] = useState(() => {
    const kept = new URLSearchParams();
    for (const k of CARRIED) {
      const v = opened.get(k);
      if (v) kept.set(k, v);
    }
    return kept;
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<ReturnType<typeof draftOf> | null>(null);
  const [reload, setReload] = useState(0);
  const [toast, toastHolder] = message.useMessage();

  useEffect(() => {
    let live = true;
    api<LayoutsResponse>('GET', '/api/export/layouts')
      .then((res) => live && setData(res))
      .catch((err: ApiError) => live && setError(t('error.load', { message: err.message })));
    return () => {
      live = false;
    };
  }, [i18n.language, reload, t]);

  const layout = data?.layouts.find((l) => l.id === layoutId) ?? data?.layouts[0];
  const fieldLabel = useMemo(() => new Map((data?.fields ?? []).map((f) => [f.key, f.label])), [data]);
  const auditor = me.cadre.role === 'auditor';

  const download = async () => {
    if (!layout) return;
    setBusy(true);
    setError(null);
    const params = query({
      layout: layout.id,
      format,
      status: statuses.join(','),
      cause,
      region,
      overdue: overdue ? 'true' : undefined,
      q: q.trim(),
      submittedFrom: period?.[0]?.format('YYYY-MM-DD'),
      submittedTo: period?.[1]?.format('YYYY-MM-DD'),
      ...Object.fromEntries(carried),
      lang: i18n.language,
    });
    try {
      const name = await downloadFile(`/api/export${params}`, i18n.language, `export.${format}`);
      void toast.success(t('export.done', { name }));
    } catch (err) {
      setError(t('export.failed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (l: ExportLayout) => {
    try {
      await api('DELETE', `/api/export/layouts/${l.id}`);
      void toast.success(t('export.deleted'));
      setLayoutId('national');
      setReload((n) => n + 1);
    } catch (err) {
      setError((err as ApiError).message);
    }
  };

  const maskWord = (m?: string) => (m === 'full' ? t('export.full') : m === 'hidden' ? t('export.hidden') : t('export.masked'));

  return (
    <Card title={t('export.title')} data-testid="export-page">
      {toastHolder}
      <Typography.Paragraph type="secondary">{auditor ? t('export.auditorHint') : t('export.hint')}</Typography.Paragraph>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} data-testid="export-error" />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <span>{t('export.layout')}</span>
          <Select
            value={layout?.id}
            onChange={setLayoutId}
            style={{ width: 320 }}
            options={(data?.layouts ?? []).map((l) => ({ value: l.id, label: `${l.name}（${l.builtIn ? t('export.builtIn') : t('export.own')}）` }))}
            data-testid="export-layout"
          />
          {data?.editable && layout && (
            <>
              <Button onClick={() => setEditing(draftOf(layout, t('export.copyName', { name: layout.name })))} data-testid="layout-copy">{t('export.copy')}</Button>
              {!layout.builtIn && <Button onClick={() => setEditing(draftOf(layout, null))} data-testid="layout-edit">{t('export.edit')}</Button>}
              {!layout.builtIn && (
                <Popconfirm title={t('export.deleteConfirm', { name: layout.name })} onConfirm={() => void remove(layout)}>
                  <Button danger data-testid="layout-delete">{t('export.delete')}</Button>
                </Popconfirm>
              )}
            </>
          )}
        </Space>
        {layout && (
          <div data-testid="layout-columns">
            <Typography.Text type="secondary">{t('export.columnsOf', { n: layout.columns.length })} · {t(`export.kind.${layout.kind}`)}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              {layout.columns.map((c, i) => (
                <Tag key={`${c.field}-${i}`} color={c.mask === 'full' ? 'red' : c.mask ? 'gold' : undefined} style={{ marginBottom: 4 }}>
                  {c.header || fieldLabel.get(c.field) || c.field}
                  {c.mask ? ` · ${maskWord(c.mask)}` : ''}
                </Tag>
              ))}
            </div>
          </div>
        )}
        <Typography.Text strong>{t('export.filters.title')}</Typography.Text>
        <Space wrap>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('export.filters.status')}
            value={statuses}
            onChange={setStatuses}
            options={workflow.statuses.filter((s) => s !== workflow.statusOf.filed).map((s) => ({ value: s, label: words.statuses[s]?.label ?? s }))}
            style={{ minWidth: 220 }}
            data-testid="export-status"
          />
          <Select allowClear placeholder={t('export.filters.cause')} value={cause} onChange={setCause} options={Object.entries(words.causes).map(([value, label]) => ({ value, label }))} style={{ width: 120 }} />
          {regions.length > 1 && (
            <TreeSelect allowClear showSearch treeNodeFilterProp="title" placeholder={t('export.filters.region')} value={region} onChange={setRegion} treeData={regionTree(regions)} style={{ width: 200 }} data-testid="export-region" />
          )}
          <DatePicker.RangePicker value={period} onChange={(v) => setPeriod(v as [Dayjs | null, Dayjs | null] | null)} placeholder={[t('export.filters.period'), t('export.filters.period')]} data-testid="export-period" />
          <Input allowClear placeholder={t('export.filters.q')} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 260 }} />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{t('export.filters.overdue')}</Checkbox>
        </Space>
        {[...carried.keys()].length > 0 && (
          <Space wrap data-testid="export-carried">
            <Typography.Text type="secondary">{t('export.filters.fromQueue')}</Typography.Text>
            {carried.get('caseNo') && (
              <Tag closable onClose={() => setCarried((c) => { const next = new URLSearchParams(c); next.delete('caseNo'); return next; })}>
                {t('export.filters.caseNo', { caseNo: carried.get('caseNo') })}
              </Tag>
            )}
            <FigureTags params={carried} workflow={workflow} onRemove={(keys) => setCarried((c) => { const next = new URLSearchParams(c); keys.forEach((k) => next.delete(k)); return next; })} />
          </Space>
        )}
        <Space wrap>
          <span>{t('export.format')}</span>
          <Radio.Group value={format} onChange={(e) => setFormat(e.target.value)} optionType="button" options={[{ value: 'xlsx', label: 'Excel (XLSX)' }, { value: 'csv', label: 'CSV' }]} data-testid="export-format" />
          <Button type="primary" loading={busy} disabled={!layout} onClick={() => void download()} data-testid="export-download">
            {busy ? t('export.downloading') : t('export.download')}
          </Button>
        </Space>
      </Space>
      {editing && data && (
        <LayoutEditor
          draft={editing}
          fields={data.fields}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            void toast.success(t('export.editor.saved'));
            setLayoutId(saved.id);
            setReload((n) => n + 1);
          }}
        />
      )}
    </Card>
  );
}

/**
 * 监测户台账 (/households): the caller's region's households with their monitoring state, category and
 * 帮扶责任人 — names masked — filtered by state, category, region, "mine" and a month's event (the filters stay in the
 * URL: a register figure of the statistics opens the list of its households), paged by the server's
 * cursor ("load more"); exported in the 台账 layouts as filtered, and imported from a spreadsheet
 * (register/RegisterFiles.tsx).
 */
import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { useFailure } from '../admin/common';
import { useLoggedIn } from '../session/session';
import type { HouseholdList, HouseholdRow } from '../register/types';
import { FoundHouseholdForm } from '../register/FoundForm';
import { RegisterFiles } from '../register/RegisterFiles';

const STATE_COLOR: Record<string, string> = { monitored: 'orange', eliminated: 'green', none: 'default' };

export function HouseholdsPage() {
  const { t } = useTranslation();
  const fail = useFailure();
  const { workflow, me, regions } = useLoggedIn();
  const words = workflow.words;
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const category = params.get('category') ?? '';
  // a town or village (a statistics figure's region): shown as a tag that removes it
  const region = params.get('region') ?? '';
  const mine = params.get('responsible') === 'me';
  // a month's 新识别 / 再次纳入 / 风险消除 (a statistics figure): shown as a tag that removes both
  const event = params.get('event') ?? '';
  const month = params.get('month') ?? '';
  const [rows, setRows] = useState<HouseholdRow[] | null>(null);
  const [counts, setCounts] = useState<HouseholdList['stateCounts']>();
  const [next, setNext] = useState<string | null>(null);
  // an import done: the list read again
  const [imports, setImports] = useState(0);

  const query = (cursor?: string) => {
    const q = new URLSearchParams({ pageSize: '50' });
    if (state) q.set('state', state);
    if (category) q.set('category', category);
    if (region) q.set('region', region);
    if (mine) q.set('responsible', 'me');
    if (event) q.set('event', event);
    if (month) q.set('month', month);
    if (cursor) q.set('cursor', cursor);
    return `/api/households?${q.toString()}`;
  };
  useEffect(() => {
    setRows(null);
    api<HouseholdList>('GET', query()).then((page) => {
      setRows(page.households);
      setCounts(page.stateCounts);
      setNext(page.nextCursor);
    }, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, category, region, mine, event, month, imports]);
  const more = () => next && api<HouseholdList>('GET', query(next)).then((page) => {
    setRows((r) => [...(r ?? []), ...page.households]);
    setNext(page.nextCursor);
  }, fail);
  const set = (key: string, value: string, ...alsoRemoved: string[]) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    for (const k of alsoRemoved) p.delete(k);
    setParams(p, { replace: true });
  };
  // the statistics' words of the month figures (stats.register.*)
  const eventWord = (e: string) => t(`stats.register.${e === 'eliminated' ? 'eliminated_month' : e}`);

  const columns = [
    { title: t('register.col.head'), key: 'head', render: (_: unknown, h: HouseholdRow) => <Link to={`/households/${h.id}`}>{h.headName}</Link> },
    { title: t('register.col.village'), key: 'village', render: (_: unknown, h: HouseholdRow) => [h.town?.name, h.village?.name].filter(Boolean).join(' · ') },
    { title: t('register.col.size'), dataIndex: 'size', key: 'size' },
    { title: t('register.col.state'), key: 'state', render: (_: unknown, h: HouseholdRow) => <Tag color={STATE_COLOR[h.state]}>{words.register.states[h.state] ?? h.state}</Tag> },
    { title: t('register.col.category'), key: 'category', render: (_: unknown, h: HouseholdRow) => (h.category ? (words.categories[h.category] ?? h.category) : '—') },
    { title: t('register.col.since'), key: 'since', render: (_: unknown, h: HouseholdRow) => h.monitoredSince ?? '—' },
    { title: t('register.col.responsible'), key: 'responsible', render: (_: unknown, h: HouseholdRow) => h.responsible?.name ?? '—' },
    { title: t('register.col.noLabour'), key: 'noLabour', render: (_: unknown, h: HouseholdRow) => (h.noLabourCapacity ? t('register.yes') : '') },
  ];
  const options = (table: Record<string, string>) => [{ value: '', label: t('register.all') }, ...Object.entries(table).map(([value, label]) => ({ value, label }))];

  return (
    <Card title={t('register.title')}>
      <Typography.Paragraph type="secondary">{t('register.hint')}</Typography.Paragraph>
      {me.cadre.role === 'village' && me.cadre.region && <FoundHouseholdForm village={me.cadre.region.code} />}
      <RegisterFiles role={me.cadre.role} filters={{ state, category, region, responsible: mine ? 'me' : undefined, event: event || undefined, month: month || undefined }} onImported={() => setImports((n) => n + 1)} />
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('register.filter.state')}</span>
        <Select style={{ minWidth: 140 }} value={state} onChange={(v) => set('state', v)} options={options(words.register.states)} data-testid="filter-state" />
        <span>{t('register.filter.category')}</span>
        <Select style={{ minWidth: 160 }} value={category} onChange={(v) => set('category', v)} options={options(words.categories)} data-testid="filter-category" />
        <Checkbox checked={mine} onChange={(e) => set('responsible', e.target.checked ? 'me' : '')}>
          {t('register.filter.mine')}
        </Checkbox>
        {region && (
          <Tag closable onClose={() => set('region', '')} data-testid="filter-region">
            {t('register.filter.region', { region: regions.find((r) => r.code === region)?.name ?? region })}
          </Tag>
        )}
        {event && month && (
          <Tag closable onClose={() => set('event', '', 'month')} data-testid="filter-event">
            {t('register.filter.event', { event: eventWord(event), month })}
          </Tag>
        )}
      </Space>
      {counts && <Typography.Paragraph data-testid="register-counts">{t('register.counts', counts)}</Typography.Paragraph>}
      <Table rowKey="id" loading={rows === null} dataSource={rows ?? []} columns={columns} size="small" scroll={{ x: true }} pagination={false} data-testid="households" />
      {next && (
        <Button style={{ marginTop: 12 }} onClick={() => void more()} data-testid="more">
          {t('register.more')}
        </Button>
      )}
    </Card>
  );
}

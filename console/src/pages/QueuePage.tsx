/**
 * The work queue. "My to-do": the cases waiting for my role in my region, most urgent first (sort
 * by due date). "All cases": a tab per status with its count. Filters — cause, town or village,
 * overdue, assigned to me, a search by case number, name or an ID's last 4 — live in the URL, so
 * a filtered queue is a link and survives a reload. Paging follows the server's keyset cursor
 * (fast at any depth). Ticked cases are approved or given a verifier together (BulkBar). "导出此列表"
 * opens the ledger export with the queue's filters (its status tab, or my to-do's statuses, included).
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Select, Space, Table, Tabs, Tag, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, query, type ApiError } from '../api/client';
import type { CaseList, CaseSummary, Region } from '../api/types';
import { chinaDay, yuan } from '../format';
import { BulkBar } from '../queue/BulkBar';
import { DueTag } from '../queue/DueTag';
import { Flags } from '../queue/Flags';
import { useLoggedIn } from '../session/session';
import { useLive } from '../live/useLive';
import { FigureTags, figureParams } from '../stats/figureFilters';

const PAGE_SIZE = 50;

/** Towns with their villages under them, for the region filter. */
type RegionNode = { value: string; title: string; children: RegionNode[] };
function regionTree(regions: Region[]): RegionNode[] {
  const node = (r: Region): RegionNode => ({
    value: r.code,
    title: r.name,
    children: regions.filter((c) => c.parentCode === r.code).map(node),
  });
  const codes = new Set(regions.map((r) => r.code));
  return regions.filter((r) => r.parentCode === null || !codes.has(r.parentCode)).flatMap((root) => (root.level === 'county' ? node(root).children : [node(root)]));
}

export function QueuePage({ mode }: { mode: 'todo' | 'all' }) {
  const { t, i18n } = useTranslation();
  const { me, workflow, regions } = useLoggedIn();
  const words = workflow.words;
  const [params, setParams] = useSearchParams();
  const [list, setList] = useState<CaseList | null>(null);
  const [counts, setCounts] = useState<{ statusCounts: Record<string, number>; total?: number; totalExact?: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // the cursors of the pages before this one (keyset paging goes forward; back is remembered)
  const [cursors, setCursors] = useState<string[]>([]);
  const [search, setSearch] = useState(params.get('q') ?? params.get('caseNo') ?? '');
  const [searchBad, setSearchBad] = useState(false);
  // the cases ticked for a bulk move, and a count of bulk moves done (each reads the list again)
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkDone, setBulkDone] = useState(0);

  const status = params.get('status') ?? '';
  const filters = {
    cause: params.get('cause') ?? undefined,
    region: params.get('region') ?? undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    caseNo: params.get('caseNo') ?? undefined,
    /** The search box: a case number, a name or an ID's last 4 (the server reads which). */
    q: params.get('q') ?? undefined,
    /** A figure of the statistics: its filters (stats/figureFilters.tsx), shown as tags. */
    ...figureParams(params),
  };
  const cursor = cursors.at(-1);
  const todoStatuses = workflow.todo;
  const statusParam = mode === 'todo' ? (status || todoStatuses.join(',')) : status;
  // a case of my region moved (here, by another cadre, by chat): the page reads its list again
  const [liveTick, setLiveTick] = useState(0);
  useLive(null, () => setLiveTick((n) => n + 1));
  const key = JSON.stringify({ mode, statusParam, filters, cursor, lang: i18n.language, liveTick, bulkDone });

  // another page or other filters: the ticked cases are no longer in sight, so none stays ticked
  const shownKey = JSON.stringify({ mode, statusParam, filters, cursor });
  useEffect(() => setSelected([]), [shownKey]);

  useEffect(() => {
    if (mode === 'todo' && todoStatuses.length === 0) {
      setList({ pageSize: PAGE_SIZE, nextCursor: null, cases: [] });
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    setSearchBad(false);
    const q = query({ status: statusParam, ...filters, sort: mode === 'todo' ? 'due' : 'newest', pageSize: PAGE_SIZE, cursor });
    api<CaseList>('GET', `/api/cases${q}`)
      .then((res) => {
        if (!live) return;
        setList(res);
        if (res.statusCounts) setCounts({ statusCounts: res.statusCounts, total: res.total, totalExact: res.totalExact });
      })
      .catch((err: ApiError) => live && (err.field === 'q' ? setSearchBad(true) : setError(t('error.load', { message: err.message }))))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setCursors([]);
    setParams(next);
  };

  const statusTabs = useMemo(() => {
    const sc = counts?.statusCounts ?? {};
    const shown = mode === 'todo' ? todoStatuses : workflow.statuses.filter((s) => s !== workflow.statusOf.filed);
    const sum = shown.reduce((n, s) => n + (sc[s] ?? 0), 0);
    return [
      { key: '', label: `${mode === 'todo' ? t('queue.todoTab') : t('queue.all')} (${sum})` },
      ...shown.map((s) => ({ key: s, label: `${words.statuses[s]?.stage ?? s} (${sc[s] ?? 0})` })),
    ];
  }, [counts, mode, todoStatuses, workflow.statuses, words.statuses, t]);

  const submitSearch = (text: string) => {
    const next = new URLSearchParams(params);
    next.delete('caseNo');
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    setCursors([]);
    setParams(next);
  };

  const columns = [
    { title: t('queue.columns.caseNo'), dataIndex: 'caseNo', render: (no: string) => <Link to={`/cases/${no}`} data-testid="case-link">{no}</Link> },
    { title: t('queue.columns.applicant'), dataIndex: 'applicantName', render: (name: string | null, c: CaseSummary) => (<Space size={4} wrap>{name || '—'}<Flags c={c} /></Space>) },
    { title: t('queue.columns.cause'), dataIndex: 'cause', render: (cause: string) => words.causes[cause] ?? cause },
    { title: t('queue.columns.place'), key: 'place', render: (_: unknown, c: CaseSummary) => [c.town?.name, c.village?.name].filter(Boolean).join(' ') },
    { title: t('queue.columns.status'), dataIndex: 'status', render: (s: string) => <Tag data-testid="status">{words.statuses[s]?.label ?? s}</Tag> },
    { title: t('queue.columns.due'), key: 'due', render: (_: unknown, c: CaseSummary) => <DueTag dueAt={c.dueAt} due={c.due} /> },
    { title: t('queue.columns.expense'), dataIndex: 'rigidExpenseFen', align: 'right' as const, render: (fen: number) => yuan(fen, i18n.language) },
    { title: t('queue.columns.submitted'), dataIndex: 'submittedAt', render: (at: string) => chinaDay(at) },
  ];

  const role = me.cadre.role;
  const total = counts?.total;
  const navigate = useNavigate();
  // the export takes the queue's filters as they are (GET /api/export reads the same ones)
  const exportList = () => navigate(`/export${query({ status: statusParam || undefined, ...filters, overdue: filters.overdue ? 'true' : undefined })}`);
  return (
    <Card
      title={mode === 'todo' ? t('queue.todoTitle') : t('queue.allTitle')}
      extra={
        <Space>
          {total !== undefined && <Typography.Text type="secondary" data-testid="total">{counts?.totalExact === false ? t('queue.totalAbout', { n: total }) : t('queue.total', { n: total })}</Typography.Text>}
          {role !== 'verifier' && (
            <Button size="small" onClick={exportList} data-testid="export-list">
              {t('export.exportList')}
            </Button>
          )}
        </Space>
      }
      data-testid={`queue-${mode}`}
    >
      <Typography.Paragraph type="secondary">
        {role === 'auditor' ? t('queue.auditorHint') : mode === 'todo' ? t('queue.todoHint', { region: me.cadre.region?.name ?? '', role: words.roles[role] }) : null}
      </Typography.Paragraph>
      <Tabs activeKey={status} items={statusTabs} onChange={(k) => setParam('status', k || undefined)} data-testid="status-tabs" />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={t('queue.filters.searchHint')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={submitSearch}
          style={{ width: 320 }}
          data-testid="search"
        />
        <Select
          allowClear
          placeholder={t('queue.filters.cause')}
          value={filters.cause}
          onChange={(v) => setParam('cause', v)}
          options={Object.entries(words.causes).map(([value, label]) => ({ value, label }))}
          style={{ width: 120 }}
          data-testid="filter-cause"
        />
        {regions.length > 1 && (
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('queue.filters.region')}
            value={filters.region}
            onChange={(v) => setParam('region', v)}
            treeData={regionTree(regions)}
            style={{ width: 200 }}
            data-testid="filter-region"
          />
        )}
        <Checkbox checked={!!filters.overdue} onChange={(e) => setParam('overdue', e.target.checked ? 'true' : undefined)} data-testid="filter-overdue">
          {t('queue.filters.overdue')}
        </Checkbox>
        {/* no "只看指派给我的": cases are assigned only to verifiers, whose lists are their own cases
            anyway (their visits page is that list); for the others the server refuses assignedToMe */}
        {[...params.keys()].length > 0 && (
          <Button onClick={() => { setSearch(''); setCursors([]); setParams(new URLSearchParams()); }}>{t('queue.filters.clear')}</Button>
        )}
      </Space>
      <FigureTags params={params} workflow={workflow} onRemove={(keys) => { const next = new URLSearchParams(params); keys.forEach((k) => next.delete(k)); setCursors([]); setParams(next); }} />
      {searchBad && <Alert type="warning" title={t('queue.filters.searchBad')} style={{ marginBottom: 12 }} data-testid="search-bad" />}
      {role !== 'auditor' && (
        <BulkBar cases={(list?.cases ?? []).filter((c) => selected.includes(c.caseNo))} role={role} workflow={workflow} onClear={() => setSelected([])} onMoved={() => { setSelected([]); setBulkDone((n) => n + 1); }} />
      )}
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Table<CaseSummary>
        rowKey="caseNo"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={list?.cases ?? []}
        pagination={false}
        // the auditor moves nothing: no boxes to tick
        rowSelection={role === 'auditor' ? undefined : { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: false }}
        scroll={{ x: 900 }}
        locale={{ emptyText: mode === 'todo' && !status && Object.keys(filters).every((k) => !filters[k as keyof typeof filters]) ? t('queue.emptyTodo') : t('queue.empty') }}
        data-testid="case-table"
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={cursors.length === 0} onClick={() => setCursors([])}>{t('queue.first')}</Button>
        <Button disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('queue.prev')}</Button>
        <Button disabled={!list?.nextCursor} onClick={() => list?.nextCursor && setCursors((c) => [...c, list.nextCursor!])}>{t('queue.next')}</Button>
      </Space>
    </Card>
  );
}

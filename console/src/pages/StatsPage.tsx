/**
 * 统计: the county office's figures for a period (month, quarter, year, custom) and a region —
 * applications by cause × category and by town/village, channels, the status funnel, the time
 * per step against its limit, the 15-day identification, returns, rejections, and payments by
 * month against the year's budget. Each chart has its table beside it; every figure (a bar, a
 * slice, a number) opens the work queue filtered to exactly its cases; a register figure of
 * households opens the register list filtered to exactly them. The period and region live
 * in the URL; the same figures download as an XLSX. The county office sets the year's budget here.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, InputNumber, Progress, Row, Segmented, Space, Spin, Statistic, Table, TreeSelect, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, query, type ApiError } from '../api/client';
import type { Region } from '../api/types';
import { yuan } from '../format';
import { useLoggedIn } from '../session/session';
import { EChart } from '../stats/EChart';
import type { Drill, Stats } from '../stats/types';

type Kind = 'month' | 'quarter' | 'year' | 'custom';
const casesLink = (drill: Drill) => `/cases?${new URLSearchParams(drill).toString()}`;

/** A register figure: its number, a link to the register list of its households (none: no list filter names them). */
const householdsLink = (drill: Drill) => `/households?${new URLSearchParams(drill).toString()}`;
/** A department's alerts (any status: the alerts page shows the open ones unless told). */
const alertsLink = (drill: Drill) => `/alerts?${new URLSearchParams({ status: 'all', ...drill }).toString()}`;
function H({ n, drill, testId }: { n: number | string; drill: Drill | null; testId?: string }) {
  return n === 0 || !drill ? <span data-testid={testId}>{n}</span> : <Link to={householdsLink(drill)} data-testid={testId}>{n}</Link>;
}

/** A figure: its number, a link to its cases. */
function N({ n, drill, testId }: { n: number; drill: Drill; testId?: string }) {
  return n === 0 ? <span data-testid={testId}>0</span> : <Link to={casesLink(drill)} data-testid={testId}>{n}</Link>;
}

/** The period parameter of a picked day: 2026-05, 2026-Q2, 2026. */
function periodParam(kind: Exclude<Kind, 'custom'>, d: Dayjs): string {
  if (kind === 'year') return d.format('YYYY');
  if (kind === 'quarter') return `${d.format('YYYY')}-Q${Math.floor(d.month() / 3) + 1}`;
  return d.format('YYYY-MM');
}

/** The period and day a period parameter stands for. */
function parsePeriod(p: string | null): { kind: Kind; day: Dayjs } {
  if (!p) return { kind: 'month', day: dayjs() };
  if (p === 'custom') return { kind: 'custom', day: dayjs() };
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return { kind: 'quarter', day: dayjs(`${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`) };
  if (/^\d{4}$/.test(p)) return { kind: 'year', day: dayjs(`${p}-01-01`) };
  return { kind: 'month', day: dayjs(`${p}-01`) };
}

type RegionNode = { value: string; title: string; children: RegionNode[] };
function regionTree(regions: Region[]): RegionNode[] {
  const node = (r: Region): RegionNode => ({ value: r.code, title: r.name, children: regions.filter((c) => c.parentCode === r.code && c.level !== 'village').map(node) });
  const codes = new Set(regions.map((r) => r.code));
  return regions.filter((r) => r.parentCode === null || !codes.has(r.parentCode)).flatMap((root) => (root.level === 'county' ? node(root).children : [node(root)]));
}

export function StatsPage() {
  const { t, i18n } = useTranslation();
  const { me, workflow, regions } = useLoggedIn();
  const words = workflow.words;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [budgetTick, setBudgetTick] = useState(0);

  const { kind, day } = parsePeriod(params.get('period'));
  const request = query({ period: params.get('period'), from: params.get('from'), to: params.get('to'), region: params.get('region') });
  const lang = i18n.language;

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    api<Stats>('GET', `/api/stats${request}`)
      .then((s) => live && setStats(s))
      .catch((e: ApiError) => live && setError(t('error.load', { message: e.message })))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [request, budgetTick, t]);

  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) (v ? p.set(k, v) : p.delete(k));
    setParams(p);
  };
  const open = (drill: Drill | undefined) => drill && navigate(casesLink(drill));

  const status = (s: string) => words.statuses[s]?.stage ?? s;
  const category = (c: string) => (c === 'none' ? t('stats.noCategory') : (words.categories[c] ?? c));
  const limit = (l: { days: number; working: boolean } | null) => (l ? t(l.working ? 'stats.limitWorking' : 'stats.limitDays', { n: l.days }) : '—');
  const share = (v: number | null) => (v === null ? '—' : `${v}%`);
  const days = (v: number | null) => (v === null ? '—' : t('stats.days', { n: v }));

  const charts = useMemo(() => {
    if (!stats) return null;
    const a = stats.applications;
    const cats = a.byCategory.map((c) => c.category);
    return {
      causeCategory: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: cats.map(category) },
        grid: { left: 40, right: 20, bottom: 30, top: 40 },
        xAxis: { type: 'category', data: a.byCause.map((c) => words.causes[c.cause] ?? c.cause) },
        yAxis: { type: 'value', minInterval: 1 },
        series: cats.map((cat) => ({ name: category(cat), type: 'bar', stack: 'all', data: a.byCause.map((c) => a.byCauseCategory.find((x) => x.cause === c.cause && x.category === cat)?.n ?? 0) })),
      },
      regions: {
        tooltip: {},
        grid: { left: 40, right: 20, bottom: 50, top: 20 },
        xAxis: { type: 'category', data: a.byRegion.map((r) => (lang === 'en' && r.nameEn ? r.nameEn : r.name)), axisLabel: { interval: 0, rotate: a.byRegion.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: a.byRegion.map((r) => r.n) }],
      },
      channels: {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: stats.channels.map((c) => ({ name: t(`stats.channel.${c.channel}`), value: c.n })) }],
      },
      funnel: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('stats.reached'), t('stats.now')] },
        grid: { left: 40, right: 20, bottom: 60, top: 40 },
        xAxis: { type: 'category', data: stats.funnel.map((f) => status(f.status)), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('stats.reached'), type: 'bar', data: stats.funnel.map((f) => f.reached) },
          { name: t('stats.now'), type: 'bar', data: stats.funnel.map((f) => f.now) },
        ],
      },
      steps: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('stats.within'), t('stats.late')] },
        grid: { left: 40, right: 20, bottom: 60, top: 40 },
        xAxis: { type: 'category', data: stats.steps.map((s) => status(s.status)), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('stats.within'), type: 'bar', stack: 'all', data: stats.steps.map((s) => s.within), itemStyle: { color: '#52c41a' } },
          { name: t('stats.late'), type: 'bar', stack: 'all', data: stats.steps.map((s) => s.late), itemStyle: { color: '#ff4d4f' } },
        ],
      },
      items: {
        tooltip: {},
        grid: { left: 120, right: 20, bottom: 20, top: 10 },
        yAxis: { type: 'category', inverse: true, data: stats.returns.items.map((i) => i.item) },
        xAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: stats.returns.items.map((i) => i.cases) }],
      },
      payments: {
        tooltip: { trigger: 'axis' },
        grid: { left: 70, right: 20, bottom: 30, top: 20 },
        xAxis: { type: 'category', data: stats.payments.months.map((m) => m.month) },
        yAxis: { type: 'value', name: t('stats.yuanUnit') },
        series: [{ type: 'bar', data: stats.payments.months.map((m) => m.amountFen / 100) }],
      },
      register: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('stats.register.identified'), t('stats.register.reincluded'), t('stats.register.eliminated_month')] },
        grid: { left: 40, right: 20, bottom: 30, top: 30 },
        xAxis: { type: 'category', data: stats.register.months.map((m) => m.month) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('stats.register.identified'), type: 'bar', data: stats.register.months.map((m) => m.identified) },
          { name: t('stats.register.reincluded'), type: 'bar', data: stats.register.months.map((m) => m.reincluded) },
          { name: t('stats.register.eliminated_month'), type: 'bar', data: stats.register.months.map((m) => m.eliminated) },
        ],
      },
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stats, lang]);

  const canBudget = me.cadre.role === 'county';
  const xlsx = `/api/stats.xlsx${query({ period: params.get('period'), from: params.get('from'), to: params.get('to'), region: params.get('region'), lang })}`;
  const s = stats;

  return (
    <Card title={t('stats.title')} data-testid="stats-page" extra={<Button href={xlsx} data-testid="stats-xlsx">{t('stats.download')}</Button>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<Kind>
          value={kind}
          options={(['month', 'quarter', 'year', 'custom'] as const).map((k) => ({ value: k, label: t(`stats.period.${k}`) }))}
          onChange={(k) => (k === 'custom' ? set({ period: 'custom', from: s?.period.from ?? dayjs().startOf('month').format('YYYY-MM-DD'), to: s?.period.to ?? dayjs().format('YYYY-MM-DD') }) : set({ period: periodParam(k, day), from: undefined, to: undefined }))}
          data-testid="period-kind"
        />
        {kind === 'custom' ? (
          <DatePicker.RangePicker
            value={[dayjs(params.get('from') ?? undefined), dayjs(params.get('to') ?? undefined)]}
            onChange={(v) => v?.[0] && v[1] && set({ period: 'custom', from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
            allowClear={false}
            data-testid="period-range"
          />
        ) : (
          <DatePicker picker={kind} value={day} allowClear={false} onChange={(d) => d && set({ period: periodParam(kind, d) })} data-testid="period-picker" />
        )}
        {regions.length > 1 && (
          <TreeSelect allowClear showSearch treeNodeFilterProp="title" placeholder={t('stats.region')} value={params.get('region') ?? undefined} onChange={(v) => set({ region: v })} treeData={regionTree(regions)} style={{ width: 200 }} data-testid="stats-region" />
        )}
        {s && <Typography.Text type="secondary" data-testid="stats-period">{t('stats.periodIs', { from: s.period.from, to: s.period.to })}</Typography.Text>}
      </Space>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      {!s || !charts ? (
        <Spin spinning={loading} />
      ) : (
        <Spin spinning={loading}>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}><Statistic title={t('stats.applications')} valueRender={() => <N n={s.applications.total} drill={s.applications.drill} testId="stat-total" />} /></Col>
            <Col xs={12} md={5}><Statistic title={t('stats.decidedWithin', { limit: limit(s.identification.limit) })} valueRender={() => <span data-testid="stat-identified"><N n={s.identification.within} drill={s.identification.withinDrill} /> / <N n={s.identification.decided} drill={s.identification.drill} /> ({share(s.identification.withinShare)})</span>} /></Col>
            <Col xs={12} md={5}><Statistic title={t('stats.decidedLate')} valueRender={() => <N n={s.identification.late} drill={s.identification.lateDrill} testId="stat-late" />} /></Col>
            <Col xs={12} md={3}><Statistic title={t('stats.returned')} valueRender={() => <N n={s.returns.cases} drill={s.returns.drill} testId="stat-returned" />} /></Col>
            <Col xs={12} md={3}><Statistic title={t('stats.rejected')} valueRender={() => <N n={s.rejections.cases} drill={s.rejections.drill} testId="stat-rejected" />} /></Col>
            <Col xs={12} md={4}><Statistic title={t('stats.paid')} valueRender={() => <Link to={casesLink(s.payments.drill)} data-testid="stat-paid">{yuan(s.payments.amountFen, lang)}</Link>} /></Col>
          </Row>

          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('stats.byCauseCategory')}>
                <EChart option={charts.causeCategory} testId="chart-cause-category" onPick={({ seriesIndex, dataIndex }) => open(s.applications.byCauseCategory.find((x) => x.cause === s.applications.byCause[dataIndex]?.cause && x.category === s.applications.byCategory[seriesIndex]?.category)?.drill)} />
                <Table
                  size="small"
                  pagination={false}
                  rowKey="cause"
                  dataSource={s.applications.byCause}
                  data-testid="table-cause-category"
                  columns={[
                    { title: t('stats.cause'), dataIndex: 'cause', render: (c: string) => words.causes[c] ?? c },
                    ...s.applications.byCategory.map((cat) => ({
                      title: category(cat.category),
                      key: cat.category,
                      align: 'right' as const,
                      render: (_: unknown, row: { cause: string }) => {
                        const cell = s.applications.byCauseCategory.find((x) => x.cause === row.cause && x.category === cat.category)!;
                        return <N n={cell.n} drill={cell.drill} testId={`cc-${row.cause}-${cat.category}`} />;
                      },
                    })),
                    { title: t('stats.total'), key: 'n', align: 'right' as const, render: (_: unknown, row: { cause: string; n: number; drill: Drill }) => <N n={row.n} drill={row.drill} testId={`cause-${row.cause}`} /> },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t(s.applications.regionLevel === 'town' ? 'stats.byTown' : 'stats.byVillage')}>
                <EChart option={charts.regions} testId="chart-regions" onPick={({ dataIndex }) => open(s.applications.byRegion[dataIndex]?.drill)} />
                <Table size="small" pagination={false} rowKey="code" dataSource={s.applications.byRegion} data-testid="table-regions" columns={[
                  { title: t('stats.region'), dataIndex: 'name', render: (name: string, r: Stats['applications']['byRegion'][number]) => (lang === 'en' && r.nameEn ? r.nameEn : name) },
                  { title: t('stats.cases'), key: 'n', align: 'right' as const, render: (_: unknown, r: Stats['applications']['byRegion'][number]) => <N n={r.n} drill={r.drill} testId={`region-${r.code}`} /> },
                ]} />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('stats.channels')}>
                <EChart option={charts.channels} height={240} testId="chart-channels" onPick={({ dataIndex }) => open(s.channels[dataIndex]?.drill)} />
                <Table size="small" pagination={false} rowKey="channel" dataSource={s.channels} data-testid="table-channels" columns={[
                  { title: t('stats.channelTitle'), dataIndex: 'channel', render: (c: string) => t(`stats.channel.${c}`) },
                  { title: t('stats.cases'), key: 'n', align: 'right' as const, render: (_: unknown, c: { channel: string; n: number; drill: Drill }) => <N n={c.n} drill={c.drill} testId={`channel-${c.channel}`} /> },
                ]} />
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card size="small" title={t('stats.funnel')}>
                <EChart option={charts.funnel} testId="chart-funnel" onPick={({ seriesIndex, dataIndex }) => open(seriesIndex === 0 ? s.funnel[dataIndex]?.reachedDrill : s.funnel[dataIndex]?.nowDrill)} />
                <Table size="small" pagination={false} rowKey="status" dataSource={s.funnel} data-testid="table-funnel" columns={[
                  { title: t('stats.step'), dataIndex: 'status', render: status },
                  { title: t('stats.reached'), key: 'reached', align: 'right' as const, render: (_: unknown, f: Stats['funnel'][number]) => <N n={f.reached} drill={f.reachedDrill} testId={`reached-${f.status}`} /> },
                  { title: t('stats.now'), key: 'now', align: 'right' as const, render: (_: unknown, f: Stats['funnel'][number]) => <N n={f.now} drill={f.nowDrill} testId={`now-${f.status}`} /> },
                ]} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('stats.steps')}>
                <Row gutter={16}>
                  <Col xs={24} lg={10}><EChart option={charts.steps} testId="chart-steps" onPick={({ seriesIndex, dataIndex }) => open(seriesIndex === 0 ? s.steps[dataIndex]?.withinDrill : s.steps[dataIndex]?.lateDrill)} /></Col>
                  <Col xs={24} lg={14}>
                    <Table size="small" pagination={false} rowKey="status" dataSource={[...s.steps, { ...s.identification, status: 'total', cases: s.identification.decided }]} data-testid="table-steps" columns={[
                      { title: t('stats.step'), dataIndex: 'status', render: (st: string) => (st === 'total' ? t('stats.identification') : status(st)) },
                      { title: t('stats.limit'), dataIndex: 'limit', render: limit },
                      { title: t('stats.cases'), key: 'cases', align: 'right' as const, render: (_: unknown, r: Stats['steps'][number]) => <N n={r.cases} drill={r.drill} testId={`step-${r.status}`} /> },
                      { title: t('stats.within'), key: 'within', align: 'right' as const, render: (_: unknown, r: Stats['steps'][number]) => <N n={r.within} drill={r.withinDrill} testId={`within-${r.status}`} /> },
                      { title: t('stats.late'), key: 'late', align: 'right' as const, render: (_: unknown, r: Stats['steps'][number]) => <N n={r.late} drill={r.lateDrill} testId={`late-${r.status}`} /> },
                      { title: t('stats.withinShare'), dataIndex: 'withinShare', align: 'right' as const, render: share },
                      { title: t('stats.median'), dataIndex: 'medianDays', align: 'right' as const, render: days },
                      { title: t('stats.p90'), dataIndex: 'p90Days', align: 'right' as const, render: days },
                    ]} />
                  </Col>
                </Row>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('stats.returns')}>
                {s.returns.items.length > 0 && <EChart option={charts.items} height={Math.max(120, 28 * s.returns.items.length + 40)} testId="chart-items" onPick={({ dataIndex }) => open(s.returns.items[dataIndex]?.drill)} />}
                <Table size="small" pagination={false} rowKey="item" dataSource={s.returns.items} data-testid="table-items" columns={[
                  { title: t('stats.missingItem'), dataIndex: 'item' },
                  { title: t('stats.cases'), key: 'n', align: 'right' as const, render: (_: unknown, r: { item: string; cases: number; drill: Drill }) => <N n={r.cases} drill={r.drill} /> },
                ]} />
                <Table size="small" pagination={false} rowKey="status" dataSource={s.returns.byStep} style={{ marginTop: 12 }} data-testid="table-returns" columns={[
                  { title: t('stats.returnedAt'), dataIndex: 'status', render: status },
                  { title: t('stats.cases'), key: 'n', align: 'right' as const, render: (_: unknown, r: { status: string; cases: number; drill: Drill }) => <N n={r.cases} drill={r.drill} testId={`returned-${r.status}`} /> },
                  { title: t('stats.returnTimes'), dataIndex: 'events', align: 'right' as const },
                ]} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('stats.rejections')}>
                <Table size="small" pagination={false} rowKey="reason" dataSource={s.rejections.reasons} data-testid="table-reasons" columns={[
                  { title: t('stats.reason'), dataIndex: 'reason', render: (r: string) => r || '—' },
                  { title: t('stats.cases'), key: 'n', align: 'right' as const, render: (_: unknown, r: { cases: number; drill: Drill }) => <N n={r.cases} drill={r.drill} /> },
                ]} />
                {!s.rejections.reasonsComplete && <Typography.Text type="secondary">{t('stats.reasonsPartial')}</Typography.Text>}
                <Table size="small" pagination={false} rowKey="status" dataSource={s.rejections.byStep} style={{ marginTop: 12 }} data-testid="table-rejected-at" columns={[
                  { title: t('stats.rejectedAt'), dataIndex: 'status', render: status },
                  { title: t('stats.cases'), key: 'n', align: 'right' as const, render: (_: unknown, r: { status: string; cases: number; drill: Drill }) => <N n={r.cases} drill={r.drill} testId={`rejected-${r.status}`} /> },
                ]} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('stats.payments')}>
                <Row gutter={16}>
                  <Col xs={24} lg={12}><EChart option={charts.payments} testId="chart-payments" onPick={({ dataIndex }) => open(s.payments.months[dataIndex]?.drill)} /></Col>
                  <Col xs={24} lg={12}>
                    <Table size="small" pagination={false} rowKey="month" dataSource={s.payments.months} data-testid="table-payments" columns={[
                      { title: t('stats.month'), dataIndex: 'month' },
                      { title: t('stats.cases'), key: 'n', align: 'right' as const, render: (_: unknown, m: { month: string; cases: number; drill: Drill }) => <N n={m.cases} drill={m.drill} testId={`paid-${m.month}`} /> },
                      { title: t('stats.amount'), dataIndex: 'amountFen', align: 'right' as const, render: (f: number) => yuan(f, lang) },
                    ]} />
                    {s.payments.budgets.map((b) => (
                      <div key={b.year} style={{ marginTop: 12 }} data-testid={`budget-${b.year}`}>
                        <Typography.Text>
                          {t('stats.budgetLine', { year: b.year, paid: yuan(b.paidFen, lang), budget: b.budgetFen === null ? t('stats.budgetNone') : yuan(b.budgetFen, lang) })}
                        </Typography.Text>
                        {b.usedShare !== null && <Progress percent={Math.min(100, b.usedShare)} format={() => `${b.usedShare}%`} status={b.usedShare > 100 ? 'exception' : 'normal'} />}
                        {canBudget && <BudgetEditor year={b.year} current={b.budgetFen} onSaved={() => setBudgetTick((n) => n + 1)} />}
                      </div>
                    ))}
                  </Col>
                </Row>
              </Card>
            </Col>
            <Col xs={24}>
              <RegisterPanel r={s.register} chart={charts.register} share={share} category={(c) => (c === 'none' ? t('stats.register.no_category') : category(c))} />
            </Col>
          </Row>
        </Spin>
      )}
    </Card>
  );
}

/** The register's figures (防返贫监测): the households now, the events per month, the measures, the alerts by department. */
function RegisterPanel({ r, chart, share, category }: { r: Stats['register']; chart: Parameters<typeof EChart>[0]['option']; share: (v: number | null) => string; category: (c: string) => string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const days = { days: r.alerts.closeDays };
  const department = (d: string) => (d === 'other' ? t('stats.register.no_department') : t(`monitor.department.${d}`));
  const navigate = useNavigate();
  // the chart's series, in order (the panel's chart: identified, reincluded, eliminated)
  const EVENTS = ['identified', 'reincluded', 'eliminated'] as const;
  const eventColumn = (event: (typeof EVENTS)[number]) => ({
    title: t(`stats.register.${event === 'eliminated' ? 'eliminated_month' : event}`),
    key: event,
    align: 'right' as const,
    render: (_: unknown, m: Stats['register']['months'][number]) => <H n={m[event]} drill={m.drill[event]} testId={`register-${event}-${m.month}`} />,
  });
  return (
    <Card size="small" title={t('stats.register.title')} data-testid="stats-register">
      <Row gutter={16}>
        <Col xs={12} md={4}><Statistic title={t('stats.register.monitored')} valueRender={() => <H n={r.monitored} drill={r.drill.monitored} testId="register-monitored" />} /></Col>
        <Col xs={12} md={4}><Statistic title={t('stats.register.eliminated')} valueRender={() => <H n={r.eliminated} drill={r.drill.eliminated} testId="register-eliminated" />} /></Col>
        <Col xs={24} md={8}><Statistic title={t('stats.register.elimination_rate')} valueRender={() => <span data-testid="stat-elimination-rate">{share(r.eliminationRate)}</span>} /></Col>
        <Col xs={12} md={4}><Statistic title={t('stats.register.measures_per_household')} valueRender={() => <H n={r.measures.perHousehold ?? '—'} drill={r.measures.perHousehold === null ? null : r.measures.drill} testId="register-measures" />} /></Col>
        <Col xs={12} md={4}><Statistic title={t('stats.register.amount_per_household')} valueRender={() => <span>{r.measures.amountFenPerHousehold === null ? '—' : yuan(r.measures.amountFenPerHousehold, lang)}</span>} /></Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} lg={12}>
          <EChart option={chart} testId="chart-register" onPick={({ seriesIndex, dataIndex }) => {
            const m = r.months[dataIndex];
            const event = EVENTS[seriesIndex];
            if (m && event && m[event] > 0) navigate(householdsLink(m.drill[event]));
          }} />
          <Table size="small" pagination={false} rowKey="month" dataSource={r.months} data-testid="table-register-months" columns={[
            { title: t('stats.month'), dataIndex: 'month' },
            ...EVENTS.map(eventColumn),
          ]} />
        </Col>
        <Col xs={24} lg={6}>
          <Table size="small" pagination={false} rowKey="category" dataSource={r.byCategory} data-testid="table-register-categories" columns={[
            { title: t('stats.register.by_category'), dataIndex: 'category', render: category },
            { title: t('stats.register.monitored'), key: 'n', align: 'right' as const, render: (_: unknown, c: Stats['register']['byCategory'][number]) => <H n={c.n} drill={c.drill} testId={`register-category-${c.category}`} /> },
          ]} />
        </Col>
        <Col xs={24} lg={6}>
          <Table size="small" pagination={false} rowKey="department" dataSource={r.alerts.byDepartment} data-testid="table-register-alerts" columns={[
            { title: t('stats.register.department'), dataIndex: 'department', render: department },
            { title: t('stats.register.alerts_raised'), key: 'raised', align: 'right' as const, render: (_: unknown, d: Stats['register']['alerts']['byDepartment'][number]) => (d.raised === 0 ? <span>0</span> : <Link to={alertsLink(d.drill)} data-testid={`register-alerts-${d.department}`}>{d.raised}</Link>) },
            { title: t('stats.register.alerts_in_time', days), dataIndex: 'closedInTime', align: 'right' as const },
            { title: t('stats.register.alerts_share', days), dataIndex: 'closedInTimeShare', align: 'right' as const, render: share },
          ]} />
        </Col>
      </Row>
    </Card>
  );
}

/** The county office sets a year's budget (yuan). */
function BudgetEditor({ year, current, onSaved }: { year: number; current: number | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | null>(current === null ? null : current / 100);
  const [saving, setSaving] = useState(false);
  useEffect(() => setValue(current === null ? null : current / 100), [current]);
  const save = () => {
    if (value === null) return;
    setSaving(true);
    api('PUT', '/api/stats/budget', { year, amountFen: Math.round(value * 100) })
      .then(() => {
        void message.success(t('stats.budgetSaved', { year }));
        onSaved();
      })
      .catch((e: ApiError) => void message.error(e.message))
      .finally(() => setSaving(false));
  };
  return (
    <Space style={{ marginTop: 8 }}>
      <InputNumber<number> min={0} max={10_000_000_000} precision={2} value={value} onChange={setValue} addonAfter={t('stats.yuanUnit')} style={{ width: 240 }} data-testid={`budget-input-${year}`} />
      <Button onClick={save} loading={saving} disabled={value === null} data-testid={`budget-save-${year}`}>{t('stats.budgetSet', { year })}</Button>
    </Space>
  );
}

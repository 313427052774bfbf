/**
 * 公示名单: a village's notice lists — pick the village and the period (kept in the URL), preview or
 * make the list (POST /api/notices), the lists made so far (GET /api/notices), and one opened
 * (GET /api/notices/:id) to print, send to the village group, or record objections on (NoticeView).
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Select, Space, Table, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, query, type ApiError } from '../api/client';
import { refusalWords } from '../api/refusal';
import { chinaDateTime, chinaDay } from '../format';
import { NoticeView, type Notice } from '../notices/NoticeView';
import { useLoggedIn } from '../session/session';

type Summary = { id: string; village: { code: string; name: string }; start: string; end: string; households: number; createdAt: string; sentAt: string | null };
// full names ('none') only from a town or the county: the server refuses a village (403 naming nameMask)
const MASKS = ['middle', 'given', 'none'] as const;

/** This month in China: its first and last day. */
function thisMonth(): { from: string; to: string } {
  const today = chinaDay(new Date());
  const [y, m] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${today.slice(0, 7)}-01`, to: `${today.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

export function NoticesPage() {
  const { t } = useTranslation();
  const { me, regions } = useLoggedIn();
  const [params, setParams] = useSearchParams();
  const villages = useMemo(() => regions.filter((r) => r.level === 'village'), [regions]);
  const month = useMemo(thisMonth, []);
  const village = params.get('village') ?? (villages.length === 1 ? villages[0]!.code : '');
  const from = params.get('from') ?? month.from;
  const to = params.get('to') ?? month.to;
  const [nameMask, setNameMask] = useState<(typeof MASKS)[number]>('middle');
  const [includeDecided, setIncludeDecided] = useState(false);
  const [list, setList] = useState<Summary[]>([]);
  const [shown, setShown] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const mayMake = ['county', 'town', 'village'].includes(me.cadre.role);

  // from the address as it is now, not as this render saw it: two fields changed before a render both stay
  const set = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    let live = true;
    api<{ items: Summary[] }>('GET', `/api/notices${query({ villageId: village || undefined, from, to })}`)
      .then((res) => live && setList(res.items))
      .catch((err: ApiError) => live && setError(refusalWords(t, err, () => '')));
    return () => {
      live = false;
    };
  }, [village, from, to, tick, t]);

  async function make(preview: boolean) {
    if (!from || !to || to < from) return setError(t('notices.badPeriod'));
    setBusy(true);
    setError(null);
    try {
      const notice = await api<Notice>('POST', '/api/notices', { villageId: village, from, to, nameMask, includeDecided, preview });
      setShown(notice);
      if (!preview) {
        void message.success(t('notices.created'));
        setTick((n) => n + 1);
      }
    } catch (err) {
      setError(refusalWords(t, err as ApiError, (field) => (field === 'villageId' ? t('notices.village') : field === 'from' ? t('notices.from') : field === 'to' ? t('notices.to') : field)));
    } finally {
      setBusy(false);
    }
  }

  async function open(id: string) {
    setError(null);
    try {
      setShown(await api<Notice>('GET', `/api/notices/${id}`));
    } catch (err) {
      setError(refusalWords(t, err as ApiError, () => ''));
    }
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="notices-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('notices.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('notices.hint')}
      </Typography.Paragraph>
      <Card size="small">
        <Space wrap align="end">
          <div>
            <div>{t('notices.village')}</div>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 180 }}
              placeholder={t('notices.villagePick')}
              value={village || undefined}
              onChange={(v: string) => set('village', v)}
              options={villages.map((v) => ({ value: v.code, label: v.name }))}
              data-testid="notice-village"
            />
          </div>
          <div>
            <div>{t('notices.from')}</div>
            <Input type="date" value={from} onChange={(e) => set('from', e.target.value)} data-testid="notice-from" />
          </div>
          <div>
            <div>{t('notices.to')}</div>
            <Input type="date" value={to} onChange={(e) => set('to', e.target.value)} data-testid="notice-to" />
          </div>
          {mayMake && (
            <>
              <div>
                <div>{t('notices.nameMask')}</div>
                <Select style={{ minWidth: 180 }} value={nameMask} onChange={setNameMask} options={MASKS.filter((m) => m !== 'none' || me.cadre.role !== 'village').map((m) => ({ value: m, label: t(`notices.masks.${m}`) }))} data-testid="notice-mask" />
              </div>
              <Checkbox checked={includeDecided} onChange={(e) => setIncludeDecided(e.target.checked)} data-testid="notice-decided">
                {t('notices.includeDecided')}
              </Checkbox>
              <Button disabled={!village} loading={busy} onClick={() => void make(true)} data-testid="notice-preview">
                {t('notices.preview')}
              </Button>
              <Button type="primary" disabled={!village} loading={busy} onClick={() => void make(false)} data-testid="notice-create">
                {t('notices.create')}
              </Button>
            </>
          )}
        </Space>
      </Card>
      {error && <Alert type="error" title={error} data-testid="notices-error" />}
      {shown && <NoticeView notice={shown} onChanged={(fresh) => (setShown(fresh), setTick((n) => n + 1))} />}
      <Card size="small" title={t('notices.list')}>
        <Table<Summary>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={list}
          locale={{ emptyText: t('notices.listEmpty') }}
          data-testid="notices-list"
          columns={[
            { title: t('notices.columns.village'), render: (_: unknown, n) => n.village.name },
            { title: t('notices.columns.period'), render: (_: unknown, n) => `${n.start} — ${n.end}` },
            { title: t('notices.columns.households'), dataIndex: 'households' },
            { title: t('notices.columns.createdAt'), render: (_: unknown, n) => chinaDateTime(n.createdAt) },
            { title: t('notices.columns.sent'), render: (_: unknown, n) => (n.sentAt ? chinaDateTime(n.sentAt) : t('notices.notSent')) },
            {
              title: '',
              render: (_: unknown, n) => (
                <Button size="small" onClick={() => void open(n.id)} data-testid="notice-open">
                  {t('notices.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

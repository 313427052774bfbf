/**
 * The verifier's visit list, made for a phone held in one hand (390 px wide and up): the cases
 * assigned to me in 入户核查, most urgent first, one card each — who, which village, the visit
 * day booked, the time left — a tap opens the visit. Kept current by the live stamps.
 */
import { useEffect, useState } from 'react';
import { Alert, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, query, type ApiError } from '../api/client';
import type { CaseList } from '../api/types';
import { DueTag } from '../queue/DueTag';
import { Flags } from '../queue/Flags';
import { useLive } from '../live/useLive';
import { useLoggedIn } from '../session/session';

const PAGE_SIZE = 100;

export function VisitsPage() {
  const { t } = useTranslation();
  const { workflow } = useLoggedIn();
  const words = workflow.words;
  const [list, setList] = useState<CaseList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useLive(null, () => setTick((n) => n + 1));

  useEffect(() => {
    let live = true;
    api<CaseList>('GET', `/api/cases${query({ status: workflow.sideActs.visit.status, assignedToMe: true, sort: 'due', pageSize: PAGE_SIZE })}`)
      .then((res) => live && (setList(res), setError(null)))
      .catch((err: ApiError) => live && setError(t('error.load', { message: err.message })));
    return () => {
      live = false;
    };
  }, [tick, t, workflow]);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="visits-page">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('visits.title')}
          {list && ` (${list.cases.length})`}
        </Typography.Title>
        <Typography.Text type="secondary">{t('visits.hint')}</Typography.Text>
      </div>
      {error && <Alert type="error" title={error} />}
      {!list && !error && <Spin />}
      {list && list.cases.length === 0 && <Empty description={t('visits.empty')} />}
      {list && list.cases.length > 0 && (
        <List
          dataSource={list.cases}
          split={false}
          renderItem={(c) => (
            <List.Item style={{ padding: '0 0 12px' }}>
              <Link to={`/visits/${c.caseNo}`} style={{ display: 'block', width: '100%' }} data-testid="visit-link">
                <Card size="small" hoverable>
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    <Space wrap size={8}>
                      <Typography.Text strong style={{ fontSize: 16 }}>
                        {c.applicantName || '—'}
                      </Typography.Text>
                      <Tag>{words.causes[c.cause] ?? c.cause}</Tag>
                      <Flags c={c} />
                    </Space>
                    <Typography.Text>{[c.town?.name, c.village?.name].filter(Boolean).join(' ')}</Typography.Text>
                    <Space wrap size={8}>
                      <Typography.Text type="secondary">{c.caseNo}</Typography.Text>
                      <DueTag dueAt={c.dueAt} due={c.due} />
                    </Space>
                  </Space>
                </Card>
              </Link>
            </List.Item>
          )}
          data-testid="visit-list"
        />
      )}
    </Space>
  );
}

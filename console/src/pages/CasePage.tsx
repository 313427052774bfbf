/**
 * One case: its head (number, status, cause, place, time limit), the moves the caller may make as
 * buttons (each opens its form), the applicant and household, the figures, where it stands, the
 * application's answers, the documents and the history. A case outside the caller's region is a
 * 404 from the API, and the same "no such case" page here.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { CaseDetail, MoveSchema } from '../api/types';
import { Answers } from '../case/Answers';
import { Applicant, Figures } from '../case/Applicant';
import { Gallery } from '../case/Gallery';
import { History } from '../case/History';
import { MoveForm } from '../case/MoveForm';
import { Progress } from '../case/Progress';
import { chinaDay } from '../format';
import { DueTag } from '../queue/DueTag';
import { Flags } from '../queue/Flags';
import { useLoggedIn } from '../session/session';
import { NotFoundPage } from './NotFoundPage';
import { useLive } from '../live/useLive';

export function CasePage() {
  const { caseNo = '' } = useParams();
  const { t } = useTranslation();
  const { me, workflow } = useLoggedIn();
  const words = workflow.words;
  const { message } = App.useApp();
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [state, setState] = useState<'loading' | 'ok' | 'notFound' | 'error'>('loading');
  const [error, setError] = useState('');
  const [open, setOpen] = useState<MoveSchema | null>(null);

  const load = useCallback(async () => {
    try {
      setCase(await api<CaseDetail>('GET', `/api/cases/${encodeURIComponent(caseNo)}`));
      setState('ok');
    } catch (err) {
      const e = err as ApiError;
      // a malformed number is a 400: for a person it is the same "no such case"
      if (e.status === 404 || e.status === 400) setState('notFound');
      else {
        setError(e.message);
        setState('error');
      }
    }
  }, [caseNo]);

  useEffect(() => {
    setState('loading');
    void load();
  }, [load]);
  // moved by someone else (another cadre, or by chat) while open: shown within seconds
  useLive(caseNo, (change) => change.case && void load());

  if (state === 'notFound') return <NotFoundPage />;
  if (state === 'error') return <Alert type="error" title={t('error.load', { message: error })} action={<Button onClick={() => void load()}>{t('error.retry')}</Button>} />;
  if (!c) return <Spin />;

  const checklist = words.checklists[c.cause] ?? [];
  // a checklist item, or one of the documents cadres add (the visit's photos)
  const itemLabel = (id: string) => checklist.find((i) => i.id === id)?.label ?? t(`kinds.${id}`, { defaultValue: id });
  const auditor = me.cadre.role === 'auditor';
  // the move table's rows behind the moves the server says the caller may make now
  const moves = auditor
    ? []
    : c.allowedMoves
        .map((a) => workflow.moves.find((m) => m.action === a.action && m.from.includes(c.status) && (m.to === a.to || m.to === null)))
        .filter((m): m is MoveSchema => !!m);
  const status = words.statuses[c.status];
  // a plain pass says where it goes; a move that records something is named for what it records
  const moveName = (m: MoveSchema) =>
    m.id === 'pass_village' || m.id === 'pass_town' ? t('move.approveTo', { stage: words.statuses[m.to ?? '']?.stage ?? '' }) : (words.moves[m.id] ?? words.actions[m.action] ?? m.id);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="case-page">
      <Link to="/">← {t('case.back')}</Link>
      <Card>
        <Space wrap size={12} align="center">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-no">
            {c.caseNo}
          </Typography.Title>
          <Tag color="blue" data-testid="case-status">{status?.label ?? c.status}</Tag>
          <Tag>{words.causes[c.cause] ?? c.cause}</Tag>
          <Typography.Text>{[c.town?.name, c.village?.name].filter(Boolean).join(' ')}</Typography.Text>
          <Typography.Text type="secondary">{t('case.submittedAt', { date: chinaDay(c.submittedAt) })}</Typography.Text>
          <DueTag dueAt={c.dueAt} overdue={c.overdue} />
          <Flags c={c} />
        </Space>
        <div style={{ marginTop: 16 }} data-testid="moves">
          {moves.length > 0 ? (
            <Space wrap>
              {moves.map((m) => (
                <Button key={m.id} type={m.action === 'approve' || m.action === 'fast_approve' ? 'primary' : 'default'} danger={m.action === 'reject'} onClick={() => setOpen(m)} data-testid={`move-${m.id}`}>
                  {moveName(m)}
                </Button>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary" data-testid="no-moves">
              {auditor ? t('case.auditorNoMoves') : t('case.noMoves')}
            </Typography.Text>
          )}
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('case.applicant')}>
              <Applicant c={c} role={me.cadre.role} />
            </Card>
            <Card title={t('case.figures')}>
              <Figures c={c} />
            </Card>
            <Progress c={c} words={words} itemLabel={itemLabel} />
            <Card title={t('case.answers')}>
              <Answers c={c} />
            </Card>
            <Card title={t('case.documents')}>
              <Gallery documents={c.documents} kindLabel={itemLabel} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('case.timeline')}>
            <History events={c.events} words={words} />
          </Card>
        </Col>
      </Row>
      {open && (
        <MoveForm
          move={open}
          name={moveName(open)}
          c={c}
          words={words}
          onClose={() => setOpen(null)}
          onChanged={() => void load()}
          onDone={(fresh) => {
            setOpen(null);
            setCase(fresh);
            void message.success(t('move.done', { caseNo: fresh.caseNo, status: words.statuses[fresh.status]?.label ?? fresh.status }));
          }}
        />
      )}
    </Space>
  );
}

/**
 * One case: its head (number, status, cause, place, time limit), the moves the caller may make as
 * buttons (each opens its form), the applicant and household, the figures, where it stands, the
 * application's answers, the documents and the history. A case outside the caller's region is a
 * 404 from the API, and the same "no such case" page here.
 */
import { useState } from 'react';
import { App, Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { MoveSchema } from '../api/types';
import { Answers } from '../case/Answers';
import { Applicant, Figures } from '../case/Applicant';
import { Gallery } from '../case/Gallery';
import { History } from '../case/History';
import { MoveForm } from '../case/MoveForm';
import { ObjectionForm } from '../case/ObjectionForm';
import { useCaseDetail } from '../case/useCaseDetail';
import { Progress } from '../case/Progress';
import { chinaDay } from '../format';
import { DueTag } from '../queue/DueTag';
import { Flags } from '../queue/Flags';
import { useLoggedIn } from '../session/session';

export function CasePage() {
  const { caseNo = '' } = useParams();
  const { t } = useTranslation();
  const { me, workflow } = useLoggedIn();
  const words = workflow.words;
  const { message } = App.useApp();
  const { c, setCase, load, gate } = useCaseDetail(caseNo);
  const [open, setOpen] = useState<MoveSchema | null>(null);
  // the objection form: 'record' a new one, or resolve the one given
  const [objecting, setObjecting] = useState<'record' | { id: string; number: number } | null>(null);

  if (gate || !c) return gate;

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
  // objections are heard during the notice by the roles the workflow names (GET /api/workflow sideActs)
  const objection = workflow.sideActs.objection;
  const mayObject = c.status === objection.status && objection.roles.includes(me.cadre.role);
  // a plain pass (an approve that asks nothing) says where it goes; a move that records something is named for what it records
  const moveName = (m: MoveSchema) =>
    m.action === 'approve' && (m.data.required ?? []).length === 0 && m.to !== null ? t('move.approveTo', { stage: words.statuses[m.to ?? '']?.stage ?? '' }) : (words.moves[m.id] ?? words.actions[m.action] ?? m.id);

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
          <DueTag dueAt={c.dueAt} due={c.due} />
          <Flags c={c} />
        </Space>
        <div style={{ marginTop: 16 }} data-testid="moves">
          {moves.length > 0 || mayObject ? (
            <Space wrap>
              {moves.map((m) => (
                <Button key={m.id} type={m.action === 'approve' || m.action === 'fast_approve' ? 'primary' : 'default'} danger={m.action === 'reject'} onClick={() => setOpen(m)} data-testid={`move-${m.id}`}>
                  {moveName(m)}
                </Button>
              ))}
              {mayObject && (
                <Button onClick={() => setObjecting('record')} data-testid="objection-record">
                  {t('objection.record')}
                </Button>
              )}
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
            <Progress c={c} words={words} itemLabel={itemLabel} onResolve={mayObject ? (o) => setObjecting(o) : undefined} />
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
      {objecting && (
        <ObjectionForm
          caseNo={c.caseNo}
          resolving={objecting === 'record' ? null : objecting}
          onClose={() => setObjecting(null)}
          onChanged={() => void load()}
          onDone={(fresh) => {
            void message.success(t(objecting === 'record' ? 'objection.recorded' : 'objection.resolved'));
            setObjecting(null);
            setCase(fresh);
          }}
        />
      )}
    </Space>
  );
}

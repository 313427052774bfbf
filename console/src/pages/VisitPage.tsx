/**
 * One household visit on the verifier's phone: who and where, what the application declared (to
 * check against what is seen), the visit day (booked here; the villager is told), the photos taken
 * with the phone's camera — each kept with the case at once — and the visit's result as the
 * verification move's form, in the page (one column, the button under the fields). The whole case
 * is a link away. A case outside my reach is the same "no such case" page as everywhere.
 */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, type ApiError } from '../api/client';
import type { CaseDetail, MoveSchema } from '../api/types';
import { Gallery } from '../case/Gallery';
import { MoveForm } from '../case/MoveForm';
import { useCaseDetail } from '../case/useCaseDetail';
import { dateWithWeekday, yuan } from '../format';
import { DueTag } from '../queue/DueTag';
import { useLoggedIn } from '../session/session';
import { CameraButton } from '../visit/CameraButton';

const VISIT_PHOTO = 'verification_photo';

export function VisitPage() {
  const { caseNo = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { me, workflow } = useLoggedIn();
  const words = workflow.words;
  const { message } = App.useApp();
  const { c, setCase, load, gate } = useCaseDetail(caseNo);
  const [visitDay, setVisitDay] = useState<Dayjs | null>(null);
  const [booking, setBooking] = useState(false);

  if (gate || !c) return gate;

  const visit = workflow.sideActs.visit;
  const inVerification = c.status === visit.status;
  const mayVisit = inVerification && visit.roles.includes(me.cadre.role);
  const move: MoveSchema | undefined = c.allowedMoves
    .map((a) => workflow.moves.find((m) => m.action === a.action && m.from.includes(c.status) && (m.to === a.to || m.to === null)))
    // the move that records what the visit found: the approve out of the visit's status
    .find((m) => m !== undefined && m.action === 'approve' && m.from.includes(visit.status));
  const photos = c.documents.filter((d) => d.kind === VISIT_PHOTO);
  const kindLabel = (kind: string) => t(`kinds.${kind}`, { defaultValue: kind });

  async function book() {
    if (!visitDay) return;
    setBooking(true);
    try {
      const date = visitDay.format('YYYY-MM-DD');
      const res = await api<{ case: CaseDetail }>('POST', `/api/cases/${encodeURIComponent(caseNo)}/visit`, { date });
      setCase(res.case);
      void message.success(t('visit.scheduled', { date: dateWithWeekday(date, i18n.language) }));
    } catch (err) {
      void message.error(t('refusal.other', { message: (err as ApiError).message }));
    } finally {
      setBooking(false);
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="visit-page">
      <Link to="/visits">← {t('visit.back')}</Link>
      <Card size="small">
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Space wrap size={8}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="visit-applicant">
              {c.household.headName ?? c.applicantName ?? '—'}
            </Typography.Title>
            <Tag color="blue" data-testid="case-status">{words.statuses[c.status]?.label ?? c.status}</Tag>
          </Space>
          <Typography.Text>{[c.town?.name, c.village?.name].filter(Boolean).join(' ')} · {words.causes[c.cause] ?? c.cause}</Typography.Text>
          <Space wrap size={8}>
            <Typography.Text type="secondary" data-testid="case-no">{c.caseNo}</Typography.Text>
            <DueTag dueAt={c.dueAt} due={c.due} />
          </Space>
          <Typography.Text data-testid="visit-day">
            {c.visit?.date ? t('visits.visitOn', { date: dateWithWeekday(c.visit.date, i18n.language) }) : t('visits.notScheduled')}
          </Typography.Text>
          <Link to={`/cases/${c.caseNo}`}>{t('visit.fullCase')}</Link>
        </Space>
      </Card>

      <Card size="small" title={t('visit.declared')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('visit.household')}>{t('case.persons', { n: c.figures.householdSize })}</Descriptions.Item>
          <Descriptions.Item label={t('visit.income')}>{yuan(c.figures.annualIncomeFen, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('visit.expense')}>{yuan(c.figures.rigidExpenseFen, i18n.language)}</Descriptions.Item>
        </Descriptions>
      </Card>

      {mayVisit && (
        <Card size="small" title={t('visit.schedule')}>
          <Space.Compact style={{ width: '100%' }}>
            <DatePicker value={visitDay} onChange={setVisitDay} placeholder={t('visit.scheduleDate')} style={{ flex: 1 }} inputReadOnly data-testid="visit-date" />
            <Button onClick={() => void book()} loading={booking} disabled={!visitDay} data-testid="visit-book">
              {t('visit.scheduleSubmit')}
            </Button>
          </Space.Compact>
        </Card>
      )}

      <Card size="small" title={t('visit.photos')} data-testid="visit-photos">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {mayVisit && (
            <>
              <Typography.Text type="secondary">{t('visit.photosHint')}</Typography.Text>
              <CameraButton caseNo={c.caseNo} onUploaded={(doc) => setCase((was) => (was ? { ...was, documents: [...was.documents, doc] } : was))} />
            </>
          )}
          {photos.length > 0 ? <Gallery documents={photos} kindLabel={kindLabel} /> : <Typography.Text type="secondary">{t('visit.noPhotos')}</Typography.Text>}
        </Space>
      </Card>

      <Card size="small" title={t('visit.result')}>
        {move ? (
          <MoveForm
            // the day booked is the visit's day unless the verifier says otherwise (booked later: the form starts again with it)
            key={c.visit?.date ?? 'not-booked'}
            initial={c.visit?.date && 'visitedOn' in (move.data.properties ?? {}) ? { visitedOn: dayjs(c.visit.date) } : undefined}
            inline
            move={move}
            name={words.moves[move.id] ?? move.id}
            c={c}
            words={words}
            onClose={() => {}}
            onChanged={() => void load()}
            onDone={(fresh) => {
              setCase(fresh);
              void message.success(t('visit.done', { status: words.statuses[fresh.status]?.label ?? fresh.status }));
            }}
          />
        ) : c.verification ? (
          // what the visit found, as recorded
          <Descriptions column={1} size="small" data-testid="visit-no-result">
            <Descriptions.Item label={words.fields.verifiedIncomeFen}>{yuan(c.verification.verifiedIncomeFen, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={words.fields.verifiedMembers}>{t('case.persons', { n: c.verification.verifiedMembers })}</Descriptions.Item>
            <Descriptions.Item label={words.fields.verifiedExpenseFen}>{yuan(c.verification.verifiedExpenseFen, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={words.fields.outcome}>{words.outcomes[c.verification.outcome] ?? c.verification.outcome}</Descriptions.Item>
            {c.verification.note && <Descriptions.Item label={t('move.note')}>{c.verification.note}</Descriptions.Item>}
          </Descriptions>
        ) : (
          <Typography.Text type="secondary" data-testid="visit-no-result">
            {inVerification ? t('case.noMoves') : t('visit.notNow')}
          </Typography.Text>
        )}
      </Card>
    </Space>
  );
}

/**
 * One application: where it stands, the steps so far, and — when a cadre returned it for
 * papers — what is missing, a button to photograph and send each, and "all sent" to hand it back.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { LoginPanel } from '../../components/LoginPanel';
import { Photos } from '../../components/Photos';
import { Loading, LoadError, Screen } from '../../components/Screen';
import type { ApiError } from '../../lib/api';
import type { DraftDocument } from '../../lib/form-state';
import { randomKey } from '../../lib/ids';
import { date, dateTime, money } from '../../lib/i18n';
import type { CaseDetail } from '../../lib/types';
import { errorText, sendPhoto } from '../../lib/uploads';
import type { PickedPhoto } from '../../platform/photos';
import { sleep } from '../../platform/sleep';
import { api } from '../../state/store';
import { useApp } from '../../state/use-app';
import { updatesText } from '../../lib/updates';

export default function CasePage() {
  const { t, lang, session, config } = useApp();
  const caseNo = decodeURIComponent(useRouter().params.caseNo ?? '');
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [photos, setPhotos] = useState<DraftDocument[]>([]);
  const photosRef = useRef(photos);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setDocs = (fn: (d: DraftDocument[]) => DraftDocument[]) => {
    photosRef.current = fn(photosRef.current);
    setPhotos(photosRef.current);
  };

  const load = () => {
    if (!session || !caseNo) return;
    setError(null);
    api
      .case(caseNo)
      .then(setDetail)
      .catch((e: ApiError) => (e.status === 404 ? setNotFound(true) : setError(errorText(e, t))));
  };
  useDidShow(load);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [session?.token, lang]);

  async function send(localId: string, fileName?: string) {
    const doc = photosRef.current.find((d) => d.localId === localId);
    if (!doc) return;
    const patch = (p: Partial<DraftDocument>) => setDocs((ds) => ds.map((d) => (d.localId === localId ? { ...d, ...p } : d)));
    patch({ status: 'uploading', progress: 0, error: undefined });
    const out = await sendPhoto(
      async (filePath, onProgress) => {
        await api.supplement(caseNo, filePath, onProgress, fileName);
        return { id: localId, mime: '', size: 0 };
      },
      doc.filePath,
      (p) => patch({ progress: p }),
      sleep,
    );
    if (out.ok) patch({ status: 'done', progress: 100 });
    else patch({ status: 'failed', error: out.error.status === 0 ? 'app.common.offline' : out.error.message || 'app.common.error' });
  }

  function add(picked: PickedPhoto[]) {
    for (const p of picked) {
      const localId = randomKey();
      setDocs((ds) => [...ds, { localId, item: 'supplement', filePath: p.filePath, status: 'uploading', progress: 0 }]);
      void send(localId, p.fileName);
    }
  }

  async function act(what: 'resubmit' | 'withdraw') {
    if (what === 'withdraw') {
      const r = await Taro.showModal({ content: t('app.case.withdraw_confirm'), confirmText: t('app.common.confirm'), cancelText: t('app.common.cancel') });
      if (!r.confirm) return;
    }
    setBusy(true);
    try {
      const next = what === 'resubmit' ? await api.resubmit(caseNo) : await api.withdraw(caseNo);
      setDetail(next);
      setPhotos([]);
      photosRef.current = [];
      setNotice(t(what === 'resubmit' ? 'app.case.resubmit_done' : 'app.case.withdrawn'));
    } catch (e) {
      setNotice(errorText(e as ApiError, t));
      load();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={t('app.case.title')} testId='case'>
      {!session && <LoginPanel />}
      {session && notFound && <View className='card big-text' data-testid='case-not-found'>{t('app.case.not_found')}</View>}
      {session && error && <LoadError message={error} onRetry={load} />}
      {session && !error && !notFound && !detail && <Loading />}
      {detail && (
        <View data-testid='case-detail'>
          <View className='card'>
            <View className='note'>{t('app.cases.number', { caseNo: detail.caseNo })} · {detail.causeLabel}</View>
            <View className='now-line'>
              <Text>{t('app.case.now')}</Text>
              <Text className={`status status-${detail.status}`} data-testid='case-status'>{detail.statusLabel}</Text>
            </View>
            {detail.applicant && <View className='note'>{t('app.case.applicant', { name: detail.applicant.name })}</View>}
            {detail.town && detail.village && <View className='note'>{t('app.case.place', { town: detail.town, village: detail.village })}</View>}
            {detail.approvedAmountFen != null && <View className='big-text'>{t('app.case.approved_amount', { amount: money(lang, detail.approvedAmountFen) })}</View>}
            {detail.paidAt && <View className='note'>{t('app.case.paid_at', { date: date(lang, detail.paidAt) })}</View>}
          </View>
          {notice && <View className='banner' data-testid='case-notice'>{notice}</View>}

          {detail.missing && (
            <View className='card card-notice' data-testid='case-missing'>
              <View className='card-title'>⚠ {t('app.case.missing_title')}</View>
              {detail.missing.items.map((m) => (
                <View key={m} className='big-text'>• {m}</View>
              ))}
              {detail.missing.note && <View className='note'>{t('app.case.missing_note', { note: detail.missing.note })}</View>}
              {detail.canSupplement && <View className='note'>{t('app.case.missing_how')}</View>}
            </View>
          )}
          {detail.canSupplement && (
            <View>
              <Photos
                item='supplement'
                docs={photos}
                addLabel={t('app.case.upload_missing')}
                onAdd={add}
                onRetry={(id) => void send(id)}
                onRemove={(id) => setDocs((ds) => ds.filter((d) => d.localId !== id))}
              />
              <Button
                className='btn btn-primary btn-big'
                data-testid='case-resubmit'
                disabled={(busy || photos.some((p) => p.status === 'uploading')) || undefined}
                onClick={() => void act('resubmit')}
              >
                {t('app.case.resubmit')}
              </Button>
            </View>
          )}

          <View className='card' data-testid='case-timeline'>
            <View className='card-title'>{t('app.case.timeline')}</View>
            <View className='note' data-testid='case-updates'>{updatesText(t, !!config?.smsUpdates && !!detail.textsToPhone, detail.applicant?.phoneTail, 'case')}</View>
            <View className='timeline'>
              {detail.timeline.map((e, i) => (
                <View key={`${e.at}-${i}`} className={`tl-item${i === detail.timeline.length - 1 ? ' tl-now' : ''}`}>
                  <View className='tl-dot' />
                  <View className='tl-body'>
                    <View className='tl-status'>{e.statusLabel}</View>
                    <View className='tl-time'>{dateTime(lang, e.at)}</View>
                    {e.text && e.text !== e.statusLabel && <View className='tl-text'>{e.text}</View>}
                  </View>
                </View>
              ))}
            </View>
          </View>

          {detail.documents.length > 0 && (
            <View className='card' data-testid='case-documents'>
              <View className='card-title'>{t('app.case.documents')}</View>
              {detail.documents.map((d) => (
                <View key={d.id} className='summary-line'>
                  <View className='summary-text'>
                    <Text className='summary-value'>{d.label}</Text>
                    <Text className='summary-label'>{date(lang, d.createdAt)}</Text>
                  </View>
                </View>
              ))}
            </View>
          )}

          {detail.summary.length > 0 && (
            <View className='card'>
              <View className='card-title'>{t('app.case.answers')}</View>
              {detail.summary.map((l, i) => (
                <View key={`${l.label}-${i}`} className='summary-line'>
                  <View className='summary-text'>
                    <Text className='summary-label'>{l.label}</Text>
                    <Text className='summary-value'>{l.value}</Text>
                  </View>
                </View>
              ))}
            </View>
          )}

          {detail.canWithdraw && (
            <Button className='btn btn-danger' data-testid='case-withdraw' disabled={(busy) || undefined} onClick={() => void act('withdraw')}>
              {t('app.case.withdraw')}
            </Button>
          )}
        </View>
      )}
      <Button className='btn btn-secondary' onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/pages/cases/index' }))}>
        {t('app.cases.title')}
      </Button>
    </Screen>
  );
}

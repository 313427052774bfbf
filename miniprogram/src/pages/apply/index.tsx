/**
 * The application, in a few short steps drawn from the server's form definition (a changed
 * question needs no new release). Everything typed is saved on the phone at once; photos are
 * sent as soon as they are taken; the submission carries the draft's Idempotency-Key.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Field } from '../../components/Field';
import { LoginPanel } from '../../components/LoginPanel';
import { Photos } from '../../components/Photos';
import { Loading, LoadError, Screen } from '../../components/Screen';
import { ApiError, withRetry } from '../../lib/api';
import { clearDraft, hasProgress, loadDraft, saveDraft } from '../../lib/drafts';
import {
  addDocument, answersToSend, buildSubmission, checkSection, documentsOf, newDraft, removeDocument, sectionFields,
  setAnswer, stepOfField, updateDocument, uploadsUnfinished, type AnswerValue, type Draft, type Problem,
} from '../../lib/form-state';
import { randomKey } from '../../lib/ids';
import { money, type T } from '../../lib/i18n';
import { yuanToFen } from '../../lib/money';
import { errorText, sendPhoto } from '../../lib/uploads';
import { submitDraft } from '../../lib/submission';
import { CAUSES, type Cause, type CheckResult, type FormDefinition, type SubmitResult } from '../../lib/types';
import type { PickedPhoto } from '../../platform/photos';
import { sleep } from '../../platform/sleep';
import { storage } from '../../platform/storage';
import { isWeapp } from '../../state/login';
import { api, loadConfig } from '../../state/store';
import { useApp } from '../../state/use-app';
import { updatesText } from '../../lib/updates';
import { processWords } from '../../../../flows/workflow/process-words';

const OTHER = 'other';

function initialDraft(params: Record<string, string | undefined>): Draft {
  const now = new Date();
  let d = loadDraft(storage) ?? newDraft(null, randomKey(), now);
  const cause = params.cause as Cause | undefined;
  // A village's QR code opens the form for one cause (and may name the town and village).
  if (cause && CAUSES.includes(cause) && !hasProgress(d)) d = { ...newDraft(cause, d.idempotencyKey, now) };
  if (d.cause && params.town && d.answers.townCode === undefined) d = { ...d, answers: { ...d.answers, townCode: params.town } };
  if (d.cause && params.village && d.answers.villageCode === undefined) d = { ...d, answers: { ...d.answers, villageCode: params.village } };
  // In the browser a photo not yet sent died with the page (blob: URLs do not survive a reload).
  if (process.env.TARO_ENV === 'h5') {
    d = { ...d, documents: d.documents.map((x) => (x.status === 'done' ? x : { ...x, status: 'failed' as const, error: 'app.upload.lost' })) };
  }
  return d;
}

function problemText(t: T, lang: 'zh-CN' | 'en', p: Problem): string {
  const params = { ...p.params };
  if (typeof params.limitFen === 'number') params.limit = money(lang, params.limitFen);
  return t(p.key, params);
}

export default function Apply() {
  const { t, lang, session, config } = useApp();
  const router = useRouter();
  const [draft, setDraftState] = useState<Draft>(() => initialDraft(router.params));
  const draftRef = useRef(draft);
  const [def, setDef] = useState<FormDefinition | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<null | 'checking' | 'submitting'>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [filed, setFiled] = useState<SubmitResult | null>(null);
  const [subscribed, setSubscribed] = useState<null | 'asked' | 'done'>(null);

  /** Change the draft: state, and the phone's storage unless it is only a progress tick. */
  const update = (fn: (d: Draft) => Draft, persist = true) => {
    const next = fn(draftRef.current);
    draftRef.current = next;
    if (persist) saveDraft(storage, next);
    setDraftState(next);
  };

  useEffect(() => {
    void loadConfig();
  }, []);

  // The form definition for the chosen cause, in the villager's language.
  useEffect(() => {
    const cause = draft.cause;
    if (!cause) return;
    let live = true;
    setLoadError(null);
    withRetry(() => api.form(cause), { attempts: 3, delaysMs: [1000, 3000], sleep })
      .then((d) => {
        if (!live) return;
        setDef(d);
        update((x) => ({ ...x, formVersion: d.version, step: Math.min(x.step, d.sections.length - 1) }));
      })
      .catch((e: ApiError) => live && setLoadError(errorText(e, t)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.cause, lang, reload]);

  const sections = def?.sections ?? [];
  const section = sections[Math.min(draft.step, Math.max(0, sections.length - 1))];

  // The summary (and dynamic questions) come from the server's check of the answers.
  const runCheck = async (): Promise<CheckResult | null> => {
    if (!def) return null;
    try {
      const r = await withRetry(() => api.check(def.cause, answersToSend(def, draftRef.current.answers)), { attempts: 2, delaysMs: [1500], sleep });
      setCheck(r);
      return r;
    } catch {
      return null; // offline: the submission is checked anyway
    }
  };

  useEffect(() => {
    if (def && section?.id === 'summary') void runCheck();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [def, section?.id]);

  // A question that quotes earlier answers ("自己付了约28,000元，对吗？") is refreshed as they change.
  const dynamicHere = !!def && !!section && sectionFields(def, section, draft.answers).some((f) => f.dynamic);
  // An amount in words ("两万4") is read by the chat's parser on the server: its "= 24,000元" comes with the check.
  const amountInWords =
    !!def && !!section && sectionFields(def, section, draft.answers).some((f) => f.kind === 'money' && typeof draft.answers[f.name] === 'string' && (draft.answers[f.name] as string).trim() !== '' && yuanToFen(draft.answers[f.name] as string) === null);
  useEffect(() => {
    if (!dynamicHere && !amountInWords) return;
    const id = setTimeout(() => void runCheck(), 600);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dynamicHere, amountInWords, draft.answers]);

  const goTo = (step: number) => {
    update((d) => ({ ...d, step }));
    setBanner(null);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  const scrollToField = (name: string) => {
    void Taro.pageScrollTo({ selector: `#field-${name}`, duration: 200 }).catch(() => undefined);
  };

  function setValue(name: string, value: AnswerValue) {
    if (!def) return;
    update((d) => setAnswer(def, d, name, value, new Date()));
    if (errors[name]) setErrors(({ [name]: _gone, ...rest }) => rest);
  }

  /** Instant checks of one section, shown under the fields. */
  function localProblems(index: number): Record<string, string> {
    if (!def) return {};
    const problems = checkSection(def, def.sections[index], draftRef.current.answers, new Date());
    return Object.fromEntries(Object.entries(problems).map(([k, p]) => [k, problemText(t, lang, p)]));
  }

  async function next() {
    if (!def || !section) return;
    const local = localProblems(draft.step);
    if (Object.keys(local).length) {
      setErrors(local);
      setBanner(t('app.apply.fix_errors', { n: Object.keys(local).length }));
      scrollToField(Object.keys(local)[0]);
      return;
    }
    if (section.fields.length) {
      setBusy('checking');
      const r = await runCheck();
      setBusy(null);
      const names = sectionFields(def, section, draftRef.current.answers).map((f) => f.name);
      const serverErrors = Object.fromEntries(Object.entries(r?.errors ?? {}).filter(([k]) => names.includes(k)));
      if (Object.keys(serverErrors).length) {
        setErrors(serverErrors);
        setBanner(t('app.apply.fix_errors', { n: Object.keys(serverErrors).length }));
        scrollToField(Object.keys(serverErrors)[0]);
        return;
      }
    }
    setErrors({});
    goTo(draft.step + 1);
  }

  // ---- photos ----

  async function send(localId: string, fileName?: string) {
    const doc = draftRef.current.documents.find((d) => d.localId === localId);
    if (!doc) return;
    update((d) => updateDocument(d, localId, { status: 'uploading', progress: 0, error: undefined }, new Date()));
    const out = await sendPhoto(
      (filePath, onProgress) => api.upload(filePath, onProgress, fileName),
      doc.filePath,
      (p) => update((d) => updateDocument(d, localId, { progress: p }, new Date()), false),
      sleep,
    );
    if (out.ok) update((d) => updateDocument(d, localId, { status: 'done', progress: 100, uploadId: out.upload.id }, new Date()));
    else update((d) => updateDocument(d, localId, { status: 'failed', progress: 0, error: out.error.status === 0 ? 'app.common.offline' : out.error.message || 'app.common.error' }, new Date()));
  }

  function addPhotos(item: string, photos: PickedPhoto[]) {
    for (const p of photos) {
      const localId = randomKey();
      update((d) => addDocument(d, { localId, item, filePath: p.filePath }, new Date()));
      void send(localId, p.fileName);
    }
  }

  function removePhoto(localId: string) {
    const doc = draftRef.current.documents.find((d) => d.localId === localId);
    if (doc?.uploadId) void api.deleteUpload(doc.uploadId).catch(() => undefined);
    update((d) => removeDocument(d, localId, new Date()));
  }

  // ---- submit ----

  async function submit() {
    if (!def || busy) return;
    if (!session) {
      setBanner(t('app.apply.login_needed'));
      return;
    }
    const unfinished = uploadsUnfinished(draftRef.current);
    if (unfinished) {
      setBanner(t('app.apply.uploads_unfinished', { n: unfinished }));
      return;
    }
    for (let i = 0; i < def.sections.length; i++) {
      const local = localProblems(i);
      if (Object.keys(local).length) {
        goTo(i);
        setErrors(local);
        setBanner(t('app.apply.fix_errors', { n: Object.keys(local).length }));
        return;
      }
    }
    setBusy('submitting');
    setBanner(null);
    const out = await submitDraft(draftRef.current, buildSubmission(def, draftRef.current, lang), {
      api,
      save: (d) => {
        draftRef.current = d;
        saveDraft(storage, d);
      },
      newKey: randomKey,
      sleep,
    });
    setBusy(null);
    if (out.ok) {
      clearDraft(storage);
      const fresh = newDraft(null, randomKey(), new Date());
      draftRef.current = fresh;
      setDraftState(fresh);
      setFiled(out.result);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
      return;
    }
    update(() => out.draft);
    const err = out.error;
    if (err.transient) {
      setBanner(t('app.apply.offline_saved'));
    } else if (err.fields || err.field) {
      const fields = err.fields ?? { [err.field as string]: err.message };
      setErrors(fields);
      const first = err.field ?? Object.keys(fields)[0];
      const step = stepOfField(def, first);
      if (step >= 0) goTo(step);
      setBanner(err.message || t('app.apply.fix_errors', { n: Object.keys(fields).length }));
    } else {
      setBanner(err.status === 401 ? t('app.apply.login_needed') : errorText(err, t));
    }
  }

  function restart() {
    void Taro.showModal({ content: t('app.apply.restart_confirm'), confirmText: t('app.common.confirm'), cancelText: t('app.common.cancel') }).then((r) => {
      if (!r.confirm) return;
      for (const d of draftRef.current.documents) if (d.uploadId) void api.deleteUpload(d.uploadId).catch(() => undefined);
      clearDraft(storage);
      const fresh = newDraft(null, randomKey(), new Date());
      draftRef.current = fresh;
      setDraftState(fresh);
      setDef(null);
      setErrors({});
      setCheck(null);
      setBanner(null);
    });
  }

  async function subscribe() {
    const id = config?.subscribeTemplateId;
    if (!id || !filed) return;
    try {
      const r = await Taro.requestSubscribeMessage({ tmplIds: [id], entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option);
      if ((r as unknown as Record<string, string>)[id] === 'accept') await api.subscribe(id, filed.case.caseNo);
    } catch {
      // declined or unsupported: the chat still tells them
    }
    setSubscribed('done');
  }

  const title = def?.title ?? t('app.apply.title');

  // ---- filed ----
  if (filed) {
    return (
      <Screen title={t('app.apply.title')} testId='apply-filed'>
        <View className='card card-success' data-testid='filed'>
          {filed.duplicate ? (
            <View className='big-text'>{t('app.apply.duplicate', { caseNo: filed.case.caseNo })}</View>
          ) : (
            <View className='big-text'>{t('outcome.case_filed', { caseNo: filed.case.caseNo })}</View>
          )}
          <View className='case-no' data-testid='filed-case-no'>{filed.case.caseNo}</View>
          <View className='note'>{t('app.apply.next_steps', processWords(t, config?.totalLimit))}</View>
          <View className='note' data-testid='filed-updates'>{updatesText(t, !!config?.smsUpdates && filed.case.textsToPhone === true, filed.case.applicant?.phoneTail, 'apply')}</View>
        </View>
        {isWeapp && config?.subscribeTemplateId && subscribed !== 'done' && (
          <View className='card'>
            <View className='big-text'>{t('app.apply.subscribe_ask')}</View>
            <Button className='btn btn-primary' onClick={subscribe}>{t('app.apply.subscribe_yes')}</Button>
            <Button className='btn btn-plain' onClick={() => setSubscribed('done')}>{t('app.apply.subscribe_no')}</Button>
          </View>
        )}
        <Button className='btn btn-primary' data-testid='view-cases' onClick={() => void Taro.redirectTo({ url: '/pages/cases/index' })}>
          {t('app.apply.view_cases')}
        </Button>
      </Screen>
    );
  }

  // ---- which hardship ----
  if (!draft.cause) {
    return (
      <Screen title={t('app.apply.title')} testId='apply-cause'>
        <View className='big-text'>{t('apply.cause.ask')}</View>
        {CAUSES.map((c) => (
          <Button key={c} className='btn btn-choice' data-testid={`cause-${c}`} onClick={() => update((d) => ({ ...d, cause: c, step: 0 }))}>
            {t(`apply.cause.option_${c}`)}
          </Button>
        ))}
      </Screen>
    );
  }

  if (!def || !section) {
    return (
      <Screen title={title} testId='apply-loading'>
        {loadError ? <LoadError message={loadError} onRetry={() => setReload((n) => n + 1)} /> : <Loading />}
      </Screen>
    );
  }

  const isLast = section.id === 'summary';
  const visible = sectionFields(def, section, draft.answers);

  return (
    <Screen title={title} testId={`apply-step-${section.id}`}>
      <View className='steps' data-testid='apply-progress'>
        <Text className='step-count'>{t('app.apply.step', { n: draft.step + 1, total: sections.length })}</Text>
        <View className='step-dots'>
          {sections.map((s, i) => (
            <View key={s.id} className={`dot${i < draft.step ? ' dot-done' : i === draft.step ? ' dot-now' : ''}`} />
          ))}
        </View>
      </View>
      <View className='section-title'>{section.title}</View>
      {draft.step === 0 && def.intro && <View className='note'>{def.intro}</View>}
      {banner && <View className='banner' data-testid='apply-banner'>{banner}</View>}

      {visible.map((f) => (
        <Field
          key={f.name}
          field={f}
          answers={draft.answers}
          question={check?.questions?.[f.name]}
          understood={check?.amounts?.[f.name]}
          error={errors[f.name]}
          onChange={(v) => setValue(f.name, v)}
        />
      ))}

      {section.id === 'documents' && (
        <View>
          {!session && <LoginPanel phone={typeof draft.answers.phone === 'string' ? draft.answers.phone : undefined} reason={t('app.apply.login_needed')} />}
          {session && (
            <View>
              {def.documentsNote && <View className='note'>{def.documentsNote}</View>}
              {errors.documents && <View className='error-text'>{errors.documents}</View>}
              {def.documents.map((c) => (
                <Photos
                  key={c.item}
                  item={c.item}
                  label={c.label}
                  docs={documentsOf(draft, c.item)}
                  onAdd={(p) => addPhotos(c.item, p)}
                  onRetry={(id) => void send(id)}
                  onRemove={removePhoto}
                />
              ))}
              <Photos
                item={OTHER}
                label={t('app.upload.other')}
                docs={documentsOf(draft, OTHER)}
                onAdd={(p) => addPhotos(OTHER, p)}
                onRetry={(id) => void send(id)}
                onRemove={removePhoto}
              />
            </View>
          )}
        </View>
      )}

      {isLast && (
        <Summary
          def={def}
          draft={draft}
          check={check}
          onEdit={(name) => {
            const s = stepOfField(def, name);
            if (s >= 0) goTo(s);
          }}
        />
      )}
      {isLast && !session && <LoginPanel phone={typeof draft.answers.phone === 'string' ? draft.answers.phone : undefined} reason={t('app.apply.login_needed')} />}

      {/*
        No `loading` on these buttons: Taro's h5 button then inserts its spinner before the text React
        manages, into a host whose children React has just replaced — "insertBefore: not a child"
        in the console on every check and submit. The words say it instead ("正在提交…").
      */}
      <View className='nav-buttons'>
        {isLast ? (
          <Button className='btn btn-primary btn-big' data-testid='apply-submit' disabled={(busy !== null) || undefined} onClick={submit}>
            {busy === 'submitting' ? t('app.apply.submitting') : t('app.apply.submit')}
          </Button>
        ) : (
          <Button className='btn btn-primary btn-big' data-testid='apply-next' disabled={(busy !== null) || undefined} onClick={next}>
            {busy === 'checking' ? t('app.apply.checking') : t('app.apply.next')}
          </Button>
        )}
        {draft.step > 0 ? (
          <Button className='btn btn-secondary' data-testid='apply-prev' disabled={(busy !== null) || undefined} onClick={() => goTo(draft.step - 1)}>
            {t('app.apply.prev')}
          </Button>
        ) : (
          <Button className='btn btn-secondary' data-testid='apply-change-cause' onClick={() => update((d) => ({ ...d, cause: null }))}>
            {t('apply.cause.label')}：{def.causes.find((c) => c.value === def.cause)?.label ?? ''}
          </Button>
        )}
      </View>
      <View className='note'>{t('app.apply.saved')}</View>
      <Button className='btn btn-plain' data-testid='apply-restart' onClick={restart}>{t('app.apply.restart')}</Button>
    </Screen>
  );
}

function Summary(props: { def: FormDefinition; draft: Draft; check: CheckResult | null; onEdit: (name: string) => void }) {
  const { t } = useApp();
  const { def, draft, check } = props;
  const lines = check?.summary ?? [];
  const photos = def.documents.map((c) => ({ label: c.label, n: documentsOf(draft, c.item).length }));
  const others = documentsOf(draft, OTHER).length;
  return (
    <View data-testid='summary'>
      <View className='note'>{t('app.apply.summary_intro')}</View>
      {!check && <Loading />}
      {check && check.missing.length > 0 && (
        <View className='banner'>
          {check.missing.map((name) => (
            <View key={name} className='summary-line' onClick={() => props.onEdit(name)}>
              <Text className='error-text'>{def.fields.find((f) => f.name === name)?.label ?? name}：{t('app.form.required')}</Text>
            </View>
          ))}
        </View>
      )}
      <View className='card'>
        {lines.map((l, i) => (
          <View key={`${l.name ?? l.label}-${i}`} className='summary-line' data-testid={`summary-${l.name ?? i}`}>
            <View className='summary-text'>
              <Text className='summary-label'>{l.label}</Text>
              <Text className='summary-value'>{l.value}</Text>
            </View>
            {l.name && stepOfField(def, l.name) >= 0 && (
              <Button className='btn btn-small btn-plain edit-btn' onClick={() => props.onEdit(l.name as string)}>{t('app.apply.edit')}</Button>
            )}
          </View>
        ))}
        {photos.map((p) => (
          <View key={p.label} className='summary-line'>
            <View className='summary-text'>
              <Text className='summary-label'>{p.label}</Text>
              <Text className='summary-value'>{p.n ? t('docs.display_count', { n: p.n }) : t('docs.display_skipped')}</Text>
            </View>
            <Button className='btn btn-small btn-plain edit-btn' onClick={() => props.onEdit('documents')}>{t('app.apply.edit')}</Button>
          </View>
        ))}
        {others > 0 && (
          <View className='summary-line'>
            <Text className='summary-value'>{t('summary.other_documents', { n: others })}</Text>
          </View>
        )}
      </View>
      {check && check.precheck.length > 0 && (
        <View className='card' data-testid='precheck'>
          <View className='card-title'>{t('precheck.title')}</View>
          {check.precheck.map((line, i) => (
            <View key={i} className='note'>{line}</View>
          ))}
        </View>
      )}
    </View>
  );
}


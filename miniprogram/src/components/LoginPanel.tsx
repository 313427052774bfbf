/**
 * Confirming who the villager is. In WeChat with an AppID configured: one tap (Taro.login).
 * Otherwise (h5, development): phone number + a one-time code, sent by text message to that phone
 * when the server has an SMS provider, else by the chat bot to the household's WeChat.
 */
import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ApiError } from '../lib/api';
import { errorText } from '../lib/uploads';
import { isWeapp, loginWithWechat } from '../state/login';
import { api, appStore, loadConfig } from '../state/store';
import { useApp } from '../state/use-app';
import { parsePhone } from '../../../flows/parse/phone';

export function LoginPanel(props: { phone?: string; reason?: string; onDone?: () => void }) {
  const { t, config } = useApp();
  const [phone, setPhone] = useState(props.phone ?? '');
  const [code, setCode] = useState('');
  const [sentAt, setSentAt] = useState<number | null>(null);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void loadConfig();
  }, []);

  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);

  const wechat = isWeapp && !!config?.wechatLogin;

  async function viaWechat() {
    setBusy(true);
    setError(null);
    try {
      await loginWithWechat();
      props.onDone?.();
    } catch (e) {
      setError(e instanceof ApiError ? errorText(e, t) : t('app.login.wechat_failed'));
    } finally {
      setBusy(false);
    }
  }

  async function sendCode() {
    const p = parsePhone(phone);
    if (!p.ok) {
      setError(t(`parse.${p.reason}`));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.requestOtp(p.value);
      setPhone(p.value);
      setSentAt(Date.now());
      setWait(r.resendAfterSeconds);
      setMessage(r.sentBy === 'sms' ? t('app.login.code_sent_sms', { tail: p.value.slice(-4) }) : t('app.login.code_sent'));
    } catch (e) {
      const err = e as ApiError;
      if (err.retryAfter) setWait(err.retryAfter);
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  async function verify() {
    if (!/^\d{6}$/.test(code.trim())) {
      setError(t('app.login.code_invalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      appStore.setSession(await api.verifyOtp(phone, code.trim()));
      props.onDone?.();
    } catch (e) {
      setError(errorText(e as ApiError, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='card login' data-testid='login'>
      <View className='card-title'>{t('app.login.title')}</View>
      <View className='note'>{props.reason ?? t('app.login.why')}</View>
      {wechat ? (
        <Button className='btn btn-primary' data-testid='login-wechat' disabled={(busy) || undefined} onClick={viaWechat}>
          {busy ? t('app.login.wechat') : t('app.login.submit')}
        </Button>
      ) : (
        <View>
          <View className='label'>{t('app.login.phone_label')}</View>
          <Input
            className='input'
            data-testid='login-phone'
            type='number'
            maxlength={13}
            value={phone}
            placeholder={t('app.login.phone_placeholder')}
            onInput={(e) => setPhone(e.detail.value)}
          />
          <Button className='btn btn-secondary' data-testid='login-send-code' disabled={(busy || wait > 0) || undefined} onClick={sendCode}>
            {wait > 0 ? t('app.login.resend_in', { s: wait }) : t('app.login.send_code')}
          </Button>
          {sentAt !== null && (
            <View>
              <View className='label'>{t('app.login.code_label')}</View>
              <Input
                className='input input-code'
                data-testid='login-code'
                type='number'
                maxlength={6}
                value={code}
                placeholder={t('app.login.code_placeholder')}
                onInput={(e) => setCode(e.detail.value)}
              />
              <Button className='btn btn-primary' data-testid='login-submit' disabled={(busy) || undefined} onClick={verify}>
                {t('app.login.submit')}
              </Button>
            </View>
          )}
        </View>
      )}
      {message && !error && <View className='ok-text' data-testid='login-message'>{message}</View>}
      {error && <Text className='error-text' data-testid='login-error'>{error}</Text>}
    </View>
  );
}

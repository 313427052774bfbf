/** Signing in inside WeChat: Taro.login's code → the server's code2session exchange. */
import Taro from '@tarojs/taro';
import { ApiError } from '../lib/api';
import type { Session } from '../lib/types';
import { api, appStore } from './store';

export async function loginWithWechat(): Promise<Session> {
  for (let attempt = 1; ; attempt++) {
    const { code } = await Taro.login();
    try {
      const session = await api.wechatLogin(code);
      appStore.setSession(session);
      return session;
    } catch (e) {
      // A code is good once and for five minutes: one fresh try.
      if (e instanceof ApiError && e.code === 'wechat_code_invalid' && attempt < 2) continue;
      throw e;
    }
  }
}

export const isWeapp = process.env.TARO_ENV === 'weapp';

/** Local storage of the phone: wx storage in WeChat, localStorage in the browser (Taro maps both). */
import Taro from '@tarojs/taro';
import type { KeyValueStore } from '../lib/drafts';

export const storage: KeyValueStore = {
  get(key) {
    try {
      const v: unknown = Taro.getStorageSync(key);
      return typeof v === 'string' && v !== '' ? v : null;
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      Taro.setStorageSync(key, value);
    } catch {
      // Storage full or unavailable (private browsing): the page still works, the draft is just not kept.
    }
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // as above
    }
  },
};

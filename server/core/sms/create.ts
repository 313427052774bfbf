/** The configured provider (null: SMS_PROVIDER=off). */
import type { Logger } from '../../log';
import type { SmsSettings } from './config';
import { FakeSmsSender } from './fake';
import type { SmsSender } from './sender';
import { TencentSmsSender } from './tencent';

export function createSmsSender(settings: SmsSettings, log: Logger): SmsSender | null {
  switch (settings.provider) {
    case 'off':
      return null;
    case 'fake':
      return new FakeSmsSender(log);
    case 'tencent':
      return new TencentSmsSender(settings.tencent);
  }
}

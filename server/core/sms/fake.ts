/**
 * The SMS provider of tests and development: nothing leaves the machine. Each message is kept in
 * `sent` (tests read it) and logged with the phone's last four digits and the template only — never
 * its parameters: a login code is one.
 */
import type { Logger } from '../../log';
import type { SmsSender } from './sender';
import { nowOf } from '../clock';

export type RecordedSms = { phone: string; templateId: string; params: string[]; at: Date };

export class FakeSmsSender implements SmsSender {
  readonly sent: RecordedSms[] = [];

  constructor(private readonly log?: Logger) {}

  async send(phone: string, templateId: string, params: string[]): Promise<void> {
    this.sent.push({ phone, templateId, params, at: nowOf() });
    this.log?.info('text message (SMS_PROVIDER=fake: recorded, not sent)', { phoneTail: phone.slice(-4), templateId });
  }
}

/**
 * Text messages to a villager's phone, through a provider (Tencent Cloud SMS in production, a
 * fake that only records them in tests and development). A provider sends a template it has
 * approved, filled with ordered parameters: the words live with the provider, their meaning in
 * templates.ts.
 */
export interface SmsSender {
  /** `phone`: an 11-digit mainland mobile number; `params`: the template's variables in order ({1}, {2} …). */
  send(phone: string, templateId: string, params: string[]): Promise<void>;
}

/** A send that failed. `final`: the provider refused it (wrong template, bad number): trying again will not help. */
export class SmsError extends Error {
  constructor(
    message: string,
    readonly final: boolean,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}

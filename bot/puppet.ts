/**
 * Which WeChat the bot talks to, from WECHATY_PUPPET. Unset → the offline mock (wechaty itself
 * would fall back to wechat4u, so the default must be explicit); set → that puppet package,
 * loaded by name because production puppets are installed only where they are used.
 */
import { qrcodeValueToImageUrl } from 'wechaty';
import { helpers, types, type impls } from 'wechaty-puppet';
import { mock, PuppetMock } from 'wechaty-puppet-mock';

export interface PuppetChoice {
  puppet: impls.PuppetInterface;
  /** Only for the mock: drives the simulator and tests. */
  mocker?: mock.Mocker;
}

/** The account the mock logs in as. */
export const MOCK_BOT = { id: 'mock-bot', name: '防贫助手' };

export async function createPuppet(env: NodeJS.ProcessEnv = process.env): Promise<PuppetChoice> {
  const name = env['WECHATY_PUPPET'];
  if (!name || name === 'wechaty-puppet-mock') {
    const mocker = new mock.Mocker();
    mocker.use(loginAs(MOCK_BOT));
    return { puppet: new PuppetMock({ mocker }), mocker };
  }

  try {
    require.resolve(name);
  } catch {
    throw new Error(`WECHATY_PUPPET=${name}, but that package is not installed. Run: npm install ${name}`);
  }
  const token = env['WECHATY_PUPPET_SERVICE_TOKEN'];
  if (name === 'wechaty-puppet-service' && !token) {
    throw new Error('WECHATY_PUPPET=wechaty-puppet-service needs WECHATY_PUPPET_SERVICE_TOKEN');
  }
  // the puppets read the rest of their settings (authority, app id/secret …) from env themselves
  const puppet = await helpers.resolvePuppet({
    puppet: name as `wechaty-puppet-${string}`,
    puppetOptions: name === 'wechaty-puppet-service' ? { token } : {},
  });
  puppet.on('scan', ({ qrcode, status }) => {
    if (qrcode && (status === types.ScanStatus.Waiting || status === types.ScanStatus.Timeout)) void printQrCode(qrcode);
  });
  return { puppet };
}

/** A mock environment: no QR code to scan, the bot account logs in as soon as the puppet starts. */
function loginAs(account: { id: string; name: string }): mock.EnvironmentMock {
  return (mocker) => {
    let user;
    try {
      user = mocker.ContactMock.load(account.id);
    } catch {
      user = mocker.createContact(account);
    }
    mocker.login(user);
    return () => undefined;
  };
}

async function printQrCode(value: string): Promise<void> {
  console.info(`[bot] scan to log in: ${value}\n[bot] as an image: ${qrcodeValueToImageUrl(value)}`);
  try {
    // `qrcode` comes with file-box; optional, since the URL above is enough to log in
    const qr = require('qrcode') as { toString(text: string, o: object): Promise<string> };
    console.info(await qr.toString(value, { type: 'terminal', small: true }));
  } catch {
    // no ASCII rendering available: the URLs above will do
  }
}

/**
 * What may run where. The development conveniences — the demo county with printed passwords,
 * login codes in the log, the browser simulator that shows anyone any villager's chat — are
 * refused at start with NODE_ENV=production, and the simulator also whenever the server listens
 * beyond this machine. Each refusal names the variable to set, so a deployment is fixed in one
 * go rather than found out later.
 */
export type ProfileEnv = {
  NODE_ENV?: string;
  HOST: string;
  SIMULATOR?: 'on' | 'off';
  WECHATY_PUPPET?: string;
  SEED_DEMO: 'auto' | 'always' | 'never';
  DEV_OTP_LOG?: '0' | '1';
  ADMIN_TOKEN?: string;
  BOT_TOKEN?: string;
  FANGPIN_DATA_KEY?: string;
  FANGPIN_DATA_KEY_FILE?: string;
};

/** Shared secrets this short can be guessed or were typed by hand ("change-me"). */
export const MIN_PRODUCTION_SECRET_LENGTH = 32;

/** The one test for the production profile, everywhere: "Production", " production " count too (a typo must not give the development profile). */
export const isProduction = (env: { NODE_ENV?: string }): boolean => env.NODE_ENV?.trim().toLowerCase() === 'production';

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

export const usesMockPuppet = (env: { WECHATY_PUPPET?: string }): boolean => !env.WECHATY_PUPPET || env.WECHATY_PUPPET === 'wechaty-puppet-mock';

/** Mount /simulator? On only for the embedded development start unless SIMULATOR says otherwise. */
export function simulatorWanted(env: ProfileEnv): boolean {
  if (env.SIMULATOR) return env.SIMULATOR === 'on';
  return !isProduction(env) && isLoopback(env.HOST) && usesMockPuppet(env);
}

/** Every reason this configuration must not start; empty when it may. */
export function profileRefusals(env: ProfileEnv): string[] {
  const refusals: string[] = [];
  const prod = isProduction(env);
  if (env.SIMULATOR === 'on') {
    if (prod) refusals.push('SIMULATOR=on is refused with NODE_ENV=production: the simulator shows any villager\'s chat to whoever opens it. Unset SIMULATOR or set SIMULATOR=off.');
    else if (!isLoopback(env.HOST)) refusals.push(`SIMULATOR=on is refused with HOST=${env.HOST}: the simulator may only listen on a loopback address. Set HOST=127.0.0.1, or SIMULATOR=off.`);
    if (!usesMockPuppet(env)) refusals.push(`SIMULATOR=on needs the mock WeChat, but WECHATY_PUPPET=${env.WECHATY_PUPPET}. Unset SIMULATOR or WECHATY_PUPPET.`);
  }
  if (!prod) return refusals;
  if (env.SEED_DEMO === 'always') refusals.push('SEED_DEMO=always is refused with NODE_ENV=production: the demo county prints its passwords. Set SEED_DEMO=never (or leave it unset).');
  if (env.DEV_OTP_LOG === '1') refusals.push('DEV_OTP_LOG=1 is refused with NODE_ENV=production: login codes would be written to the log. Unset DEV_OTP_LOG or set DEV_OTP_LOG=0.');
  if (env.ADMIN_TOKEN !== undefined && env.ADMIN_TOKEN.length < MIN_PRODUCTION_SECRET_LENGTH)
    refusals.push(`ADMIN_TOKEN is too short for NODE_ENV=production: set ADMIN_TOKEN to at least ${MIN_PRODUCTION_SECRET_LENGTH} random characters (e.g. \`openssl rand -hex 32\`), or unset it.`);
  if (env.BOT_TOKEN !== undefined && env.BOT_TOKEN.length < MIN_PRODUCTION_SECRET_LENGTH)
    refusals.push(`BOT_TOKEN is too short for NODE_ENV=production: set BOT_TOKEN to at least ${MIN_PRODUCTION_SECRET_LENGTH} random characters (e.g. \`openssl rand -hex 32\`).`);
  // server/core/crypto/keyring-source.ts refuses too; named here so that one start lists everything to set
  if (!env.FANGPIN_DATA_KEY && !env.FANGPIN_DATA_KEY_FILE)
    refusals.push('FANGPIN_DATA_KEY (or FANGPIN_DATA_KEY_FILE) is required with NODE_ENV=production: the key that encrypts personal data (see the README, "Production").');
  return refusals;
}

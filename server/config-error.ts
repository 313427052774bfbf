/** A setting the server cannot start with (server/config.ts, the keyring's source): the start says it and stops. Its own file so that config.ts and what it reads (core/crypto/keyring-source.ts) need not import each other. */
export class ConfigError extends Error {}

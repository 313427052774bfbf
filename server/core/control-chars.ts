/**
 * Which characters no text we keep may hold (see server/http/control-chars.ts for why and where
 * the boundary refuses them): pure, so the core strips them from what it stores (file names) and
 * the HTTP layer refuses them in bodies, queries and paths by the same rule.
 */

/**
 * C0 controls except \t \n \r, DEL, C1 controls, bidi overrides and isolates, and a surrogate
 * that is not half of a pair.
 */
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const CONTROL = new RegExp(CONTROL_ALL.source);

export function hasControlChars(s: string): boolean {
  return CONTROL.test(s);
}

/** For display names and topics that come from WeChat, and file names: drop the controls, keep the rest. */
export function stripControlChars(s: string): string {
  return s.replace(CONTROL_ALL, '');
}


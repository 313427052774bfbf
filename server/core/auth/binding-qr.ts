/**
 * A binding code as a cadre uses it: the message to send the bot in a private chat ("绑定
 * 1234567890", read by flows/cadre/commands.ts parseBindingCommand), and that message as a QR code
 * (an SVG data URL) the console shows — scanned with WeChat's own scanner it shows the text, to
 * copy and send to the bot. There is no WeChat deep link that opens a chat with a prefilled text,
 * so the text is the most a QR can carry. The code lives only in this answer (a slow hash is stored).
 */
import QRCode from 'qrcode';

export function bindingMessage(code: string): string {
  return `绑定 ${code}`;
}

/** The message, @-mentioning the bot in a village's or town's work group, that binds the group (flows/cadre/commands.ts BIND_ROOM). */
export function roomBindingMessage(code: string): string {
  return `绑定群 ${code}`;
}

export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

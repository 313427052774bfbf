/**
 * A file the server streams (the 台账 export, the register's): fetched with the session's cookie,
 * saved under the name the server gives (Content-Disposition), or the server's refusal thrown as
 * an Error with its message.
 */

/** The file's name from Content-Disposition (RFC 5987 filename*, else filename). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** Downloads `url` and saves it; resolves to the file's name. */
export async function downloadFile(url: string, lang: string, fallback: string): Promise<string> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { 'accept-language': lang } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(body.error?.message ?? res.statusText);
  }
  const name = fileNameOf(res.headers.get('content-disposition'), fallback);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

/**
 * "拍照": the phone's camera (an <input type="file" accept="image/*" capture="environment">, the
 * back camera where there is one; a file chooser on a desk), each photo sent at once to
 * POST /api/cases/:caseNo/visit/photos and kept with the case as a visit document. A phone's
 * photo (12 megapixels, several MB) is scaled down to MAX_EDGE first: a village's mobile signal
 * carries it in seconds, and the papers stay readable.
 */
import { useRef, useState } from 'react';
import { App, Button } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import type { CaseDocument } from '../api/types';

/** The longest side of a photo as sent, in pixels. */
const MAX_EDGE = 2048;
/** A photo smaller than this, in both bytes and pixels, is sent as taken. */
const SEND_AS_IS_BYTES = 1_500_000;

/** The photo as sent: scaled to MAX_EDGE as a JPEG, or as taken when small (or not readable here — the server says why). */
async function shrink(file: File): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.size <= SEND_AS_IS_BYTES) {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob ?? file), 'image/jpeg', 0.85));
}

/** The multipart body of one photo, scaled as sent. */
export async function photoForm(file: File): Promise<FormData> {
  const body = new FormData();
  const photo = await shrink(file);
  body.append('file', photo, photo === file ? file.name : file.name.replace(/\.\w+$/, '') + '.jpg');
  return body;
}

export function CameraButton({ caseNo, onUploaded }: { caseNo: string; onUploaded: (doc: CaseDocument) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function send(files: FileList) {
    setBusy(true);
    try {
      for (const file of Array.from(files)) {
        const body = await photoForm(file);
        try {
          const res = await api<{ document: CaseDocument }>('POST', `/api/cases/${encodeURIComponent(caseNo)}/visit/photos`, body);
          onUploaded(res.document);
          void message.success(t('visit.uploaded'));
        } catch (err) {
          void message.error(t('visit.uploadFailed', { message: (err as ApiError).message }));
        }
      }
    } finally {
      setBusy(false);
      // the same photo may be chosen again after a failure
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        onChange={(e) => e.target.files?.length && void send(e.target.files)}
        data-testid="visit-camera"
      />
      <Button type="primary" size="large" block icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="visit-take-photo">
        {busy ? t('visit.uploading') : t('visit.takePhoto')}
      </Button>
    </>
  );
}

/**
 * Getting photos of papers small enough to send over a village connection: WeChat's own
 * compression (chooseMedia's "compressed", then compressImage for big ones); in the browser a
 * canvas re-encodes to JPEG at most 1600 px on the long side.
 */
import Taro from '@tarojs/taro';

export interface PickedPhoto {
  filePath: string;
  fileName?: string;
}

const BIG_BYTES = 1024 * 1024;
const MAX_SIDE = 1600;

/** WeChat: camera or album, several at once. An empty list when the villager cancels. */
export async function choosePhotosWeapp(count = 9): Promise<PickedPhoto[]> {
  let res: Taro.chooseMedia.SuccessCallbackResult;
  try {
    res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
  } catch {
    return []; // cancelled
  }
  const out: PickedPhoto[] = [];
  for (const f of res.tempFiles) {
    let filePath = f.tempFilePath;
    if (f.size > BIG_BYTES) {
      try {
        filePath = (await Taro.compressImage({ src: filePath, quality: 70 })).tempFilePath;
      } catch {
        // keep the original: the server takes up to maxUploadBytes
      }
    }
    out.push({ filePath });
  }
  return out;
}

/** Browser: a File from <input type=file> → a blob: URL of a smaller JPEG (PDFs and small images as they are). */
export async function compressFileH5(file: File): Promise<PickedPhoto> {
  const original = { filePath: URL.createObjectURL(file), fileName: file.name };
  if (!file.type.startsWith('image/') || file.type === 'image/gif' || file.size <= BIG_BYTES / 2) return original;
  try {
    const img = await loadImage(original.filePath);
    const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return original;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.75));
    if (!blob || blob.size >= file.size) return original;
    URL.revokeObjectURL(original.filePath);
    return { filePath: URL.createObjectURL(blob), fileName: file.name.replace(/\.[^.]*$/, '') + '.jpg' };
  } catch {
    return original; // a format the browser cannot draw (HEIC): send it as it is
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = src;
  });
}

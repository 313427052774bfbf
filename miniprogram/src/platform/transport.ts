/**
 * HTTP for the API client. WeChat: Taro.request and Taro.uploadFile (with progress). Browser:
 * Taro.request (fetch), and XMLHttpRequest for uploads, the one browser API that reports
 * upload progress.
 */
import Taro from '@tarojs/taro';
import type { HttpResponse, Transport, UploadRequest } from '../lib/api';

const TIMEOUT_MS = 20000;
const UPLOAD_TIMEOUT_MS = 120000;

function lowerHeaders(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (h && typeof h === 'object') for (const [k, v] of Object.entries(h as Record<string, unknown>)) out[k.toLowerCase()] = String(v);
  return out;
}

async function request(req: Parameters<Transport['request']>[0]): Promise<HttpResponse> {
  const res = await Taro.request({
    url: req.url,
    method: req.method,
    header: req.headers,
    data: req.body as Record<string, unknown> | undefined,
    timeout: TIMEOUT_MS,
    dataType: 'json',
  });
  return { status: res.statusCode, headers: lowerHeaders(res.header), data: res.data };
}

function uploadWeapp(req: UploadRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: req.url,
      filePath: req.filePath,
      name: 'file',
      header: req.headers,
      timeout: UPLOAD_TIMEOUT_MS,
      success: (res) => resolve({ status: res.statusCode, headers: {}, data: res.data }),
      fail: (err) => reject(err),
    });
    task?.onProgressUpdate?.((p) => req.onProgress?.(p.progress));
  });
}

async function uploadH5(req: UploadRequest): Promise<HttpResponse> {
  const blob = await (await fetch(req.filePath)).blob();
  const form = new FormData();
  form.append('file', blob, req.fileName ?? (blob.type === 'application/pdf' ? 'document.pdf' : 'photo.jpg'));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', req.url);
    for (const [k, v] of Object.entries(req.headers)) xhr.setRequestHeader(k, v);
    xhr.timeout = UPLOAD_TIMEOUT_MS;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) req.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const headers: Record<string, string> = {};
      const retry = xhr.getResponseHeader('retry-after');
      if (retry) headers['retry-after'] = retry;
      resolve({ status: xhr.status, headers, data: xhr.responseText });
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.ontimeout = () => reject(new Error('timeout'));
    xhr.send(form);
  });
}

export const transport: Transport = {
  request,
  upload: process.env.TARO_ENV === 'h5' ? uploadH5 : uploadWeapp,
};

/** Pieces the county office's pages share: region choices from the session, who may change things, an error said in a message. */
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import type { Region } from '../api/types';
import { useLoggedIn } from '../session/session';

/** The caller's regions as options ("青山镇 / 柳树村"), county first. */
export function regionOptions(regions: Region[], levels?: Region['level'][]): { value: string; label: string }[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const path = (r: Region): string => {
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    return parent && parent.level !== 'county' ? `${path(parent)} / ${r.name}` : r.name;
  };
  return regions.filter((r) => !levels || levels.includes(r.level)).map((r) => ({ value: r.code, label: path(r) }));
}

/** The auditor reads everything and changes nothing. */
export function useReadOnly(): boolean {
  return useLoggedIn().me.cadre.role === 'auditor';
}

/** "Not done: …" for a refused call, the server's message naming the field. */
export function useFailure(): (err: unknown) => void {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (err) => {
    const e = err as ApiError;
    void message.error(t('admin.common.error', { message: e.field ? `${e.field}: ${e.message}` : e.message }));
  };
}

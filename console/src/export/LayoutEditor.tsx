/**
 * The export layout editor: a county layout's name, its rows (a row per case or per household),
 * and its columns — fields from the server's catalogue (GET /api/export/fields, the one list the
 * layouts are made of), in order, each with its header, format (money, dates) and masking (ID
 * number, phone). Saves a copy (POST) or the county layout itself (PUT); the server checks it again.
 */
import { useState } from 'react';
import { Alert, Button, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import type { ExportLayout, FieldInfo, LayoutColumn } from './types';

type Draft = { id: string | null; name: string; kind: ExportLayout['kind']; columns: LayoutColumn[]; copiedFrom: string | null };

export function draftOf(layout: ExportLayout, copyName: string | null): Draft {
  return copyName !== null
    ? { id: null, name: copyName, kind: layout.kind, columns: layout.columns.map((c) => ({ ...c })), copiedFrom: layout.id }
    : { id: layout.id, name: layout.name, kind: layout.kind, columns: layout.columns.map((c) => ({ ...c })), copiedFrom: layout.copiedFrom ?? null };
}

export function LayoutEditor({ draft: initial, fields, onClose, onSaved }: { draft: Draft; fields: FieldInfo[]; onClose: () => void; onSaved: (layout: ExportLayout) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const byKey = new Map(fields.map((f) => [f.key, f]));

  const setColumn = (i: number, change: Partial<LayoutColumn>) => setDraft((d) => ({ ...d, columns: d.columns.map((c, j) => (j === i ? { ...c, ...change } : c)) }));
  const move = (i: number, by: -1 | 1) =>
    setDraft((d) => {
      const columns = [...d.columns];
      const [c] = columns.splice(i, 1);
      columns.splice(i + by, 0, c!);
      return { ...d, columns };
    });
  const remove = (i: number) => setDraft((d) => ({ ...d, columns: d.columns.filter((_c, j) => j !== i) }));
  const add = (key: string) => {
    const f = byKey.get(key);
    if (!f) return;
    const column: LayoutColumn = { field: key, header: null, ...(f.defaultFormat ? { format: f.defaultFormat } : {}), ...(f.defaultMask ? { mask: f.defaultMask as LayoutColumn['mask'] } : {}) };
    setDraft((d) => ({ ...d, columns: [...d.columns, column] }));
  };

  const save = async () => {
    if (!draft.name.trim()) return setError(t('export.editor.needName'));
    if (draft.columns.length === 0) return setError(t('export.editor.needColumn'));
    setSaving(true);
    setError(null);
    const body = { name: draft.name.trim(), kind: draft.kind, columns: draft.columns.map((c) => ({ field: c.field, header: c.header?.trim() ? c.header.trim() : null, ...(c.format ? { format: c.format } : {}), ...(c.mask ? { mask: c.mask } : {}) })) };
    try {
      const saved = draft.id
        ? await api<ExportLayout>('PUT', `/api/export/layouts/${draft.id}`, body)
        : await api<ExportLayout>('POST', '/api/export/layouts', { ...body, ...(draft.copiedFrom ? { copiedFrom: draft.copiedFrom } : {}) });
      onSaved(saved);
    } catch (err) {
      const e = err as ApiError;
      setError(e.field ? `${e.field}: ${e.message}` : e.message);
    } finally {
      setSaving(false);
    }
  };

  const columns = [
    { title: t('export.editor.order'), key: 'order', width: 60, render: (_: unknown, _c: LayoutColumn, i: number) => i + 1 },
    { title: t('export.editor.field'), dataIndex: 'field', render: (key: string) => byKey.get(key)?.label ?? key },
    {
      title: t('export.editor.header'),
      key: 'header',
      render: (_: unknown, c: LayoutColumn, i: number) => (
        <Input size="small" value={c.header ?? ''} placeholder={byKey.get(c.field)?.label ?? t('export.editor.headerDefault')} maxLength={60} onChange={(e) => setColumn(i, { header: e.target.value })} data-testid={`col-header-${i}`} />
      ),
    },
    {
      title: t('export.editor.formatCol'),
      key: 'format',
      render: (_: unknown, c: LayoutColumn, i: number) => {
        const f = byKey.get(c.field);
        if (f?.formats.length) return <Select size="small" value={c.format} onChange={(v) => setColumn(i, { format: v })} options={f.formats.map((o) => ({ value: o.id, label: o.label }))} style={{ width: 200 }} />;
        if (f?.masks.length)
          return <Select size="small" value={c.mask} onChange={(v) => setColumn(i, { mask: v })} options={f.masks.map((o) => ({ value: o.id, label: o.label }))} style={{ width: 200 }} data-testid={`col-mask-${i}`} />;
        return null;
      },
    },
    {
      title: '',
      key: 'actions',
      width: 190,
      render: (_: unknown, _c: LayoutColumn, i: number) => (
        <Space size={4}>
          <Button size="small" disabled={i === 0} onClick={() => move(i, -1)}>{t('export.editor.up')}</Button>
          <Button size="small" disabled={i === draft.columns.length - 1} onClick={() => move(i, 1)}>{t('export.editor.down')}</Button>
          <Button size="small" danger onClick={() => remove(i)} data-testid={`col-remove-${i}`}>{t('export.editor.remove')}</Button>
        </Space>
      ),
    },
  ];

  const unused = fields.filter((f) => !draft.columns.some((c) => c.field === f.key));
  return (
    <Modal
      open
      width={920}
      title={draft.id ? t('export.editor.titleEdit') : t('export.editor.titleNew')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('export.editor.cancel')}</Button>,
        <Button key="save" type="primary" loading={saving} onClick={() => void save()} data-testid="layout-save">{t('export.editor.save')}</Button>,
      ]}
      data-testid="layout-editor"
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('export.editor.name')}</span>
        <Input value={draft.name} maxLength={60} onChange={(e) => setDraft({ ...draft, name: e.target.value })} style={{ width: 280 }} data-testid="layout-name" />
        <span>{t('export.editor.kind')}</span>
        <Select value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} options={(['cases', 'households'] as const).map((k) => ({ value: k, label: t(`export.kind.${k}`) }))} style={{ width: 240 }} />
      </Space>
      {draft.columns.some((c) => c.mask === 'full') && <Alert type="warning" title={t('export.editor.fullNeedsReveal')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} data-testid="layout-error" />}
      <Table<LayoutColumn> rowKey={(c) => c.field} size="small" pagination={false} columns={columns} dataSource={draft.columns} scroll={{ y: 420 }} />
      <Space style={{ marginTop: 12 }}>
        <Typography.Text>{t('export.editor.add')}</Typography.Text>
        <Select showSearch optionFilterProp="label" value={null} placeholder={t('export.editor.add')} onChange={(v: string | null) => v && add(v)} options={unused.map((f) => ({ value: f.key, label: f.label }))} style={{ width: 260 }} data-testid="layout-add" />
      </Space>
    </Modal>
  );
}

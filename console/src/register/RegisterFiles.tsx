/**
 * 监测户台账's files: the list as it is filtered, exported in one of the 台账 layouts (GET
 * /api/register/export, XLSX or CSV, the same layouts as 台账导出), and a county's existing
 * register imported from a spreadsheet (POST /api/register/imports) with its report — counts, and
 * the rows not imported by row, column and reason (never a value).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Collapse, Descriptions, Form, Input, Modal, Select, Space, Table, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, query, type ApiError } from '../api/client';
import { useFailure } from '../admin/common';
import { downloadFile } from '../export/download';
import type { LayoutsResponse } from '../export/types';
import { DEFAULT_HEADERS, IMPORT_FIELDS, type ColumnMapping, type ImportProblem } from '../../../flows/register/import-columns';

// the server's MAY lists (server/core/auth/permissions.ts): exportLedger ∩ readRegister, and keepRegister
const EXPORTS = ['county', 'town', 'village', 'auditor'];
const IMPORTS = ['county', 'town', 'village'];

export type RegisterImportReport = {
  rows: number;
  imported: number;
  updated: number;
  skipped: number;
  refused: number;
  duplicates: number;
  membersAdded: number;
  monitoringSet: number;
  risksAdded: number;
  mapping: ColumnMapping;
  problems: ImportProblem[];
};

export function RegisterFiles({ role, filters, onImported }: { role: string; filters: Record<string, string | undefined>; onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const [toast, toastHolder] = message.useMessage();
  const [layouts, setLayouts] = useState<LayoutsResponse['layouts']>([]);
  const [layout, setLayout] = useState('national');
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [importing, setImporting] = useState(false);
  const mayExport = EXPORTS.includes(role);

  useEffect(() => {
    if (!mayExport) return;
    let live = true;
    api<LayoutsResponse>('GET', '/api/export/layouts').then(
      (r) => live && setLayouts(r.layouts),
      (err: ApiError) => live && void toast.error(t('error.load', { message: err.message })),
    );
    return () => {
      live = false;
    };
  }, [mayExport, i18n.language, t, toast]);

  const download = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    try {
      const name = await downloadFile(`/api/register/export${query({ ...filters, layout, format, lang: i18n.language })}`, i18n.language, `register.${format}`);
      void toast.success(t('registerFiles.export.done', { name }));
    } catch (err) {
      void toast.error(t('registerFiles.export.failed', { message: (err as Error).message }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {toastHolder}
      <Space wrap style={{ marginBottom: 12 }}>
        {mayExport && (
          <>
            <span>{t('registerFiles.export.layout')}</span>
            <Select style={{ minWidth: 200 }} value={layout} onChange={setLayout} options={layouts.map((l) => ({ value: l.id, label: l.name }))} data-testid="register-export-layout" />
            <Button loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void download('xlsx')} data-testid="register-export-xlsx">
              {t('registerFiles.export.xlsx')}
            </Button>
            <Button loading={busy === 'csv'} disabled={busy !== null} onClick={() => void download('csv')} data-testid="register-export-csv">
              {t('registerFiles.export.csv')}
            </Button>
          </>
        )}
        {IMPORTS.includes(role) && (
          <Button type="primary" onClick={() => setImporting(true)} data-testid="register-import-open">
            {t('registerFiles.import.open')}
          </Button>
        )}
      </Space>
      {mayExport && <Typography.Paragraph type="secondary">{t('registerFiles.export.hint')}</Typography.Paragraph>}
      <Modal open={importing} title={t('registerFiles.import.title')} footer={null} width={860} onCancel={() => setImporting(false)} destroyOnHidden>
        <ImportForm onImported={onImported} />
      </Modal>
    </>
  );
}

function ImportForm({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<RegisterImportReport | null>(null);
  const fieldName = (f: string) => t(`registerFiles.import.field_names.${f}`, { defaultValue: f });

  const upload = () => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    const given = Object.fromEntries(Object.entries(mapping).filter(([, h]) => h && h.trim()));
    if (Object.keys(given).length) form.append('columns', JSON.stringify(given));
    setBusy(true);
    setReport(null);
    api<RegisterImportReport>('POST', '/api/register/imports', form)
      .then((r) => {
        setReport(r);
        onImported();
      }, fail)
      .finally(() => setBusy(false));
  };

  const counts = ['rows', 'imported', 'updated', 'skipped', 'refused', 'duplicates', 'membersAdded', 'monitoringSet', 'risksAdded'] as const;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('registerFiles.import.hint')}</Typography.Paragraph>
      <Space wrap>
        <input type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-label={t('registerFiles.import.chooseFile')} data-testid="register-import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} style={{ maxWidth: '100%' }} />
        <Button type="primary" disabled={!file} loading={busy} onClick={upload} data-testid="register-import-upload">
          {busy ? t('registerFiles.import.uploading') : t('registerFiles.import.upload')}
        </Button>
      </Space>
      <Collapse
        style={{ marginTop: 12 }}
        size="small"
        items={[
          {
            key: 'mapping',
            label: t('registerFiles.import.mapping'),
            children: (
              <Form layout="horizontal" labelCol={{ span: 8 }} size="small">
                {IMPORT_FIELDS.map((f) => (
                  <Form.Item key={f} label={fieldName(f)} style={{ marginBottom: 6 }}>
                    <Input
                      value={mapping[f] ?? ''}
                      maxLength={100}
                      placeholder={t('registerFiles.import.mappingPlaceholder', { headers: DEFAULT_HEADERS[f].join(' / ') })}
                      onChange={(e) => setMapping((m) => ({ ...m, [f]: e.target.value }))}
                      data-testid={`register-import-map-${f}`}
                    />
                  </Form.Item>
                ))}
              </Form>
            ),
          },
        ]}
      />
      {report && (
        <div data-testid="register-import-result" style={{ marginTop: 12 }}>
          {report.refused > 0 && <Alert type="warning" showIcon message={t('registerFiles.import.problems')} style={{ marginBottom: 8 }} />}
          <Descriptions size="small" bordered column={{ xs: 1, sm: 4 }} title={t('registerFiles.import.result')}>
            {counts.map((k) => (
              <Descriptions.Item key={k} label={t(`registerFiles.import.${k}`)}>
                <span data-testid={`register-import-${k}`}>{report[k]}</span>
              </Descriptions.Item>
            ))}
          </Descriptions>
          {report.problems.length > 0 && (
            <Table
              style={{ marginTop: 8 }}
              size="small"
              rowKey={(p) => `${p.row}:${p.field}`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: true }}
              dataSource={report.problems}
              data-testid="register-import-problems"
              columns={[
                { title: t('registerFiles.import.row'), dataIndex: 'row', key: 'row' },
                { title: t('registerFiles.import.field'), key: 'field', render: (_: unknown, p: ImportProblem) => fieldName(p.field) },
                { title: t('registerFiles.import.reason'), key: 'reason', render: (_: unknown, p: ImportProblem) => t(`registerFiles.import.problem.${p.code}`, { defaultValue: p.code }) },
              ]}
            />
          )}
        </div>
      )}
    </>
  );
}

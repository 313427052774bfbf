/**
 * 部门数据 (/departments, the county office; the auditor reads): each department of the county — its
 * column mapping, its alert rules (lines in yuan, kept in fen by the API), its push token (issued
 * here, shown once), and "导入文件": an XLSX or CSV uploaded to POST /api/departments/:code/imports,
 * with the report (rows, matched, bad rows by row number and why, alerts raised).
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useFailure } from '../admin/common';
import { ALERT_CAUSES, RULE_KINDS, WORDINGS, mayConfigureDepartments, mayImportDepartmentData, type Department, type DepartmentCode, type ImportReport, type Rule } from '../alerts/types';
import { chinaDateTime } from '../format';
import { useLoggedIn } from '../session/session';

export function DepartmentsPage() {
  const { t } = useTranslation();
  const fail = useFailure();
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const load = useCallback(() => {
    api<{ departments: Department[] }>('GET', '/api/departments').then((r) => setDepartments(r.departments), fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(load, [load]);
  const replace = (d: Department) => setDepartments((all) => all?.map((x) => (x.code === d.code ? d : x)) ?? null);

  return (
    <Card title={t('monitor.departments.title')} data-testid="departments-page">
      <Typography.Paragraph type="secondary">{t('monitor.departments.hint')}</Typography.Paragraph>
      {!departments ? (
        <Spin />
      ) : (
        <Tabs
          data-testid="department-tabs"
          items={departments.map((d) => ({
            key: d.code,
            label: <span data-testid={`department-tab-${d.code}`}>{t(`monitor.department.${d.code}`)}</span>,
            children: <DepartmentPanel department={d} onChange={replace} reload={load} />,
          }))}
        />
      )}
    </Card>
  );
}

function DepartmentPanel({ department: d, onChange, reload }: { department: Department; onChange: (d: Department) => void; reload: () => void }) {
  const { t } = useTranslation();
  const { me } = useLoggedIn();
  const canEdit = mayConfigureDepartments(me.cadre.role);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid={`department-${d.code}`}>
      {mayImportDepartmentData(me.cadre.role) && <ImportCard code={d.code} onImported={reload} />}
      <ColumnsCard department={d} canEdit={canEdit} onChange={onChange} />
      <RulesCard department={d} canEdit={canEdit} onChange={onChange} />
      <TokenCard department={d} canEdit={canEdit} onIssued={reload} />
      <Card size="small" title={t('monitor.departments.recent')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={d.imports}
          columns={[
            { title: t('monitor.departments.at'), key: 'at', render: (_: unknown, i: Department['imports'][number]) => chinaDateTime(i.at) },
            { title: t('monitor.departments.source'), key: 'source', render: (_: unknown, i: Department['imports'][number]) => t(`monitor.departments.sources.${i.source}`, { defaultValue: i.source }) },
            { title: t('monitor.departments.rows'), dataIndex: 'rows', key: 'rows' },
            { title: t('monitor.departments.matched'), dataIndex: 'matched', key: 'matched' },
            { title: t('monitor.departments.invalid'), dataIndex: 'invalid', key: 'invalid' },
            { title: t('monitor.departments.alertsRaised'), dataIndex: 'alertsRaised', key: 'alertsRaised' },
          ]}
        />
      </Card>
    </Space>
  );
}

/** The file: chosen, uploaded as multipart, its report shown. */
function ImportCard({ code, onImported }: { code: DepartmentCode; onImported: () => void }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const upload = () => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setBusy(true);
    setReport(null);
    api<ImportReport>('POST', `/api/departments/${code}/imports`, form)
      .then((r) => {
        setReport(r);
        onImported();
      }, fail)
      .finally(() => setBusy(false));
  };
  return (
    <Card size="small" title={t('monitor.departments.import')}>
      <Typography.Paragraph type="secondary">{t('monitor.departments.importHint')}</Typography.Paragraph>
      <Space wrap>
        <input type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-label={t('monitor.departments.chooseFile')} data-testid="import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} style={{ maxWidth: '100%' }} />
        <Button type="primary" disabled={!file} loading={busy} onClick={upload} data-testid="import-upload">
          {busy ? t('monitor.departments.uploading') : t('monitor.departments.upload')}
        </Button>
      </Space>
      {report && (
        <div data-testid="import-result" style={{ marginTop: 12 }}>
          {report.repeated && <Alert type="info" showIcon message={t('monitor.departments.repeated')} style={{ marginBottom: 8 }} data-testid="import-repeated" />}
          <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }} title={t('monitor.departments.result')}>
            <Descriptions.Item label={t('monitor.departments.rows')}><span data-testid="import-rows">{report.rows}</span></Descriptions.Item>
            <Descriptions.Item label={t('monitor.departments.matched')}><span data-testid="import-matched">{report.matched}</span></Descriptions.Item>
            <Descriptions.Item label={t('monitor.departments.alertsRaised')}><span data-testid="import-alerts">{report.alertsRaised}</span></Descriptions.Item>
            <Descriptions.Item label={t('monitor.departments.invalid')}><span data-testid="import-invalid">{report.invalid}</span></Descriptions.Item>
            <Descriptions.Item label={t('monitor.departments.alreadySeen')}>{report.alreadySeen}</Descriptions.Item>
            <Descriptions.Item label={t('monitor.departments.deduplicated')}>{report.deduplicated}</Descriptions.Item>
          </Descriptions>
          {report.problems.length > 0 && (
            <Table
              style={{ marginTop: 8 }}
              size="small"
              title={() => t('monitor.departments.problems')}
              rowKey={(p) => `${p.rowKey}:${p.field}`}
              pagination={false}
              scroll={{ x: true }}
              dataSource={report.problems}
              data-testid="import-problems"
              columns={[
                { title: t('monitor.departments.rowKey'), dataIndex: 'rowKey', key: 'rowKey' },
                { title: t('monitor.departments.field'), key: 'field', render: (_: unknown, p: ImportReport['problems'][number]) => t(`monitor.figure.${p.field}`, { defaultValue: p.field }) },
                { title: t('monitor.departments.reason'), dataIndex: 'reason', key: 'reason' },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}

function ColumnsCard({ department: d, canEdit, onChange }: { department: Department; canEdit: boolean; onChange: (d: Department) => void }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const [form] = Form.useForm<Record<string, string>>();
  const [saving, setSaving] = useState(false);
  const save = (columns: Record<string, string>) => {
    setSaving(true);
    api<Department>('PUT', `/api/departments/${d.code}`, { columns })
      .then(onChange, fail)
      .finally(() => setSaving(false));
  };
  return (
    <Card size="small" title={t('monitor.departments.columns')}>
      <Typography.Paragraph type="secondary">{t('monitor.departments.columnsHint')}</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={d.columns} onFinish={save} disabled={!canEdit} data-testid="columns-form">
        {Object.keys(d.fields).map((field) => (
          <Form.Item key={field} name={field} label={t(`monitor.figure.${field}`, { defaultValue: field })} rules={[{ required: true, whitespace: true }]} style={{ marginBottom: 8 }}>
            <Input style={{ width: 160 }} maxLength={100} />
          </Form.Item>
        ))}
        {canEdit && (
          <Form.Item style={{ marginBottom: 8 }}>
            <Button htmlType="submit" loading={saving} data-testid="columns-save">
              {t('monitor.departments.saveColumns')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}

/** A rule as the form holds it: the lines in yuan. */
type RuleForm = { kind: Rule['kind']; figure?: string; lineSpecialYuan?: number | null; lineOtherYuan?: number | null; cause: string; wording: string };
const toYuan = (fen: number | null) => (fen === null ? null : fen / 100);
const toFen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? undefined : Math.round(yuan * 100));

function RulesCard({ department: d, canEdit, onChange }: { department: Department; canEdit: boolean; onChange: (d: Department) => void }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const [form] = Form.useForm<{ rules: RuleForm[] }>();
  const [saving, setSaving] = useState(false);
  const initial: RuleForm[] = d.rules.map((r) => ({ kind: r.kind, figure: r.figure ?? undefined, lineSpecialYuan: toYuan(r.lineSpecialFen), lineOtherYuan: toYuan(r.lineOtherFen), cause: r.cause, wording: r.wording }));
  useEffect(() => form.setFieldsValue({ rules: initial }), [d]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = ({ rules }: { rules?: RuleForm[] }) => {
    setSaving(true);
    const body = (rules ?? []).map((r) => ({
      kind: r.kind,
      ...(r.kind !== 'listed' && r.figure ? { figure: r.figure } : {}),
      ...(r.kind === 'threshold' && toFen(r.lineSpecialYuan) !== undefined ? { lineSpecialFen: toFen(r.lineSpecialYuan) } : {}),
      ...(r.kind === 'threshold' && toFen(r.lineOtherYuan) !== undefined ? { lineOtherFen: toFen(r.lineOtherYuan) } : {}),
      cause: r.cause,
      wording: r.wording,
    }));
    api<Department>('PUT', `/api/departments/${d.code}`, { rules: body })
      .then(onChange, fail)
      .finally(() => setSaving(false));
  };
  const figures = (kind: Rule['kind']) => Object.entries(d.fields).filter(([, k]) => (kind === 'threshold' ? k === 'money' : kind === 'lost' ? k === 'flag' : false)).map(([f]) => ({ value: f, label: t(`monitor.figure.${f}`, { defaultValue: f }) }));
  return (
    <Card size="small" title={t('monitor.departments.rules')}>
      <Typography.Paragraph type="secondary">{t('monitor.departments.rulesHint')}</Typography.Paragraph>
      <Form form={form} initialValues={{ rules: initial }} onFinish={save} disabled={!canEdit} data-testid="rules-form">
        <Form.List name="rules">
          {(items, { add, remove }) => (
            <>
              {items.length === 0 && <Typography.Paragraph type="secondary">{t('monitor.departments.noRules')}</Typography.Paragraph>}
              {items.map(({ key, name }) => (
                <Space key={key} wrap align="start" style={{ display: 'flex', marginBottom: 8 }} data-testid={`rule-${name}`}>
                  <Form.Item name={[name, 'kind']} label={t('monitor.departments.kind')} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                    <Select style={{ width: 150 }} options={RULE_KINDS.map((k) => ({ value: k, label: t(`monitor.departments.kinds.${k}`) }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const kind = form.getFieldValue(['rules', name, 'kind']) as Rule['kind'] | undefined;
                      if (!kind || kind === 'listed') return null;
                      return (
                        <>
                          <Form.Item name={[name, 'figure']} label={t('monitor.departments.figureOf')} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                            <Select style={{ width: 150 }} options={figures(kind)} />
                          </Form.Item>
                          {kind === 'threshold' && (
                            <>
                              <Form.Item name={[name, 'lineSpecialYuan']} label={t('monitor.departments.lineSpecial')} style={{ marginBottom: 0 }}>
                                <InputNumber min={0} precision={2} style={{ width: 120 }} data-testid="rule-lineSpecial" />
                              </Form.Item>
                              <Form.Item name={[name, 'lineOtherYuan']} label={t('monitor.departments.lineOther')} style={{ marginBottom: 0 }}>
                                <InputNumber min={0} precision={2} style={{ width: 120 }} data-testid="rule-lineOther" />
                              </Form.Item>
                            </>
                          )}
                        </>
                      );
                    }}
                  </Form.Item>
                  <Form.Item name={[name, 'cause']} label={t('monitor.departments.causeOf')} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                    <Select style={{ width: 150 }} options={ALERT_CAUSES.map((c) => ({ value: c, label: t(`monitor.cause.${c}`) }))} />
                  </Form.Item>
                  <Form.Item name={[name, 'wording']} label={t('monitor.departments.wording')} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                    <Select style={{ width: 150 }} options={WORDINGS.map((w) => ({ value: w, label: t(`monitor.departments.wordings.${w}`) }))} />
                  </Form.Item>
                  {canEdit && (
                    <Button danger size="small" onClick={() => remove(name)}>
                      {t('monitor.departments.removeRule')}
                    </Button>
                  )}
                </Space>
              ))}
              {canEdit && (
                <Space wrap>
                  <Button onClick={() => add({ kind: 'threshold', cause: 'illness', wording: 'medical_costs' })} data-testid="rule-add">
                    {t('monitor.departments.addRule')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={saving} data-testid="rules-save">
                    {t('monitor.departments.saveRules')}
                  </Button>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
      {d.rules.length > 0 && (
        <Space wrap style={{ marginTop: 8 }} data-testid="rules-in-force">
          {d.rules.map((r) => (
            <Tag key={r.id ?? `${r.kind}-${r.figure}`}>
              {t(`monitor.departments.kinds.${r.kind}`)}
              {r.figure ? ` · ${t(`monitor.figure.${r.figure}`, { defaultValue: r.figure })}` : ''}
              {r.lineSpecialFen !== null ? ` · ${t('monitor.departments.lineSpecial')} ${toYuan(r.lineSpecialFen)}` : ''}
              {r.lineOtherFen !== null ? ` · ${t('monitor.departments.lineOther')} ${toYuan(r.lineOtherFen)}` : ''}
              {` · ${t(`monitor.cause.${r.cause}`, { defaultValue: r.cause })}`}
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  );
}

function TokenCard({ department: d, canEdit, onIssued }: { department: Department; canEdit: boolean; onIssued: () => void }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const [token, setToken] = useState<string | null>(null);
  const issue = () =>
    api<{ token: string }>('POST', `/api/departments/${d.code}/token`).then((r) => {
      setToken(r.token);
      onIssued();
    }, fail);
  return (
    <Card size="small" title={t('monitor.departments.token')}>
      <Space wrap>
        <Tag color={d.pushToken ? 'green' : undefined} data-testid="token-state">
          {d.pushToken ? t('monitor.departments.tokenIssued') : t('monitor.departments.tokenNone')}
        </Tag>
        {canEdit && (
          <Popconfirm title={t('monitor.departments.issueConfirm')} onConfirm={() => void issue()} disabled={!d.pushToken}>
            <Button onClick={d.pushToken ? undefined : () => void issue()} data-testid="token-issue">
              {t('monitor.departments.issueToken')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {token && (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          message={t('monitor.departments.tokenOnce')}
          description={
            <Typography.Text code copyable data-testid="token-value" style={{ wordBreak: 'break-all' }}>
              {token}
            </Typography.Text>
          }
        />
      )}
    </Card>
  );
}

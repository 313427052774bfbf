/**
 * The case's documents as a gallery: thumbnails that open a viewer with zoom and rotate (Ant
 * Design's preview), and a download link — all from the entitled endpoint /api/documents/:id,
 * which the session cookie opens (never a public URL; each look is in the access audit).
 */
import { Card, Empty, Image, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDocument } from '../api/types';
import { chinaDateTime } from '../format';

export function Gallery({ documents, kindLabel }: { documents: CaseDocument[]; kindLabel: (kind: string) => string }) {
  const { t } = useTranslation();
  if (documents.length === 0) return <Empty description={t('case.noDocuments')} />;
  const images = documents.filter((d) => d.mime.startsWith('image/'));
  const others = documents.filter((d) => !d.mime.startsWith('image/'));
  return (
    <div data-testid="gallery">
      <Image.PreviewGroup>
        <Space wrap size={12} align="start">
          {images.map((d) => (
            <Card key={d.id} size="small" style={{ width: 176 }} styles={{ body: { padding: 8 } }}>
              <Image src={d.url} width={158} height={158} style={{ objectFit: 'cover', background: '#fafafa' }} alt={kindLabel(d.kind)} data-testid="document-image" />
              <Typography.Text style={{ display: 'block', marginTop: 4 }} ellipsis>
                {kindLabel(d.kind)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {chinaDateTime(d.createdAt)} ·{' '}
                <a href={d.url} download={d.fileName ?? d.id} data-testid="document-download">
                  {t('case.download')}
                </a>
              </Typography.Text>
            </Card>
          ))}
        </Space>
      </Image.PreviewGroup>
      {others.map((d) => (
        <div key={d.id} style={{ marginTop: 8 }}>
          {kindLabel(d.kind)} — {t('case.notImage', { mime: d.mime })} ·{' '}
          <a href={d.url} download={d.fileName ?? d.id}>
            {t('case.download')}
          </a>
        </div>
      ))}
    </div>
  );
}

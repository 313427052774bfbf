/** A case (or page) that does not exist for the caller: outside the region reads exactly as a wrong number. */
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('case.notFound')}
      subTitle={t('case.notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('case.back')}</Button>
        </Link>
      }
      data-testid="not-found"
    />
  );
}

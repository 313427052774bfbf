/** A case's marks beside its status: 绿色通道, 身份待核实 / 已核实, 代录 (with who entered it, on the case page). */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../api/types';

export function Flags({ c }: { c: Pick<CaseSummary, 'greenChannel' | 'identity' | 'entered' | 'enteredBy'> }) {
  const { t } = useTranslation();
  return (
    <>
      {c.greenChannel && <Tag color="green">{t('flags.green')}</Tag>}
      {c.identity?.check === 'pending' && <Tag color="volcano">{t('flags.identityPending')}</Tag>}
      {c.identity?.check === 'confirmed' && <Tag>{t('flags.identityConfirmed')}</Tag>}
      {(c.entered || c.enteredBy) && (
        <Tag color="purple" data-testid="flag-entered">
          {c.enteredBy?.name ? t('entry.flagBy', { name: c.enteredBy.name }) : t('entry.flag')}
        </Tag>
      )}
    </>
  );
}

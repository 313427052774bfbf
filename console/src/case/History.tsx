/** The timeline: who did what, when, with their note. */
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseEvent, Workflow } from '../api/types';
import { chinaDateTime } from '../format';

export function History({ events, words }: { events: CaseEvent[]; words: Workflow['words'] }) {
  const { t } = useTranslation();
  const what = (e: CaseEvent) => {
    // a filing is named after the status it enters
    if (words.statuses[e.type]) return words.statuses[e.type]!.label;
    if (e.to && e.from !== e.to) return `${words.actions[e.type] ?? words.statuses[e.type]?.label ?? e.type} → ${words.statuses[e.to]?.label ?? e.to}`;
    return words.events[e.type] ?? words.actions[e.type] ?? words.statuses[e.type]?.label ?? e.type;
  };
  const who = (e: CaseEvent) => (e.actorType === 'cadre' ? (e.actorName ?? '') : e.actorType === 'villager' ? t('case.villager') : t('case.system'));
  return (
    <Timeline
      data-testid="timeline"
      items={[...events].reverse().map((e) => ({
        content: (
          <div>
            <Typography.Text strong>{what(e)}</Typography.Text>
            <Typography.Text type="secondary"> · {chinaDateTime(e.at)} · {who(e)}</Typography.Text>
            {e.note && <div data-testid="event-note">{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}

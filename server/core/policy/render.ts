/** Filling an article's or an answer's placeholders outside a conversation (the API, the mini-program). */
import type { Lang } from '../../../flows';
import type { RenderScope } from '../../../flows/faq';
import type { RegionTree } from '../regions/tree';
import type { WorkflowSettings } from '../workflow/perform';
import { limitsOf } from './knowledge';

export function renderScope(tree: RegionTree, workflow: WorkflowSettings, lang: Lang, now: Date, villageCode?: string): RenderScope {
  return {
    lang,
    now,
    ...(villageCode ? { villageCode } : {}),
    towns: tree.towns(),
    incomeLineFen: (code, year) => tree.incomeLineFen(code, year),
    limits: limitsOf(workflow),
    publicityMinDays: workflow.publicityMinDays,
  };
}

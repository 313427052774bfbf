/**
 * The documents checklist per cause. Each item is one documents step (send photos, "好了",
 * or "跳过"); its id is the document kind the server records.
 */
import type { DocumentsStep } from '../engine/flow';
import type { Cause } from '../engine/types';

export interface ChecklistItem {
  id: string;
  /** i18n key of the item's name. */
  label: string;
}

export const CHECKLIST: Record<Cause, ChecklistItem[]> = {
  illness: [
    { id: 'hospital_bill', label: 'docs.item.hospital_bill' },
    { id: 'discharge_summary', label: 'docs.item.discharge_summary' },
  ],
  disaster: [{ id: 'damage_photos', label: 'docs.item.damage_photos' }],
  education: [
    { id: 'enrollment_proof', label: 'docs.item.enrollment_proof' },
    { id: 'fee_receipt', label: 'docs.item.fee_receipt' },
  ],
};

export const documentSteps: DocumentsStep[] = (Object.entries(CHECKLIST) as [Cause, ChecklistItem[]][]).flatMap(
  ([cause, items]) =>
    items.map(
      (item, i): DocumentsStep => ({
        kind: 'documents',
        id: `doc_${item.id}`,
        field: `doc_${item.id}`,
        item: item.id,
        itemLabel: item.label,
        label: item.label,
        // the consents after the documents are in this group too
        group: 'papers',
        // "修改 材料" opens the first item; later items are edited by their own names.
        editWords: i === 0 ? ['材料', '照片', '图片', '证明', 'documents', 'photos', 'papers'] : undefined,
        showIf: { field: 'cause', equals: cause },
      }),
    ),
);

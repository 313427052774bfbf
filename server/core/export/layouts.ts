/**
 * Export layouts: which columns a 台账 has, in which order, under which headers, in which formats,
 * with which ID masking. Three are built in (defined here, once, read-only — a county copies one
 * and edits the copy): the national 防止返贫监测信息系统's household fields, a provincial ledger
 * (its own order and headers), and every field of the catalogue. A county's own layouts are rows
 * of ExportLayout, checked against the catalogue (fields.ts) by LayoutBody when saved.
 */
import { z } from 'zod';
import { t, type Lang } from '../../../flows/i18n';
import { FIELDS, FORMATS, fieldOf, formatsOf, MASKS, type ColumnFormat, type Mask } from './fields';

export const LAYOUT_KINDS = ['cases', 'households'] as const;
export type LayoutKind = (typeof LAYOUT_KINDS)[number];

/** A column: a catalogue field, its header (null: the field's label in the file's language), its format, its mask (sensitive fields). */
export type LayoutColumn = { field: string; header: string | null; format?: ColumnFormat; mask?: Mask };

export type Layout = {
  id: string;
  name: string;
  /** cases: a row per case; households: a row per household (its latest case among those exported). */
  kind: LayoutKind;
  columns: LayoutColumn[];
  builtIn: boolean;
  /** The built-in or county layout this one was copied from. */
  copiedFrom?: string | null;
  updatedAt?: string;
};

export const MAX_COLUMNS = 80;

const col = (field: string, header: string | null, extra: Partial<LayoutColumn> = {}): LayoutColumn => {
  const f = fieldOf(field);
  if (!f) throw new Error(`export layout: no field ${field} in the catalogue`);
  return { field, header, ...(f.format ? { format: f.format } : {}), ...(f.kind === 'sensitive' ? { mask: 'masked' as Mask } : {}), ...extra };
};

/**
 * The built-in layouts. Their headers are the target system's own words (the national and the
 * provincial import templates), so they stay as written in any language — the national one lists a
 * household's members on its row (姓名（关系）, no ID numbers); 全部字段 has none of its
 * own (each column is headed by its field's label in the file's language).
 */
const BUILT_INS: readonly Omit<Layout, 'name'>[] = [
  {
    id: 'national',
    kind: 'households',
    builtIn: true,
    columns: [
      col('headName', '户主姓名'),
      col('idNumber', '身份证号码'),
      col('phone', '联系电话'),
      col('county', '县（市、区）'),
      col('town', '乡（镇）'),
      col('village', '行政村'),
      col('householdSize', '家庭人口数'),
      col('members', '家庭成员'),
      col('householdCategory', '监测对象类别'),
      col('cause', '致贫返贫风险类型'),
      col('perCapitaIncome', '家庭年人均纯收入（元）'),
      col('rigidExpense', '刚性支出（元）'),
      col('identifiedAt', '识别时间'),
      col('measures', '帮扶措施'),
      col('approvedAmount', '帮扶金额（元）'),
      col('status', '状态'),
    ],
  },
  {
    id: 'provincial',
    kind: 'cases',
    builtIn: true,
    columns: [
      col('seq', '序号'),
      col('county', '县区'),
      col('town', '乡镇'),
      col('village', '行政村'),
      col('headName', '户主'),
      col('idNumber', '证件号码'),
      col('householdSize', '人口数'),
      col('householdCategory', '类别'),
      col('cause', '风险'),
      col('perCapitaIncome', '收入'),
      col('rigidExpense', '支出'),
      col('measures', '措施'),
      col('approvedAmount', '金额'),
      col('paidAt', '发放日期'),
    ],
  },
  { id: 'all', kind: 'cases', builtIn: true, columns: FIELDS.map((f) => col(f.key, null)) },
];

export const BUILT_IN_IDS = BUILT_INS.map((l) => l.id);

/** The built-in layouts, named in `lang`. */
export function builtInLayouts(lang: Lang): Layout[] {
  return BUILT_INS.map((l) => ({ ...l, name: t(lang, `export.layout.${l.id}`), columns: l.columns.map((c) => ({ ...c })) }));
}

export function builtInLayout(id: string, lang: Lang): Layout | undefined {
  return builtInLayouts(lang).find((l) => l.id === id);
}

/** A column as saved: its field from the catalogue, a format the field takes, a mask only on a sensitive field. */
const Column = z
  .object({
    field: z.string().trim().min(1, 'must name a field'),
    header: z.string().trim().max(60, 'must be at most 60 characters').nullable().optional(),
    format: z.string().optional(),
    mask: z.enum(MASKS, { message: `must be one of ${MASKS.join(', ')}` }).optional(),
  })
  .strict()
  .transform((c, ctx): LayoutColumn => {
    const f = fieldOf(c.field);
    if (!f) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `no such field in the catalogue (GET /api/export/fields): ${c.field}` });
      return z.NEVER;
    }
    const formats = formatsOf(f);
    if (c.format !== undefined && !(formats as readonly string[]).includes(c.format)) {
      ctx.addIssue({ code: 'custom', path: ['format'], message: formats.length ? `must be one of ${formats.join(', ')} for ${f.key}` : `${f.key} takes no format` });
      return z.NEVER;
    }
    if (c.mask !== undefined && f.kind !== 'sensitive') {
      ctx.addIssue({ code: 'custom', path: ['mask'], message: `${f.key} is not sensitive: it takes no mask` });
      return z.NEVER;
    }
    return {
      field: f.key,
      header: c.header ? c.header : null,
      ...(formats.length ? { format: (c.format ?? f.format ?? formats[0]) as ColumnFormat } : {}),
      ...(f.kind === 'sensitive' ? { mask: c.mask ?? 'masked' } : {}),
    };
  });

export const LayoutBody = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
    kind: z.enum(LAYOUT_KINDS, { message: `must be one of ${LAYOUT_KINDS.join(', ')}` }).default('cases'),
    columns: z.array(Column).min(1, 'a layout needs at least one column').max(MAX_COLUMNS, `at most ${MAX_COLUMNS} columns`),
    copiedFrom: z.string().trim().max(40).nullable().optional(),
  })
  .strict();
export type LayoutInput = z.infer<typeof LayoutBody>;

/** A stored layout's columns, read back (a field since removed from the catalogue is dropped). */
export function storedColumns(json: unknown): LayoutColumn[] {
  const parsed = z.array(z.unknown()).safeParse(json);
  if (!parsed.success) return [];
  return parsed.data.flatMap((c) => {
    const one = Column.safeParse(c);
    return one.success ? [one.data] : [];
  });
}

/** Whether a layout writes any sensitive value whole (an export of it needs MAY.revealIdentity). */
export function revealsIdentity(layout: Pick<Layout, 'columns'>): string[] {
  return layout.columns.filter((c) => c.mask === 'full' && fieldOf(c.field)?.kind === 'sensitive').map((c) => c.field);
}

export { FORMATS };

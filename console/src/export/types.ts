/** The export API's shapes (docs/api.md, "The 台账 export"). */
export type FieldInfo = {
  key: string;
  label: string;
  kind: 'text' | 'int' | 'money' | 'date' | 'sensitive';
  formats: { id: string; label: string }[];
  masks: { id: string; label: string }[];
  defaultFormat?: string;
  defaultMask?: string;
};

export type LayoutColumn = { field: string; header: string | null; format?: string; mask?: 'full' | 'masked' | 'hidden' };

export type ExportLayout = {
  id: string;
  name: string;
  kind: 'cases' | 'households';
  columns: LayoutColumn[];
  builtIn: boolean;
  copiedFrom?: string | null;
  updatedAt?: string;
};

export type LayoutsResponse = { layouts: ExportLayout[]; fields: FieldInfo[]; editable: boolean };

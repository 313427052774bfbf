/**
 * Excel and WPS store a workbook's sheet before its shared strings (the text of its cells); the
 * reader once lost the shared strings now and then (headers read empty: a valid file refused on
 * `columns`), and turned a Chinese character cut between two unpacked chunks into �. Each file is
 * read again and again here, its parts in either order: every read gives the whole table.
 */
import { readTable, type Table } from '../../server/core/alerts/read-table';
import { zipOf, zipPart, type ZipPart } from '../support/zip';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const HEADERS = ['身份证号', '姓名', '医疗总费用'];
const person = (i: number) => ({ id: `11010519491231${String(i).padStart(4, '0')}`, name: `张三丰第${i}户`, cost: String(1000 + i) });

/** An XLSX of `count` people: the ID numbers and names in the shared strings, the costs as numbers; its parts stored in `order`. */
function workbook(count: number, order: 'sheet first' | 'shared strings first'): { bytes: Buffer; table: Table } {
  const people = Array.from({ length: count }, (_, i) => person(i));
  const strings = [...HEADERS, ...people.flatMap((p) => [p.id, p.name])];
  const cell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
  const rows = [
    `<row r="1">${cell('A1', 0)}${cell('B1', 1)}${cell('C1', 2)}</row>`,
    ...people.map((p, i) => `<row r="${i + 2}">${cell(`A${i + 2}`, 3 + 2 * i)}${cell(`B${i + 2}`, 4 + 2 * i)}<c r="C${i + 2}"><v>${p.cost}</v></c></row>`),
  ];
  const sheet = zipPart('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${rows.join('')}</sheetData></worksheet>`);
  const shared = zipPart('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`);
  // as Excel stores them: the workbook and its relationships, then the sheet, the styles, the shared strings
  const parts: ZipPart[] = [
    zipPart('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    zipPart('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    zipPart('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="医保" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    zipPart('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    ...(order === 'sheet first' ? [sheet, shared] : [shared, sheet]),
  ];
  const table: Table = { headers: HEADERS, rows: people.map((p, i) => ({ rowNumber: i + 2, cells: { 身份证号: p.id, 姓名: p.name, 医疗总费用: p.cost } })) };
  return { bytes: zipOf(parts), table };
}

// the loss came at random (a few reads in a hundred, most for small files): read many times; the
// cut characters came at every read of a file whose shared strings unpack in more than one chunk
test.each([
  ['the sheet before the shared strings (as Excel and WPS store them), a few rows', 3, 'sheet first', 80],
  ['the sheet before the shared strings, 150 rows', 150, 'sheet first', 80],
  ['the sheet before the shared strings, 3,000 rows (the shared strings unpack in several chunks)', 3000, 'sheet first', 10],
  ['the shared strings before the sheet, a few rows', 3, 'shared strings first', 80],
  ['the shared strings before the sheet, 3,000 rows', 3000, 'shared strings first', 10],
] as const)('%s: every read gives the whole table', async (_label, count, order, reads) => {
  const { bytes, table } = workbook(count, order);
  const expected = JSON.stringify(table);
  const wrong: string[] = [];
  for (let i = 0; i < reads; i += 1) {
    const read = await readTable(bytes).then(
      (t) => ({ ok: JSON.stringify(t) === expected, got: `headers ${JSON.stringify(t.headers)}, ${t.rows.length} rows, first wrong: ${JSON.stringify(t.rows.find((r, n) => JSON.stringify(r) !== JSON.stringify(table.rows[n])))}` }),
      (err: Error) => ({ ok: false, got: err.message }),
    );
    if (!read.ok) wrong.push(read.got);
  }
  expect({ wrongReads: wrong.length, first: wrong[0] }).toEqual({ wrongReads: 0, first: undefined });
});

/**
 * Every field a move asks has its label in each language: the console shows the label, and a new
 * field in flows/workflow/moves.ts without words would show its code name.
 */
import { LANGS } from '../../flows/i18n';
import { moveSchemas, TRANSITIONS } from '../../flows/workflow';
import { MOVE_FIELDS, workflowWords } from '../../server/api/workflow-words';

const askedFields = [...new Set(moveSchemas().flatMap((m) => Object.keys(m.data.properties ?? {})))];

test('the fields the console labels are those the moves ask (and a reason)', () => {
  expect(askedFields.length).toBeGreaterThan(10);
  expect([...MOVE_FIELDS].sort()).toEqual([...askedFields, 'reason'].sort());
});

describe.each(LANGS)('in %s', (lang) => {
  const words = workflowWords(lang);

  test.each(askedFields)('the move field %s has a label', (field) => {
    const label = words.fields[field];
    expect(label).toBeTruthy();
    expect(label).not.toContain(field);
  });

  test('every move’s action has a word', () => {
    for (const { action } of TRANSITIONS) expect(words.actions[action]).not.toContain('cadre.action');
  });
});

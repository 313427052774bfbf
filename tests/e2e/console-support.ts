/** What the browser tests share: where Debian's chromium is and how it starts here, where screenshots go, how a cadre fills a move's form. */
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Screenshots the tests keep for a person to look at. */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags DESIGN.md found to work here: no sandbox (containers), nothing fetched from the network.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A field of a move's form (console/src/case/MoveForm.tsx). */
export const moveField = (page: Page, name: string) => page.getByTestId(`move-field-${name}`);

/**
 * Picks `options` in the field's select (the first option when none is named), and waits until the
 * field shows them: a click that lands while the dialog or the dropdown is still animating in is
 * lost, so it is made again (at most 3 times).
 */
export async function chooseInMoveField(page: Page, name: string, ...options: string[]): Promise<void> {
  const field = moveField(page, name);
  // the option's label: the text, or the text with what follows it in brackets (a verifier's region)
  const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(（.*）)?$`);
  // what the select shows as chosen: a single select's value, or each tag of a multiple one (antd 6)
  const chosen = '.ant-select-content-has-value, .ant-select-selection-item';
  const shown = (option?: string) => field.locator(chosen, option === undefined ? {} : { hasText: exactly(option) });
  const wanted: (string | undefined)[] = options.length > 0 ? options : [undefined];
  for (let attempt = 1; ; attempt++) {
    await field.locator('.ant-select').click();
    for (const option of wanted) {
      if ((await shown(option).count()) > 0) continue;
      const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', option === undefined ? {} : { hasText: exactly(option) });
      await item.first().click({ timeout: 5_000 }).catch(() => {}); // lost in an animation: tried again below
    }
    if (wanted.length > 1 || (await field.locator('.ant-select-multiple').count()) > 0) await page.keyboard.press('Escape');
    try {
      for (const option of wanted) await shown(option).first().waitFor({ timeout: 2_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

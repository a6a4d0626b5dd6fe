import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

/** Presses Tab until the focused element has this accessible text (a person tabbing along). */
async function tabTo(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 15; i += 1) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.textContent.trim() ?? '')
    if (focused === text) return
  }
  throw new Error(`Tab never reached "${text}"`)
}

/** From the home page, Tab to the button and press Enter; ends on the provider's account chooser. */
async function startSignInByKeyboard(page: Page): Promise<void> {
  await page.goto('/')
  await tabTo(page, 'Sign in with Google')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
}

const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement
    return {
      tag: element?.tagName.toLowerCase(),
      role: element?.getAttribute('role'),
      text: element?.textContent.trim() ?? '',
    }
  })

test('signs in and out from the keyboard alone; after sign-in, focus is on the page heading', async ({
  page,
}) => {
  await startSignInByKeyboard(page)
  await tabTo(page, 'Continue')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
  await expect
    .poll(() => focusedElement(page))
    .toMatchObject({ tag: 'h1', text: 'Welcome, Ada Lovelace' })

  await tabTo(page, 'Sign out')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toBeVisible()
})

test('after a reload restores the session, focus is on the account page heading', async ({
  page,
}) => {
  await page.goto('/account/')
  await page.getByRole('button', { name: 'Sign in with Google' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
  await page.reload()
  await expect(page.getByTestId('email')).toHaveText('ada.lovelace@example.com')
  await expect.poll(() => focusedElement(page)).toMatchObject({ tag: 'h1', text: 'Your account' })
})

test('on a failed sign-in, focus moves to the alert and its Try again', async ({ page }) => {
  await startSignInByKeyboard(page)
  await tabTo(page, 'Cancel')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('Sign-in cancelled')
  await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'alert' })
  await tabTo(page, 'Try again')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
})

import type { Page } from '@playwright/test'
import { findAxeViolations } from './axe.ts'
import { expect, test } from './fixtures.ts'
import { showErrorAlert, signIn } from './helpers.ts'

// Dark mode (the system's preference) and a 320 px screen: what the light, desktop-sized
// accessibility suite does not see. (Reduced motion has no test: the app has no motion to stop;
// styles.css turns off any that is added.)

/** Wider than the screen means a person has to scroll sideways. */
const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' })

  test('the Google button takes its dark theme, and every page passes axe', async ({ page }) => {
    await page.goto('/')
    const button = page.getByRole('button', { name: 'Sign in with Google' })
    const colours = await button.evaluate((element) => {
      const style = getComputedStyle(element)
      return [style.backgroundColor, style.borderTopColor, style.color]
    })
    // Google's branding guidelines, dark theme: fill #131314, stroke #8E918F, text #E3E3E3.
    expect(colours).toEqual(['rgb(19, 19, 20)', 'rgb(142, 145, 143)', 'rgb(227, 227, 227)'])
    expect(await findAxeViolations(page)).toEqual([])

    await signIn(page)
    expect(await findAxeViolations(page)).toEqual([])
    await page.getByRole('link', { name: 'Account' }).click()
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
    expect(await findAxeViolations(page)).toEqual([])
  })

  test('an error alert passes axe', async ({ page, request }) => {
    await showErrorAlert(page, request, 'id-token-wrong-aud', 'Sign-in response rejected')
    expect(await findAxeViolations(page)).toEqual([])
  })
})

test('in light mode the Google button keeps its light theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/')
  const colours = await page
    .getByRole('button', { name: 'Sign in with Google' })
    .evaluate((element) => {
      const style = getComputedStyle(element)
      return [style.backgroundColor, style.borderTopColor, style.color]
    })
  expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(116, 119, 117)', 'rgb(31, 31, 31)'])
})

test.describe('on a 320 px screen', () => {
  test.use({ viewport: { width: 320, height: 640 } })

  test('no page needs sideways scrolling, signed out or signed in', async ({ page }) => {
    await page.goto('/')
    expect(await overflowOf(page)).toBeLessThanOrEqual(0)
    await signIn(page)
    expect(await overflowOf(page)).toBeLessThanOrEqual(0)
    await page.getByRole('link', { name: 'Account' }).click()
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
    expect(await overflowOf(page)).toBeLessThanOrEqual(0)
  })

  test('an alert with its technical details fits too, and passes axe', async ({
    page,
    request,
  }) => {
    await showErrorAlert(page, request, 'token-invalid-grant-markup', 'This sign-in has expired')
    expect(await overflowOf(page)).toBeLessThanOrEqual(0)
    expect(await findAxeViolations(page)).toEqual([])
  })
})

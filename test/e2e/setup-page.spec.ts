import { expect, test } from './fixtures.ts'

test('a build without a client ID shows the setup page naming what to set', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await page.goto('http://127.0.0.1:4275/account')

  await expect(page.getByRole('heading', { name: 'Finish setting up sign-in' })).toBeVisible()
  const alert = page.getByRole('alert')
  await expect(alert.getByText('VITE_OIDC_CLIENT_ID', { exact: true })).toBeVisible()
  await expect(alert.getByText('VITE_OIDC_CLIENT_SECRET', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in with Google' })).toHaveCount(0)
  expect(problems).toEqual([])
})

import { expect, setScenario, test } from './fixtures.ts'
import { collectCspViolations, recordRequests, signIn } from './helpers.ts'
import { APP_ORIGIN, PROVIDER_ORIGIN } from './ports.ts'

test('a full sign-in, renewal and sign-out raise no Content-Security-Policy violation', async ({
  page,
  request,
}) => {
  await setScenario(request, { tokenTtlSeconds: 20 })
  const violations = await collectCspViolations(page)
  await page.clock.install()
  const requests = recordRequests(page)
  await page.goto('/')
  await signIn(page)
  await page.clock.fastForward(10_500)
  await expect(page.getByTestId('last-renewal')).toContainText('silent renewal (hidden iframe)')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('status')).toContainText('access was revoked')

  expect(violations).toEqual([])
  // The policy really is in force: as a header, and as a meta tag on both pages.
  const documentResponse = await request.get(`${APP_ORIGIN}/account`)
  expect(documentResponse.headers()['content-security-policy']).toContain("script-src 'self'")
  expect(documentResponse.headers()['content-security-policy']).toContain(
    `connect-src ${PROVIDER_ORIGIN}`,
  )
  expect(documentResponse.headers()['content-security-policy']).toContain("frame-ancestors 'self'")
  expect(documentResponse.headers()['referrer-policy']).toBe('no-referrer')
  expect(await (await request.get(`${APP_ORIGIN}/silent-renew.html`)).text()).toContain(
    'Content-Security-Policy',
  )
  const avatar = requests.find((r) => r.url().includes('/avatar/'))
  expect(avatar).toBeDefined()
  expect(await avatar?.headerValue('referer')).toBeNull()
})

test('the policy stops injected script, HTML sinks and connections to other hosts', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in with Google' }).waitFor()
  const outcome = await page.evaluate(async () => {
    const attempt = (run: () => void) => {
      try {
        run()
        return 'allowed'
      } catch {
        return 'blocked'
      }
    }
    const script = document.createElement('script')
    return {
      scriptText: attempt(() => {
        script.textContent = 'window.pwned = true'
      }),
      innerHtml: attempt(() => {
        document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.pwned = true">')
      }),
      fetchElsewhere: await fetch('http://127.0.0.1:9/steal').then(
        () => 'allowed',
        () => 'blocked',
      ),
    }
  })
  expect(outcome).toEqual({
    scriptText: 'blocked',
    innerHtml: 'blocked',
    fetchElsewhere: 'blocked',
  })
  expect(await page.evaluate(() => 'pwned' in window)).toBe(false)
})

import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { readConfig } from '../../../packages/static-signin/src/config/read-config.ts'
import { SetupPage } from '../../../src/pages/SetupPage.tsx'

describe('SetupPage', () => {
  it('names every variable to set', () => {
    const result = readConfig({ VITE_OIDC_SCOPE: 'email' })
    if (result.ok) throw new Error('expected problems')
    render(<SetupPage problems={result.problems} />)
    const alert = screen.getByRole('alert')
    expect(within(alert).getByText('VITE_OIDC_CLIENT_ID')).toBeInTheDocument()
    expect(within(alert).getByText('VITE_OIDC_CLIENT_SECRET')).toBeInTheDocument()
    expect(within(alert).getByText('VITE_OIDC_SCOPE')).toBeInTheDocument()
  })
})

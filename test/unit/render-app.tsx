import { StrictMode } from 'react'
import { render } from '@testing-library/react'
import { App } from '../../src/App.tsx'
import { readPageStart } from '../../packages/static-signin/src/session/read-page-start.ts'
import type { LoadEngine } from '../../packages/static-signin/src/react/SignInProvider.tsx'
import { testConfig } from './fake-provider.ts'

/** The app as main.tsx mounts it: the page start read from the address first, in StrictMode. */
export function renderApp(loadEngine?: LoadEngine) {
  return render(
    <StrictMode>
      <App
        config={testConfig}
        start={readPageStart(testConfig.clientId, '/')}
        loadEngine={loadEngine}
      />
    </StrictMode>,
  )
}

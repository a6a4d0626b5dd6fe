import { lazy, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource/roboto/latin-500.css'
import './styles.css'
import { App } from './App.tsx'
import { AppErrorBoundary } from './components/AppErrorBoundary.tsx'

// Shown only to a misconfigured build.
const SetupPage = lazy(() =>
  import('./pages/SetupPage.tsx').then((m) => ({ default: m.SetupPage })),
)

// Validated at build time by src/config/read-config.ts (see vite.config.ts).
const result = __APP_CONFIG__
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <AppErrorBoundary>
      {result.ok ? (
        <App config={result.config} />
      ) : (
        <Suspense>
          <SetupPage problems={result.problems} />
        </Suspense>
      )}
    </AppErrorBoundary>
  </StrictMode>,
)

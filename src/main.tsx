import { lazy, StrictMode, Suspense } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
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

const app = (
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
  </StrictMode>
)

// The page was prerendered signed out, for this path (src/prerender.tsx). A fresh visit hydrates
// it: the button already on screen becomes live. A callback or a restore (src/config/boot.ts
// marked it `data-starting`, hidden) starts from an empty root instead.
const html = document.documentElement
if (
  result.ok &&
  root.dataset.prerendered === window.location.pathname &&
  !html.hasAttribute('data-starting')
) {
  hydrateRoot(root, app)
} else {
  root.replaceChildren()
  delete root.dataset.prerendered
  html.removeAttribute('data-starting')
  createRoot(root).render(app)
}

import { lazy, StrictMode, Suspense } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import '@fontsource/roboto/latin-500.css'
import './styles.css'
import { App } from './App.tsx'
import { AppErrorBoundary } from './components/AppErrorBoundary.tsx'
import { readPageStart } from 'static-signin'

// Shown only to a misconfigured build.
const SetupPage = lazy(() =>
  import('./pages/SetupPage.tsx').then((m) => ({ default: m.SetupPage })),
)

// Validated at build time by packages/static-signin/src/config/read-config.ts (see vite.config.ts).
const result = __APP_CONFIG__
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

const app = (
  <StrictMode>
    <AppErrorBoundary>
      {result.ok ? (
        // What this load is (a callback, a restore, a fresh visit), read once, before anything renders.
        <App
          config={result.config}
          start={readPageStart(result.config.clientId, import.meta.env.BASE_URL)}
        />
      ) : (
        <Suspense>
          <SetupPage problems={result.problems} />
        </Suspense>
      )}
    </AppErrorBoundary>
  </StrictMode>
)

// The page was prerendered signed out, for this path (src/prerender.tsx). A fresh visit hydrates
// it: the button already on screen becomes live. A callback or a restore (packages/static-signin/src/config/boot.ts
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

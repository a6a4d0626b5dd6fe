// The consumer app with static-signin taken out: the template's src/main.tsx and the quickstart's
// src/App.tsx (README), minus the package. The harness builds it beside the consumer to see what
// the package adds to the bundle.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

function Hello() {
  return <button>Sign out nobody</button>
}

const App = () => <Hello />

createRoot(document.getElementById('root') ?? document.body).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

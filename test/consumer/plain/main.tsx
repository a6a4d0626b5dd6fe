// The consumer template with static-signin taken out: the same React app, plain. The harness
// builds it beside the consumer to see what the package adds to the bundle.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

function Profile() {
  return (
    <>
      <p>Signed in as nobody</p>
      <button>Renew now</button>
      <button>Sign out</button>
    </>
  )
}

createRoot(document.getElementById('root') ?? document.body).render(
  <StrictMode>
    <Profile />
  </StrictMode>,
)

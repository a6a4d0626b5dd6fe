import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { readConfig } from 'static-signin'
import { RequireSignIn, SignInProvider } from 'static-signin/react'
import { Profile } from './Profile.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SignInProvider config={readConfig(import.meta.env)} basePath={import.meta.env.BASE_URL}>
      <RequireSignIn>
        <Profile />
      </RequireSignIn>
    </SignInProvider>
  </StrictMode>,
)

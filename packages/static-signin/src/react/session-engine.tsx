import { memo, useLayoutEffect } from 'react'
import type { AppConfig } from '../config/read-config.ts'
import type { PageStart } from '../session/page-start.ts'
import { AppAuthProvider } from './AppAuthProvider.tsx'
import type { AppSession } from './app-session.ts'
import { useEngineSession } from './use-session.ts'

// The sign-in engine: oidc-client-ts, react-oidc-context and the session keeper, in a chunk of its
// own (SignInProvider.tsx loads it), so the signed-out page paints and hydrates without it.

interface SessionEngineProps {
  config: AppConfig
  start: PageStart
  basePath: string
  /** Receives the session on every change, before the browser paints. */
  onSession: (session: AppSession) => void
}

function Report({ onSession }: Pick<SessionEngineProps, 'onSession'>) {
  const session = useEngineSession()
  useLayoutEffect(() => {
    onSession(session)
  })
  return null
}

/** Renders nothing: keeps the session and reports it. Memoised, so a report does not re-render it. */
export const SessionEngine = memo(function SessionEngine({
  config,
  start,
  basePath,
  onSession,
}: SessionEngineProps) {
  return (
    <AppAuthProvider config={config} start={start} basePath={basePath}>
      <Report onSession={onSession} />
    </AppAuthProvider>
  )
})

import {
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react'
import type { AppConfig, ConfigProblem, ConfigResult } from '../config/read-config.ts'
import { describeAppError } from '../oidc/describe-app-error.ts'
import { AuthError } from '../oidc/auth-error.ts'
import { FRESH_START, type PageStart } from '../session/page-start.ts'
import { readPageStart } from '../session/read-page-start.ts'
import { CLEARED } from '../session/session-snapshot.ts'
import { AppSessionContext, type AppSession } from './app-session.ts'
import { SIGN_IN_REFUSAL_ID, SignInRefusalContext } from './sign-in-refusal.ts'
import { useRefusalError } from './use-refusal-error.ts'

type Engine = typeof import('./session-engine.tsx')
export type LoadEngine = () => Promise<Engine>

const loadSessionEngine: LoadEngine = () => import('./session-engine.tsx')

export interface SignInProviderProps {
  /**
   * The configuration: `readConfig(import.meta.env)` (the VITE_OIDC_* variables), or a config
   * already validated. A result with problems renders `misconfigured` (by default the list of
   * problems, as text) instead of the app, and loads no sign-in code.
   */
  config: AppConfig | ConfigResult
  misconfigured?: ((problems: ConfigProblem[]) => ReactNode) | undefined
  /** The app's base path, "/" (default) or "/some/path/": pass Vite's `import.meta.env.BASE_URL`. */
  basePath?: string
  /**
   * What this page load is. By default it is read once, as the provider first renders (and the
   * address cleaned of a stray authorization response); an app that renders its router outside
   * the provider reads it earlier itself with readPageStart. A prerender passes FRESH_START.
   */
  start?: PageStart
  /** Tests pass a loader they resolve themselves. */
  loadEngine?: LoadEngine
  children: ReactNode
}

/**
 * One reading per address, whatever the renders: StrictMode runs the initializer twice, and the
 * first reading may have cleaned a stray response from the address. A provider mounted again at
 * another address (after the callback returned the person to their page) reads it afresh.
 */
let pageStart: { key: string; addresses: string[]; start: PageStart } | undefined
function readPageStartOnce(clientId: string, basePath: string): PageStart {
  if (typeof window === 'undefined') return FRESH_START
  const key = `${clientId} ${basePath}`
  const before = window.location.href
  if (pageStart?.key === key && pageStart.addresses.includes(before)) return pageStart.start
  const start = readPageStart(clientId, basePath)
  pageStart = { key, addresses: [before, window.location.href], start }
  return start
}

const ENGINE_UNAVAILABLE = new AuthError(
  'app_unavailable',
  'Part of this site did not load. Check your connection, then try again.',
)
const ignore = () => Promise.resolve()
const subscribeToNothing = () => () => undefined

/**
 * Gives the app its session (read it with useSession). The sign-in engine loads at once, in its own chunk; until it is
 * in, a stand-in says what the page load is (a callback or a restore shows "Signing you in…", so
 * nothing flashes) and keeps a click on "Sign in" to hand to the engine when it arrives. A browser
 * that cannot sign in (PageStart.refusal) never loads the engine: the stand-in says why, and a click
 * starts nothing.
 */
export function SignInProvider({ config, misconfigured, ...props }: SignInProviderProps) {
  if (!('ok' in config)) return <ConfiguredProvider config={config} {...props} />
  if (config.ok) return <ConfiguredProvider config={config.config} {...props} />
  return misconfigured ? (
    misconfigured(config.problems)
  ) : (
    <SetupProblems problems={config.problems} />
  )
}

/** The default answer to a configuration with problems: each one, named by its variable. */
function SetupProblems({ problems }: { problems: ConfigProblem[] }) {
  return (
    <div role="alert">
      <p>Sign-in is not configured. Set these variables, then build again:</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            <code>{problem.variable}</code> {problem.message}
          </li>
        ))}
      </ul>
    </div>
  )
}

function ConfiguredProvider({
  config,
  basePath = '/',
  loadEngine = loadSessionEngine,
  start: givenStart,
  children,
}: Omit<SignInProviderProps, 'config' | 'misconfigured'> & { config: AppConfig }) {
  const [start] = useState(() => givenStart ?? readPageStartOnce(config.clientId, basePath))
  const [engine, setEngine] = useState<Engine | 'failed'>()
  const [attempt, setAttempt] = useState(0)
  const [live, setLive] = useState<AppSession>()
  /** A sign-in asked for before the engine was in: where to come back to (undefined: here). */
  const pending = useRef<{ returnTo: string | undefined }>(undefined)
  const [isPending, setIsPending] = useState(false)
  // Hydrating the prerendered page renders it as prerendered first (no refusal), then as it is here.
  const isHydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  )
  const { refusal } = start
  const isRefused = isHydrated && refusal !== undefined
  const refusalError = useRefusalError(isRefused ? refusal : undefined)

  useEffect(() => {
    if (refusal) return
    let isCurrent = true
    loadEngine().then(
      (loaded) => {
        if (isCurrent) setEngine(loaded)
      },
      () => {
        if (isCurrent) setEngine('failed')
      },
    )
    return () => {
      isCurrent = false
    }
  }, [loadEngine, attempt, refusal])

  // The engine's first report hands it the sign-in that was waiting, if any.
  const onSession = useCallback((session: AppSession) => {
    setLive(session)
    const waiting = pending.current
    if (!waiting) return
    pending.current = undefined
    setIsPending(false)
    void session.signIn(waiting.returnTo)
  }, [])

  // Refused or failed: nothing is under way, and the alert says why.
  const hasFailed = engine === 'failed' || isRefused
  const standIn: AppSession = {
    session: undefined,
    keeping: {
      ...CLEARED,
      phase: hasFailed
        ? 'idle'
        : start.isCallback
          ? 'callback'
          : start.isRestoring
            ? 'restoring'
            : 'idle',
      lastTokens: undefined,
    },
    error: isRefused ? refusalError : engine === 'failed' ? ENGINE_UNAVAILABLE : undefined,
    isStarting: !hasFailed && (start.isCallback || start.isRestoring),
    isRedirecting: !hasFailed && isPending,
    signIn: (returnTo?: string) => {
      if (hasFailed) {
        setEngine(undefined)
        setAttempt((n) => n + 1)
        // A callback or a restore carries on where it stopped once the engine is in.
        if (start.isCallback || start.isRestoring) return Promise.resolve()
      }
      pending.current = { returnTo }
      setIsPending(true)
      return Promise.resolve()
    },
    stayLoggedIn: ignore,
    continueSession: ignore,
    describeError: describeAppError,
    signOut: ignore,
    renewNow: ignore,
    reloadProfile: ignore,
  }

  return (
    <>
      {engine !== undefined && engine !== 'failed' && (
        <engine.SessionEngine
          config={config}
          start={start}
          basePath={basePath}
          onSession={onSession}
        />
      )}
      <AppSessionContext value={live ?? standIn}>
        <SignInRefusalContext value={isRefused ? SIGN_IN_REFUSAL_ID : undefined}>
          {children}
        </SignInRefusalContext>
      </AppSessionContext>
    </>
  )
}

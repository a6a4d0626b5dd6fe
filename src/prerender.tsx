import { StrictMode, type ReactNode } from 'react'
import { prerender } from 'react-dom/static'
import { StaticRouter } from 'react-router-dom'
import { App } from './App.tsx'
import { AppErrorBoundary } from './components/AppErrorBoundary.tsx'
import { FRESH_START, type SignInConfig } from 'static-signin'

// Run at build time only (vite.config.ts), never shipped: each page's signed-out view as HTML, so
// the "Sign in with Google" button paints before any JavaScript has loaded. The tree is main.tsx's,
// so the browser hydrates it as is.

/** The signed-out page at `pathname` (with the base), as the HTML that goes inside #root. */
export async function prerenderPage(config: SignInConfig, pathname: string): Promise<string> {
  function AtThisPath({ basename, children }: { basename: string; children: ReactNode }) {
    return (
      <StaticRouter basename={basename} location={pathname}>
        {children}
      </StaticRouter>
    )
  }
  const { prelude } = await prerender(
    <StrictMode>
      <AppErrorBoundary>
        <App config={config} router={AtThisPath} start={FRESH_START} />
      </AppErrorBoundary>
    </StrictMode>,
  )
  return new Response(prelude).text()
}

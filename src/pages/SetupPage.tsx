import type { ConfigProblem } from 'static-signin'

interface SetupPageProps {
  problems: ConfigProblem[]
}

/** Shown instead of the app when the build-time configuration is missing or malformed. */
export function SetupPage({ problems }: SetupPageProps) {
  return (
    <main className="page main">
      <h1>Finish setting up sign-in</h1>
      <div role="alert" className="alert alert-error">
        <p className="alert-title">This build is not configured correctly</p>
        <ul>
          {problems.map((problem) => (
            <li key={problem.variable}>
              <code>{problem.variable}</code> {problem.message}
            </li>
          ))}
        </ul>
      </div>
      <p>
        Set these variables (for example in <code>.env.local</code>) and build again with{' '}
        <code>npm start</code> or <code>npm run build</code>. Without{' '}
        <code>VITE_OIDC_CLIENT_ID</code>, <code>npm start</code> runs everything against a local
        test provider instead of Google. The README explains how to create a Google client.
      </p>
    </main>
  )
}

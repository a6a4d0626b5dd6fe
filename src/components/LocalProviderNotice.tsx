interface LocalProviderNoticeProps {
  issuer: string
}

/** Says plainly that this build talks to the bundled test provider, not to Google. */
export function LocalProviderNotice({ issuer }: LocalProviderNoticeProps) {
  return (
    // A landmark of its own: it sits between the header and the main content.
    <aside className="notice" aria-label="Local test provider">
      Local test provider in use ({issuer}): nothing here talks to Google. Set VITE_OIDC_CLIENT_ID
      to use your Google client.
    </aside>
  )
}

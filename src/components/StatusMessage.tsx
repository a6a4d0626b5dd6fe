interface StatusMessageProps {
  children: string
}

/** A short, polite announcement: loading, redirecting, signed out. */
export function StatusMessage({ children }: StatusMessageProps) {
  return (
    <p role="status" className="status">
      {children}
    </p>
  )
}

import { useSession } from 'static-signin/react'

export function Profile() {
  const { session, signOut, renewNow } = useSession()
  return (
    <>
      <p>Signed in as {session?.profile.email}</p>
      <button onClick={() => void renewNow()}>Renew now</button>
      <button onClick={() => void signOut()}>Sign out</button>
    </>
  )
}

import type { ReactNode } from 'react'
import { NavLink } from 'react-router-dom'
import { PAGES } from '../pages-list.ts'

interface LayoutProps {
  notice?: ReactNode
  alert?: ReactNode
  children: ReactNode
}

/** Page frame: header, navigation, notices, then the route's content. */
export function Layout({ notice, alert, children }: LayoutProps) {
  return (
    <div className="page">
      <header className="header">
        <p className="brand">Static Sign-in</p>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Home
          </NavLink>
          <NavLink to={`/${PAGES.account}`}>Account</NavLink>
        </nav>
      </header>
      {notice}
      <main className="main">
        {alert}
        {children}
      </main>
    </div>
  )
}

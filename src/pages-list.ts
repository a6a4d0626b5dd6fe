/**
 * The app's pages, as paths below its base path. Each is a real file in the build
 * (`<path>index.html`), so every static host answers it with 200 and no rewrite rule; any other
 * path gets `404.html`, which shows the app's own Not Found page. The paths end in "/", as a
 * directory index does on every server: the app's own links never cost a redirect hop.
 */
export const PAGES = { home: '', account: 'account/', signIn: 'sign-in/' } as const

export const PAGE_PATHS: readonly string[] = Object.values(PAGES)

/** The page a host serves, with status 404, for any path that is not one of the app's files. */
export const NOT_FOUND_FILE = '404.html'

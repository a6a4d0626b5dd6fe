import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import testingLibrary from 'eslint-plugin-testing-library'

/**
 * The package (packages/static-signin/src) flows one way: react → session → oidc → config/google,
 * with hosting and vite (the build side) beside them and testing on top. Each layer names the
 * folders above it; importing one of them, React itself where the layer is plain TypeScript,
 * anything outside the package, or anything in test/ fails lint with a message that says which way
 * is allowed.
 */
const PACKAGE = 'packages/static-signin/src'
const FLOW = 'Imports flow one way: testing → react → session → oidc → config/google.'
const LAYERS = [
  { folder: 'testing', above: ['vite'], isPlain: false },
  { folder: 'react', above: ['testing', 'vite'], isPlain: false },
  { folder: 'session', above: ['testing', 'vite', 'react'], isPlain: true },
  { folder: 'oidc', above: ['testing', 'vite', 'react', 'session'], isPlain: true },
  { folder: 'config', above: ['testing', 'vite', 'react', 'session', 'oidc'], isPlain: true },
  {
    folder: 'google',
    above: ['testing', 'vite', 'react', 'session', 'oidc', 'config'],
    isPlain: true,
  },
  { folder: 'hosting', above: ['testing', 'vite', 'react', 'session', 'oidc'], isPlain: true },
  { folder: 'vite', above: ['testing', 'react', 'session', 'oidc'], isPlain: true },
]
const noTestImports = {
  regex: '(^|/)test/',
  message: 'Nothing in src/ imports test/: the app and the package must build without their tests.',
}
const noEscapeFromPackage = {
  regex: '^(\\.\\./){2,}',
  message: 'The package imports nothing outside packages/static-signin/src: it ships alone.',
}
/** The entry files at the package's root: its public face, nothing from outside it. */
const entryRule = {
  files: [`${PACKAGE}/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ ...noEscapeFromPackage, regex: '^\\.\\./' }, noTestImports] },
    ],
  },
}
const layerRules = LAYERS.map(({ folder, above, isPlain }) => ({
  files: [`${PACKAGE}/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(${above.join('|')})([./]|$)`,
            message: `${PACKAGE}/${folder} may not import ${above.join(', ')}. ${FLOW}`,
          },
          ...(isPlain
            ? [
                {
                  regex: '^react(-dom|-oidc-context|-router|-router-dom)?(/|$)',
                  message: `${PACKAGE}/${folder} is plain TypeScript, no React: React glue lives in react/. ${FLOW}`,
                },
              ]
            : []),
          noEscapeFromPackage,
          noTestImports,
        ],
      },
    ],
  },
}))

/**
 * The app (src/) is a client of the package like any other: it imports it by its name and public
 * entry points only. In the app, pages → components → calendar.
 */
const APP_FLOW = 'In the app, imports flow one way: pages → components → calendar.'
const onlyPublicEntries = [
  {
    regex: '(^|/)packages/',
    message:
      'The app imports the package by its name (static-signin, static-signin/react), never by path.',
  },
  {
    regex: '^static-signin/(?!react$)',
    message:
      'Only the public entry points: static-signin, static-signin/react (static-signin/testing in test/, static-signin/vite in vite.config.ts).',
  },
  noTestImports,
]
const appLayer = (files, above) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(above.length
            ? [
                {
                  regex: `^(\\.\\./)+(${[...above, 'App', 'main'].join('|')})([./]|$)`,
                  message: `This folder may not import src/${above.join(', src/')} or the app root. ${APP_FLOW}`,
                },
              ]
            : []),
          ...onlyPublicEntries,
        ],
      },
    ],
  },
})

export default tseslint.config(
  {
    ignores: [
      'dist',
      '.e2e',
      '.local',
      'docs',
      'node_modules',
      '**/dist',
      'test-results',
      'playwright-report',
      'public',
      // What `npm create vite` gives a newcomer; the consumer harness completes it from the
      // package's README (its src/App.tsx is not here), and type-checks it in the fresh app.
      'test/consumer/app',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', `${PACKAGE}/**/*.{ts,tsx}`],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['src/**/*.tsx', `${PACKAGE}/**/*.tsx`], ...jsxA11y.flatConfigs.strict },
  appLayer(['src/*.{ts,tsx}', 'src/pages/**/*.{ts,tsx}'], []),
  appLayer(['src/components/**/*.{ts,tsx}'], ['pages']),
  appLayer(['src/calendar/**/*.{ts,tsx}'], ['pages', 'components']),
  entryRule,
  ...layerRules,
  {
    files: ['test/unit/**/*.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    files: ['eslint.config.js', 'packages/static-signin/build.js'],
    ...tseslint.configs.disableTypeChecked,
  },
)

import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import testingLibrary from 'eslint-plugin-testing-library'

/**
 * One-way imports in src/: pages → components → react → session → oidc → config/google.
 * Each layer names the folders above it; importing one of them, React itself where the layer is
 * plain TypeScript, or anything in test/ fails lint with a message that says which way is allowed.
 */
const FLOW = 'Imports flow one way: pages → components → react → session → oidc → config/google.'
const LAYERS = [
  { folder: 'components', above: ['pages'], isPlain: false },
  { folder: 'react', above: ['pages', 'components'], isPlain: false },
  { folder: 'session', above: ['pages', 'components', 'react'], isPlain: true },
  { folder: 'oidc', above: ['pages', 'components', 'react', 'session'], isPlain: true },
  { folder: 'config', above: ['pages', 'components', 'react', 'session', 'oidc'], isPlain: true },
  {
    folder: 'google',
    above: ['pages', 'components', 'react', 'session', 'oidc', 'config'],
    isPlain: true,
  },
]
const noTestImports = {
  regex: '(^|/)test/',
  message: 'Nothing in src/ imports test/: the app must build without its tests.',
}
const layerRules = LAYERS.map(({ folder, above, isPlain }) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(${[...above, 'App', 'main'].join('|')})([./]|$)`,
            message: `src/${folder} may not import src/${above.join(', src/')} or the app root. ${FLOW}`,
          },
          ...(isPlain
            ? [
                {
                  regex: '^react(-dom|-oidc-context|-router|-router-dom)?(/|$)',
                  message: `src/${folder} is plain TypeScript, no React: React glue lives in src/react. ${FLOW}`,
                },
              ]
            : []),
          noTestImports,
        ],
      },
    ],
  },
}))

export default tseslint.config(
  {
    ignores: [
      'dist',
      '.e2e',
      '.local',
      'docs',
      'node_modules',
      'test-results',
      'playwright-report',
      'public',
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
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.strict },
  {
    files: ['src/*.{ts,tsx}', 'src/pages/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestImports] }] },
  },
  ...layerRules,
  {
    files: ['test/unit/**/*.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    // The consumer template is a newcomer's app, written as Vite's own template writes it.
    files: ['test/consumer/app/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
)

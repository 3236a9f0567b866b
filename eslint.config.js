import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import playwright from 'eslint-plugin-playwright'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Imports flow one way (style.md convention 1, as bulletproof-react's import/no-restricted-paths):
 * the SPA reaches the proxy only through `@contract`; features do not import each other; shared
 * web code imports no feature; the list engine knows nothing of HTTP; the sandbox fakes the
 * upstream API and shares only the signer, the action list and the contract with the proxy.
 */
const WEB = [{ regex: '(^|/)proxy/', message: 'web/ imports the proxy only through @contract' }]
const FEATURES = ['images', 'preferences', 'views', 'notify', 'failures']
const notOtherFeature = (self) => {
  const others = FEATURES.filter((f) => f !== self).join('|')
  return [
    ...WEB,
    {
      regex: `^@/features/(?!${self}/)|^(\\.\\./)+(features/)?(${others})/`,
      message: 'features do not import each other: compose them in router.tsx',
    },
  ]
}
const restrict = (files, patterns, extra = {}) => ({
  files,
  ...extra,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
})

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'node_modules',
      'test-results',
      'playwright-report',
      'docs/screenshots',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    extends: [reactHooks.configs.flat.recommended, ...pluginQuery.configs['flat/recommended']],
  },
  restrict(['web/**/*.{ts,tsx}'], WEB),
  restrict(['web/src/features/images/**/*.{ts,tsx}'], notOtherFeature('images')),
  restrict(['web/src/features/preferences/**/*.{ts,tsx}'], notOtherFeature('preferences')),
  restrict(['web/src/features/views/**/*.{ts,tsx}'], notOtherFeature('views')),
  restrict(['web/src/features/notify/**/*.{ts,tsx}'], notOtherFeature('notify')),
  restrict(
    ['web/src/{components,api,lib,hooks,i18n}/**/*.{ts,tsx}'],
    [...WEB, { regex: '^@/features/', message: 'shared web code imports no feature' }],
  ),
  restrict(
    ['proxy/images/**/*.ts', 'proxy/failures/**/*.ts'],
    [
      {
        regex: '^\\.\\./(http|routes|app|main)(/|$)',
        message: 'the list engine is pure: it knows no HTTP, routes or app wiring',
      },
    ],
    { ignores: ['**/*.test.ts'] },
  ),
  restrict(
    ['proxy/sandbox/**/*.ts'],
    [
      {
        regex: '^\\.\\./(images|failures|routes|http|app|main)(/|$)',
        message: "the sandbox fakes the upstream API: it must not use the proxy's own code",
      },
    ],
    { ignores: ['**/*.test.ts'] },
  ),
  {
    files: [
      'proxy/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
      'bench/**/*.ts',
      'e2e/**/*.ts',
      '*.config.{js,ts}',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['e2e/**/*.spec.ts'],
    ...playwright.configs['flat/recommended'],
  },
)

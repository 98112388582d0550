import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'
import vueParser from 'vue-eslint-parser'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Formatting is not linted: the code style is kept by review, not by a formatter war.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      // Whatever a receiver returns is data: never rendered as HTML.
      'vue/no-v-html': 'error',
    },
  },
  {
    // The core is plain Node: it runs under `hooklab serve` and the CLI, where there is no Electron.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron/core must not import electron: pass what it needs in CoreOptions.' }], patterns: ['electron/*'] }],
    },
  },
  {
    // The renderer knows the contract only: never the core's services, catalogs or generators
    // (issue 6 §2.8), nor the fake-data library they use.
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@faker-js/faker', message: 'Payloads are generated in the core and reach the renderer through the contract.' }],
          patterns: [
            { group: ['@core/*', '**/electron/core/*', '!**/electron/core/contract', '**/electron/core/*/**', '!**/electron/core/contract/**'], message: 'The renderer imports only @contract.' },
          ],
        },
      ],
    },
  },
)

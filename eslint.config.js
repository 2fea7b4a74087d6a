import js from '@eslint/js';
import rxjs from 'eslint-plugin-rxjs-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'reports/**', '.stryker-tmp/**', 'docs/**', 'docs-site/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'rxjs-x': rxjs },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      'rxjs-x/no-floating-observables': 'error',
      'rxjs-x/no-unsafe-takeuntil': 'error',
      'rxjs-x/no-subject-unsubscribe': 'error',
      'rxjs-x/no-misused-observables': 'error',
      'rxjs-x/no-unsafe-subject-next': 'error',
      'rxjs-x/no-nested-subscribe': 'error',
      'rxjs-x/no-internal': 'error',
      'rxjs-x/throw-error': 'error',
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'rxjs-x/no-floating-observables': 'off',
      'rxjs-x/no-nested-subscribe': 'off',
    },
  },
  {
    files: ['scripts/**/*.{cjs,mjs,js}'],
    languageOptions: { globals: { require: 'readonly', process: 'readonly', console: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const zodNamedImport = {
  selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
  message: "Use `import * as z from 'zod'`: the named `z` defeats tree shaking (+350 KB per Lambda).",
};

const compositionRoot = {
  regex: 'runtime/services$',
  allowTypeImports: true,
  message:
    'Wire what the handler needs (shared/runtime/wire-services.ts): the composition root puts every adapter in the bundle.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', '.cache/', 'coverage/', 'dist/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      'no-restricted-syntax': ['error', zodNamedImport],
    },
  },
  {
    // A handler imports its own route module: the index pulls every schema into every bundle.
    files: ['functions/**/*.ts'],
    ignores: ['functions/api/openapi/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'shared/http/routes$',
              message: 'Import the route from its module, e.g. shared/http/routes/debtors.',
            },
            compositionRoot,
          ],
        },
      ],
    },
  },
  {
    // Shared code a Lambda bundles names the services it uses; only the local runtime and tests build them all.
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [compositionRoot] }] },
  },
  {
    // The web apps run in the browser.
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        history: 'readonly',
        navigator: 'readonly',
        sessionStorage: 'readonly',
        fetch: 'readonly',
        crypto: 'readonly',
        atob: 'readonly',
        HTMLDivElement: 'readonly',
        URLSearchParams: 'readonly',
        Intl: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The domain is pure: no SDKs, no I/O, no clock reads.
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@aws-sdk/*',
            'aws-cdk-lib*',
            '@aws-lambda-powertools/*',
            '../adapters/*',
            '../../adapters/*',
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        zodNamedImport,
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the Clock port.' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use the Clock port.',
        },
      ],
    },
  },
);

// Lint: typescript-eslint's recommended rules, plus the layer rule as an import restriction so the
// editor flags a forbidden import as it is typed (test/unit/layers.test.ts enforces it in CI too).
import tseslint from 'typescript-eslint';

const forbiddenInCore = {
  patterns: [
    {
      group: [
        'vscode',
        'vscode-languageserver',
        'vscode-languageserver/*',
        'vscode-languageclient',
        'vscode-languageclient/*',
        'vscode-jsonrpc',
        'vscode-jsonrpc/*',
      ],
      message: 'The pure core never imports the editor or the LSP connection (ARCHITECTURE.md).',
    },
    {
      group: [
        'fs',
        'node:fs',
        'fs/promises',
        'node:fs/promises',
        'child_process',
        'node:child_process',
        'net',
        'node:net',
        'http',
        'node:http',
        'https',
        'node:https',
      ],
      message: 'The pure core does no I/O; adapters pass text in (ARCHITECTURE.md).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e/**', 'schemas/**', 'src/core/generated/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: [
      'src/model/**/*.ts',
      'src/core/**/*.ts',
      'src/evaluate/**/*.ts',
      'src/diagram/**/*.ts',
      'src/language/**/*.ts',
      'src/protocol/**/*.ts',
      'src/cloudformation/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', forbiddenInCore] },
  },
);

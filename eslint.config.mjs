// Workspace lint: TypeScript rules plus Nx module boundaries.
// Plugins (type:plugin) import core only; core imports nothing of ours; apps and tools compose.
import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/out', '**/.nx', '**/vite.config.*.timestamp*', '**/vitest.config.*.timestamp*', '**/storybook-static'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:plugin', onlyDependOnLibsWithTags: ['type:core'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core', 'type:plugin'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:core'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:plugin', 'type:ui', 'type:testing'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:core', 'type:plugin', 'type:ui', 'type:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];

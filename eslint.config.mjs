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
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core', 'type:plugin', 'type:ui', 'type:catalogue'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:core'] },
            // A catalogue composes: it lists the plugins of every package (and nothing imports it but apps, tools and tests).
            { sourceTag: 'type:catalogue', onlyDependOnLibsWithTags: ['type:core', 'type:plugin', 'type:ui'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:plugin', 'type:ui', 'type:testing', 'type:catalogue'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:core', 'type:plugin', 'type:ui', 'type:testing', 'type:catalogue'] },
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

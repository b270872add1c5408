import type { BenchResult } from './measure.js';

const format = (value: number): string =>
  value >= 1e6 ? `${(value / 1e6).toFixed(2)} M` : value >= 1e3 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);

/** The results as a Markdown table per benchmark. */
export function markdownReport(results: readonly BenchResult[], header: string): string {
  const sections = results.map((result) =>
    [
      `### ${result.bench}`,
      '',
      result.description,
      '',
      '| measure | value | unit | target |',
      '|---|---:|---|---|',
      ...result.values.map((value) => `| ${value.name} | ${format(value.value)} | ${value.unit} | ${value.target ?? ''} |`),
    ].join('\n'),
  );
  return [`# scoreflow benchmarks`, '', header, '', ...sections.flatMap((section) => [section, ''])].join('\n');
}

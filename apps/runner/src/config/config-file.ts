import { readFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { ConfigError } from '@scoreflow/core';
import { YAMLParseError, parse as parseYaml } from 'yaml';
import { resolvePaths } from './file-options.js';
import { lineAndColumn, sourceExcerpt } from './source-excerpt.js';

/** Why a config file cannot be read, by `errno` code. */
const READ_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'config file not found',
  EISDIR: 'config file is a folder, not a file',
  EACCES: 'config file cannot be read (permission denied)',
  ENOTDIR: 'config file not found (a part of the path is not a folder)',
};

/** Where a YAML or JSON parser failed, when it says. */
function locate(error: unknown, text: string): { line: number; column: number } | undefined {
  if (error instanceof YAMLParseError && error.linePos !== undefined) return { line: error.linePos[0].line, column: error.linePos[0].col };
  const position = /at position (\d+)/.exec(String((error as Error).message));
  return position === null ? undefined : lineAndColumn(text, Number(position[1]));
}

/**
 * Parses config text: JSON for `.json`, YAML (a superset of JSON) otherwise. A syntax error is a
 * `ConfigError` at `line L, column C` with the parser's reason, the line and a caret under the place.
 */
export function parseConfigText(text: string, file: string): unknown {
  try {
    return extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const reason = (error instanceof RangeError ? `nested too deep to read (${error.message})` : String((error as Error).message))
      .split('\n')[0]
      .replace(/ at line \d+, column \d+:$/, '')
      .replace(/ in JSON at position \d+.*$/, '');
    const where = locate(error, text);
    const issue = where === undefined ? { path: '', message: reason } : { path: `line ${where.line}, column ${where.column}`, message: `${reason}\n${sourceExcerpt(text, where.line, where.column)}` };
    throw new ConfigError(`Cannot parse ${file}`, [issue], { cause: error });
  }
}

/** Reads and parses a config file, its relative file options resolved against its folder. */
export function readConfigFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new ConfigError(`${READ_PROBLEMS[code] ?? `config file cannot be read (${code || String(error)})`}: ${file}`, [], { cause: error });
  }
  return resolvePaths(parseConfigText(text, file), dirname(file));
}

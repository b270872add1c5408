import { createRng } from '@scoreflow/core';
import { stringify } from 'yaml';

/** A shipped config, parsed, its relative files made absolute (so that a copy anywhere still names them). */
export interface FuzzBase {
  readonly name: string;
  readonly config: Record<string, unknown>;
}

/** How a case breaks its config. */
export type FuzzKind =
  | 'wrong-type'
  | 'non-finite'
  | 'out-of-range'
  | 'unknown-key'
  | 'unknown-type'
  | 'missing-field'
  | 'prototype-path'
  | 'prototype-key'
  | 'yaml-bomb'
  | 'deep-nesting'
  | 'long-string'
  | 'not-a-map';

/** One generated bad config: a file's text and `--set` arguments. */
export interface FuzzCase {
  readonly id: number;
  readonly base: string;
  readonly kind: FuzzKind;
  /** What was changed, for failure messages. */
  readonly change: string;
  /** The config file's text (YAML). */
  readonly text: string;
  readonly set: readonly string[];
  /** The field (dotted path, or `--set ARG`, or `line`) that the error must name. */
  readonly field: string;
  /**
   * Whether the case is bad for certain. Otherwise (an out-of-range guess, a long string) it may
   * be a good config; if it is rejected, it must be rejected as a bad one is.
   */
  readonly certain: boolean;
}

type Path = readonly (string | number)[];

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every place in a config: its path and value, the config itself excluded. */
function places(node: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const children = Array.isArray(node) ? node.map((value, i) => [i, value] as const) : isRecord(node) ? Object.entries(node) : [];
  return children.flatMap(([key, value]) => [{ path: [...path, key], value }, ...places(value, [...path, key])]);
}

const dotted = (path: Path) => path.join('.');

/** A deep copy with `value` at `path` (or the field deleted, for `undefined`). */
function withValue(config: unknown, path: Path, value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
  return copy;
}

/** A YAML billion-laughs: ten levels of ten aliases each (10^10 strings if expanded). */
const YAML_BOMB = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 9 }, (_, k) => `a${k + 1}: &a${k + 1} [${Array(10).fill(`*a${k}`).join(', ')}]`)].join('\n');

/**
 * Bad configs made from good ones, reproducibly: every random choice comes from `createRng(seed)`. For each base config: every number made
 * non-finite and of another type, every object and list of another type, every `type` and option
 * name misspelt, required fields removed, prototype names in `--set` paths and as keys,
 * out-of-range numbers and long strings (which may be allowed), a YAML bomb, deep nesting and a
 * file that is not a map.
 */
export function fuzzCases(bases: readonly FuzzBase[], seed: number): FuzzCase[] {
  const rng = createRng(seed);
  const cases: FuzzCase[] = [];
  const draws = new Float64Array(4);
  let drawn = 0;
  /** Four uniforms in (0, 1), keyed by how many were drawn before. */
  const random = () => rng.uniform(draws, { first: drawn++, count: 1 }, 4, { step: 0 });
  const pick = <T>(items: readonly T[], u: number): T => items[Math.min(items.length - 1, Math.floor(u * items.length))];
  const add = (base: FuzzBase, kind: FuzzKind, change: string, field: string, certain: boolean, text: string | Record<string, unknown>, set: string[] = []) =>
    cases.push({ id: cases.length, base: base.name, kind, change, field, certain, text: typeof text === 'string' ? text : stringify(text), set });

  for (const base of bases) {
    const all = places(base.config);
    for (const { path, value } of all) {
      const field = dotted(path);
      const last = String(path[path.length - 1]);
      const [keep, variant, guess] = random();
      // Another type: true for anything but a boolean, a string for a boolean (for about half the places).
      if (keep < 0.45) add(base, 'wrong-type', `${field} = ${typeof value === 'boolean' ? '"yes"' : 'true'}`, field, true, withValue(base.config, path, typeof value === 'boolean' ? 'yes' : true));
      if (typeof value === 'number') {
        // Non-finite, in the file or with --set (YAML's .inf, .nan; 1e400 overflows to Infinity).
        const bad = pick([Infinity, -Infinity, NaN], variant);
        if (keep < 0.5) add(base, 'non-finite', `${field} = ${bad}`, field, true, withValue(base.config, path, bad));
        else {
          const text = pick(['.inf', '-.inf', '.nan', '1e400'], variant);
          add(base, 'non-finite', `--set ${field}=${text}`, field, true, base.config, [`${field}=${text}`]);
        }
        const number = pick([-1, 0, 0.5, -1e-300, 1e12, 2 ** 53, -(2 ** 31)], guess);
        if (variant < 0.5) add(base, 'out-of-range', `${field} = ${number}`, field, false, withValue(base.config, path, number));
      }
      if (typeof value === 'string' && last !== 'type') {
        if (guess < 0.35) add(base, 'long-string', `${field} = 1 MB string`, field, false, withValue(base.config, path, 'x'.repeat(1 << 20)));
      }
      if (last === 'type' && typeof value === 'string') {
        const [u, v] = random();
        const at = Math.floor(u * value.length);
        const typo = v < 0.5 ? value.slice(0, at) + value.slice(at + 1) : `${value}x`;
        add(base, 'unknown-type', `${field} = ${typo}`, field, true, withValue(base.config, path, typo));
        add(base, 'missing-field', `${field} removed`, field, true, withValue(base.config, path, undefined));
      }
      if (isRecord(value)) {
        const keys = Object.keys(value);
        const [u, v] = random();
        const key = pick(keys, u);
        const typo = keys.length === 0 || v < 0.3 ? 'zzzUnknownOption' : `${key.slice(0, -1)}${key.endsWith('s') ? '' : 's'}`;
        if (!keys.includes(typo)) add(base, 'unknown-key', `${field}.${typo} added`, field, true, withValue(base.config, [...path, typo], 1));
        if (guess < 0.3) add(base, 'prototype-path', `--set ${field}.__proto__.polluted=1`, `--set ${field}.__proto__.polluted=1`, true, base.config, [`${field}.__proto__.polluted=1`]);
      }
    }
    // The config's own fields.
    add(base, 'unknown-key', 'top-level typo', '', true, { ...base.config, [`${Object.keys(base.config)[1]}x`]: 1 });
    add(base, 'missing-field', 'name removed', 'name', true, withValue(base.config, ['name'], undefined));
    for (const set of ['__proto__.polluted=1', 'constructor.prototype.polluted=1', '__proto__=1', 'constructor=1']) {
      add(base, 'prototype-path', `--set ${set}`, `--set ${set}`, true, base.config, [set]);
    }
    add(base, 'prototype-key', '__proto__ key at the top', '', true, `__proto__: { polluted: 1 }\n${stringify(base.config)}`);
    add(base, 'yaml-bomb', 'billion laughs', 'line', true, `${YAML_BOMB}\n${stringify(base.config)}`);
    add(base, 'deep-nesting', '5,000 nested lists', 'deep', true, `${stringify(base.config)}deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    add(base, 'deep-nesting', '5,000 nested maps', 'deep', true, `${stringify(base.config)}deep: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`);
    add(base, 'not-a-map', 'a list', '', true, `- ${base.name}\n`);
    add(base, 'not-a-map', 'a number', '', true, '42\n');
  }
  return cases;
}

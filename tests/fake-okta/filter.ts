import { oktaErrors } from './errors';

/**
 * The SCIM-like expressions of Okta's `filter` and `search` parameters:
 *
 *   expr   := clause (("and" | "or") clause)*        "and" binds tighter than "or"
 *   clause := "(" expr ")" | attr op value | attr "pr"
 *   op     := eq | sw | co | ew | gt | ge | lt | le   (case-insensitive)
 *   value  := "double-quoted string" | true | false | number
 *
 * Each endpoint passes the attributes and operators Okta allows it; anything else is Okta's
 * 400 E0000031 "Invalid search criteria.". String comparisons ignore case; values of date
 * attributes are compared as instants.
 */

export type Operator = 'eq' | 'sw' | 'co' | 'ew' | 'gt' | 'ge' | 'lt' | 'le' | 'pr';
export type Expression =
  | { kind: 'compare'; attribute: string; operator: Operator; value: string | number | boolean | null }
  | { kind: 'and' | 'or'; left: Expression; right: Expression };

export interface Grammar {
  /** Operators allowed per attribute; the key `profile.*` stands for every profile attribute. */
  attributes: Record<string, readonly Operator[]>;
  dateAttributes: readonly string[];
}

const OPERATORS = new Set<Operator>(['eq', 'sw', 'co', 'ew', 'gt', 'ge', 'lt', 'le', 'pr']);
const TOKEN = /\s*(\(|\)|"(?:[^"\\]|\\.)*"|[^\s()"]+)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let end = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(text)) !== null) {
    tokens.push(match[1] as string);
    end = TOKEN.lastIndex;
  }
  if (text.slice(end).trim() !== '') throw oktaErrors.invalidSearch(`Unexpected text in expression: ${text}`);
  return tokens;
}

export function parseExpression(text: string, grammar: Grammar): Expression {
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position];
  const take = (): string => {
    const token = tokens[position++];
    if (token === undefined) throw oktaErrors.invalidSearch(`The expression ends too early: ${text}`);
    return token;
  };

  const parseOr = (): Expression => {
    let left = parseAnd();
    while (peek()?.toLowerCase() === 'or') {
      position++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Expression => {
    let left = parseClause();
    while (peek()?.toLowerCase() === 'and') {
      position++;
      left = { kind: 'and', left, right: parseClause() };
    }
    return left;
  };
  const parseClause = (): Expression => {
    if (peek() === '(') {
      position++;
      const inner = parseOr();
      if (take() !== ')') throw oktaErrors.invalidSearch(`Missing ")" in ${text}`);
      return inner;
    }
    const attribute = take();
    const operator = take().toLowerCase() as Operator;
    if (!OPERATORS.has(operator)) throw oktaErrors.invalidSearch(`Unknown operator "${operator}" in ${text}`);
    const allowed = grammar.attributes[attribute] ?? (attribute.startsWith('profile.') ? grammar.attributes['profile.*'] : undefined);
    if (!allowed) throw oktaErrors.invalidSearch(`The attribute "${attribute}" cannot be used here`);
    if (!allowed.includes(operator)) throw oktaErrors.invalidSearch(`The operator "${operator}" cannot be used with "${attribute}"`);
    if (operator === 'pr') return { kind: 'compare', attribute, operator, value: null };
    const value = parseValue(take(), grammar.dateAttributes.includes(attribute));
    return { kind: 'compare', attribute, operator, value };
  };

  const expression = parseOr();
  if (position !== tokens.length) throw oktaErrors.invalidSearch(`Unexpected "${tokens[position]}" in ${text}`);
  return expression;
}

function parseValue(token: string, isDate: boolean): string | number | boolean {
  if (token.startsWith('"')) {
    const text = JSON.parse(token) as string;
    if (!isDate) return text;
    const instant = Date.parse(text);
    if (Number.isNaN(instant)) throw oktaErrors.invalidSearch(`"${text}" is not a date`);
    return new Date(instant).toISOString();
  }
  if (token === 'true' || token === 'false') return token === 'true';
  const number = Number(token);
  if (Number.isNaN(number)) throw oktaErrors.invalidSearch(`Values must be quoted: ${token}`);
  return number;
}

export type Resolver = (attribute: string) => unknown;

function compare(actual: unknown, operator: Operator, expected: string | number | boolean | null): boolean {
  if (operator === 'pr') return actual !== null && actual !== undefined && actual !== '';
  if (actual === null || actual === undefined) return false;
  if (typeof expected !== 'string') return actual === expected;
  const a = String(actual).toLowerCase();
  const e = expected.toLowerCase();
  switch (operator) {
    case 'eq':
      return a === e;
    case 'sw':
      return a.startsWith(e);
    case 'co':
      return a.includes(e);
    case 'ew':
      return a.endsWith(e);
    case 'gt':
      return a > e;
    case 'ge':
      return a >= e;
    case 'lt':
      return a < e;
    case 'le':
      return a <= e;
  }
}

export function evaluate(expression: Expression, resolve: Resolver): boolean {
  switch (expression.kind) {
    case 'and':
      return evaluate(expression.left, resolve) && evaluate(expression.right, resolve);
    case 'or':
      return evaluate(expression.left, resolve) || evaluate(expression.right, resolve);
    case 'compare': {
      const actual = resolve(expression.attribute);
      if (Array.isArray(actual)) return actual.some((item) => compare(item, expression.operator, expression.value));
      return compare(actual, expression.operator, expression.value);
    }
  }
}

/** Reads a dotted path (`profile.login`, `target.id`); arrays yield every element's value. */
export function readPath(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) current = current.map((item) => (item as Record<string, unknown> | null)?.[part]);
    else if (current && typeof current === 'object') current = (current as Record<string, unknown>)[part];
    else return undefined;
  }
  return current;
}

/** The leaves of a pure chain of `or`s, or null when the expression is anything else. */
export function orLeaves(expression: Expression): Extract<Expression, { kind: 'compare' }>[] | null {
  if (expression.kind === 'compare') return [expression];
  if (expression.kind !== 'or') return null;
  const left = orLeaves(expression.left);
  const right = orLeaves(expression.right);
  return left && right ? [...left, ...right] : null;
}

/** The `compare` leaves that must all hold (the top-level `and` chain). */
export function andLeaves(expression: Expression): Expression[] {
  if (expression.kind !== 'and') return [expression];
  return [...andLeaves(expression.left), ...andLeaves(expression.right)];
}

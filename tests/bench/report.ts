/** One measured figure, as `npm run bench -- --json FILE` writes it. */
export interface Metric {
  value: number;
  unit: string;
  target: string;
  pass: boolean;
}

export type Metrics = Record<string, Metric>;

/** A figure with no target of its own (context for the others): it always "passes". */
export function info(value: number, unit: string): Metric {
  return { value, unit, target: '(reported)', pass: true };
}

export function atMost(value: number, unit: string, limit: number, label = `≤ ${limit} ${unit}`): Metric {
  return { value, unit, target: label, pass: value <= limit };
}

export function atLeast(value: number, unit: string, limit: number, label = `≥ ${limit} ${unit}`): Metric {
  return { value, unit, target: label, pass: value >= limit };
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function formatTable(metrics: Metrics): string {
  const rows = Object.entries(metrics).map(([name, m]) => [name, `${round(m.value, 3)} ${m.unit}`, m.target, m.target === '(reported)' ? '' : m.pass ? 'pass' : 'FAIL']);
  const header = ['metric', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

import type { ActionDefinition } from './types';

const EMPTY_CHOICE: Record<string, string> = {
  group: 'Choose a group.',
  app: 'Choose an app.',
  profile: 'Change at least one attribute.',
  factor: 'Choose a factor on the card.',
};

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** Why the agent cannot confirm yet (nothing chosen, or the first invalid input), or null when ready. */
export function inputProblem(action: ActionDefinition, values: Record<string, unknown>): string | null {
  for (const field of action.inputs) {
    const empty = EMPTY_CHOICE[field.kind];
    if (empty && isEmpty(values[field.name])) return empty;
  }
  const parsed = action.input.safeParse(values);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const field = action.inputs.find((f) => f.name === issue?.path[0]);
  return `${field?.label ?? 'Input'}: ${issue?.message ?? 'not valid'}`;
}

import type { ActionInputField } from '@/lib/actions/types';
import type { AppRef, GroupRef } from '@/lib/actions/entries/refs';
import type { UserCard } from '@/lib/messaging/views';
import type { FieldMapEntry } from '@/lib/settings/schema';
import { AppPicker, GroupPicker } from './pickers';
import ProfileFields from './ProfileFields';

type ActionInputsProps = {
  fields: readonly ActionInputField[];
  values: Record<string, unknown>;
  onChange: (name: string, value: unknown) => void;
  card: UserCard | null;
  fieldMap: FieldMapEntry[];
};

function asList<T>(value: unknown, multiple: boolean): T[] {
  if (multiple) return Array.isArray(value) ? (value as T[]) : [];
  return value ? [value as T] : [];
}

/** The inputs of one action, each as the control its kind calls for. */
export default function ActionInputs({ fields, values, onChange, card, fieldMap }: ActionInputsProps) {
  return (
    <div class="stack">
      {fields.map((field) => {
        const id = `action-input-${field.name}`;
        switch (field.kind) {
          case 'boolean':
            return (
              <label class="check" key={field.name}>
                <input type="checkbox" checked={values[field.name] === true} onChange={(e) => onChange(field.name, e.currentTarget.checked)} />
                {field.label}
              </label>
            );
          case 'text':
            return (
              <div class="field" key={field.name}>
                <label for={id}>{field.label}</label>
                <input
                  id={id}
                  type="text"
                  autocomplete={field.autocomplete}
                  value={String(values[field.name] ?? '')}
                  onInput={(e) => onChange(field.name, e.currentTarget.value)}
                />
              </div>
            );
          case 'group': {
            const chosen = asList<GroupRef>(values[field.name], field.multiple);
            const set = (next: GroupRef[]) => onChange(field.name, field.multiple ? next : next[0]);
            return (
              <div class="stack" key={field.name}>
                <GroupPicker id={id} onPick={(g) => set(field.multiple ? [...chosen.filter((c) => c.id !== g.id), g] : [g])} />
                <Chosen items={chosen.map((g) => ({ id: g.id, text: g.name ?? g.id }))} what="group" onRemove={(gid) => set(chosen.filter((c) => c.id !== gid))} />
                {chosen.some((g) => g.type && g.type !== 'OKTA_GROUP') ? (
                  <p class="alert warn">Imported and built-in groups are managed outside Okta; Okta will most likely refuse this change.</p>
                ) : null}
              </div>
            );
          }
          case 'app': {
            const chosen = asList<AppRef>(values[field.name], field.multiple);
            const set = (next: AppRef[]) => onChange(field.name, field.multiple ? next : next[0]);
            return (
              <div class="stack" key={field.name}>
                <AppPicker id={id} onPick={(a) => set(field.multiple ? [...chosen.filter((c) => c.id !== a.id), a] : [a])} />
                <Chosen items={chosen.map((a) => ({ id: a.id, text: a.label ?? a.id }))} what="app" onRemove={(aid) => set(chosen.filter((c) => c.id !== aid))} />
              </div>
            );
          }
          case 'profile':
            return card ? <ProfileFields key={field.name} card={card} fieldMap={fieldMap} onChange={(changes) => onChange(field.name, changes)} /> : null;
          case 'factor':
            // A factor is always chosen on its row of the card, never typed in.
            return null;
        }
      })}
    </div>
  );
}

function Chosen({ items, what, onRemove }: { items: { id: string; text: string }[]; what: string; onRemove: (id: string) => void }) {
  if (items.length === 0) return null;
  return (
    <ul class="plain-list" aria-label={`Chosen ${what}s`}>
      {items.map((item) => (
        <li class="row" key={item.id}>
          <strong>{item.text}</strong>
          <button type="button" class="link" aria-label={`Do not use ${item.text}`} onClick={() => onRemove(item.id)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

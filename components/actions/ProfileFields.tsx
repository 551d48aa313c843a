import { useEffect, useState } from 'preact/hooks';
import type { EditableAttribute } from '@/lib/actions/editable-attributes';
import { sendMessage } from '@/lib/messaging/channel';
import type { UserCard } from '@/lib/messaging/views';
import type { FieldMapEntry } from '@/lib/settings/schema';
import { profileText } from '../user-card/profile';

type ProfileFieldsProps = {
  card: UserCard;
  fieldMap: FieldMapEntry[];
  /** The attributes the agent changed (null clears one); empty when nothing changed. */
  onChange: (changes: Record<string, string | null>) => void;
};

/** The field-map attributes, editable where Okta's user schema allows an admin to write them. */
export default function ProfileFields({ card, fieldMap, onChange }: ProfileFieldsProps) {
  const [attributes, setAttributes] = useState<EditableAttribute[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  useEffect(() => {
    sendMessage('getEditableAttributes', { attributes: fieldMap.map((f) => f.attribute) })
      .then((found) => {
        setAttributes(found);
        setValues(Object.fromEntries(found.map((a) => [a.attribute, profileText(card, a.attribute) ?? ''])));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [card.id]);
  if (error) return <p class="alert error" role="alert">{error}</p>;
  if (!attributes) return <p class="muted">Reading the Okta user schema…</p>;
  const update = (attribute: string, value: string) => {
    const next = { ...values, [attribute]: value };
    setValues(next);
    const changes: Record<string, string | null> = {};
    for (const a of attributes) {
      const before = profileText(card, a.attribute) ?? '';
      const after = next[a.attribute] ?? '';
      if (a.editable && after !== before) changes[a.attribute] = after.trim() === '' ? null : after;
    }
    onChange(changes);
  };
  return (
    <div class="stack">
      {attributes.map((a) => {
        const label = fieldMap.find((f) => f.attribute === a.attribute)?.label ?? a.title;
        const id = `profile-${a.attribute}`;
        return (
          <div class="field" key={a.attribute}>
            <label for={id}>{label}</label>
            <input
              id={id}
              type="text"
              value={values[a.attribute] ?? ''}
              readOnly={!a.editable}
              maxLength={a.maxLength ?? undefined}
              aria-describedby={a.reason ? `${id}-reason` : undefined}
              onInput={(e) => update(a.attribute, e.currentTarget.value)}
            />
            {a.reason ? <span class="hint muted" id={`${id}-reason`}>{a.reason}</span> : null}
          </div>
        );
      })}
    </div>
  );
}

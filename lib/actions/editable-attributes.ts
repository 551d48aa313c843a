import type { UserSchema, UserSchemaAttribute } from '@/lib/okta';

export interface EditableAttribute {
  attribute: string;
  /** The schema's title, or the attribute name when the schema does not know it. */
  title: string;
  editable: boolean;
  /** Why it cannot be edited here, when it cannot. */
  reason: string | null;
  maxLength: number | null;
}

function writable(attribute: UserSchemaAttribute): boolean {
  if (attribute.mutability) return attribute.mutability === 'READ_WRITE';
  return (attribute.permissions ?? []).some((permission) => permission.action === 'READ_WRITE');
}

/** The field-map attributes, each marked editable where Okta's user schema says it is writable. */
export function editableAttributes(schema: UserSchema, attributes: readonly string[]): EditableAttribute[] {
  const properties = { ...schema.definitions.base.properties, ...schema.definitions.custom.properties };
  return attributes.map((name) => {
    const definition = properties[name];
    if (!definition) {
      return { attribute: name, title: name, editable: false, reason: 'Not an attribute of the Okta user profile.', maxLength: null };
    }
    if (name === 'login') {
      return { attribute: name, title: definition.title, editable: false, reason: 'The login is changed in the Admin Console.', maxLength: null };
    }
    const ok = writable(definition) && (definition.type ?? 'string') === 'string';
    return {
      attribute: name,
      title: definition.title,
      editable: ok,
      reason: ok ? null : 'Okta marks this attribute read-only or not a text value.',
      maxLength: definition.maxLength ?? null,
    };
  });
}

import type { PersonRole } from './types';

interface LabelMeaning {
  role: PersonRole;
  weight: number;
  /** False for labels such as "Email" that usually annotate the person field just above them. */
  opensField: boolean;
  /** The helpdesk's own people ("Assigned to", "Signed in as"): whoever is named there is not the requester. */
  staff: boolean;
}

// The affected user first: "requested for"/caller outrank the person who merely filed the ticket.
const LABELS: [RegExp, Pick<LabelMeaning, 'role' | 'weight'>][] = [
  [/^(requested for|opened for|affected user|on behalf of|subject person)$/, { role: 'requested-for', weight: 120 }],
  [/^caller$/, { role: 'caller', weight: 110 }],
  [/^(requester|requestor|requestors|requesters|requested by|request user|raised by|submitted by)$/, { role: 'requester', weight: 100 }],
  [/^(reporter|reported by)$/, { role: 'reporter', weight: 95 }],
  [/^(customer|end user|customer information|client)$/, { role: 'contact', weight: 90 }],
  [/^(contact|contact person|contacts)$/, { role: 'contact', weight: 70 }],
  [/^(from|sender)$/, { role: 'contact', weight: 60 }],
  [/^opened by$/, { role: 'requester', weight: 50 }],
  [/^(email|e-mail|email address)$/, { role: 'contact', weight: 45 }],
  [/^user$/, { role: 'candidate', weight: 40 }],
];
const ANNOTATING = /^(email|e-mail|email address)$/;
const STAFF = /^(assigned to|assignee|assigned agent|agent|technician|owner|handled by|resolved by|signed in as|logged in as)$/;

/** Text this long or longer is never a field label. */
export const MAX_LABEL_LENGTH = 40;

/** What a field label says about the person next to it, or null when the text is not a known label. */
export function labelMeaning(text: string): LabelMeaning | null {
  if (text.length >= MAX_LABEL_LENGTH) return null;
  const normalized = text.toLowerCase().replace(/[:*]/g, ' ').replace(/\s+/g, ' ').trim();
  if (STAFF.test(normalized)) return { role: 'candidate', weight: 0, opensField: true, staff: true };
  for (const [pattern, meaning] of LABELS) if (pattern.test(normalized)) return { ...meaning, opensField: !ANNOTATING.test(normalized), staff: false };
  return null;
}

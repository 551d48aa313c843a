import { z } from 'zod';
import { GroupType } from '@/lib/okta';

/** A group as the panel knows it; the name only labels the result and the audit entry. */
export const GroupRef = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(300).optional(),
  type: GroupType.optional(),
});
export type GroupRef = z.infer<typeof GroupRef>;

export const AppRef = z.object({
  id: z.string().min(1).max(100),
  label: z.string().max(300).optional(),
});
export type AppRef = z.infer<typeof AppRef>;

export const groupName = (group: GroupRef) => group.name ?? group.id;
export const appName = (app: AppRef) => app.label ?? app.id;

import { z } from 'zod';

/** Which person on the ticket a candidate is. The affected user is usually `requested-for`. */
export const PersonRole = z.enum(['requester', 'requested-for', 'caller', 'reporter', 'contact', 'candidate']);
export type PersonRole = z.infer<typeof PersonRole>;

/** Where a candidate was read from, best first. */
export const PersonSource = z.enum(['api', 'dom', 'rule', 'generic']);

export const DetectedPerson = z.object({
  email: z.string().max(320).optional(),
  name: z.string().max(200).optional(),
  role: PersonRole,
  source: PersonSource,
});
export type DetectedPerson = z.infer<typeof DetectedPerson>;

/** What the content script reports for the active ticket of a tab. Untrusted: it comes from the page. */
export const Detection = z.object({
  helpdesk: z.string().max(40),
  ticketId: z.string().max(120).nullable(),
  ticketUrl: z.string().url().max(2048),
  ticketTitle: z.string().max(300).optional(),
  people: z.array(DetectedPerson).max(20),
});
export type Detection = z.infer<typeof Detection>;

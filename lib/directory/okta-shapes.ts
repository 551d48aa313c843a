import { z } from 'zod';

/*
 * The parts of Okta's objects the directory reads. Unknown fields pass through (Okta adds fields);
 * these are replaced by lib/okta/schemas.ts once the client's schemas cover the same objects.
 */

const timestamp = z.string().nullish();

export const OktaUserShape = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  created: timestamp,
  activated: timestamp,
  statusChanged: timestamp,
  lastLogin: timestamp,
  lastUpdated: z.string(),
  passwordChanged: timestamp,
  transitioningToStatus: z.string().nullish(),
  type: z.looseObject({ id: z.string() }).nullish(),
  profile: z.looseObject({
    login: z.string(),
    email: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    displayName: z.string().nullish(),
  }),
  credentials: z.looseObject({ provider: z.looseObject({ type: z.string().nullish(), name: z.string().nullish() }).nullish() }).nullish(),
});
export type OktaUserShape = z.infer<typeof OktaUserShape>;

/** Group members only need to be told apart by id and status. */
export const OktaMemberShape = z.looseObject({ id: z.string().min(1), status: z.string() });

export const OktaGroupShape = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  created: timestamp,
  lastUpdated: z.string(),
  lastMembershipUpdated: timestamp,
  profile: z.looseObject({ name: z.string(), description: z.string().nullish() }),
});
export type OktaGroupShape = z.infer<typeof OktaGroupShape>;

const link = z.looseObject({ href: z.string() });

export const OktaAppUserShape = z.looseObject({
  id: z.string().min(1),
  scope: z.string(),
  status: z.string().nullish(),
  credentials: z.looseObject({ userName: z.string().nullish() }).nullish(),
  _links: z.looseObject({ group: link.nullish() }).nullish(),
});
export type OktaAppUserShape = z.infer<typeof OktaAppUserShape>;

export const OktaAppShape = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  label: z.string(),
  status: z.string(),
  signOnMode: z.string().nullish(),
  created: timestamp,
  lastUpdated: z.string(),
  _links: z.looseObject({ logo: z.array(link).nullish() }).nullish(),
  _embedded: z.looseObject({ user: OktaAppUserShape.nullish() }).nullish(),
});
export type OktaAppShape = z.infer<typeof OktaAppShape>;

const logTarget = z.looseObject({ id: z.string(), type: z.string() });

export const OktaLogEventShape = z.looseObject({
  uuid: z.string(),
  published: z.string(),
  eventType: z.string(),
  target: z.array(logTarget).nullish(),
});
export type OktaLogEventShape = z.infer<typeof OktaLogEventShape>;

export const OktaFactorShape = z.looseObject({
  id: z.string(),
  factorType: z.string(),
  provider: z.string().nullish(),
  vendorName: z.string().nullish(),
  status: z.string(),
  created: timestamp,
  lastUpdated: timestamp,
});
export type OktaFactorShape = z.infer<typeof OktaFactorShape>;

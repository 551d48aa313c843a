import { UserStatus } from '@/lib/okta';

/** Okta's status rules for lifecycle calls (reference/okta-api.md §1). */
export const PASSWORD_STATUSES: readonly UserStatus[] = ['ACTIVE', 'RECOVERY', 'LOCKED_OUT', 'PASSWORD_EXPIRED'];
export const ANY_STATUS: readonly UserStatus[] = UserStatus.options;
export const NOT_DEPROVISIONED: readonly UserStatus[] = ANY_STATUS.filter((status) => status !== 'DEPROVISIONED');
/** Statuses in which a person can hold sessions and enrolled factors. */
export const SIGNED_UP_STATUSES: readonly UserStatus[] = [...PASSWORD_STATUSES, 'SUSPENDED'];
export const LOCKED_OUT: readonly UserStatus[] = ['LOCKED_OUT'];
export const ACTIVE: readonly UserStatus[] = ['ACTIVE'];
export const SUSPENDED: readonly UserStatus[] = ['SUSPENDED'];
export const DEPROVISIONED: readonly UserStatus[] = ['DEPROVISIONED'];
/** Activation applies to users never activated or deprovisioned; reactivation restarts a pending one. */
export const ACTIVATABLE: readonly UserStatus[] = ['STAGED', 'DEPROVISIONED'];
export const REACTIVATABLE: readonly UserStatus[] = ['PROVISIONED', 'RECOVERY'];

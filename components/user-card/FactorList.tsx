import type { ComponentChildren } from 'preact';
import type { CardFactor } from '@/lib/messaging/views';

const FACTOR_NAMES: Record<string, string> = {
  push: 'Okta Verify push',
  'token:software:totp': 'Authenticator app (TOTP)',
  sms: 'SMS',
  call: 'Voice call',
  email: 'Email',
  question: 'Security question',
  webauthn: 'Security key or biometric',
  u2f: 'U2F key',
  'token:hardware': 'Hardware token',
  signed_nonce: 'Okta FastPass',
};

/** Enrolled MFA factors (fetched live; not kept in the local directory). */
export function factorName(factor: CardFactor): string {
  return FACTOR_NAMES[factor.factorType] ?? factor.factorType;
}

export default function FactorList({ factors, rowAction }: { factors: CardFactor[] | null; rowAction?: (factor: CardFactor) => ComponentChildren }) {
  return (
    <section aria-labelledby="factors-heading" class="stack" style={{ gap: '4px' }}>
      <h3 id="factors-heading">MFA factors{factors ? ` (${factors.length})` : ''}</h3>
      {factors === null ? (
        <p class="muted">Loading from Okta…</p>
      ) : factors.length === 0 ? (
        <p class="muted">No factors enrolled.</p>
      ) : (
        <ul class="plain-list" data-testid="factor-list">
          {factors.map((f) => (
            <li key={f.id} class="row">
              <span>{factorName(f)}</span>
              {f.name ? <span class="muted">{f.name}</span> : null}
              <span class={`badge ${f.status === 'ACTIVE' ? 'ok' : 'neutral'}`}>{f.status.toLowerCase()}</span>
              {rowAction?.(f)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function makeUser(index: number) {
  const id = `00u${String(index).padStart(6, '0')}`;
  return {
    id,
    status: 'ACTIVE',
    created: '2025-01-01T00:00:00.000Z',
    activated: null,
    statusChanged: null,
    lastLogin: null,
    lastUpdated: '2025-06-01T00:00:00.000Z',
    passwordChanged: null,
    type: { id: 'oty1' },
    profile: { login: `user${index}@example.com`, email: `user${index}@example.com`, firstName: 'U', lastName: String(index), costCenter: 'cc-7' },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href: `https://example.okta.com/api/v1/users/${id}` } },
  };
}

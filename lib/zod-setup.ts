import { config } from 'zod/v4/core';

// Extension pages and content scripts forbid eval; without this zod probes `new Function` and the CSP reports a violation.
config({ jitless: true });

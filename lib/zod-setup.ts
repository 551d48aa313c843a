import { z } from 'zod';

// Extension pages forbid eval; without this zod probes `new Function` and the CSP reports a violation.
z.config({ jitless: true });

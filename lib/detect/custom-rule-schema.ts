import { z } from 'zod';
import { PersonRole } from './types';

/**
 * A selector recorded in options (or by "pick on page") for one host. Validated where rules are saved and
 * loaded (options, settings); the content script only imports the type, keeping zod out of its bundle.
 */
export const CustomRule = z.object({
  host: z.string().min(1).max(253),
  /** Match pattern or path glob, see url-pattern.ts; empty matches every page of the host. */
  urlPattern: z.string().max(500).default(''),
  selector: z.string().min(1).max(1000),
  role: PersonRole,
});
export type CustomRule = z.infer<typeof CustomRule>;

import type { z } from 'zod';
import type { SenderKind } from './sender';

/** One message the background answers: its input schema, who may send it, and (as a type) its answer. */
export interface MessageSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  from: readonly SenderKind[];
  /** An agent waits on the answer, which reads the directory: the sync steps aside (lib/directory/reader-activity.ts). */
  interactive: boolean;
  /** Type-only marker for the answer; never set at runtime. */
  output?: O;
}

export function message<O>() {
  return <I extends z.ZodType>(input: I, from: readonly SenderKind[], { interactive = false }: { interactive?: boolean } = {}): MessageSpec<I, O> => ({
    input,
    from,
    interactive,
  });
}

import { useState } from 'preact/hooks';

type CopyButtonProps = {
  /** The text put on the clipboard. */
  text: string;
  /** What is being copied, for the accessible name ("Copy email"). */
  what: string;
  /** The visible label when it should say more than "Copy" (e.g. "Copy ticket note"). */
  label?: string;
};

/** A small button that copies `text` and says so for two seconds. */
export default function CopyButton({ text, what, label }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button type="button" class={label ? '' : 'copy-button'} aria-label={label ? undefined : `Copy ${what}`} title={`Copy ${what}`} onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label ?? 'Copy'}
      <span class="visually-hidden" aria-live="polite">{state === 'copied' ? `${what} copied` : ''}</span>
    </button>
  );
}

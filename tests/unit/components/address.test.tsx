// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import Address from '@/components/user-card/Address';

function rendered(value: string): HTMLElement {
  const root = document.createElement('div');
  render(<Address value={value} testId="user-email" />, root);
  return root.querySelector('[data-testid="user-email"]')!;
}

describe('Address', () => {
  it('offers a line break before the @ and before each dot, and nowhere else; its text is the address', () => {
    const address = rendered('ana.lopez-garcia@mail.example.com');
    expect(address.textContent).toBe('ana.lopez-garcia@mail.example.com');
    const lines = address.innerHTML.split('<wbr>');
    expect(lines).toEqual(['ana', '.lopez-garcia', '@mail', '.example', '.com']);
  });

  it('leaves an address without @ or dots whole, and keeps markup in it as text', () => {
    expect(rendered('jdoe').innerHTML).toBe('jdoe');
    const hostile = rendered('<img src=x onerror=alert(1)>@example.com');
    expect(hostile.querySelector('img')).toBeNull();
    expect(hostile.textContent).toBe('<img src=x onerror=alert(1)>@example.com');
  });
});

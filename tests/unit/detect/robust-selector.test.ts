// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildRobustSelector, isGeneratedToken } from '@/lib/detect/robust-selector';
import { parsePage } from './load-fixture';

/** A ticket sidebar as an Ember/React app renders it; `n` changes every generated id and hashed class. */
function render(n: number, extraRowsBefore = 0): string {
  const filler = Array.from({ length: extraRowsBefore }, (_, i) => `<div id="ember${n + 100 + i}" class="_row_${n}x${i}q">x</div>`).join('');
  return `
    <div id="ember${n}" class="_sidebar_${n}a9z2 css-${n}k2j1">
      ${filler}
      <div class="field _field_${n}kq1">
        <label id=":r${n}:">Requester</label>
        <div data-testid="requester-field" class="sc-${n}abcd-0">
          <span id="ember${n + 1}" class="css-1q${n}x">Jane Doe</span>
          <span class="email _email_3z${n}w">jane.doe@example.com</span>
        </div>
      </div>
      <div class="field _field_${n}kq1">
        <label id=":r${n + 1}:">Assignee</label>
        <div data-testid="assignee-field"><span class="css-1q${n}x">Sam Taylor</span><span class="email">sam.taylor@example.com</span></div>
      </div>
      <input name="ticket[requester_email]" value="jane.doe@example.com">
    </div>`;
}

describe('generated token detection', () => {
  it.each(['ember123', ':r5:', '_name_1x2y3', 'css-1abc23', 'sc-bdfBwQ-0', 'ext-gen1042', '9f8e7d6c5b4a', 'row-20231104'])('treats %s as generated', (token) => {
    expect(isGeneratedToken(token)).toBe(true);
  });

  it.each(['field', 'email', 'requester-name', 'btn-primary', 'col-md-6', 'ticket_info'])('keeps %s as stable', (token) => {
    expect(isGeneratedToken(token)).toBe(false);
  });
});

describe('robust selector', () => {
  it('selects the clicked element uniquely, using no generated ids or hashed classes', () => {
    const doc = parsePage(render(41));
    const email = doc.querySelector('[data-testid="requester-field"] .email')!;
    const selector = buildRobustSelector(email)!;
    expect(doc.querySelectorAll(selector)).toHaveLength(1);
    expect(doc.querySelector(selector)).toBe(email);
    expect(selector).not.toMatch(/ember|:r|_email_|css-|sc-|41/);
    expect(selector).toContain('data-testid');
  });

  it('still finds the same element after a re-render with new generated ids and classes', () => {
    const first = parsePage(render(41));
    const selector = buildRobustSelector(first.querySelector('[data-testid="requester-field"] .email')!)!;
    const second = parsePage(render(987, 2));
    expect(second.querySelector(selector)?.textContent).toBe('jane.doe@example.com');
    const nameSelector = buildRobustSelector(first.querySelector('[data-testid="requester-field"] span')!)!;
    expect(parsePage(render(5550, 1)).querySelector(nameSelector)?.textContent).toBe('Jane Doe');
  });

  it('prefers a stable name attribute', () => {
    const doc = parsePage(render(7));
    expect(buildRobustSelector(doc.querySelector('input')!)).toBe('input[name="ticket[requester_email]"]');
  });

  it('falls back to a structural path when nothing stable exists, and it is still unique', () => {
    const doc = parsePage('<div id="ember1"><p>a</p><p>b</p><p><b>target</b></p></div><div id="ember2"><p><b>other</b></p></div>');
    const target = Array.from(doc.querySelectorAll('b')).find((b) => b.textContent === 'target')!;
    const selector = buildRobustSelector(target)!;
    expect(doc.querySelectorAll(selector)).toHaveLength(1);
    expect(doc.querySelector(selector)).toBe(target);
    expect(selector).not.toContain('ember');
  });

  it('works inside an open shadow root', () => {
    const doc = parsePage('<div id="host"></div>');
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div><span aria-label="Caller email">x@example.com</span></div>';
    const span = shadow.querySelector('span')!;
    const selector = buildRobustSelector(span)!;
    expect(shadow.querySelector(selector)).toBe(span);
  });
});

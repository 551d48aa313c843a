/** Small DOM helpers shared by adapters; all reads are bounded and never use innerHTML. */

/**
 * The text of an element with a space between its text nodes (so `<dt>Email</dt><dd>a@b.c</dd>` does not run
 * together), whitespace-collapsed; undefined when the element is missing, empty or its text is over `max * 4`.
 */
export function textOf(el: Element | null | undefined, max = 2000): string | undefined {
  if (!el) return undefined;
  const limit = max * 4;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    text += ` ${(node as Text).data}`;
    if (text.length > limit) return undefined;
  }
  const collapsed = text.replace(/\s+/g, ' ').trim().slice(0, max);
  return collapsed === '' ? undefined : collapsed;
}

/** The value of an input/select/textarea or the attribute of any element. */
export function valueOf(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const value = (el as HTMLInputElement).value;
  return typeof value === 'string' ? value : (el.getAttribute('value') ?? undefined);
}

/** `querySelector` that treats an invalid selector as no match. */
export function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** `querySelectorAll` capped at `limit` results; an invalid selector gives no match. */
export function safeQueryAll(root: ParentNode, selector: string, limit = 50): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector)).slice(0, limit);
  } catch {
    return [];
  }
}

/** The document of a same-origin iframe, or null when it is cross-origin or not loaded. */
export function frameDocument(frame: Element | null | undefined): Document | null {
  if (!frame || frame.tagName !== 'IFRAME') return null;
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** CSS attribute-value string literal. */
export function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

/**
 * Open shadow roots and same-origin iframe documents reachable from `doc`, found by a bounded walk
 * (at most `maxElements` elements per document), so pages like ServiceNow Next Experience can be searched.
 */
export function nestedRoots(doc: Document, maxElements = 5000, maxDepth = 3): (Document | ShadowRoot)[] {
  const roots: (Document | ShadowRoot)[] = [];
  const visit = (root: Document | ShadowRoot, depth: number) => {
    if (depth > maxDepth) return;
    // nodeType, not instanceof: iframe documents come from another realm.
    const ownerDoc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
    const walker = ownerDoc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
    let count = 0;
    for (let node = walker.nextNode(); node && count < maxElements; node = walker.nextNode(), count++) {
      const el = node as Element;
      if (el.shadowRoot) {
        roots.push(el.shadowRoot);
        visit(el.shadowRoot, depth + 1);
      } else if (el.tagName === 'IFRAME') {
        const inner = frameDocument(el);
        if (inner?.documentElement) {
          roots.push(inner);
          visit(inner, depth + 1);
        }
      }
    }
  };
  visit(doc, 0);
  return roots;
}

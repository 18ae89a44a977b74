/** Small DOM builders for the pages: elements from props and children, and money as text. */
import type { Money } from './api.ts';

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown>;

/**
 * An element: `on*` props become listeners, `class` the class name, `data-*` and `aria-*`
 * attributes; any other prop is set as a property (`value`, `checked`, `disabled`...).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value as EventListener);
    } else if (key === 'class') {
      element.className = String(value);
    } else if (key.startsWith('data-') || key.startsWith('aria-') || !(key in element)) {
      element.setAttribute(key, value === true ? '' : String(value));
    } else {
      (element as unknown as Record<string, unknown>)[key] = value;
    }
  }
  element.append(...children.filter(isChild).map((c) => (typeof c === 'number' ? `${c}` : c)));
  return element;
}

function isChild(child: Child): child is Node | string | number {
  return child !== null && child !== undefined && child !== false;
}

/** Integer minor units as the shopper reads them: 2999 EUR is €29.99. */
export function formatMoney(money: Money): string {
  const format = new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: money.currencyCode,
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

/** Replaces what the main area shows. */
export function show(...content: Node[]): void {
  document.getElementById('app')!.replaceChildren(...content);
}

/** The banner above the page: an error (or null to hide it). */
export function notify(message: string | null): void {
  const notice = document.getElementById('notice')!;
  notice.hidden = message === null;
  notice.textContent = message ?? '';
}

/**
 * Tooltips for the charts, from the <title> each mark already carries (Plot's title channel, the map's
 * UF titles). Without JavaScript the browser shows those titles itself; with it, this shows them at
 * once, on touch too, and styled. The title moves to a data attribute on first hover so the browser's
 * own tooltip does not show as well. The text is set with textContent: names come from the exports.
 */

const tip = document.createElement('div');
tip.className = 'chart-tip';
tip.setAttribute('role', 'tooltip');
tip.hidden = true;

/** The nearest mark with a tooltip text at or above `target`, inside a chart. */
function markAt(target: EventTarget | null): Element | null {
  let element = target instanceof Element ? target : null;
  if (!element?.closest('.chart-plot')) return null;
  while (element && !element.classList.contains('chart-plot')) {
    const title = [...element.children].find((child) => child.localName === 'title');
    if (title) {
      element.setAttribute('data-tip', title.textContent ?? '');
      title.remove();
    }
    if (element.hasAttribute('data-tip')) return element;
    element = element.parentElement;
  }
  return null;
}

/** Places the tip beside the pointer, flipped to stay inside the window. */
function place(x: number, y: number): void {
  const gap = 14;
  const { width, height } = tip.getBoundingClientRect();
  const left = x + gap + width > window.innerWidth ? Math.max(4, x - gap - width) : x + gap;
  const top = y + gap + height > window.innerHeight ? Math.max(4, y - gap - height) : y + gap;
  tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
}

function hide(): void {
  tip.hidden = true;
}

/**
 * The mark under the pointer. A reference rule or a value label drawn over a bar must not hide the
 * bar's tooltip, so everything under the pointer is looked through, down to the chart itself.
 */
function markUnder(event: PointerEvent): Element | null {
  if (!(event.target instanceof Element) || !event.target.closest('.chart-plot')) return null;
  for (const element of document.elementsFromPoint(event.clientX, event.clientY)) {
    const mark = markAt(element);
    if (mark) return mark;
    if (element.classList.contains('chart-plot')) break;
  }
  return null;
}

/** Shows the tooltip of the mark under the pointer, or hides it. */
function update(event: PointerEvent): void {
  const mark = markUnder(event);
  if (!mark) {
    hide();
    return;
  }
  if (!tip.isConnected) document.body.append(tip);
  tip.textContent = mark.getAttribute('data-tip');
  tip.hidden = false;
  place(event.clientX, event.clientY);
}

// pointerover also fires on a tap, so phones get the tooltip too.
document.addEventListener('pointerover', update);
document.addEventListener('pointermove', update, { passive: true });
document.addEventListener('pointerout', (event) => {
  if (!(event.relatedTarget instanceof Element) || !event.relatedTarget.closest('.chart-plot')) hide();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hide();
});
window.addEventListener('scroll', hide, { passive: true });

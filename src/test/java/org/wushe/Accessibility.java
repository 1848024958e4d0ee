package org.wushe;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;

/**
 * WCAG 2.1 AA checks on a rendered page, from the colours and boxes the browser computed (UI.md): text contrast
 * 4.5:1, 3:1 for large text (24 px, or 18.66 px bold); every tap target (link, button, field, checkbox with its
 * label) at least 44×44 CSS px, links inside running text excepted as WCAG allows.
 */
public final class Accessibility {

    private static final String SCRIPT = """
            () => {
              const rgb = c => { const m = c.match(/[\\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; };
              const lum = ([r, g, b]) => {
                const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
              };
              const background = el => {
                for (let e = el; e; e = e.parentElement) {
                  const c = rgb(getComputedStyle(e).backgroundColor);
                  if ((c.length < 4 || c[3] > 0.5)) return c;
                }
                return [255, 255, 255];
              };
              const visible = el => {
                const s = getComputedStyle(el), r = el.getBoundingClientRect();
                return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0
                    && el.closest('[hidden],[aria-hidden=true]') === null
                    // the content of a closed <details> keeps its boxes in Chromium but is not rendered
                    && el.checkVisibility({contentVisibilityAuto: true});
              };
              const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                  + ' "' + (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 30) + '"'
                  + (el.getAttribute('href') ? ' ' + el.getAttribute('href') : '');
              const problems = [];
              for (const el of document.body.querySelectorAll('*')) {
                const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
                if (!text || !visible(el)) continue;
                const s = getComputedStyle(el);
                const fg = rgb(s.color), bg = background(el);
                const a = fg.length > 3 ? fg[3] : 1;
                const mixed = [0, 1, 2].map(i => fg[i] * a + bg[i] * (1 - a));
                const [l1, l2] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
                const ratio = (l1 + 0.05) / (l2 + 0.05);
                const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight) >= 700;
                const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                if (ratio < need - 0.005) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + need + ': ' + name(el));
              }
              const targets = 'a[href],button,input:not([type=hidden]),select,textarea,summary';
              for (const el of document.body.querySelectorAll(targets)) {
                if (!visible(el)) continue;
                // a skip link is shown (full size) only while focused; hidden, it is a 1×1 clipped box
                const hidden = getComputedStyle(el);
                if (hidden.position === 'absolute' && el.getBoundingClientRect().width <= 1) continue;
                let box = el.getBoundingClientRect();
                if (el.matches('input[type=checkbox],input[type=radio]')) {
                  const holder = el.closest('label') || (el.id && document.querySelector('label[for="' + el.id + '"]'));
                  const row = el.parentElement;
                  box = (row && row.getBoundingClientRect().height >= box.height) ? row.getBoundingClientRect() : box;
                  if (holder) { const h = holder.getBoundingClientRect(); if (h.height > box.height) box = h; }
                }
                const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline'
                    && el.parentElement && el.parentElement.innerText.trim().length > el.innerText.trim().length + 10;
                if (inline) continue;
                if (box.width < 43.5 || box.height < 43.5) {
                  problems.push('target ' + Math.round(box.width) + '×' + Math.round(box.height) + ': ' + name(el));
                }
              }
              return problems;
            }""";

    private Accessibility() {}

    /** What on the page falls short: one line per element ("contrast 2.95 < 4.5: button …", "target 48×19: a …"). */
    @SuppressWarnings("unchecked")
    public static List<String> problems(Page page) {
        return (List<String>) page.evaluate(SCRIPT);
    }

    /** The computed contrast of one element's text against its background, for a test that names the element. */
    public static Map<String, Object> describe(Page page, String selector) {
        return Map.of(
                "color",
                page.evalOnSelector(selector, "e => getComputedStyle(e).color"),
                "background",
                page.evalOnSelector(selector, "e => getComputedStyle(e).backgroundColor"));
    }
}

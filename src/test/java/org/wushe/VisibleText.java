package org.wushe;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * Browser checks of what a reader sees on a staff page (issue 15 item 3 and 7), for any module's browser tests:
 * <ul>
 * <li>{@link #bareCodes(Page)}: visible text that looks like a code where a name belongs — a 6 to 12 digit region
 * code or an UPPER_CASE enumeration constant ({@code WALK_IN}, {@code HIGH}). Codes may be shown on purpose inside
 * {@code <code>}, {@code <kbd>}, {@code <samp>}, {@code <pre>}, in an element marked {@code data-code} (a muted
 * second line), in form values and in title attributes (on hover): those are not read.</li>
 * <li>{@link #wrappedButtons(Page)}: buttons whose label wrapped onto a second line (the box is taller than one line
 * of its own font plus its padding and border).</li>
 * </ul>
 * Use {@code assertThat(VisibleText.bareCodes(page)).isEmpty()}, or {@link #noBareCodes(Page)} which fails itself.
 */
public final class VisibleText {

    /** Acronyms that are words, not codes. */
    private static final List<String> WORDS = List.of(
            "HMAC", "JDBC", "TOTP", "HTTP", "HTTPS", "XLSX", "JSON", "WCAG", "HTML", "UUID", "ASCII", "UTF", "CSV",
            "SMS", "API", "URL", "OTP", "PDF", "AES", "WUSHE");

    private static final String CODES = """
            words => {
              const skip = 'code,kbd,samp,pre,script,style,noscript,template,[data-code],[hidden],[aria-hidden=true]';
              const digits = /(^|[^\\p{L}\\w.,:\\-\\/*#@])(\\d{6,12})(?![\\w.,:\\-\\/*@])/u;
              // not a part of a hyphenated tracking code (B4PW-XSRG), which people read and type
              const constant = /(?<![\\w-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})(?![\\w-])/g;
              const visible = el => {
                const s = getComputedStyle(el), r = el.getBoundingClientRect();
                return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0;
              };
              const found = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const el = n.parentElement, text = n.textContent.trim();
                if (!text || !el || el.closest(skip) || !visible(el)) continue;
                const d = text.match(digits);
                if (d) found.push('code ' + d[2] + ' in ' + el.tagName.toLowerCase() + ' "' + text.slice(0, 60) + '"');
                for (const m of text.matchAll(constant)) {
                  if (!words.includes(m[1])) {
                    found.push('constant ' + m[1] + ' in ' + el.tagName.toLowerCase() + ' "' + text.slice(0, 60) + '"');
                  }
                }
              }
              return found;
            }""";

    private static final String WRAPPED = """
            () => {
              const found = [];
              for (const el of document.querySelectorAll('.btn, button, input[type=submit], input[type=button]')) {
                const s = getComputedStyle(el), r = el.getBoundingClientRect();
                if (s.display === 'none' || s.visibility === 'hidden' || r.width === 0 || r.height === 0) continue;
                if (el.closest('[hidden]') || el.hasAttribute('data-multiline')) continue; // a list row styled as a button
                const size = parseFloat(s.fontSize);
                const line = s.lineHeight === 'normal' ? size * 1.2 : parseFloat(s.lineHeight);
                const frame = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth']
                    .map(p => parseFloat(s[p]) || 0).reduce((a, b) => a + b, 0);
                const min = parseFloat(s.minHeight) || 0;
                const oneLine = Math.max(line + frame, min);
                if (r.height > oneLine + line / 2) {
                  found.push((el.id ? '#' + el.id + ' ' : '') + '"' + (el.innerText || el.value || '').trim()
                      .replace(/\\s+/g, ' ').slice(0, 40) + '" is ' + Math.round(r.height) + ' px high, one line is '
                      + Math.round(oneLine) + ' px');
                }
              }
              return found;
            }""";

    private VisibleText() {}

    /** Visible text that looks like a bare code, one line each ("code 310104003 in td …", "constant WALK_IN in …"). */
    @SuppressWarnings("unchecked")
    public static List<String> bareCodes(Page page) {
        return (List<String>) page.evaluate(CODES, WORDS);
    }

    /** Fails with the page's URL and what was found, if any visible text looks like a bare code. */
    public static void noBareCodes(Page page) {
        List<String> found = bareCodes(page);
        if (!found.isEmpty()) {
            throw new AssertionError("Bare codes on " + page.url() + ": " + found);
        }
    }

    /** Buttons whose label wrapped onto more than one line. */
    @SuppressWarnings("unchecked")
    public static List<String> wrappedButtons(Page page) {
        return (List<String>) page.evaluate(WRAPPED);
    }

    /** Fails with the page's URL and the buttons, if any button's label wrapped. */
    public static void noWrappedButtons(Page page) {
        List<String> found = wrappedButtons(page);
        if (!found.isEmpty()) {
            throw new AssertionError("Wrapped buttons on " + page.url() + ": " + found);
        }
    }
}

// Search-as-you-type picker (templates/fragments/picker.html). htmx asks the server for options as one types
// (parameter q); this script turns the plain field into a picker: the visible field only searches, the hidden
// field(s) carry the chosen id(s); arrows move through the options, Enter or a click chooses, Escape closes.
// Typed text that was never chosen is still submitted (as the id field), so the server answers it in place.
// ES5, no inline handlers (CSP), no library besides htmx.
(function () {
  'use strict';
  if (window.wushePicker) {
    return; // the fragment includes this script once per use; run it once
  }
  window.wushePicker = true;

  function parts(box) {
    return {
      text: box.querySelector('[data-picker-text]'),
      list: box.querySelector('.wushe-picker-options'),
      chosen: box.querySelector('[data-picker-chosen]'),
      hidden: box.querySelector(':scope > [data-picker-hidden]'),
      multiple: box.getAttribute('data-multiple') === 'true'
    };
  }

  function init(box) {
    if (box.getAttribute('data-ready')) { return; }
    box.setAttribute('data-ready', '1');
    var p = parts(box);
    var name = p.text.getAttribute('name');
    box.setAttribute('data-name', name);
    p.text.removeAttribute('name');
    p.text.setAttribute('role', 'combobox');
    p.text.setAttribute('aria-autocomplete', 'list');
    p.text.setAttribute('aria-expanded', 'false');
    var help = box.querySelector('[data-picker-help]');
    if (help && box.getAttribute('data-help-script')) { help.textContent = box.getAttribute('data-help-script'); }
    if (p.multiple) {
      p.text.value = '';
      box.querySelectorAll('[data-picker-hidden]').forEach(function (h) { h.disabled = false; });
      box.querySelectorAll('[data-picker-remove]').forEach(function (b) { b.hidden = false; });
    } else {
      p.hidden.disabled = false;
      var label = p.text.getAttribute('data-label');
      if (label && p.hidden.value) { p.text.value = label; }
    }
  }

  function close(box) {
    var p = parts(box);
    p.list.hidden = true;
    p.text.setAttribute('aria-expanded', 'false');
  }

  function choose(box, option) {
    var p = parts(box);
    var id = option.getAttribute('data-picker-id');
    var label = option.getAttribute('data-picker-label');
    if (p.multiple) {
      var exists = Array.prototype.some.call(box.querySelectorAll('[data-picker-hidden]'),
        function (h) { return h.value === id; });
      if (!exists) {
        var chip = document.createElement('span');
        chip.className = 'badge text-bg-light border d-inline-flex align-items-center gap-1 wushe-picker-chip';
        chip.setAttribute('data-picker-chip', '');
        var text = document.createElement('span');
        text.textContent = label;
        var hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = box.getAttribute('data-name');
        hidden.value = id;
        hidden.setAttribute('data-picker-hidden', '');
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'btn-close';
        remove.setAttribute('data-picker-remove', '');
        remove.setAttribute('aria-label', '× ' + label);
        chip.appendChild(text);
        chip.appendChild(hidden);
        chip.appendChild(remove);
        p.chosen.appendChild(chip);
      }
      p.text.value = '';
    } else {
      p.hidden.value = id;
      p.text.value = label;
      p.text.setAttribute('data-label', label);
    }
    close(box);
    p.text.focus();
  }

  function options(box) {
    return Array.prototype.slice.call(box.querySelectorAll('[data-picker-id]'));
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-picker]').forEach(init);
  });
  document.addEventListener('htmx:load', function (event) {
    var root = event.detail.elt;
    if (root.matches && root.matches('[data-picker]')) { init(root); }
    if (root.querySelectorAll) { root.querySelectorAll('[data-picker]').forEach(init); }
  });

  // the search parameter is q, whatever the field is called
  document.addEventListener('htmx:configRequest', function (event) {
    var elt = event.detail.elt;
    if (elt.hasAttribute && elt.hasAttribute('data-picker-text')) {
      event.detail.parameters.q = elt.value;
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    var list = event.detail.target;
    if (list.classList && list.classList.contains('wushe-picker-options')) {
      var box = list.closest('[data-picker]');
      if (document.activeElement !== parts(box).text) { return; }
      list.hidden = false;
      parts(box).text.setAttribute('aria-expanded', 'true');
    }
  });

  document.addEventListener('input', function (event) {
    var box = event.target.closest && event.target.closest('[data-picker]');
    if (!box || !event.target.hasAttribute('data-picker-text')) { return; }
    var p = parts(box);
    if (!p.multiple) {
      // not chosen (yet): what is typed goes to the server as it is, which answers it in place
      p.hidden.value = p.text.value;
      p.text.removeAttribute('data-label');
    }
    if (!p.text.value) { close(box); }
  });

  document.addEventListener('click', function (event) {
    var option = event.target.closest('[data-picker-id]');
    if (option) {
      event.preventDefault();
      choose(option.closest('[data-picker]'), option);
      return;
    }
    var remove = event.target.closest('[data-picker-remove]');
    if (remove) {
      var box = remove.closest('[data-picker]');
      remove.closest('[data-picker-chip]').remove();
      parts(box).text.focus();
      return;
    }
    document.querySelectorAll('[data-picker] .wushe-picker-options:not([hidden])').forEach(function (list) {
      if (!list.closest('[data-picker]').contains(event.target)) { close(list.closest('[data-picker]')); }
    });
  });

  document.addEventListener('keydown', function (event) {
    var box = event.target.closest && event.target.closest('[data-picker]');
    if (!box) { return; }
    var p = parts(box);
    var all = options(box);
    var open = !p.list.hidden;
    var at = all.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && all.length) {
      event.preventDefault();
      if (!open) { p.list.hidden = false; p.text.setAttribute('aria-expanded', 'true'); }
      all[Math.min(all.length - 1, at + 1)].focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      if (at === 0) { p.text.focus(); } else { all[at - 1].focus(); }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close(box);
      p.text.focus();
    } else if (event.key === 'Enter' && event.target === p.text && open && all.length) {
      event.preventDefault(); // Enter in the field chooses the first option instead of submitting
      choose(box, all[0]);
    }
  });

  // multiple: text typed but never chosen is submitted too, so the server says what is wrong with it
  document.addEventListener('submit', function (event) {
    event.target.querySelectorAll('[data-picker][data-multiple="true"]').forEach(function (box) {
      var p = parts(box);
      if (p.text.value.trim()) {
        var hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = box.getAttribute('data-name');
        hidden.value = p.text.value.trim();
        hidden.setAttribute('data-picker-hidden', '');
        p.chosen.appendChild(hidden);
        p.text.value = '';
      }
    });
  }, true);
})();

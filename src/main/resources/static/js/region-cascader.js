// Region cascader (templates/region/cascader.html): the server renders the pre-filled lists; this script
// enables them, loads the next level on change from /api/v1/regions/{code}/children and keeps the one
// submitted field at the deepest code chosen. ES5 and XMLHttpRequest on purpose: old WeChat browsers.
(function () {
  'use strict';
  if (window.wusheRegionCascader) {
    return; // the fragment includes this script once per use; run it once
  }
  window.wusheRegionCascader = true;
  var DEPTH = {PROVINCE: 0, CITY: 1, COUNTY: 2, TOWNSHIP: 3, VILLAGE: 4};
  var cache = {};

  function levelOf(code) {
    if (code.length === 12) { return 'VILLAGE'; }
    if (code.length === 9) { return 'TOWNSHIP'; }
    return /0000$/.test(code) ? 'PROVINCE' : /00$/.test(code) ? 'CITY' : 'COUNTY';
  }

  function load(url, done, failed) {
    if (cache[url]) { done(cache[url]); return; }
    var xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = function () {
      var list;
      try { list = xhr.status === 200 ? JSON.parse(xhr.responseText) : null; } catch (e) { list = null; }
      if (list) { cache[url] = list; done(list); } else { failed(); }
    };
    xhr.onerror = failed;
    xhr.send();
  }

  function init(box) {
    if (box.getAttribute('data-ready')) { return; }
    box.setAttribute('data-ready', '1');
    var d = box.dataset;
    var hidden = box.querySelector('[data-cascader-value]');
    var lists = box.querySelector('[data-cascader-lists]');
    var error = box.querySelector('[data-cascader-error]');
    var seq = 0;
    hidden.disabled = false;
    lists.hidden = false;

    function selects() { return lists.querySelectorAll('select'); }

    function valid() {
      var v = hidden.value;
      return v ? DEPTH[levelOf(v)] >= DEPTH[d.level] : d.optional === 'true';
    }

    function check(show) {
      var all = selects(), ok = valid(), last = all[all.length - 1], i;
      for (i = 0; i < all.length; i++) { all[i].setCustomValidity(''); all[i].classList.remove('is-invalid'); }
      if (!ok && last) {
        last.setCustomValidity(d.tooShallow); // the browser then refuses the form (htmx checks it too)
        if (show) { last.classList.add('is-invalid'); }
      }
      if (show || ok) {
        error.textContent = ok ? '' : d.tooShallow;
        error.style.display = ok ? '' : 'block';
      }
      return ok;
    }

    function update() {
      var all = selects(), v = '', i;
      for (i = 0; i < all.length; i++) { if (all[i].value) { v = all[i].value; } }
      hidden.value = v;
      check(false);
    }

    function column(list, depth) {
      var select = document.createElement('select'), i, option;
      select.className = 'form-select mb-2';
      select.id = box.id + '-' + depth;
      select.setAttribute('data-depth', depth);
      select.setAttribute('aria-label', d['label' + list[0].level.charAt(0) + list[0].level.slice(1).toLowerCase()] || '');
      select.appendChild(new Option(d.choose, ''));
      for (i = 0; i < list.length; i++) {
        option = new Option(list[i].name, list[i].code);
        if (list[i].hasChildren) { option.setAttribute('data-children', '1'); }
        select.appendChild(option);
      }
      lists.appendChild(select);
      if (list.length === 1) { select.value = list[0].code; choose(select); }
    }

    function choose(select) {
      var depth = +select.getAttribute('data-depth'), all = selects(), i, mine = ++seq;
      for (i = all.length - 1; i > depth; i--) { lists.removeChild(all[i]); }
      update();
      var option = select.options[select.selectedIndex];
      if (!select.value || !option.hasAttribute('data-children')) { return; }
      box.setAttribute('aria-busy', 'true');
      load(d.api + '/' + select.value + '/children', function (list) {
        box.removeAttribute('aria-busy');
        if (mine !== seq) { return; } // a newer choice was made meanwhile
        if (list.length) { column(list, depth + 1); }
        update();
      }, function () {
        box.removeAttribute('aria-busy');
        error.textContent = d.failed;
        error.style.display = 'block';
      });
    }

    lists.addEventListener('change', function (event) {
      if (event.target.tagName === 'SELECT') { choose(event.target); }
    });
    box.addEventListener('invalid', function () { check(true); }, true);
    var form = box.closest('form');
    if (form) {
      // for forms with novalidate, where the browser does not enforce setCustomValidity
      form.addEventListener('submit', function (event) {
        if (!check(true)) { event.preventDefault(); selects()[selects().length - 1].focus(); }
      });
    }
    update();
  }

  function scan(root) {
    var boxes = (root || document).querySelectorAll('[data-region-cascader]'), i;
    for (i = 0; i < boxes.length; i++) { init(boxes[i]); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { scan(); });
  } else {
    scan();
  }
  document.addEventListener('htmx:load', function (event) { scan(event.target); });
})();

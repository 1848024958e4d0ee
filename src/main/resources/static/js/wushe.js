// Wushe's only script besides htmx: CSRF for htmx requests and the tree toggles (no inline handlers: CSP).
(function () {
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="_csrf_header"]');
    var token = document.querySelector('meta[name="_csrf"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });
  document.addEventListener('click', function (event) {
    var toggle = event.target.closest('button.toggle[aria-expanded="false"]');
    if (toggle) {
      toggle.setAttribute('aria-expanded', 'true');
      toggle.textContent = '▾';
    }
  });
})();

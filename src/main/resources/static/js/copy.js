// A copy button: <button data-copy="#input" data-copied="已复制">; without script the field stays selectable.
(function () {
  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-copy]');
    if (!button) {
      return;
    }
    var field = document.querySelector(button.getAttribute('data-copy'));
    if (!field) {
      return;
    }
    field.select();
    var done = function () {
      if (button.dataset.copied) {
        button.textContent = button.dataset.copied;
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        document.execCommand('copy');
        done();
      });
    } else {
      document.execCommand('copy');
      done();
    }
  });
})();

// Resident intake: show only the triage questions of the chosen category, and disable the submit button after a
// tap (the server also ignores a repeated submission key). Everything works without this script.
(function () {
  function sync() {
    var chosen = document.querySelector('input[name="category"]:checked');
    document.querySelectorAll('.q').forEach(function (q) {
      q.hidden = !chosen || q.getAttribute('data-category') !== chosen.value;
    });
  }
  document.addEventListener('change', function (e) {
    if (e.target.name === 'category') { sync(); }
  });
  // After a code was sent: the resend button waits (the SMS takes a moment), counting down in its label.
  function countDown() {
    var b = document.getElementById('send-code');
    if (!b || !b.dataset.wait) { return; }
    var left = parseInt(b.dataset.wait, 10), label = b.textContent;
    b.disabled = true;
    var tick = function () {
      if (left <= 0) { b.disabled = false; b.textContent = label; return; }
      b.textContent = b.dataset.resend.replace('{0}', left);
      left -= 1;
      setTimeout(tick, 1000);
    };
    tick();
    var code = document.getElementById('code');
    if (code) { code.focus(); }
  }
  document.addEventListener('DOMContentLoaded', function () { sync(); countDown(); });
  document.addEventListener('submit', function (e) {
    var b = e.submitter;
    if (b && b.id === 'submit-request') { setTimeout(function () { b.disabled = true; }, 0); }
  });
})();

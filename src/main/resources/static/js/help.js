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
  document.addEventListener('DOMContentLoaded', sync);
  document.addEventListener('submit', function (e) {
    var b = e.submitter;
    if (b && b.id === 'submit-request') { setTimeout(function () { b.disabled = true; }, 0); }
  });
})();

// Live pull request status: while checks run, the server marks the status box with data-poll
// (the URL of the box alone); this script fetches it and swaps it in until no check is pending.
(function () {
  'use strict';
  var INTERVAL = 500;

  function poll(box) {
    var url = box.getAttribute('data-poll');
    if (!url) {
      return;
    }
    window.setTimeout(function () {
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('status ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var template = document.createElement('template');
          template.innerHTML = html.trim();
          var fresh = template.content.querySelector('#pr-status');
          if (fresh) {
            box.replaceWith(fresh);
            poll(fresh);
          }
        })
        .catch(function () {
          window.setTimeout(function () { poll(box); }, 2000);
        });
    }, INTERVAL);
  }

  document.querySelectorAll('[data-poll]').forEach(poll);
})();

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

// Markdown text boxes: "Preview" hides the text box and shows what htmx fetched from the
// server's renderer (the button's hx-post); "Write" goes back.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var write = event.target.closest('[data-md-write]');
    var preview = event.target.closest('[data-md-preview]');
    var id = write ? write.getAttribute('data-md-write') : preview ? preview.getAttribute('data-md-preview') : null;
    if (!id) {
      return;
    }
    var box = document.getElementById(id);
    var shown = document.getElementById(id + '-preview');
    box.hidden = !!preview;
    shown.hidden = !preview;
    document.getElementById(id + '-write').classList.toggle('current', !preview);
    document.getElementById(id + '-preview-tab').classList.toggle('current', !!preview);
  });
})();

// "Files changed": clicking a line of the new file moves the (hidden) line comment form under it.
(function () {
  'use strict';
  var form = document.getElementById('line-comment-form');
  if (!form) {
    return;
  }
  var row = document.createElement('tr');
  row.className = 'line-comment-row';
  row.appendChild(document.createElement('td'));
  var cell = document.createElement('td');
  row.appendChild(cell);
  document.querySelectorAll('table.diff tr[data-line]').forEach(function (line) {
    line.classList.add('commentable');
    line.addEventListener('click', function () {
      var file = line.closest('[data-path]');
      document.getElementById('line-comment-path').value = file.getAttribute('data-path');
      document.getElementById('line-comment-line').value = line.getAttribute('data-line');
      cell.appendChild(form);
      line.after(row);
      form.hidden = false;
      document.getElementById('line-comment-body').focus();
    });
  });
  document.getElementById('line-comment-cancel').addEventListener('click', function () {
    form.hidden = true;
    row.remove();
  });
})();

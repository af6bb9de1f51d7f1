// Copy buttons: <button data-copy="ID"> copies the text of the element with that id to the clipboard
// and says so on the button for a moment. Without a clipboard (plain http on another host), it selects
// the text so Ctrl+C copies it.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute('data-copy'));
  if (!source) {
    return;
  }
  var label = button.textContent;
  var done = function () {
    button.textContent = button.getAttribute('data-copied') || '\u2713';
    setTimeout(function () { button.textContent = label; }, 1500);
  };
  var select = function () {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(source.textContent).then(done, select);
  } else {
    select();
  }
});

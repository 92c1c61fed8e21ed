// The reading-language control of a bilingual call page (callpress). The radio buttons
// work without JavaScript; this keeps the paragraph the reader is on in place when the
// choice hides or shows translations, and remembers the choice across pages and reloads.
(function () {
  "use strict";
  var inputs = document.querySelectorAll(".reader > input[name=view]");
  var control = document.querySelector(".view-control");
  if (!inputs.length || !control) return;
  var KEY = "callpress-view";
  try {
    var saved = window.localStorage.getItem(KEY);
    var chosen = saved && document.getElementById(saved);
    if (chosen && chosen.name === "view") chosen.checked = true;
  } catch (e) { /* storage may be off: the default stays */ }

  var paras = document.querySelectorAll(".transcript .para");
  var anchor = null;
  var offset = 0;
  // The paragraph the reader is on: the first that starts below the sticky control,
  // found by bisection.
  function remember() {
    var top = control.getBoundingClientRect().bottom;
    var lo = 0, hi = paras.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (paras[mid].getBoundingClientRect().top >= top) { found = mid; hi = mid - 1; } else { lo = mid + 1; }
    }
    anchor = found >= 0 ? paras[found] : null;
    offset = anchor ? anchor.getBoundingClientRect().top : 0;
  }
  var pending = false;
  // The scroll that puts the paragraph back is ours, not the reader's: the reader is still
  // on the same paragraph, whatever now starts first below the control.
  var ours = false;
  window.addEventListener("scroll", function () {
    if (ours) { ours = false; return; }
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; remember(); });
  }, { passive: true });
  remember();
  Array.prototype.forEach.call(inputs, function (input) {
    input.addEventListener("change", function () {
      try { window.localStorage.setItem(KEY, input.id); } catch (e) { /* not remembered */ }
      if (!anchor) return;
      var moved = anchor.getBoundingClientRect().top - offset;
      if (Math.abs(moved) >= 1) { ours = true; window.scrollBy(0, moved); }
    });
  });
})();

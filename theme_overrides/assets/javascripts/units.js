// Copy-link buttons on units, and a language switch that keeps the #fragment.
// Optional by design: without JavaScript every unit label is a plain permalink, the
// copy buttons stay hidden (CSS shows them under .units-js) and the switch is a link.
(function () {
  "use strict";
  document.documentElement.classList.add("units-js");

  function announce(message) {
    var status = document.querySelector(".unit-copy-status");
    if (!status) return;
    status.textContent = "";
    // A fresh text node makes screen readers announce the same message twice in a row.
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function copyLink(button) {
    var url = new URL("#" + button.getAttribute("data-anchor"), location.href).href;
    var status = document.querySelector(".unit-copy-status");
    var copied = (status && status.getAttribute("data-copied")) || "Copied";
    function done() {
      button.classList.add("unit-copy--done");
      button.setAttribute("data-label", button.textContent);
      button.textContent = copied;
      announce(copied);
      window.setTimeout(function () {
        button.classList.remove("unit-copy--done");
        button.textContent = button.getAttribute("data-label");
      }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, function () { location.hash = button.getAttribute("data-anchor"); });
    } else {
      // No clipboard (plain http): show the permalink in the address bar instead.
      location.hash = button.getAttribute("data-anchor");
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var button = target.closest(".unit-copy");
    if (button) {
      event.preventDefault();
      copyLink(button);
      return;
    }
    var switcher = target.closest("a[data-keep-fragment]");
    if (switcher && location.hash) {
      switcher.href = switcher.href.split("#")[0] + location.hash;
    }
  }, true);
})();

// Copy-link buttons on units, and a language switch that keeps the #fragment.
// Optional by design: without JavaScript every unit label is a plain permalink, there is
// no copy button (it could not work) and the switch is a link.
(function () {
  "use strict";
  document.documentElement.classList.add("units-js");

  // One button per unit, after its text: <button class="unit-copy" data-anchor="para_7"
  // aria-label="Copy link to paragraph 7">Copy link</button>. The generator leaves them
  // out of the HTML (they weighed on every text page); the strings are the
  // page's own, on the status region, and the unit's name is read from its permalink's
  // ("Link to {unit}").
  function addCopyButtons() {
    var strings = document.querySelector(".unit-copy-status");
    if (!strings) return;
    var label = strings.getAttribute("data-copy") || "Copy link";
    var linkName = (strings.getAttribute("data-link-to-unit") || "{unit}").split("{unit}");
    var copyName = strings.getAttribute("data-copy-link-to-unit") || "{unit}";
    var units = document.querySelectorAll(".unit[id]");
    for (var i = 0; i < units.length; i++) {
      var unit = units[i];
      var text = unit.querySelector(":scope > .unit-text");
      if (!text || unit.querySelector(":scope > .unit-copy")) continue;
      var permalink = unit.querySelector(":scope > .unit-label");
      var name = (permalink && permalink.getAttribute("aria-label")) || unit.id;
      if (linkName.length === 2 && name.indexOf(linkName[0]) === 0 &&
          name.length >= linkName[0].length + linkName[1].length &&
          name.slice(name.length - linkName[1].length) === linkName[1]) {
        name = name.slice(linkName[0].length, name.length - linkName[1].length);
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "unit-copy";
      button.setAttribute("data-anchor", unit.id);
      button.setAttribute("aria-label", copyName.split("{unit}").join(name));
      button.textContent = label;
      text.insertAdjacentElement("afterend", button);
    }
  }
  addCopyButtons();

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

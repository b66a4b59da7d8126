(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var shown = document.getElementById("shown");
  var names = ["place", "target", "status"];
  function keep(el, place, target, status) {
    return (!place || el.dataset.place === place) &&
      (!target || el.dataset.target === target) &&
      (!status || el.dataset.status === status);
  }
  function apply() {
    var place = form.elements.place.value;
    var target = form.elements.target.value;
    var status = form.elements.status.value;
    var count = 0;
    document.querySelectorAll("tbody.row").forEach(function (row) {
      var ok = keep(row, place, target, status);
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    document.querySelectorAll("section.group").forEach(function (group) {
      group.hidden = !group.querySelector("tbody.row:not([hidden])");
    });
    document.querySelectorAll("figure.chart").forEach(function (chart) {
      chart.hidden = !keep(chart, place, target, "");
    });
    shown.textContent = String(count);
  }
  // A filtered view is a link: #status=short&place=白云区.
  function save() {
    var parts = [];
    names.forEach(function (name) {
      var value = form.elements[name].value;
      if (value) { parts.push(name + "=" + encodeURIComponent(value)); }
    });
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname);
  }
  function load() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (/^r-\d+$/.test(hash)) {
      // A link to one row opens its evidence.
      var details = document.querySelector("#" + hash + " details");
      if (details) { details.open = true; details.scrollIntoView(); }
      return;
    }
    hash.split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      var name = pair.slice(0, at);
      if (at > 0 && names.indexOf(name) >= 0) {
        form.elements[name].value = pair.slice(at + 1);
      }
    });
  }
  form.addEventListener("change", function () { apply(); save(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { apply(); save(); }, 0);
  });
  window.addEventListener("hashchange", function () { load(); apply(); });
  load();
  apply();
}());

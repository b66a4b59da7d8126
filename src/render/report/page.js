(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var shown = document.getElementById("shown");
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
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  apply();
}());

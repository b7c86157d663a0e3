// Progressive enhancement of the labels page: filter the list by level, network and région.
// Without JavaScript the form stays hidden and the count tables link to one static page per group.
(function () {
  "use strict";

  function pluralise(count, total) {
    return window.siteText("labelsShown", {count: window.siteNumber(count), total: window.siteNumber(total)}, count);
  }

  function setUp(form) {
    var table = document.getElementById("structures-labellisees");
    if (!table || !table.tBodies.length) { return; }
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var status = form.querySelector(".filter-status");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);

    function apply() {
      var wanted = {};
      selects.forEach(function (select) { wanted[select.getAttribute("data-filter")] = select.value; });
      var shown = 0;
      rows.forEach(function (row) {
        var keep = Object.keys(wanted).every(function (key) {
          return wanted[key] === "" || row.getAttribute("data-" + key) === wanted[key];
        });
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      if (status) { status.textContent = pluralise(shown, rows.length); }
    }

    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
    apply();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("filtre-labels");
    if (form) { setUp(form); }
  });
})();

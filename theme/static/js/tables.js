// Progressive enhancement: tables marked .sortable get sort buttons in their column headers.
// Without JavaScript the table reads as published (already in a meaningful order).
(function () {
  "use strict";
  var collator = new Intl.Collator(window.siteLanguage || "fr", { numeric: true, sensitivity: "base" });

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    var sortKey = cell.getAttribute("data-sort");
    if (sortKey !== null) { return parseFloat(sortKey); }
    var textKey = cell.getAttribute("data-sort-text");  // a name without its articles ("caf ain")
    return textKey !== null ? textKey : cell.textContent.trim();
  }

  function sortBy(table, index, header) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var missingX = x === "" || (typeof x === "number" && isNaN(x));
      var missingY = y === "" || (typeof y === "number" && isNaN(y));
      if (missingX !== missingY) { return missingX ? 1 : -1; }
      var order = (typeof x === "number" && typeof y === "number") ? x - y : collator.compare(String(x), String(y));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function enhance(table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = header.textContent;
      button.setAttribute("aria-label", window.siteText("sortBy", {column: header.textContent.trim()}));
      button.addEventListener("click", function () { sortBy(table, index, header); });
      header.textContent = "";
      header.appendChild(button);
    });
  }

  // A table wider than its box says so in words too (the edge shadows are the cue without JavaScript).
  function markScrollable(wrap) {
    var hint = wrap.previousElementSibling;
    var hasHint = hint && hint.classList.contains("scroll-hint");
    var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls && !hasHint) {
      hint = document.createElement("p");
      hint.className = "scroll-hint";
      hint.textContent = window.siteText("scrollHint");
      wrap.parentNode.insertBefore(hint, wrap);
    } else if (!scrolls && hasHint) {
      hint.parentNode.removeChild(hint);
    }
  }

  function markAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".table-wrap"), markScrollable);
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
    markAll();
    window.addEventListener("resize", markAll);
    // A table inside a closed <details> has no width until it opens.
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (details) {
      details.addEventListener("toggle", markAll);
    });
  });
})();

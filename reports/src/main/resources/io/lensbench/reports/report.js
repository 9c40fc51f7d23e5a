(function () {
  "use strict";
  function cellValue(td) {
    var v = td.getAttribute("data-v");
    if (v !== null && v !== "") { var n = parseFloat(v); if (!isNaN(n)) { return n; } }
    return null;
  }
  function sortTable(table, col, th) {
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows).filter(function (r) { return !r.classList.contains("qsgroup"); });
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var ca = a.cells[col], cb = b.cells[col];
      if (!ca || !cb) { return 0; }
      var na = cellValue(ca), nb = cellValue(cb);
      if (na !== null && nb !== null) { return (na - nb) * dir; }
      if (na !== null) { return -1; }
      if (nb !== null) { return 1; }
      return ca.textContent.localeCompare(cb.textContent) * dir;
    });
    Array.prototype.forEach.call(tbody.querySelectorAll("tr.qsgroup"), function (g) { g.classList.add("hidden"); });
    rows.forEach(function (r) { tbody.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.data"), function (table) {
    if (!table.tHead) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.setAttribute("title", "click to sort");
      th.addEventListener("click", function () { sortTable(table, i, th); });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("input.filter"), function (input) {
    var target = document.getElementById(input.getAttribute("data-target"));
    var counter = input.parentNode.querySelector(".count");
    if (!target) { return; }
    var items = target.tagName === "TABLE" ? Array.prototype.slice.call(target.tBodies[0].rows)
        : Array.prototype.slice.call(target.querySelectorAll("[data-search]"));
    function apply() {
      var terms = input.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
      var shown = 0;
      items.forEach(function (el) {
        if (el.classList.contains("qsgroup")) { el.classList.toggle("hidden", terms.length > 0); return; }
        var text = (el.getAttribute("data-search") || el.textContent).toLowerCase();
        var ok = terms.every(function (t) { return text.indexOf(t) >= 0; });
        el.classList.toggle("hidden", !ok);
        if (ok) { shown++; }
      });
      if (counter) { counter.textContent = shown + " shown"; }
    }
    input.addEventListener("input", apply);
    apply();
  });
  var data = document.getElementById("report-data");
  if (data) {
    var parsed = JSON.parse(data.textContent);
    document.documentElement.setAttribute("data-cells", String(parsed.cells.length));
  }
})();

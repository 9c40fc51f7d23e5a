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
    table.setAttribute("data-sorted", "1");
    table.dispatchEvent(new Event("lb-sorted"));
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
    var facets = Array.prototype.slice.call(input.parentNode.querySelectorAll("select.facet"));
    if (!target) { return; }
    var isTable = target.tagName === "TABLE";
    function items() {
      return isTable ? Array.prototype.slice.call(target.tBodies[0].rows)
          : Array.prototype.slice.call(target.querySelectorAll("[data-search]"));
    }
    function apply() {
      var terms = input.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
      var shown = 0, group = null, groupShown = false;
      var sorted = isTable && target.getAttribute("data-sorted") === "1";
      function closeGroup() { if (group) { group.classList.toggle("hidden", sorted || terms.length > 0 || !groupShown); } }
      items().forEach(function (el) {
        if (el.classList.contains("qsgroup")) { closeGroup(); group = el; groupShown = false; return; }
        var text = (el.getAttribute("data-search") || el.textContent).toLowerCase();
        var ok = terms.every(function (t) { return text.indexOf(t) >= 0; });
        facets.forEach(function (f) {
          if (!ok || f.value === "") { return; }
          var cell = el.cells ? el.cells[parseInt(f.getAttribute("data-col"), 10)] : null;
          var v = cell ? cell.getAttribute("data-f") || cell.textContent.trim() : el.getAttribute("data-f-" + f.getAttribute("data-col"));
          ok = v === f.value;
        });
        el.classList.toggle("hidden", !ok);
        if (ok) { shown++; groupShown = true; }
      });
      closeGroup();
      if (counter) { counter.textContent = shown + " shown"; }
    }
    input.addEventListener("input", apply);
    facets.forEach(function (f) { f.addEventListener("change", apply); });
    target.addEventListener("lb-sorted", apply);
    apply();
  });
  Array.prototype.forEach.call(document.querySelectorAll("select.rowstore"), function (sel) {
    var target = document.getElementById(sel.getAttribute("data-target"));
    if (!target) { return; }
    sel.addEventListener("change", function () {
      Array.prototype.forEach.call(target.querySelectorAll(".rowcell[data-store]"), function (row) {
        row.classList.toggle("hidden", sel.value !== "" && row.getAttribute("data-store") !== sel.value);
      });
    });
  });
  var headline = document.getElementById("headline-metric");
  if (headline) {
    headline.addEventListener("change", function () {
      Array.prototype.forEach.call(document.querySelectorAll(".hm-set"), function (set) {
        set.classList.toggle("hidden", set.getAttribute("data-metric") !== headline.value);
      });
    });
  }
  var data = document.getElementById("report-data");
  if (data) {
    var parsed = JSON.parse(data.textContent);
    document.documentElement.setAttribute("data-cells", String(parsed.cells.length));
  }
})();

/* The issue form: the field suggests its responsible agency (until someone picks one by
   hand), and while the title is typed, similar open issues are listed so the same matter is
   not flagged twice. Without JavaScript the form works the same, with no hints. */
(function () {
  "use strict";
  var form = document.getElementById("issue-form");
  if (!form) { return; }

  var field = form.querySelector("#field");
  var agency = form.querySelector("#responsible_agency_id");
  var suggestions = JSON.parse(document.getElementById("agency-suggestions").dataset.map || "{}");
  var chosenByHand = agency && agency.value !== "";
  if (agency) {
    agency.addEventListener("change", function () { chosenByHand = agency.value !== ""; });
  }
  if (field && agency) {
    field.addEventListener("change", function () {
      var suggested = suggestions[field.value];
      if (!chosenByHand && suggested) { agency.value = String(suggested); }
    });
  }

  var title = form.querySelector("#title");
  var box = document.getElementById("similar-issues");
  var url = form.getAttribute("data-similar");
  var exclude = form.getAttribute("data-exclude");
  var timer = null;
  var asked = "";

  function show(items) {
    box.textContent = "";
    if (!items.length) { return; }
    var heading = document.createElement("p");
    heading.className = "mb-1 fw-semibold";
    heading.textContent = box.dataset.heading;
    box.appendChild(heading);
    var list = document.createElement("ul");
    list.className = "mb-0";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = item.title;
      li.appendChild(link);
      li.appendChild(document.createTextNode(" (" + item.status + ", " + item.first_seen + ")"));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function ask() {
    var text = title.value.trim();
    if (text === asked) { return; }
    asked = text;
    if (text.length < 4) { show([]); return; }
    var query = "?title=" + encodeURIComponent(text) + (exclude ? "&exclude=" + exclude : "");
    fetch(url + query, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (data) { if (title.value.trim() === text) { show(data.items || []); } })
      .catch(function () { /* no hints offline: the form still works */ });
  }

  if (title && box && url) {
    title.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 300);
    });
  }
}());

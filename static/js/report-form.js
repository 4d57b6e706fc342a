/* The report form: the draft saves itself every half minute when something changed, and the
   page warns before leaving with unsaved changes. Nothing typed is lost to a dropped
   connection, a closed laptop or a missed click. */
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form) { return; }
  var url = form.getAttribute("data-autosave");
  var status = document.getElementById("autosave-status");
  var texts = document.getElementById("autosave-messages").dataset;
  var dirty = false;
  var sending = false;
  var submitting = false;

  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });
  form.addEventListener("submit", function () { submitting = true; });

  window.addEventListener("beforeunload", function (event) {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = texts.leave;
      return texts.leave;
    }
  });

  function save() {
    if (!dirty || sending || submitting) { return; }
    sending = true;
    var data = new FormData(form);
    data.delete("file");
    data.delete("send");
    dirty = false;
    fetch(url, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      })
      .then(function (result) {
        if (result.body.ok) {
          form.querySelector("input[name=version]").value = result.body.version;
          status.textContent = texts.saved.replace("%(when)s", result.body.saved_at);
        } else if (result.status === 409) {
          dirty = true;
          status.textContent = texts.conflict;
        } else {
          dirty = true;
          status.textContent = texts.failed;
        }
      })
      .catch(function () {
        dirty = true;
        status.textContent = texts.failed;
      })
      .finally(function () { sending = false; });
  }

  window.setInterval(save, 30000);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { save(); }
  });
})();

// The new-service form's cost estimate: whenever a feature, an option or an assumption changes, the form is
// sent to the server, which renders the estimate; this script only swaps it in.
(function () {
  "use strict";

  var form = document.getElementById("new-service");
  var target = document.getElementById("cost-estimate");
  if (!form || !target) {
    return;
  }
  var timer = null;
  var inFlight = null;
  var open = {};

  function rememberOpen() {
    target.querySelectorAll("li[data-feature] details").forEach(function (d) {
      open[d.parentElement.dataset.feature] = d.open;
    });
  }

  function restoreOpen() {
    target.querySelectorAll("li[data-feature] details").forEach(function (d) {
      d.open = open[d.parentElement.dataset.feature] === true;
    });
  }

  function estimate() {
    if (inFlight) {
      inFlight.abort();
    }
    var controller = new AbortController();
    inFlight = controller;
    target.setAttribute("aria-busy", "true");
    fetch(target.dataset.estimateUrl, {
      method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html",
        "X-CSRF-Token": (document.querySelector('meta[name="csrf-token"]') || {}).content || ""},
      body: new URLSearchParams(new FormData(form)).toString(),
      signal: controller.signal
    }).then(function (response) {
      return response.text().then(function (html) {
        return {ok: response.ok, html: html};
      });
    }).then(function (result) {
      if (inFlight !== controller) {
        return;
      }
      inFlight = null;
      target.removeAttribute("aria-busy");
      if (result.ok) {
        rememberOpen();
        target.innerHTML = result.html;
        restoreOpen();
        markAssumptions();
      }
    }).catch(function (e) {
      if (e.name !== "AbortError") {
        target.removeAttribute("aria-busy");
        target.textContent = "The estimate is not available right now.";
      }
    });
  }

  // Problems with an assumption are listed in the estimate; the input they are about is marked too.
  function markAssumptions() {
    var wrong = {};
    target.querySelectorAll("[data-field^='assumptions.']").forEach(function (li) {
      wrong[li.dataset.field.substring("assumptions.".length)] = true;
    });
    form.querySelectorAll("[data-assumption]").forEach(function (input) {
      input.setAttribute("aria-invalid", wrong[input.dataset.assumption] ? "true" : "false");
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(estimate, 250);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  estimate();
})();

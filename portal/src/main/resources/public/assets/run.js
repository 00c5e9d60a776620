// Follows a publish run: each step's state arrives as a server-sent event from /api/v1/runs/{id}/events.
(function () {
  "use strict";

  var run = document.getElementById("run");
  if (!run || run.dataset.status !== "running" || !window.EventSource) {
    return;
  }
  var id = run.dataset.run;
  var statusText = document.getElementById("run-status");
  var events = document.getElementById("events");

  function step(event) {
    var li = document.querySelector('.step[data-step="' + event.step + '"]');
    if (!li) {
      return;
    }
    if (event.status !== "info") {
      li.dataset.status = event.status;
      li.querySelector(".step-state").textContent = event.status;
    }
    li.querySelector(".step-message").textContent = event.message;
  }

  function log(event) {
    var li = document.createElement("li");
    var time = document.createElement("time");
    time.dateTime = event.at;
    time.textContent = event.at.substring(11, 23);
    li.appendChild(time);
    li.appendChild(document.createTextNode(" " + event.step + " " + event.status + " " + event.message));
    events.appendChild(li);
  }

  function finish() {
    fetch("/api/v1/runs/" + id, {headers: {"Accept": "application/json"}})
        .then(function (response) { return response.json(); })
        .then(function (view) {
          run.dataset.status = view.status;
          statusText.dataset.status = view.status;
          view.steps.forEach(function (s) {
            var li = document.querySelector('.step[data-step="' + s.id + '"]');
            li.dataset.status = s.status;
            li.querySelector(".step-state").textContent = s.status;
            li.querySelector(".step-message").textContent = s.message;
          });
          if (view.status === "succeeded") {
            statusText.textContent = "Published";
            document.getElementById("clone-url").textContent = view.outputs.cloneUrl;
            document.getElementById("clone-command").textContent = "git clone " + view.outputs.cloneUrl;
            document.getElementById("outputs").hidden = false;
            document.getElementById("service-link").focus();
          } else {
            statusText.textContent = "Failed";
            document.getElementById("failure-message").textContent = view.error;
            document.getElementById("failure").hidden = false;
          }
        });
  }

  var source = new EventSource("/api/v1/runs/" + id + "/events?after=" + (run.dataset.lastSeq || "0"));
  source.addEventListener("step", function (message) {
    var event = JSON.parse(message.data);
    step(event);
    log(event);
  });
  source.addEventListener("done", function (message) {
    log(JSON.parse(message.data));
    source.close();
    finish();
  });
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) {
      finish();
    }
  };
})();

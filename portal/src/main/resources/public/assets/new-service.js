// The new-service form: features that need each other, conflicts explained before submitting, and a live
// preview of the generated files, rendered on the server by POST /api/v1/projects/preview.
(function () {
  "use strict";

  var form = document.getElementById("new-service");
  if (!form) {
    return;
  }
  var cards = Array.prototype.slice.call(form.querySelectorAll(".card[data-feature]"));
  var byId = {};
  cards.forEach(function (card) {
    byId[card.dataset.feature] = {
      card: card,
      box: document.getElementById("feature-" + card.dataset.feature),
      links: JSON.parse(card.dataset.links)
    };
  });
  var BASIC_FIELDS = ["name", "team", "description", "javaPackage", "region", "environments"];
  var touched = {};
  var nameTaken = null;
  var lastFiles = [];
  var selectedPath = null;
  var previewTimer = null;
  var nameTimer = null;
  var inFlight = null;

  // ---- features -------------------------------------------------------------------------------------

  function title(id) {
    return byId[id] ? byId[id].links.title : id;
  }

  function enabled(id) {
    return byId[id] && byId[id].box.checked;
  }

  function note(id, text) {
    var el = document.getElementById("feature-" + id + "-note");
    if (!el) {
      return;
    }
    el.textContent = text || "";
    el.hidden = !text;
  }

  function showOptions(id) {
    var f = byId[id];
    var options = f.card.querySelector("[data-options-for]");
    if (options) {
      options.hidden = !f.box.checked;
    }
    f.card.dataset.enabled = f.box.checked ? "true" : "false";
  }

  function turnOn(id, because) {
    var f = byId[id];
    if (!f || f.box.checked) {
      return;
    }
    f.box.checked = true;
    showOptions(id);
    note(id, "Turned on because " + title(because.feature) + " needs it: " + because.reason);
    f.links.requires.forEach(function (req) {
      turnOn(req.feature, {feature: id, reason: req.reason});
    });
  }

  function turnOffDependents(id) {
    cards.forEach(function (card) {
      var other = card.dataset.feature;
      if (!enabled(other) || byId[other].box.disabled) {
        return;
      }
      byId[other].links.requires.forEach(function (req) {
        if (req.feature === id && enabled(other)) {
          byId[other].box.checked = false;
          showOptions(other);
          note(other, "Turned off because it needs " + title(id) + ": " + req.reason);
          turnOffDependents(other);
        }
      });
    });
  }

  function conflictsOf(id) {
    var found = [];
    byId[id].links.conflicts.forEach(function (c) {
      if (enabled(c.feature)) {
        found.push(c);
      }
    });
    cards.forEach(function (card) {
      var other = card.dataset.feature;
      if (other !== id && enabled(other)) {
        byId[other].links.conflicts.forEach(function (c) {
          if (c.feature === id && !found.some(function (x) { return x.feature === other; })) {
            found.push({feature: other, reason: c.reason});
          }
        });
      }
    });
    return found;
  }

  function explainConflicts() {
    cards.forEach(function (card) {
      var id = card.dataset.feature;
      var conflicts = enabled(id) ? conflictsOf(id) : [];
      card.classList.toggle("in-conflict", conflicts.length > 0);
      var el = document.getElementById("feature-" + id + "-note");
      if (conflicts.length > 0) {
        note(id, conflicts.map(function (c) {
          return "Conflicts with " + title(c.feature) + ", which is also on: " + c.reason + " Turn one of them off.";
        }).join(" "));
      } else if (el && el.textContent.indexOf("Conflicts with") === 0) {
        note(id, "");
      }
    });
  }

  cards.forEach(function (card) {
    var id = card.dataset.feature;
    var f = byId[id];
    if (!f.box || f.box.disabled) {
      return;
    }
    f.box.addEventListener("change", function () {
      note(id, "");
      if (f.box.checked) {
        f.links.requires.forEach(function (req) {
          turnOn(req.feature, {feature: id, reason: req.reason});
        });
      } else {
        turnOffDependents(id);
      }
      showOptions(id);
      explainConflicts();
      schedulePreview();
    });
  });

  // ---- the spec the form describes -------------------------------------------------------------------

  function split(text) {
    return text.split(/[,\s]+/).filter(function (s) { return s.length > 0; });
  }

  function spec() {
    var s = {};
    ["name", "team", "description", "javaPackage", "region"].forEach(function (field) {
      var value = form.elements[field].value.trim();
      if (value) {
        s[field] = value;
      }
    });
    s.environments = split(form.elements.environments.value);
    s.features = {};
    cards.forEach(function (card) {
      var id = card.dataset.feature;
      if (!enabled(id)) {
        return;
      }
      var options = {};
      var prefix = "opt." + id + ".";
      card.querySelectorAll("[data-type]").forEach(function (input) {
        var key = input.name.substring(prefix.length);
        var type = input.dataset.type;
        var value = (input.value || "").trim();
        if (type === "boolean") {
          options[key] = input.checked;
        } else if (type === "integer") {
          if (/^-?\d{1,15}$/.test(value)) {
            options[key] = parseInt(value, 10);
          } else if (value) {
            options[key] = value;
          }
        } else if (type === "string_list") {
          if (value) {
            options[key] = split(value);
          }
        } else if (value) {
          options[key] = value;
        }
      });
      s.features[id] = options;
    });
    return s;
  }

  // ---- problems beside their fields ------------------------------------------------------------------

  function errorBox(field) {
    var key = field.indexOf("environments[") === 0 ? "environments" : field;
    return form.querySelector('[data-error-for="' + key.replace(/"/g, "") + '"]');
  }

  function fieldOf(box) {
    return box.getAttribute("data-error-for");
  }

  function showProblems(errors) {
    var byField = {};
    var general = [];
    errors.forEach(function (e) {
      var box = errorBox(e.field);
      var basic = BASIC_FIELDS.indexOf(box ? fieldOf(box) : e.field) >= 0;
      if (box && (!basic || touched[fieldOf(box)])) {
        (byField[fieldOf(box)] = byField[fieldOf(box)] || []).push(e.message);
      } else if (!box && e.field !== "" ) {
        general.push(e.field + " " + e.message);
      } else if (!box) {
        general.push(e.message);
      }
    });
    if (nameTaken && touched.name) {
      (byField.name = byField.name || []).push(nameTaken);
    }
    form.querySelectorAll("[data-error-for]").forEach(function (box) {
      var messages = byField[fieldOf(box)] || [];
      box.textContent = "";
      messages.forEach(function (m) {
        var p = document.createElement("p");
        p.textContent = m;
        box.appendChild(p);
      });
      box.hidden = messages.length === 0;
      var input = box.parentElement.querySelector("input:not([type=hidden]), select, textarea");
      if (input && box.parentElement.classList.contains("field")) {
        input.setAttribute("aria-invalid", messages.length > 0 ? "true" : "false");
      }
    });
    var summary = document.getElementById("form-problems");
    summary.textContent = "";
    general.forEach(function (m) {
      var p = document.createElement("p");
      p.textContent = m;
      summary.appendChild(p);
    });
    summary.hidden = general.length === 0;
  }

  // ---- preview ---------------------------------------------------------------------------------------

  var status = document.getElementById("preview-status");
  var tree = document.getElementById("preview-tree");
  var fileView = document.getElementById("preview-file-view");
  var fileName = document.getElementById("preview-file-name");
  var fileContent = document.getElementById("preview-file");

  function kb(bytes) {
    return bytes < 1024 ? bytes + " B" : (bytes / 1024).toFixed(1) + " KB";
  }

  function showFile(path) {
    var file = lastFiles.filter(function (f) { return f.path === path; })[0];
    selectedPath = file ? path : null;
    tree.querySelectorAll("button[data-path]").forEach(function (b) {
      b.setAttribute("aria-pressed", b.dataset.path === selectedPath ? "true" : "false");
    });
    if (!file) {
      fileView.hidden = true;
      return;
    }
    fileName.textContent = file.path;
    fileContent.textContent = file.content !== undefined ? file.content : "(binary file, " + kb(file.size) + ")";
    fileView.hidden = false;
  }

  function renderTree(files) {
    tree.textContent = "";
    var open = [];
    files.forEach(function (file) {
      var parts = file.path.split("/");
      var common = 0;
      while (common < open.length && common < parts.length - 1 && open[common] === parts[common]) {
        common++;
      }
      open.length = common;
      for (var i = common; i < parts.length - 1; i++) {
        open.push(parts[i]);
        var dir = document.createElement("li");
        dir.className = "tree-row dir depth-" + Math.min(i, 8);
        var dirName = document.createElement("span");
        dirName.className = "dir-name";
        dirName.textContent = parts[i] + "/";
        dir.appendChild(dirName);
        tree.appendChild(dir);
      }
      var row = document.createElement("li");
      row.className = "tree-row file depth-" + Math.min(parts.length - 1, 8);
      var button = document.createElement("button");
      button.type = "button";
      button.dataset.path = file.path;
      button.textContent = parts[parts.length - 1];
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", function () {
        showFile(file.path);
      });
      var size = document.createElement("span");
      size.className = "size";
      size.textContent = kb(file.size);
      row.appendChild(button);
      row.appendChild(size);
      tree.appendChild(row);
    });
  }

  function preview() {
    if (inFlight) {
      inFlight.abort();
    }
    var controller = new AbortController();
    inFlight = controller;
    status.textContent = "Rendering…";
    fetch("/api/v1/projects/preview?include=content", {
      method: "POST",
      headers: {"Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrfToken()},
      body: JSON.stringify(spec()),
      signal: controller.signal
    }).then(function (response) {
      return response.json().then(function (body) {
        return {ok: response.ok, body: body};
      });
    }).then(function (result) {
      if (inFlight !== controller) {
        return;
      }
      inFlight = null;
      if (result.ok) {
        showProblems([]);
        lastFiles = result.body.files;
        renderTree(lastFiles);
        status.textContent = result.body.fileCount + " files, " + kb(result.body.totalBytes) + " · blueprint "
            + result.body.blueprintVersion;
        showFile(selectedPath || (lastFiles.length ? lastFiles[0].path : null));
      } else {
        var errors = result.body.errors || [{field: "", message: result.body.detail}];
        showProblems(errors);
        var missing = errors.filter(function (e) { return BASIC_FIELDS.indexOf(e.field) >= 0 && !touched[e.field]; });
        status.textContent = missing.length === errors.length
            ? "Fill in name, team and description to see the files."
            : lastFiles.length > 0
                ? "The preview shows the last valid spec; fix the problems marked in the form."
                : "The preview appears once the problems marked in the form are fixed.";
      }
    }).catch(function (e) {
      if (e.name !== "AbortError") {
        status.textContent = "The preview is not available right now.";
      }
    });
  }

  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 250);
  }

  function checkName() {
    var name = form.elements.name.value.trim();
    if (!/^[a-z][a-z0-9-]{2,23}$/.test(name)) {
      nameTaken = null;
      return;
    }
    fetch("/api/v1/services/" + encodeURIComponent(name), {headers: {"Accept": "application/json"}})
        .then(function (response) {
          nameTaken = response.status === 200
              ? "is already taken: \"" + name + "\" exists in the catalog; service names are unique across all teams"
              : null;
          schedulePreview();
        });
  }

  form.addEventListener("input", function (event) {
    if (event.target.name && BASIC_FIELDS.indexOf(event.target.name) >= 0) {
      touched[event.target.name] = true;
    }
    if (event.target.name === "name") {
      clearTimeout(nameTimer);
      nameTimer = setTimeout(checkName, 300);
    }
    schedulePreview();
  });
  form.addEventListener("change", function (event) {
    if (event.target.name && BASIC_FIELDS.indexOf(event.target.name) >= 0) {
      touched[event.target.name] = true;
    }
    schedulePreview();
  });
  form.addEventListener("submit", function () {
    BASIC_FIELDS.forEach(function (f) { touched[f] = true; });
  });

  // Fields the server already judged (a re-shown form) count as touched.
  form.querySelectorAll("[data-error-for]").forEach(function (box) {
    if (!box.hidden) {
      touched[fieldOf(box)] = true;
    }
  });
  BASIC_FIELDS.forEach(function (f) {
    if (form.elements[f] && form.elements[f].value && f !== "region" && f !== "environments") {
      touched[f] = true;
    }
  });
  explainConflicts();
  preview();
})();

/** The session's anti-forgery token, which every state-changing request must carry. */
function csrfToken() {
  var meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

// Draws a service's dashboard with uPlot (served from the portal's jar) and keeps the charts and the alarm
// table fresh. The page works without it: alarms, units and read times are in the HTML.
(function () {
  "use strict";

  var root = document.getElementById("dashboard");
  if (!root) {
    return;
  }
  var alarms = document.getElementById("alarms");
  var refreshMs = Math.max(15, Number(root.dataset.refreshSeconds || 60)) * 1000;
  var plots = {};
  var retries = 0;
  var COLORS = ["#2563eb", "#d97706", "#059669", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#475569", "#ea580c"];

  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { el[k] = attrs[k]; });
      el.onload = resolve;
      el.onerror = function () { reject(new Error("could not load " + (attrs.src || attrs.href))); };
      document.head.appendChild(el);
    });
  }

  function clock(iso) {
    return iso ? iso.substring(11, 19) + " UTC" : "never";
  }

  function ago(seconds) {
    if (seconds === null || seconds === undefined) { return "never"; }
    if (seconds < 5) { return "just now"; }
    if (seconds < 60) { return seconds + " s ago"; }
    if (seconds < 3600) { return Math.floor(seconds / 60) + " min ago"; }
    if (seconds < 172800) { return Math.floor(seconds / 3600) + " h ago"; }
    return Math.floor(seconds / 86400) + " days ago";
  }

  function short(v) {
    if (v === null || v === undefined) { return "–"; }
    var a = Math.abs(v);
    if (a >= 1e9) { return (v / 1e9).toFixed(1) + "G"; }
    if (a >= 1e6) { return (v / 1e6).toFixed(1) + "M"; }
    if (a >= 1e4) { return (v / 1e3).toFixed(1) + "k"; }
    if (a >= 100 || Number.isInteger(v)) { return String(Math.round(v)); }
    return v.toFixed(a >= 10 ? 1 : 2);
  }

  // "Read at 13:05:12 UTC" ("Metrics read at ..." with a subject), or the age and the reason when AWS
  // could not be read.
  function readText(el, item, subject) {
    el.textContent = "";
    el.classList.toggle("stale", !item.fresh);
    var lead = subject ? subject + " " : "";
    if (!item.readAt) {
      el.textContent = (subject ? lead + "not read yet" : "Not read yet") + (item.problem ? ": " + item.problem : "");
      return;
    }
    var time = document.createElement("time");
    time.dateTime = item.readAt;
    time.textContent = clock(item.readAt);
    if (item.fresh) {
      el.appendChild(document.createTextNode(subject ? lead + "read at " : "Read at "));
      el.appendChild(time);
      el.appendChild(document.createTextNode(subject ? " (" + ago(item.ageSeconds) + ")." : ""));
    } else {
      el.appendChild(document.createTextNode(subject ? lead + "from " : "From "));
      el.appendChild(time);
      el.appendChild(document.createTextNode(" (" + ago(item.ageSeconds) + ")" + (subject ? ", could not be refreshed" : "")
          + (item.problem ? ": " + item.problem : "") + (subject ? "." : "")));
    }
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text) { el.textContent = text; }
    return el;
  }

  // A chart the page could not lay out yet (the stack's resources were still being found): the same
  // markup the server writes, in its section.
  function figureFor(chart) {
    var figure = root.querySelector('[data-chart="' + chart.id + '"]');
    if (figure) {
      return figure;
    }
    var section = root.querySelector('[data-section="' + chart.section + '"]');
    if (!section) {
      section = element("section", "chart-section");
      section.dataset.section = chart.section;
      section.setAttribute("aria-label", chart.section);
      section.appendChild(element("h2", null, chart.section));
      section.appendChild(element("div", "charts"));
      root.appendChild(section);
    }
    figure = element("figure", "chart panel");
    figure.dataset.chart = chart.id;
    var caption = element("figcaption");
    caption.appendChild(element("span", "chart-title", chart.title));
    caption.appendChild(document.createTextNode(" "));
    var unit = element("span", "unit", chart.unitText);
    unit.setAttribute("data-chart-unit", "");
    caption.appendChild(unit);
    figure.appendChild(caption);
    var plot = element("div", "chart-plot");
    plot.setAttribute("data-chart-plot", "");
    plot.setAttribute("aria-hidden", "true");
    figure.appendChild(plot);
    var read = element("p", "chart-read");
    read.setAttribute("data-chart-read", "");
    figure.appendChild(read);
    section.querySelector(".charts").appendChild(figure);
    return figure;
  }

  function draw(chart, timestamps) {
    var figure = figureFor(chart);
    var plot = figure.querySelector("[data-chart-plot]");
    var data = [timestamps].concat(chart.series.map(function (s) { return s.values; }));
    var points = 0;
    chart.series.forEach(function (s) { s.values.forEach(function (v) { if (v !== null) { points++; } }); });
    var existing = plots[chart.id];
    if (existing && existing.series.length === data.length) {
      existing.setData(data);
    } else {
      if (existing) {
        existing.destroy();
      }
      plot.textContent = "";
      plots[chart.id] = new window.uPlot({
        width: Math.max(240, plot.clientWidth),
        height: 200,
        // the page gives every time in UTC, so the axis does too
        tzDate: function (ts) { return window.uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
        series: [{}].concat(chart.series.map(function (s, i) {
          return {
            label: s.label,
            stroke: COLORS[i % COLORS.length],
            width: 1.5,
            value: function (u, v) { return short(v); }
          };
        })),
        axes: [{}, { size: 52, values: function (u, vals) { return vals.map(short); } }],
        scales: { y: { range: function (u, min, max) { return [Math.min(0, min === null ? 0 : min), max === null || max <= 0 ? 1 : max * 1.1]; } } }
      }, data, plot);
    }
    figure.dataset.points = String(points);
    figure.dataset.drawn = "true";
    var unit = figure.querySelector("[data-chart-unit]");
    if (unit) {
      unit.textContent = chart.unitText;
    }
    readText(figure.querySelector("[data-chart-read]"), chart);
    var empty = figure.querySelector("[data-chart-empty]");
    if (empty) {
      empty.hidden = points > 0;
    }
  }

  function refreshCharts() {
    return fetch(root.dataset.metricsUrl, { headers: { "Accept": "application/json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error("HTTP " + response.status); }
          return response.json();
        })
        .then(function (body) {
          body.charts.forEach(function (chart) { draw(chart, body.timestamps); });
          var notes = document.querySelector(".notes ul");
          if (notes) {
            notes.textContent = "";
            (body.notes || []).forEach(function (note) { notes.appendChild(element("li", null, note)); });
            notes.parentNode.hidden = !body.notes || body.notes.length === 0;
          }
          var freshness = root.querySelector("[data-dashboard-freshness] .freshness");
          if (freshness) {
            readText(freshness, body, "Metrics");
          }
          root.dataset.state = "ready";
          // AWS is still answering the portal: ask again shortly rather than at the next refresh
          if (!body.fresh && /still loading|not read yet/.test(body.problem || (body.notes || []).join(" ")) && retries < 10) {
            retries++;
            setTimeout(refreshCharts, 2000);
          } else if (body.fresh) {
            retries = 0;
          }
        })
        .catch(function (e) {
          // the charts keep what they show; the next refresh tries again
          root.dataset.state = "failed";
          root.setAttribute("data-error", e.message);
        });
  }

  function alarmRow(a) {
    var tr = document.createElement("tr");
    tr.dataset.alarm = a.name;
    tr.dataset.state = a.state;
    var th = document.createElement("th");
    th.scope = "row";
    var code = document.createElement("code");
    code.textContent = a.name;
    th.appendChild(code);
    var state = document.createElement("td");
    var pill = document.createElement("span");
    pill.className = "health health-" + a.state.toLowerCase().replace(/_/g, "-");
    pill.dataset.state = a.state;
    pill.textContent = { ALARM: "Alarm", INSUFFICIENT_DATA: "Insufficient data", OK: "OK" }[a.state] || a.state;
    state.appendChild(pill);
    var reason = document.createElement("td");
    reason.className = "reason";
    reason.textContent = a.reason || "";
    var since = document.createElement("td");
    since.className = "nowrap";
    var time = document.createElement("time");
    time.dateTime = a.since || "";
    time.textContent = a.since ? ago(Math.round((Date.now() - Date.parse(a.since)) / 1000)) : "";
    since.appendChild(time);
    [th, state, reason, since].forEach(function (td) { tr.appendChild(td); });
    return tr;
  }

  function refreshAlarms() {
    if (!alarms || !alarms.dataset.healthUrl) {
      return Promise.resolve();
    }
    return fetch(alarms.dataset.healthUrl, { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (body) {
          if (!body) { return; }
          var env = body.environments.filter(function (e) { return e.environment === alarms.dataset.environment; })[0];
          var rows = alarms.querySelector("[data-alarm-rows]");
          if (!env || !env.watched || !rows || (!env.fresh && !env.readAt)) { return; }
          rows.textContent = "";
          env.alarms.forEach(function (a) { rows.appendChild(alarmRow(a)); });
          var freshness = alarms.querySelector("[data-alarms-freshness] .freshness");
          if (freshness) {
            readText(freshness, env, "Alarms");
          }
        })
        .catch(function () { /* the table keeps what it shows; the next refresh tries again */ });
  }

  window.addEventListener("resize", function () {
    Object.keys(plots).forEach(function (id) {
      var plot = root.querySelector('[data-chart="' + id + '"] [data-chart-plot]');
      if (plot) {
        plots[id].setSize({ width: Math.max(240, plot.clientWidth), height: 200 });
      }
    });
  });

  var base = root.dataset.uplot;
  Promise.all([
    load("link", { rel: "stylesheet", href: base + "uPlot.min.css" }),
    load("script", { src: base + "uPlot.iife.min.js" })
  ]).then(refreshCharts).then(function () {
    setInterval(function () {
      refreshCharts();
      refreshAlarms();
    }, refreshMs);
  }).catch(function (e) {
    root.dataset.state = "failed";
    root.setAttribute("data-error", e.message);
  });
})();

// Draws a cost page's chart with uPlot, served from the portal's jar. The figures come from the page itself
// (data-chart); the tables beside the chart hold the same numbers for those who cannot see it.
(function () {
  "use strict";

  var charts = Array.prototype.slice.call(document.querySelectorAll(".cost-chart[data-chart]"));
  if (charts.length === 0) {
    return;
  }
  var COLOURS = ["#1f3a8a", "#2563eb", "#15803d", "#a15c07", "#b42318", "#7c3aed", "#0e7490", "#be185d", "#4d7c0f", "#64748b"];

  function dollars(v) {
    return v == null ? "" : "$" + v.toFixed(2);
  }

  function draw(el) {
    var chart = JSON.parse(el.dataset.chart);
    if (!chart.x.length || !chart.series.length) {
      el.textContent = "No cost to chart yet.";
      return;
    }
    var data = [chart.x];
    var series = [{}];
    chart.series.forEach(function (s, i) {
      data.push(s.values);
      series.push({label: s.label, stroke: COLOURS[i % COLOURS.length], width: i === 0 && s.label === "All services" ? 3 : 2,
        value: function (u, v) { return dollars(v); }});
    });
    var width = Math.max(320, el.clientWidth);
    new window.uPlot({
      width: width,
      height: 280,
      series: series,
      axes: [{}, {values: function (u, ticks) { return ticks.map(function (t) { return "$" + t; }); }, size: 70}],
      scales: {x: {time: true}}
    }, data, el);
  }

  function loadUPlot(base, done) {
    if (window.uPlot) {
      done();
      return;
    }
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "uPlot.min.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = base + "uPlot.iife.min.js";
    script.onload = done;
    document.head.appendChild(script);
  }

  loadUPlot(charts[0].dataset.uplot, function () {
    charts.forEach(draw);
  });
})();

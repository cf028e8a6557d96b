// Stacked bar charts described by the server (Web/Infrastructure/StackedBarChart.cs): every canvas with data-stacked-chart.
// A page may include this script more than once (several workbench panels); each canvas is drawn once.
(function () {
  if (typeof Chart === "undefined") {
    return;
  }
  document.querySelectorAll("canvas[data-stacked-chart]:not([data-drawn])").forEach(function (canvas) {
    canvas.setAttribute("data-drawn", "");
    var spec = JSON.parse(canvas.getAttribute("data-stacked-chart"));
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s) {
          return s.pointsOnly
            // A marker at zero would sit on the axis and read as a count; leave zeros unmarked.
            ? { label: s.label, data: s.values.map(function (v) { return v === 0 ? null : v; }), type: "line", borderColor: s.color, backgroundColor: s.color, showLine: false, stack: "points" }
            : { label: s.label, data: s.values, backgroundColor: s.color };
        })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, ticks: { autoSkip: false, maxRotation: 60 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: spec.axisTitle } }
        },
        plugins: { title: { display: true, text: spec.title } }
      }
    });
  });
})();

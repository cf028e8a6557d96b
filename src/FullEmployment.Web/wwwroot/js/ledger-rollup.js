// Region roll-up: a stacked bar chart of how many communities meet each indicator (data in data-chart).
(function () {
  var canvas = document.getElementById("rollup-chart");
  if (!canvas || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(canvas.getAttribute("data-chart"));
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: "达标", data: data.met, backgroundColor: "#198754" },
        { label: "未达标", data: data.notMet, backgroundColor: "#dc3545" },
        { label: "不适用", data: data.notApplicable, backgroundColor: "#adb5bd" }
      ]
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "社区数" } } },
      plugins: { title: { display: true, text: "各指标达标社区数" } }
    }
  });
})();

// Workbench: open and overdue support requests per city, stacked (data in data-chart; the table beside it has the figures).
(function () {
  var canvas = document.getElementById("support-chart");
  if (!canvas || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(canvas.getAttribute("data-chart"));
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: "未办结（未逾期）", data: data.open, backgroundColor: "#0d6efd" },
        { label: "逾期未答复", data: data.overdue, backgroundColor: "#dc3545" }
      ]
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: true, ticks: { autoSkip: false, maxRotation: 60 } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "诉求数" } } },
      plugins: { title: { display: true, text: "各市州困难诉求" } }
    }
  });
})();

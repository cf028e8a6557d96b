// Re-inspection progress per city (A9): a stacked bar chart of the records by where they stand (data in data-chart).
(function () {
  var canvas = document.getElementById("reinspection-chart");
  if (!canvas || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(canvas.getAttribute("data-chart"));
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: "合格", data: data.passed, backgroundColor: "#198754" },
        { label: "整改中", data: data.rectifying, backgroundColor: "#ffc107" },
        { label: "不合格待复核", data: data.failed, backgroundColor: "#dc3545" },
        { label: "确认不合格", data: data.confirmed, backgroundColor: "#6f42c1" },
        { label: "未完成", data: data.pending, backgroundColor: "#adb5bd" },
        { label: "逾期", data: data.overdue, type: "line", borderColor: "#000", backgroundColor: "#000", showLine: false, stack: "overdue" }
      ]
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "称号数" } } },
      plugins: { title: { display: true, text: "各市州复查进度" } }
    }
  });
})();

// The notice form shows the computed closing date (working days on the server's calendar) as the user types.
(function () {
  var target = document.getElementById("notice-closes");
  if (!target) {
    return;
  }
  var start = document.getElementById("StartDate");
  var days = document.getElementById("WorkingDays");
  function update() {
    if (!start.value) {
      return;
    }
    var url = target.getAttribute("data-url") + "&start=" + encodeURIComponent(start.value) + "&days=" + encodeURIComponent(days.value);
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) { target.textContent = data.text; });
  }
  start.addEventListener("change", update);
  days.addEventListener("input", update);
  update();
})();

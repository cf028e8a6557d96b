// Ask before an irreversible step: any form or button with data-confirm="…".
document.addEventListener("submit", function (event) {
  var form = event.target;
  var submitter = event.submitter;
  var message = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
// Show progress on uploads: disable the button and show its data-busy text.
document.addEventListener("submit", function (event) {
  var button = event.target.querySelector("button[data-busy]");
  if (button && !event.defaultPrevented) {
    button.disabled = true;
    button.textContent = button.getAttribute("data-busy");
  }
});
// Print buttons: any element with data-print.
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("[data-print]")) {
    window.print();
  }
});
// Fields that don't apply to a kind: elements with data-hide-for-kind="Kind" hide while a [data-kind-select] has that value
// (the server ignores them for that kind, so the form works without this too).
function applyKind(select) {
  document.querySelectorAll("[data-hide-for-kind]").forEach(function (element) {
    element.hidden = element.getAttribute("data-hide-for-kind") === select.value;
  });
}
document.addEventListener("change", function (event) {
  if (event.target.matches && event.target.matches("[data-kind-select]")) {
    applyKind(event.target);
  }
});
document.querySelectorAll("[data-kind-select]").forEach(applyKind);

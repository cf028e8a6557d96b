// Fund-usage report editor: category totals and the category-4 cap follow the lines as they are edited; "增加一行" clones a row.
(function () {
    const form = document.getElementById('report-form');
    if (!form) { return; }
    const cap = parseFloat(form.dataset.cap);
    const rows = document.getElementById('line-rows');
    const money = (n) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    function recompute() {
        const totals = {};
        let spent = 0;
        rows.querySelectorAll('.line-row').forEach((row) => {
            const amount = parseFloat(row.querySelector('.line-amount').value) || 0;
            const category = row.querySelector('.line-category').value;
            spent += amount;
            if (category) { totals[category] = (totals[category] || 0) + amount; }
        });
        document.querySelectorAll('[data-category]').forEach((tr) => {
            tr.querySelector('.category-total').textContent = money(totals[tr.dataset.category] || 0);
        });
        document.getElementById('spent-total').textContent = money(spent);
        // Compare in fen, as the server does in decimal.
        const over = Math.round((totals.it || 0) * 100) > Math.round(cap * 100);
        document.getElementById('cap-warning').hidden = !over;
        document.querySelector('[data-category="it"]').classList.toggle('table-danger', over);
    }
    form.addEventListener('input', recompute);
    form.addEventListener('change', recompute);
    const add = document.getElementById('add-line');
    if (add) {
        add.hidden = false;
        add.addEventListener('click', () => {
            const last = rows.querySelector('.line-row:last-child');
            const copy = last.cloneNode(true);
            const index = rows.querySelectorAll('.line-row').length;
            copy.querySelectorAll('input, select').forEach((el) => {
                el.name = el.name.replace(/Items\[\d+\]/, `Items[${index}]`);
                el.value = '';
            });
            copy.querySelector('td').textContent = index + 1;
            rows.appendChild(copy);
        });
    }
    recompute();
})();

// Follows a background ledger import (Pages/Ledgers/Import.cshtml): polls the job's progress and reloads the
// page, which then shows the result, once the job has finished. The bar's width is set here (CSSOM): the
// Content-Security-Policy allows no inline style attribute.
(function () {
    const panel = document.querySelector('[data-progress-url]');
    if (!panel) {
        return;
    }
    const text = panel.querySelector('[data-progress-text]');
    const bar = panel.querySelector('[data-progress-bar]');
    const number = (n) => n.toLocaleString('zh-CN');
    async function poll() {
        try {
            const response = await fetch(panel.dataset.progressUrl, { headers: { Accept: 'application/json' } });
            if (response.ok) {
                const p = await response.json();
                if (p.finished) {
                    window.location.reload();
                    return;
                }
                if (p.state === 'queued') {
                    text.textContent = '排队中…';
                } else if (p.rowsWritten > 0 || p.rowsValidated > 0) {
                    const percent = p.rowsTotal > 0 ? Math.min(100, Math.floor(p.rowsValidated * 100 / p.rowsTotal)) : 0;
                    bar.style.width = percent + '%';
                    text.textContent = `${p.sheet ?? ''} 已校验 ${number(p.rowsValidated)} / 约 ${number(p.rowsTotal)} 行，已写入 ${number(p.rowsWritten)} 行（${percent}%）`;
                }
            }
        } catch {
            // A dropped poll is retried below; the job goes on regardless.
        }
        window.setTimeout(poll, 1000);
    }
    window.setTimeout(poll, 500);
})();

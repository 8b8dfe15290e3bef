"""Reports and exports made from the programme's figures: the programme and regional reports (PDF and XLSX), the
cluster fact sheet (one A4 page) and the evaluation data export (XLSX and CSV in a zip). They build on the same
section builders as the dashboard (reporting/figures), so a report has exactly the figures of the page."""

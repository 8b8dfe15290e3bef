"""The reporting module's pages, one URL module per part: the dashboard, the regional view, KPIs and evaluation
surveys, and the reports and exports."""

from . import urls_dashboard, urls_evaluation, urls_regional, urls_reports

app_name = "reporting"

urlpatterns = (
    urls_dashboard.urlpatterns + urls_regional.urlpatterns + urls_evaluation.urlpatterns + urls_reports.urlpatterns
)

"""Benchmarking of self-assessments against peer groups: maths (numpy), groups, the report, recommendations.

Use `build_report(assessment, group)` for one report and `build_reports(assessments, group)` for many (a
programme's reports cost the same queries as one).
"""

from .report import BenchmarkReport, build_report, build_reports

__all__ = ["BenchmarkReport", "build_report", "build_reports"]

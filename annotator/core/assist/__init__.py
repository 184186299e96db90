"""Claim assistance: checkable-statement candidates in one article and discrepancy flags
between the aligned passages of two.

The package imports nothing here on purpose: `annotations` imports `assist.model`, and the
detectors import `annotations`, so each caller imports the module it needs:

- `candidates.find_candidates` -> claim candidates (quotes, statistics, dates, ...)
- `check.check_project` -> discrepancy flags (number, quote, attribution, hedge, omission)
- `actions` -> accepting a candidate or a flag as a claim / claim link, dismissing either
"""

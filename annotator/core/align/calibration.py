"""Fitted weights of the two-stage pair model (see scoring.py), written by
`python benchmarks/quality_calibrate.py --write --semantic`; do not edit by hand."""

# (similarity weights over scoring.SIMILARITY, link weights over LINK_FEATURES)
DEFAULT: tuple[tuple[float, ...], tuple[float, ...]] = (
(
    -5.5786, 1.4454, 1.8158, 3.3947, 1.9898, 2.3109, 0.2630, -0.1410, 0.0016, -2.0483, -0.4268,
), (
    -1.6845, 0.5618, -1.9819, 1.8108, 0.8672, 1.1922, 0.2003, 0.1452, 1.1614, 0.0000,
))
SEMANTIC: tuple[tuple[float, ...], tuple[float, ...]] = (
(
    -5.5885, 1.8646, 1.4913, 2.9191, -1.0835, 2.0881, 0.2656, 0.2002, -0.2332, -1.5428, 0.3381,
    3.3880,
), (
    -2.5891, 0.4145, -1.8955, 1.5856, 1.1541, 1.6839, 0.0988, -0.0652, 0.0651, 0.0000,
))
# the threshold that maximised mean sentence-link F1 on held-out news pairs
DEFAULT_THRESHOLD = 0.2

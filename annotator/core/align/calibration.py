"""Fitted weights of the two-stage pair model (see scoring.py), written by
`python benchmarks/quality_calibrate.py --write --semantic`; do not edit by hand."""

# (similarity weights over scoring.SIMILARITY, link weights over LINK_FEATURES)
DEFAULT: tuple[tuple[float, ...], tuple[float, ...]] = (
(
    -6.0657, 1.8280, 2.3706, 3.5514, 1.7883, 2.2588, 0.0635, -0.2261, 0.0058, -2.1746, -0.3099,
    1.1274, 0.0378, 0.0328, -1.3298, -0.6283, 0.4340,
), (
    1.5224, 0.6330, -1.2974, 1.3192, 0.1875, 1.1004, -0.3312, 0.6556, 1.1116, 0.0000, 0.0160,
    -1.5985, -0.1230, -3.8848, -0.5131,
))
SEMANTIC: tuple[tuple[float, ...], tuple[float, ...]] = (
(
    -5.6140, 1.9480, 1.8230, 2.8500, -1.2820, 2.1630, 0.3790, 0.2380, -0.2400, -1.4300, 0.4190,
    0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 3.3310,
), (
    1.0010, 0.7230, -1.1610, 1.0600, 0.3090, 1.3520, -0.1370, -0.0060, 0.9850, 0.0000, -0.0540,
    -1.5720, -0.7340, -3.0400, 0.0000,
))
# the threshold that maximised the mean of held-out news F1s and PAN13 plagdet
DEFAULT_THRESHOLD = 0.35

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
    -4.9075, 1.3423, 1.7027, 2.8980, -1.1834, 1.9207, 0.0253, 0.2432, -0.0589, -1.4531, 0.4703,
    0.3620, -0.1861, -0.3264, -0.6760, -0.2975, 0.8359, 3.3630,
), (
    1.1573, 0.6971, -1.1639, 1.2042, 0.2409, 1.2572, -0.1199, 0.2430, 1.0318, 0.0000, -0.1139,
    -1.6133, -0.4157, -3.1910, -0.1729,
))
# the threshold that maximised the mean of held-out news F1s and PAN13 plagdet
DEFAULT_THRESHOLD = 0.35

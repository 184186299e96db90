"""Fitted weights of the two-stage pair model (see scoring.py and linking.py), by feature
name, one model per method; written by `python benchmarks/quality_calibrate.py --write`;
do not edit by hand."""

from __future__ import annotations

from .linking import Model

MODELS: dict[str, Model] = {
    "lexical": {
        "similarity": {
            "bias": -6.0657, "cosine": 1.8280, "cover_min": 2.3706, "cover_max": 3.5514,
            "fuzzy_set": 1.7883, "fuzzy_ratio": 2.2588, "numbers_shared": 0.0635,
            "numbers_conflict": -0.2261, "names_shared": 0.0058, "bigrams": -2.1746,
            "length_ratio": -0.3099, "sort_ratio": 1.1274, "unmatched_min": 0.0378,
            "unmatched_max": 0.0328, "jaccard": -1.3298, "negation_differs": -0.6283,
            "numbers_equal": 0.4340,
        },
        "link": {
            "bias": 1.5224, "similarity_logit": 0.6330, "position": -1.2974, "headline": 1.3192,
            "row_best": 0.1875, "col_best": 1.1004, "row_margin": -0.3312, "col_margin": 0.6556,
            "neighbours": 1.1116, "verbatim": 0.0000, "on_chain": 0.0160, "chain_gap": -1.5985,
            "doc_related": -0.1230, "size": -3.8848, "copy_share": -0.5131,
        },
    },
    "minilm": {
        "similarity": {
            "bias": -3.1987, "cosine": 0.7847, "cover_min": 0.7411, "cover_max": 1.1041,
            "fuzzy_set": -1.3184, "fuzzy_ratio": 2.1946, "numbers_shared": -0.2605,
            "numbers_conflict": 0.0025, "names_shared": -0.3414, "bigrams": -1.2901,
            "length_ratio": 0.5434, "sort_ratio": 0.6882, "unmatched_min": -0.6984,
            "unmatched_max": -0.7311, "jaccard": 0.3863, "negation_differs": -0.3483,
            "numbers_equal": 0.9932, "heading_differs": 0.9264, "anchors": 2.8728,
            "semantic": 3.3298, "semantic_csls": 0.4044,
        },
        "link": {
            "similarity_logit": 0.0000, "position": -0.9321, "headline": 0.8067, "size": -0.6720,
            "copy_share": 0.0000, "row_best": -0.0391, "col_best": 1.2003, "row_margin": 0.0155,
            "col_margin": 0.3690, "words_logit": 0.3670, "long_similarity": 0.8458,
            "neighbours": 1.1754, "verbatim": 0.0000, "on_chain": -0.2730, "chain_gap": -1.5603,
            "doc_related": -0.2868, "bias": 0.3943,
        },
    },
    "wordllama": {
        "similarity": {
            "bias": -3.9410, "cosine": 1.0076, "cover_min": 1.9999, "cover_max": 1.4724,
            "fuzzy_set": -0.6068, "fuzzy_ratio": 2.3375, "numbers_shared": -0.2602,
            "numbers_conflict": -0.3060, "names_shared": -0.4857, "bigrams": -1.7019,
            "length_ratio": 0.6480, "sort_ratio": 1.0567, "unmatched_min": -0.4132,
            "unmatched_max": -0.4654, "jaccard": 0.2889, "negation_differs": -0.7562,
            "numbers_equal": 0.6181, "heading_differs": 1.1169, "anchors": 2.8082,
            "semantic": 1.8292, "semantic_csls": 0.1608,
        },
        "link": {
            "similarity_logit": 0.0000, "position": -0.9670, "headline": 0.7937, "size": -1.0537,
            "copy_share": -0.0066, "row_best": 0.0135, "col_best": 0.9751, "row_margin": -0.2381,
            "col_margin": 0.6308, "words_logit": 0.2780, "long_similarity": 0.9981,
            "neighbours": 1.1725, "verbatim": 0.0000, "on_chain": -0.1543, "chain_gap": -1.5438,
            "doc_related": -0.1556, "bias": 0.5016,
        },
    },
}
# the threshold that maximised the mean of held-out news F1s and PAN13 plagdet
DEFAULT_THRESHOLD = 0.35

"""An .xmi with elements the type system lacks is reported by the import alone, with nothing
else on stderr (cassis itself warns `UserWarning: Type with name [] not found!`, with its
source path)."""

from __future__ import annotations

import warnings
from pathlib import Path

from annotator.core.export import EXPORTERS
from annotator.core.export.xmi import import_xmi

from .export_sample import sample_project


def test_unknown_types_in_xmi_raise_no_library_warnings(tmp_path: Path) -> None:
    project = sample_project()
    folder = tmp_path / "pair.xmi"
    EXPORTERS["xmi"].write(project, folder)  # a good TypeSystem.xml beside the file
    odd = folder / "A.xmi"
    odd.write_text('<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"><foo/></xmi:XMI>',
                   encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = import_xmi(project, "A", odd)
    assert [str(w.message) for w in caught] == []
    assert report.source == "A.xmi"

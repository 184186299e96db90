"""An address with a scheme other than http(s) is named as typed and refused as an address,
never read as a local path (`ftp://x/y.txt` is not "ftp:/x/y.txt: no such file")."""

from __future__ import annotations

import pytest

from annotator.core.inputs import read_source
from annotator.core.textio import DocumentLoadError


@pytest.mark.parametrize("address", ["ftp://example.org/y.txt", "file:///etc/passwd",
                                     "javascript://x"])
def test_other_schemes_are_refused_by_name(address: str) -> None:
    with pytest.raises(DocumentLoadError) as caught:
        read_source(address)
    message = str(caught.value)
    assert message.startswith(f"{address}:"), message
    assert "http" in message

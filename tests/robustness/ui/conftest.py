"""The UI tests' setup (temporary settings, Qt warnings fail, dialogs answered) for these too."""

from tests.ui.conftest import (  # noqa: F401 - fixtures, found by pytest by name
    answers,
    data_dir,
    fail_on_qt_warnings,
    sample_window,
    settings_dir,
    window,
)

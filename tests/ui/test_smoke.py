from annotator.ui.main_window import MainWindow


def test_opens_sample(sample_window: MainWindow) -> None:
    assert sample_window.session.project is not None
    sample_window.grab()
    assert sample_window.view.gutter.painted

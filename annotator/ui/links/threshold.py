"""The matching-threshold control: a slider and a spin box kept in step, debounced.

Dragging the slider fires many value changes; only the value the user settles on (no change
for DEBOUNCE_MS) is requested, so re-alignment runs once per decision, not per pixel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QWidget,
)

DEBOUNCE_MS = 250


class ThresholdControl(QWidget):
    """Signals:
        threshold_requested(float): the user settled on a new threshold in [0, 1].
    """

    threshold_requested = Signal(float)
    done = Signal()  # Enter in the box: the user is back to reviewing (focus goes to the text)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setFixedWidth(160)
        self.slider.setAccessibleName("Matching threshold slider")
        self.slider.setToolTip("Links scoring below this are not proposed")
        self.spin = QDoubleSpinBox()
        self.spin.setRange(0.0, 1.0)
        self.spin.setSingleStep(0.01)
        self.spin.setDecimals(2)
        self.spin.setAccessibleName("Matching threshold")
        self.spin.setKeyboardTracking(False)
        self.spin.setFixedWidth(self.spin.sizeHint().width())
        label = QLabel("&Threshold")
        label.setBuddy(self.spin)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(label)
        layout.addWidget(self.slider)
        layout.addWidget(self.spin)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.threshold_requested.emit(self.value()))
        self._quiet = False
        self.slider.valueChanged.connect(self._on_slider)
        self.spin.valueChanged.connect(self._on_spin)
        line = self.spin.lineEdit()
        if line is not None:
            line.returnPressed.connect(self.done)

    def value(self) -> float:
        return round(self.spin.value(), 2)

    def set_value(self, value: float) -> None:
        """Show a value without requesting anything (the project's current threshold)."""
        self._quiet = True
        try:
            self._timer.stop()
            self.spin.setValue(value)
            self.slider.setValue(round(value * 100))
        finally:
            self._quiet = False

    def _on_slider(self, value: int) -> None:
        if self._quiet:
            return
        self._quiet = True
        self.spin.setValue(value / 100)
        self._quiet = False
        self._timer.start()

    def _on_spin(self, value: float) -> None:
        if self._quiet:
            return
        self._quiet = True
        self.slider.setValue(round(value * 100))
        self._quiet = False
        self._timer.start()

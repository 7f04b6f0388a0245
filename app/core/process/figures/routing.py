"""Arrows between boxes: ports spread along a box's side, curves through the gutters between columns,
orthogonal routes with rounded corners through the gaps between rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

Box = tuple[float, float, float, float]  # x, y, w, h
Point = tuple[float, float]


@dataclass
class Ports:
    """Arrow ends on the sides of boxes: each side's ends are spread evenly, ordered by where the
    other end of each arrow lies, so arrows leaving or entering one side do not cross there."""

    boxes: dict[str, Box]
    _wanted: dict[tuple[str, str], list[tuple[float, int]]] = field(default_factory=dict)
    _placed: dict[int, float] = field(default_factory=dict)
    _next: int = 0

    def request(self, key: str, side: str, toward_y: float) -> int:
        """Ask for an end on ``side`` ("left"/"right") of box ``key``; returns a ticket for :meth:`y`."""
        ticket = self._next
        self._next += 1
        self._wanted.setdefault((key, side), []).append((toward_y, ticket))
        return ticket

    def place(self) -> None:
        """Spread the requested ends (call once, after every request)."""
        for (key, _side), wanted in self._wanted.items():
            _x, y, _w, h = self.boxes[key]
            wanted.sort()
            inset = min(1.0, h / 4)
            n = len(wanted)
            for i, (_toward, ticket) in enumerate(wanted):
                self._placed[ticket] = y + inset + (h - 2 * inset) * (i + 0.5) / n

    def y(self, ticket: int) -> float:
        return self._placed[ticket]


def curve(a: Point, b: Point) -> tuple[tuple[Any, ...], ...]:
    """An S-curve from ``a`` to ``b`` leaving and arriving horizontally."""
    (ax, ay), (bx, by) = a, b
    mid = (bx - ax) / 2
    return (("M", ax, ay), ("C", ax + mid, ay, bx - mid, by, bx, by))


def orthogonal(points: Sequence[Point], radius: float = 1.2) -> tuple[tuple[Any, ...], ...]:
    """A polyline through ``points`` with rounded corners (repeated or collinear points are dropped)."""
    pts: list[Point] = []
    for p in points:
        if not pts or (abs(p[0] - pts[-1][0]) > 1e-6 or abs(p[1] - pts[-1][1]) > 1e-6):
            pts.append(p)
    cleaned: list[Point] = []
    for p in pts:
        if len(cleaned) >= 2:
            (x0, y0), (x1, y1) = cleaned[-2], cleaned[-1]
            if abs((x1 - x0) * (p[1] - y1) - (y1 - y0) * (p[0] - x1)) < 1e-6:
                cleaned[-1] = p
                continue
        cleaned.append(p)
    if len(cleaned) < 2:
        return (("M", *cleaned[0]),) if cleaned else ()
    commands: list[tuple[Any, ...]] = [("M", *cleaned[0])]
    for i in range(1, len(cleaned) - 1):
        (px, py), (cx, cy), (nx, ny) = cleaned[i - 1], cleaned[i], cleaned[i + 1]
        d_in = max(abs(cx - px), abs(cy - py))
        d_out = max(abs(nx - cx), abs(ny - cy))
        r = min(radius, d_in / 2, d_out / 2)
        ux, uy = _unit(px, py, cx, cy)
        vx, vy = _unit(cx, cy, nx, ny)
        commands.append(("L", cx - ux * r, cy - uy * r))
        commands.append(("C", cx, cy, cx, cy, cx + vx * r, cy + vy * r))
    commands.append(("L", *cleaned[-1]))
    return tuple(commands)


def _unit(x0: float, y0: float, x1: float, y1: float) -> Point:
    d = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 or 1.0
    return ((x1 - x0) / d, (y1 - y0) / d)


def width_for(count: int, low: int, high: int, thin: float = 0.2, thick: float = 1.1) -> float:
    """Line width (mm) for ``count`` on a scale from ``low`` to ``high``."""
    if high <= low:
        return (thin + thick) / 2 if high > 1 else thin + 0.15
    return thin + (thick - thin) * (count - low) / (high - low)

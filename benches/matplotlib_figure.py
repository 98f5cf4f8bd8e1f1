"""The figure `gradfield render --preset rosenbrock --log --levels 16 --arrows descent
--size 1920x1080` draws, made the usual way with numpy and matplotlib: f and its gradient on a
grid, a log-coloured contourf, 16 contour lines and a quiver of -grad f, written to a PNG of the
same size. Used to compare whole-process times side by side (see the README).

usage: python3 benches/matplotlib_figure.py OUT.png
"""

import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.colors import LogNorm  # noqa: E402

W, H, DPI = 1920, 1080, 100
X0, X1, Y0, Y1 = -2.0, 2.0, -1.0, 3.0

# One sample per pixel, as gradfield evaluates it.
x = X0 + (np.arange(W) + 0.5) * (X1 - X0) / W
y = Y1 - (np.arange(H) + 0.5) * (Y1 - Y0) / H
X, Y = np.meshgrid(x, y)
f = (1 - X) ** 2 + 100 * (Y - X**2) ** 2
dfdx = -2 * (1 - X) - 400 * X * (Y - X**2)
dfdy = 200 * (Y - X**2)

fig, ax = plt.subplots(figsize=(W / DPI, H / DPI), dpi=DPI)
levels = np.logspace(np.log10(f.min() + 1e-3), np.log10(f.max()), 64)
ax.contourf(X, Y, f + 1e-3, levels=levels, norm=LogNorm(), cmap="viridis")
ax.contour(X, Y, f + 1e-3, levels=np.logspace(np.log10(f.min() + 1e-3), np.log10(f.max()), 16),
           colors="k", linewidths=0.6)
step = 40  # an arrow every 40 px, like gradfield's default spacing
g = np.hypot(dfdx, dfdy) + 1e-12
ax.quiver(X[::step, ::step], Y[::step, ::step], (-dfdx / g)[::step, ::step], (-dfdy / g)[::step, ::step],
          color="white", scale=60)
ax.set_title("f(x, y) = (1 - x)^2 + 100*(y - x^2)^2")
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "matplotlib.png", dpi=DPI)

"""Horizontal bar charts of benchmark medians on a log scale (bench/results/*.png), shared by the benchmarks."""
import os


def log_bars(path, labels, series, xlabel, figsize=(9, 4), label_size=8):
    """series: {legend name or None: [value per label]}; grouped bars when there are several. Does nothing without
    matplotlib."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    fig, ax = plt.subplots(figsize=figsize)
    width = 0.8 / len(series)
    for k, (name, values) in enumerate(series.items()):
        offset = (k - (len(series) - 1) / 2) * width
        ax.barh([i + offset for i in range(len(labels))], values, height=width, label=name)
    ax.set_yticks(range(len(labels)), labels, fontsize=label_size)
    ax.set_xscale("log")
    ax.set_xlabel(xlabel)
    ax.invert_yaxis()
    if len(series) > 1:
        ax.legend()
    fig.tight_layout()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fig.savefig(path, dpi=110)

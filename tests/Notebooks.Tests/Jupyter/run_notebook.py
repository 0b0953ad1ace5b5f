#!/usr/bin/env python3
"""Runs one notebook through a Jupyter kernel with nbclient, the way JupyterLab would, and prints
a JSON report to a file: every code cell with its execution count and what a learner would see
as a problem (error outputs, and anything written to stderr such as compiler warnings).

The notebook is executed in memory and never written back. Kernels are looked up the usual way
(set JUPYTER_PATH to a folder holding kernels/ to choose which); the kernel starts in the
notebook's folder, as Jupyter starts it.

    run_notebook.py NOTEBOOK --report FILE [--kernel .net-csharp] [--cell-timeout S] [--startup-timeout S]

The report goes to a file because the kernel shares this process's stdout and logs to it.
Exit code 0 when the report was written (the report says whether the run was clean), 2 on bad
arguments, 3 when nbclient or nbformat cannot be imported.
"""

import argparse
import json
import os
import sys
import time

try:
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient
except ImportError as e:  # the test turns this into a failure naming the Debian packages
    print(f"cannot import the Jupyter client: {e}", file=sys.stderr)
    sys.exit(3)


def problems_in(outputs):
    """What the learner sees as wrong in a cell's outputs."""
    found = []
    for output in outputs:
        kind = output.get("output_type")
        if kind == "error":
            found.append({"kind": "error", "text": f"{output.get('ename', '')}: {output.get('evalue', '')}".strip()})
        elif kind == "stream" and output.get("name") == "stderr":
            found.append({"kind": "stderr", "text": output.get("text", "")})
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("--report", required=True)
    parser.add_argument("--kernel", default=".net-csharp")
    parser.add_argument("--cell-timeout", type=int, default=300)
    parser.add_argument("--startup-timeout", type=int, default=120)
    args = parser.parse_args()

    path = os.path.abspath(args.notebook)
    # The kernelspec nbclient will start, found the same way, so the report can say which one ran.
    spec = KernelSpecManager().get_kernel_spec(args.kernel)
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=args.kernel,
        timeout=args.cell_timeout,
        startup_timeout=args.startup_timeout,
        allow_errors=True,  # report every failing cell, not only the first
        resources={"metadata": {"path": os.path.dirname(path)}},
    )
    started = time.monotonic()
    failure = None
    try:
        client.execute()
    except Exception as e:  # a cell timed out, the kernel died or never started
        failure = f"{type(e).__name__}: {e}"

    cells = []
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type != "code":
            continue
        cells.append({
            "cell": number,
            "execution_count": cell.get("execution_count"),
            "outputs": len(cell.get("outputs", [])),
            "problems": problems_in(cell.get("outputs", [])),
        })

    with open(args.report, "w", encoding="utf-8") as report:
        json.dump({
            "notebook": os.path.basename(path),
            "kernel": args.kernel,
            "kernel_spec": spec.resource_dir,
            "argv": spec.argv,
            "seconds": round(time.monotonic() - started, 1),
            "failure": failure,
            "cells": cells,
        }, report, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()

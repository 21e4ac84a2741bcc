#!/usr/bin/env python3
"""Prints every fact of a dataset as CSV, one fact a row, from
Dataset.to_records(): the same plain dicts pandas.DataFrame takes.

Usage: python3 examples/python/to_records.py [--dataset FILE] [--company COMPANY]

Without --dataset the built-in data is used. Set IPOFACTS_LIBRARY to the
path of libipofacts.so.1 when it is not installed.
"""

from __future__ import annotations

import argparse
import csv
import pathlib
import sys

try:
    import ipofacts
except ImportError:  # running from a source checkout without installing the package
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "bindings" / "python"))
    import ipofacts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", help="a dataset file instead of the built-in data")
    parser.add_argument("--company", help="only this company (id, ticker or name)")
    args = parser.parse_args(argv)
    try:
        dataset = ipofacts.Dataset.load(args.dataset) if args.dataset else ipofacts.Dataset.builtin()
        records = dataset.to_records()
        if args.company:
            wanted = dataset[args.company].id
            records = [r for r in records if r["company"] == wanted]
    except ipofacts.IpofactsError as exc:
        print(f"to_records: {exc}", file=sys.stderr)
        return 2
    # Decimals print exactly (str), None as an empty field.
    writer = csv.DictWriter(sys.stdout, fieldnames=ipofacts.RECORD_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

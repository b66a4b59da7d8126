#!/usr/bin/env python3
"""The baseline luoshi's bench compares itself with: how an analyst would pull
five growth targets out of a folder of reports with one regular expression
each, in plain Python. Prints `file<TAB>target<TAB>percent` for every match.

    python3 bench/growth.py DIR...

Files are read as UTF-8, else GB18030 (as government sites serve them); .txt,
.htm and .html files are read whole, tags and all. No script conversion, no
years, no plan/outcome reading: this is the floor of the work, not the same
work.
"""

import os
import re
import sys

NUMBER = r"(-?\d+(?:\.\d+)?)%"
# Target, then anything but a sentence end, then the first growth figure.
TARGETS = {
    "gdp": re.compile(r"地区生产总值[^。;；]*?增长" + NUMBER),
    "retail": re.compile(r"社会消费品零售总额[^。;；]*?增长" + NUMBER),
    "fai": re.compile(r"固定资产投资[^。;；]*?增长" + NUMBER),
    "budget_revenue": re.compile(r"一般公共预算收入[^。;；]*?增长" + NUMBER),
    "industrial_output": re.compile(r"规模以上工业(?:总产值|增加值)[^。;；]*?增长" + NUMBER),
}


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def files(roots):
    for root in roots:
        if os.path.isfile(root):
            yield root
            continue
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                if name.endswith((".txt", ".htm", ".html")):
                    yield os.path.join(folder, name)


def main():
    out = sys.stdout
    for path in files(sys.argv[1:]):
        text = read(path)
        for target, pattern in TARGETS.items():
            for match in pattern.finditer(text):
                out.write(f"{path}\t{target}\t{match.group(1)}\n")


main()

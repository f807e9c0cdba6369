"""Throughput of the Python paths on a JSONL file of {"id","text"} lines.

    python python/examples/throughput.py target/eval/train.gold.jsonl --threads 2 --repeat 3

Prints, for analyze_many, to_arrow and to_pandas, the median of the runs: MB/s of
text (UTF-8 bytes) by wall clock, and the CPU seconds of the whole process (every
thread) per run. The texts are read (and the DataFrame built) before timing.
"""

import argparse
import json
import statistics
import time

import whosaid


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("jsonl")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    ids, texts = [], []
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                ids.append(str(record["id"]))
                texts.append(record["text"])
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    import pandas as pd
    import pyarrow as pa

    frame = pd.DataFrame({"id": ids, "text": texts})
    arrow_ids, arrow_texts = pa.array(ids), pa.array(texts)
    paths = {
        "analyze_many": lambda: sum(len(d["attributions"]) for d in whosaid.analyze_many(texts, threads=args.threads)),
        "to_arrow": lambda: whosaid.to_arrow(arrow_ids, arrow_texts, threads=args.threads).num_rows,
        "to_pandas": lambda: len(whosaid.to_pandas(frame, threads=args.threads)),
    }
    print(f"{len(texts)} articles, {megabytes:.2f} MB, {args.threads} thread(s), median of {args.repeat}")
    for name, run in paths.items():
        walls, cpus, rows = [], [], None
        for _ in range(args.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            rows = run()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        wall = statistics.median(walls)
        print(f"{name:<13} {rows:>6} attributions  {megabytes / wall:6.1f} MB/s  "
              f"wall {wall:.3f} s  cpu {statistics.median(cpus):.3f} s")


if __name__ == "__main__":
    main()

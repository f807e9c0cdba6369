"""Who said what in a Spark table of articles: one Parquet row per attribution.

    python python/examples/spark_quotes.py --input ARTICLES.parquet --output quotes/
    python python/examples/spark_quotes.py --input articles.jsonl --output quotes/ --master 'local[2]'
    spark-submit --master yarn --archives whosaid-env.tar.gz#environment \\
        --conf spark.pyspark.python=./environment/bin/python \\
        python/examples/spark_quotes.py --input hdfs:///news/articles --output hdfs:///news/quotes

The input is Parquet (a file or a folder) or JSON lines (``.jsonl``, ``.json``,
``.ndjson``) with an id and a text column (``--id-col``, ``--text-col``; default
``id`` and ``text``; other columns are ignored). Each executor analyses its
Arrow batches of articles with the ``whosaid`` wheel (``mapInArrow``, no pandas
on the way), and the attributions are written as Parquet under ``--output``:
the id column, then ``whosaid.columns()``, offsets in characters of the text
(``--offsets`` to change). The same script runs unchanged under
``spark-submit`` on a cluster: it only starts Spark itself (with ``--master``,
default ``local[*]``) when run with plain ``python``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", required=True, help="Parquet file or folder, or a JSON-lines file")
    parser.add_argument("--output", required=True, help="folder for the Parquet output")
    parser.add_argument("--id-col", default="id")
    parser.add_argument("--text-col", default="text")
    parser.add_argument("--format", choices=["auto", "parquet", "json"], default="auto",
                        help="input format (auto: from the file name; folders are Parquet)")
    parser.add_argument("--mode", choices=["errorifexists", "overwrite", "append"], default="errorifexists",
                        help="what to do when --output exists")
    parser.add_argument("--offsets", choices=["chars", "utf16", "bytes"], default="chars")
    parser.add_argument("--partitions", type=int, default=None,
                        help="repartition the articles into N tasks (default: at least one per core)")
    parser.add_argument("--master", default=None,
                        help="Spark master when this script starts Spark itself (default local[*]); "
                             "ignored under spark-submit, which has its own --master")
    parser.add_argument("--ui", action="store_true", help="keep Spark's web UI on (off when started here)")
    return parser.parse_args(argv)


def spark_session(args):
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("whosaid-quotes")
    # spark-submit starts the JVM first and hands the driver its gateway; without one,
    # this process starts Spark itself, in local mode unless --master says otherwise.
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = args.master or "local[*]"
        builder = builder.master(master)
        if master.startswith("local"):
            # Local workers run this interpreter, which has the wheel installed.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
            local_ip = os.environ.get("SPARK_LOCAL_IP")
            if local_ip:
                builder = builder.config("spark.driver.host", local_ip).config("spark.driver.bindAddress", local_ip)
        if not args.ui:
            builder = builder.config("spark.ui.enabled", "false")
    return builder.getOrCreate()


def read_articles(spark, args):
    path = args.input
    fmt = args.format
    if fmt == "auto":
        lower = path.lower().rstrip("/")
        fmt = "json" if lower.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz")) else "parquet"
    if fmt == "json":
        # Read only the two columns, as strings (a numeric JSON id becomes its digits);
        # inferring the schema would read the whole file once more.
        schema = f"`{args.id_col}` STRING, `{args.text_col}` STRING"
        frame = spark.read.schema(schema).json(path)
    else:
        frame = spark.read.parquet(path)
    return frame.select(args.id_col, args.text_col)


def quotes_of(articles, args, threads):
    """The attributions of a DataFrame of articles, through mapInArrow."""
    from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_type
    from pyspark.sql.types import StructType

    import whosaid

    id_col, text_col, offsets = args.id_col, args.text_col, args.offsets
    id_field = articles.schema[id_col]
    # The output schema comes from the wheel's own list of columns.
    rows = from_arrow_schema(whosaid.arrow_schema(to_arrow_type(id_field.dataType), id_col))
    schema = StructType([id_field] + rows.fields[1:])

    def analyse(batches):
        import whosaid  # on the executor

        for batch in batches:
            table = whosaid.to_arrow(batch.column(id_col), batch.column(text_col),
                                     threads=threads, offsets=offsets, id_col=id_col)
            yield from table.to_batches()

    return articles.mapInArrow(analyse, schema)


def main(argv=None):
    args = parse_args(argv)
    spark = spark_session(args)
    try:
        articles = read_articles(spark, args)
        cores = spark.sparkContext.defaultParallelism
        partitions = args.partitions or max(cores, articles.rdd.getNumPartitions())
        if partitions != articles.rdd.getNumPartitions():
            articles = articles.repartition(partitions)
        # One Python worker per task; a task that may use several cores analyses on that many threads.
        threads = int(spark.conf.get("spark.task.cpus", "1"))
        started = time.perf_counter()
        quotes_of(articles, args, threads).write.mode(args.mode).parquet(args.output)
        seconds = time.perf_counter() - started

        from pyspark.sql import functions as F

        rows = spark.read.parquet(args.output).count()
        stats = read_articles(spark, args).agg(
            F.count(F.lit(1)).alias("articles"),
            F.sum(F.octet_length(F.col(args.text_col))).alias("bytes"),
        ).first()
        megabytes = (stats["bytes"] or 0) / 1e6
        print(f"{stats['articles']} articles, {megabytes:.2f} MB -> {rows} attributions in {args.output} "
              f"({partitions} tasks, {seconds:.1f} s read+analyse+write: {megabytes / max(seconds, 1e-9):.1f} MB/s)",
              file=sys.stderr)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()

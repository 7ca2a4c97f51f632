"""The ``claims`` command: each subcommand parses its options, calls one
library function and formats the result."""

from __future__ import annotations

import functools
import sys

import click
import pandas as pd

from .errors import ClaimsError
from .readers import FORMAT_NAMES


def input_options(command=None, *, format_flag: str = "--format"):
    """Options shared by every command that reads a corpus (``claims leaderboard`` names the
    input-format option ``--input-format``, since its ``--format`` is the output's)."""
    def decorate(command):
        command = click.argument("inputs", nargs=-1, type=click.Path(exists=True, dir_okay=True))(command)
        command = click.option(format_flag, "fmt", type=click.Choice(FORMAT_NAMES), default=None,
                               help="Read every input as this format instead of detecting it.")(command)
        return click.option("--strict", is_flag=True, help="Stop at the first bad record instead of skipping it.")(command)
    return decorate(command) if command else decorate


def reports_errors(command):
    """Turn the library's own errors into a clean CLI error."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ClaimsError as err:
            raise click.ClickException(str(err)) from err
    return wrapper


@click.group()
@click.version_option(package_name="ml-claims")
def main():
    """Turn machine-learning paper abstracts into claims tables and leaderboards.

    With no INPUT, every command reads the bundled demo corpus.
    """


def load_papers(inputs, fmt, strict):
    """Read the corpus, print the summary to stderr, and stop when nothing could be read."""
    from .papers import read_corpus
    papers, problems, n_records = read_corpus(list(inputs) or None, fmt, strict=strict)
    echo = functools.partial(click.echo, err=True)
    echo(f"records read: {n_records}")
    echo(f"unique papers: {len(papers)}")
    skipped = problems[problems.severity == "skipped"]
    echo(f"skipped: {len(skipped)}")
    for p in problems.itertuples():
        where = p.file if pd.isna(p.line) else f"{p.file}:{p.line}"
        echo(f"  {where}: {p.severity}: {p.reason}")
    if papers.empty:
        raise click.ClickException("nothing could be read from the input")
    return papers


@main.command()
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the papers table (.csv, .jsonl, .parquet, or - for stdout).")
@reports_errors
def papers(inputs, fmt, strict, output):
    """Read the corpus into the papers table, each paper once."""
    from .output import write_table
    table = load_papers(inputs, fmt, strict)
    if output:
        write_table(table, output)


@main.command()
@input_options
@click.option("-o", "--output", required=True, help="Claims table: .parquet, .csv, .jsonl, or - for JSON Lines on stdout.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes (streaming mode).")
@click.option("--stream/--no-stream", default=None, help="Read and write in batches (default: for inputs over 64 MB or with --jobs > 1).")
@reports_errors
def extract(inputs, fmt, strict, output, jobs, stream):
    """Extract every claim of every paper into a claims table."""
    from .output import table_format
    from .stream import STREAM_THRESHOLD, as_paper, corpus_bytes, stream_extract, write_papers
    table_format(output)
    if stream is None:
        stream = jobs > 1 or corpus_bytes(list(inputs) or None) > STREAM_THRESHOLD
    if not stream:  # the same batches as streaming, from the papers table in memory: the same bytes
        papers_table = load_papers(inputs, fmt, strict)
        written = write_papers((as_paper(row) for row in papers_table.itertuples(index=False)), output)
        click.echo(f"claims: {written}", err=True)
        return
    written, problems = stream_extract(list(inputs) or None, output, fmt, jobs, strict=strict, progress=True)
    for p in problems:
        click.echo(f"  {p}", err=True)
    click.echo(f"claims: {written} (streamed in two passes, copies of a paper merged)", err=True)


def load_claims(inputs, fmt, strict):
    """Papers and their claims table."""
    from .table import extract_claims
    papers_table = load_papers(inputs, fmt, strict)
    return papers_table, extract_claims(papers_table)


@main.command()
@input_options(format_flag="--input-format")
@click.option("--benchmark", "-b", help="Only boards of this benchmark (any alias).")
@click.option("--metric", "-m", help="Only boards of this metric (any alias).")
@click.option("--format", "out", type=click.Choice(["table", "csv", "md", "json", "jsonl", "evaluation-tables"]),
              default="table", show_default=True,
              help="table, csv or md to read; json (one document), jsonl (a row a line) or evaluation-tables "
                   "(Papers with Code's JSON) to hand on.")
@reports_errors
def leaderboard(inputs, fmt, strict, benchmark, metric, out):
    """Print per-benchmark leaderboards of score claims."""
    import json

    import leaderboards as lb
    from leaderboards.exports import ROW_FIELDS, board_rows, boards_document, evaluation_tables
    from leaderboards.names import benchmark_name, fold, metric_name

    _, claims = load_claims(inputs, fmt, strict)
    wanted = (benchmark and fold(benchmark_name(benchmark)), metric and fold(metric_name(metric)))
    boards = {(b, m): v for (b, m), v in lb.leaderboards(claims).items()
              if (not wanted[0] or fold(b) == wanted[0]) and (not wanted[1] or fold(m) == wanted[1])}
    if not boards:
        raise click.ClickException("no leaderboard matches" + (f" benchmark {benchmark!r}" if benchmark else "")
                                   + (f" metric {metric!r}" if metric else ""))
    if out in ("json", "evaluation-tables"):
        document = boards_document(boards) if out == "json" else evaluation_tables(boards)
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    elif out == "jsonl":
        for row in board_rows(boards):
            click.echo(json.dumps(row, ensure_ascii=False))
    elif out == "csv":
        click.echo(pd.DataFrame(board_rows(boards), columns=ROW_FIELDS).to_csv(index=False, lineterminator="\n"), nl=False)
    else:
        _print_boards(boards, out)


def _print_boards(boards: dict, out: str) -> None:
    columns = ["rank", "subject", "display", "own", "arxiv_id", "title", "date", "hardware"]
    for (bench, met), board in boards.items():
        view = board[[c for c in columns if c in board.columns]]
        if out == "md":
            click.echo(f"\n### {bench} / {met}\n\n" + _markdown(view))
        else:
            direction = board["direction"].iloc[0] if "direction" in board and len(board) else "unknown"
            click.echo(f"\n{bench} / {met} ({direction} is better)")
            click.echo(view.to_string(index=False, max_colwidth=50))


@main.command(name="model-index")
@click.argument("paper")
@input_options
@reports_errors
def model_index_command(paper, inputs, fmt, strict):
    """Print one paper's own results as a Hugging Face model card's model-index block.

    PAPER is its paper id, arXiv id or title.
    """
    from leaderboards.exports import model_index, paper_claims
    _, claims = load_claims(inputs, fmt, strict)
    if paper_claims(claims, paper).empty:
        raise click.ClickException(f"no claims of a paper {paper!r} (give its paper id, arXiv id or title)")
    click.echo(model_index(claims, paper), nl=False)


def _markdown(view: pd.DataFrame) -> str:
    """A Markdown table, with paper text escaped for table cells."""
    from leaderboards.markup import md_text
    lines = ["| " + " | ".join(view.columns) + " |", "|" + "---|" * len(view.columns)]
    lines += ["| " + " | ".join(md_text("" if pd.isna(v) else v) for v in row) + " |" for row in view.itertuples(index=False)]
    return "\n".join(lines)


@main.command()
@input_options
@click.option("-o", "--output", "out_dir", default="reports", show_default=True, type=click.Path(file_okay=False),
              help="Folder for README.md, index.html and figures/.")
@click.option("--min-rows", type=click.IntRange(1), default=1, show_default=True,
              help="Show only boards with at least this many rows.")
@reports_errors
def report(inputs, fmt, strict, out_dir, min_rows):
    """Write the Markdown and HTML report with every leaderboard and chart."""
    import leaderboards as lb
    papers_table, claims = load_claims(inputs, fmt, strict)
    files = lb.write_report(claims, papers_table, out_dir, min_rows=min_rows)
    click.echo(f"wrote {len(files)} files to {out_dir}", err=True)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--misses", is_flag=True, help="List every missed and every spurious claim (or missed tuple).")
@click.option("--boards", is_flag=True, help="Tuples files: add board recall and board agreement.")
@click.option("--more-tuples", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Tuples files: tuples of the same papers from another file (the corpus and its dev set).")
@reports_errors
def eval_command(gold, as_json, misses, boards, more_tuples):
    """Score the extractor on a gold file (precision, recall, F1, field accuracy) or on a file of
    leaderboard tuples (value recall, +dataset, +dataset+metric; board figures with --boards)."""
    import json

    from .tuples import is_tuples_file
    if is_tuples_file(gold):
        from .tuples import format_tuples_report
        from leaderboards.agreement import score_tuples
        result, report = score_tuples(gold, more_tuples, boards), format_tuples_report
    else:
        from .evaluate import evaluate, format_report, read_gold
        result, report = evaluate(read_gold(gold)), format_report
    if not misses:
        result.pop("misses")
    click.echo(json.dumps(result, indent=2) if as_json else report(result, misses))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

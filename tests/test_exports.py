"""extractor/exports.py and `khabar extract --format csv|parquet`: one row per fact (or entity), read as
they are by pandas and DuckDB, numbers as numbers and resolved dates as dates."""

import datetime
import json

import pytest
from support import CORPUS, shared_file

from extractor import cli, exports, extract

pandas = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")
pyarrow = pytest.importorskip("pyarrow")
pytest.importorskip("pyarrow.parquet")

SAMPLE = (CORPUS / "documents" / "qom_industry_irna.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample():
    return extract(SAMPLE, reference_date=datetime.date(2018, 7, 4), document_id="qom")


def test_exports_csv_has_a_row_per_fact_that_pandas_reads_typed(tmp_path, sample):
    path = tmp_path / "facts.csv"
    path.write_text(exports.csv_header() + exports.csv_rows(sample), encoding="utf-8")
    table = pandas.read_csv(path)
    assert list(table.columns) == list(exports.FACT_COLUMNS)
    assert len(table) == len(sample.facts) == 27
    assert table["value"].dtype.kind == "f" and table["paragraph"].dtype.kind == "i"
    money = table[table["kind"] == "money"]
    assert money["value"].tolist()[:2] == [30_000_000_000, 770_000_000_000]
    assert table["text"].tolist() == [fact.text for fact in sample.facts]


def test_exports_csv_is_read_by_duckdb_with_dates_as_dates(tmp_path, sample):
    path = tmp_path / "facts.csv"
    path.write_text(exports.csv_header() + exports.csv_rows(sample), encoding="utf-8")
    rows = duckdb.sql(f"select start_date, value from '{path}' where kind = 'date' and start_date is not null").fetchall()
    assert rows and all(isinstance(start, datetime.date) for start, _ in rows)
    assert duckdb.sql(f"select count(*) from '{path}'").fetchall()[0][0] == 27


def test_exports_parquet_columns_are_typed(tmp_path, sample):
    path = tmp_path / "facts.parquet"
    assert exports.write_parquet([sample, sample], path) == 54
    table = pandas.read_parquet(path)
    assert len(table) == 54 and table["value"].dtype == "float64"
    types = duckdb.sql(f"select typeof(start_date), typeof(value), typeof(year), typeof(raw_start) from '{path}' limit 1").fetchall()[0]
    assert types == ("DATE", "DOUBLE", "INTEGER", "BIGINT")
    resolved = duckdb.sql(f"select start_date from '{path}' where text = 'روز چهارشنبه' limit 1").fetchall()[0][0]
    assert resolved == datetime.date(2018, 7, 4)


def test_exports_entities_table(tmp_path, sample):
    path = tmp_path / "entities.csv"
    path.write_text(exports.csv_header("entities") + exports.csv_rows(sample, "entities"), encoding="utf-8")
    table = pandas.read_csv(path)
    assert len(table) == len(sample.entities) and set(table["label"]) <= {"PERSON", "ORG", "LOC"}


def test_exports_a_number_too_large_for_a_double_keeps_its_digits():
    document = extract("بدهی 123456789012345678901 ریال است.")
    row = exports.fact_row(document, document.facts[0])
    assert row["value_text"] == "123456789012345678901"


def test_exports_cli_csv_and_parquet_match_the_json_lines(tmp_path, capsys):
    assert cli.main(["extract", "--entities", "rules", "-o", str(tmp_path / "out.jsonl")]) == 0
    assert cli.main(["extract", "--entities", "rules", "--format", "csv", "-o", str(tmp_path / "out.csv")]) == 0
    assert cli.main(["extract", "--entities", "rules", "--format", "parquet", "-o", str(tmp_path / "out.parquet")]) == 0
    assert cli.main(["extract", "--entities", "rules", "--format", "csv", "--table", "entities", "-o", str(tmp_path / "entities.csv")]) == 0
    document = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    csv_table = pandas.read_csv(tmp_path / "out.csv")
    parquet_table = pandas.read_parquet(tmp_path / "out.parquet")
    assert len(csv_table) == len(parquet_table) == len(document["facts"])
    assert csv_table["text"].tolist() == parquet_table["text"].tolist() == [fact["text"] for fact in document["facts"]]
    assert len(pandas.read_csv(tmp_path / "entities.csv")) == len(document["entities"])


@pytest.mark.parametrize(
    "arguments, problem",
    [
        (["--format", "parquet"], "--format parquet needs -o OUT"),
        (["--table", "entities"], "--table goes with --format csv or parquet"),
    ],
)
def test_exports_cli_usage_errors(capsys, arguments, problem):
    assert cli.main(["extract", *arguments]) == 2
    assert problem in capsys.readouterr().err


@pytest.mark.slow
def test_exports_of_the_shared_news_equal_the_json_lines(tmp_path, capsys):
    """Every fact of the 4,000 shared news articles, as JSON lines, CSV and Parquet: the same rows, the
    same values."""
    news = [str(shared_file("news/fars_news.jsonl")), str(shared_file("news/varzesh3.jsonl"))]
    common = ["extract", *news, "--entities", "rules", "-j", "2", "--id-field", "id"]
    for output_format, name in (("jsonl", "out.jsonl"), ("csv", "out.csv"), ("parquet", "out.parquet")):
        assert cli.main([*common, "--format", output_format, "-o", str(tmp_path / name)]) == 0
    facts = [
        (document["id"], fact["kind"], fact["text"], fact["value"])
        for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
        for document in [json.loads(line)] for fact in document["facts"]
    ]
    csv_table = pandas.read_csv(tmp_path / "out.csv", dtype={"document_id": str, "value_text": str}, keep_default_na=False)
    parquet_table = pandas.read_parquet(tmp_path / "out.parquet")
    assert len(csv_table) == len(parquet_table) == len(facts) > 10_000
    expected_text = [None if value is None else str(value) for _, _, _, value in facts]
    assert [value or None for value in csv_table["value_text"]] == expected_text
    columns = pyarrow.parquet.read_table(tmp_path / "out.parquet", columns=["value_text", "text"]).to_pydict()
    assert columns["value_text"] == expected_text  # nulls as None (pandas 3 reads them as NaN)
    assert columns["text"] == [text for _, _, text, _ in facts]
    numeric = parquet_table["value"].notna()
    assert (parquet_table.loc[numeric, "value"] == parquet_table.loc[numeric, "value_text"].astype(float)).all()


def test_exports_one_row_per_statement(tmp_path, capsys, sample):
    assert [fact.mention_of for fact in sample.facts].count(None) == 26  # the crosshead's rank, told again
    assert len(exports.rows(sample, statements=True)) == 26 and len(exports.rows(sample)) == 27
    output = tmp_path / "statements.csv"
    assert cli.main(["extract", "--entities", "rules", "--format", "csv", "--one-row-per-statement", "-o", str(output)]) == 0
    table = pandas.read_csv(output)
    assert len(table) == 26 and table["mention_of"].isna().all()
    assert cli.main(["extract", "--entities", "rules", "--format", "table", "--one-row-per-statement"]) == 0
    assert sum(not line.startswith("#") for line in capsys.readouterr().out.splitlines()) == 26


def test_exports_one_row_per_statement_is_for_tables(capsys):
    assert cli.main(["extract", "--one-row-per-statement"]) == 2
    assert "--one-row-per-statement goes with --format table, csv or parquet" in capsys.readouterr().err

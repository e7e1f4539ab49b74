"""What a run reports: warnings do not fail it, and every problem prints as one line."""
from newsgraph.pipeline import RunReport
from newsgraph.records import InputProblem


def test_warnings_alone_do_not_fail_a_run():
    report = RunReport(documents=2, new_articles=2,
                       problems=[InputProblem("a.txt", "W101", "encoding guessed as cp1252")])
    assert not report.failed
    assert report.summary().endswith("0 problems, 1 warnings")
    report.problems.append(InputProblem("b.txt", "E102", "the file is empty"))
    assert report.failed and report.summary().endswith("1 problems, 1 warnings")


def test_a_problem_is_one_line_whatever_its_file_name_holds():
    line = str(InputProblem("odd\nname\t.txt", "E101", "no such file\r\n"))
    assert "\n" not in line and "\r" not in line and "\t" not in line
    assert line.startswith("E101 odd\\nname\\t.txt: ")
    assert str(InputProblem("sur\ud800.txt", "E110", "x")).encode("utf-8")  # encodable: no lone surrogate

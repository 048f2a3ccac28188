"""bench/memory.py on tiny sizes: `newsloom analyze` measured per size, the table and the ratios."""
from __future__ import annotations

from bench.memory import analyze_command, measure, render


def test_the_command_is_the_cli_users_run(tmp_path):
    command = analyze_command(tmp_path / "in", tmp_path / "b.json", "local")
    assert command[1:] == ["-m", "newsloom.cli", "analyze", str(tmp_path / "in"), "-o", str(tmp_path / "b.json"),
                           "--format", "json", "--quiet", "--executor", "local"]


def test_measure_runs_each_size_and_gives_the_ratios():
    result = measure([5, 10], seed=2, executor="local", interval=0.1)
    small, large = result["rows"]
    assert (small["n"], small["ok"], small["inputs"], small["stories"]) == (5, 5, 5, 1)
    assert (large["n"], large["ok"], large["stories"], large["code"]) == (10, 10, 2, 0)
    for row in (small, large):
        assert row["largest_mib"] > 0 and row["tree_peak_mib"] > 0 and row["wall_s"] > 0 and row["brief_mib"] > 0
    assert result["tree_ratio"] == large["tree_peak_mib"] / small["tree_peak_mib"]
    table = render(result).splitlines()
    assert table[0].startswith("`newsloom analyze DIR -o OUT --format json` (executor: local)")
    assert table[3].startswith("| 5 | 5/5 | 1 |") and table[4].startswith("| 10 | 10/10 | 2 |")
    assert table[-1].startswith("peak at 10 over 5: tree ")

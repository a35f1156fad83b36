"""The history file (th/repl/history.py): trepl's ~/.luahistory, multi-line entries whole."""
from th.repl.history import append_entry, history_path, read_entries


def test_entries_round_trip_including_multi_line_ones(tmp_path):
    path = tmp_path / "hist"
    append_entry(path, "x = 1")
    append_entry(path, "for i=1,2 do\n  print(i)\nend")
    append_entry(path, "   ")
    assert read_entries(path) == ["x = 1", "for i=1,2 do\n  print(i)\nend"]


def test_torch7_history_files_load_line_by_line(tmp_path):
    path = tmp_path / "old"
    path.write_text("1+1\nrequire 'nn'\n\n#x\n")
    assert read_entries(path) == ["1+1", "require 'nn'", "#x"]
    append_entry(path, "y = 2")
    assert read_entries(path)[-1] == "y = 2"


def test_missing_file_is_an_empty_history(tmp_path):
    assert read_entries(tmp_path / "none") == []


def test_location(monkeypatch, tmp_path):
    monkeypatch.setenv("TREPL_HISTORY", str(tmp_path / "h"))
    assert history_path() == str(tmp_path / "h")
    monkeypatch.delenv("TREPL_HISTORY")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert history_path() == str(tmp_path / ".luahistory")

"""Comparing th's output with Torch7's golden transcripts, under the allowed differences.

The rules (/work/shared/reference/README.md), applied by `normalize`:
- a `{ ... }` table listing is compared as a tree whose keys may come in any order
  (Torch7 listed them in LuaJIT's hash order);
- a timing line (70 spaces, `[0.0001s]`, tab) matches any timing line;
- the lines of a `stack traceback:` block name Torch7's install paths, ours name our own:
  only the block's presence is compared;
- addresses (`0x7f...`) are masked.
Everything else must be equal, character for character (trailing tabs included).
"""
import re

TIMING = re.compile(r"^ {70}\[\d+\.\d{4}s\]\t$")
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def normalize(text):
    """The output as a list of comparable items (strings, or tuples for listings)."""
    lines = text.split("\n")
    items, i = [], 0
    while i < len(lines):
        line = lines[i]
        if line == "{":
            tree, i = _listing(lines, i, 0)
            items.append(tree)
            continue
        if TIMING.match(line):
            items.append("<timing>")
        elif line.startswith("stack traceback:"):
            items.append("<traceback>")
            i += 1
            while i < len(lines) and lines[i].startswith("\t"):
                i += 1
            continue
        else:
            items.append(ADDRESS.sub("0x?", line))
        i += 1
    return items


def _listing(lines, i, depth):
    """Parse a listing opened at lines[i]; returns (sorted entries, next index)."""
    pad = " " * (depth * 4)
    assert lines[i] == pad + "{", (i, lines[i])
    entries, i = [], i + 1
    inner = pad + "  "
    while lines[i] != pad + "}":
        line = lines[i]
        assert line.startswith(inner), (i, line)
        key, _, value = line[len(inner):].partition(" : ")
        if value == "" and line.endswith(" : ") and lines[i + 1] == pad + "    {":
            sub, i = _listing(lines, i + 1, depth + 1)
            entries.append((key, sub))
            continue
        entries.append((key, ADDRESS.sub("0x?", value)))
        i += 1
    return ("{}", tuple(sorted(entries, key=repr))), i + 1


def entries(text):
    """The session split at each `th> ` prompt: [(input line, normalized output)]."""
    chunks = re.split(r"^th> ", text, flags=re.M)
    result = []
    for chunk in chunks[1:]:
        first, _, rest = chunk.partition("\n")
        result.append((first, normalize(rest)))
    return chunks[0], result

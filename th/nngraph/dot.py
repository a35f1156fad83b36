"""Graphs as graphviz dot text, in Torch7's format, and the files graph.dot writes.

The text is graph.Graph:todot's:

    digraph G {
    node [shape = oval]; 
    n1[label="Node1\\nmodule = nn.Linear(10 -> 20)\\lreverseMap = {}" tooltip="[stdin]:1_"];
    n1 -> n2;
    }

one `n<id>[label=...]` per node (the node's graphNodeName, a newline, then its label),
with the node's graphNodeAttributes after the label, then one line per edge. A value
with anything but letters is quoted, its newlines written `\\n` and quotes `\\"`.
The svg comes from graphviz's `dot` program when it is installed; it is never required.
Imports th.lua only (tostring, for attribute values).
"""
import os
import re
import shutil
import subprocess
import tempfile

from th.lua.runtime import tostring
from th.torch.errors import TorchError

_NOT_LETTERS = re.compile(r"[^a-zA-Z]")


def escape(text):
    """A dot value: `text` as is when it is all letters, else quoted and escaped."""
    if _NOT_LETTERS.search(text):
        return '"' + text.replace("\n", "\\n").replace('"', '\\"') + '"'
    return text


def attribute_string(attributes):
    """' color=red tooltip="..."': graph attributes as dot's `key=value` list."""
    return " " + " ".join(f"{tostring(k)}={escape(tostring(v))}" for k, v in attributes.items())


def node_line(node):
    """`n<id>[label=...<attributes>];` for one node."""
    name_of = getattr(node, "graphNodeName", None)
    name = name_of() if name_of is not None else f"Node{tostring(node.id)}"
    label = escape(name + "\n" + node.label())
    attributes_of = getattr(node, "graphNodeAttributes", None)
    extra = attribute_string(attributes_of()) if attributes_of is not None else ""
    return f"n{tostring(node.id)}[label={label}{extra}];"


def todot(graph, title=None):
    """graph.Graph:todot([title]): the dot text of a graph (its nodes, then its edges)."""
    parts = ["digraph G {\n"]
    if title is not None:
        parts.append(f'labelloc="t";\nlabel="{tostring(title)}";\n')
    parts.append("node [shape = oval]; ")
    parts.extend("\n" + node_line(node) for node in graph.nodes.arr)
    parts.append("\n")
    parts.extend(f"n{tostring(e.from_.id)} -> n{tostring(e.to.id)};\n" for e in graph.edges.arr)
    parts.append("}")
    return "".join(parts)


def highlight(text, node_id):
    """The dot text with node n<node_id> filled red (nngraph's debug pictures)."""
    return re.sub(r"}\s*$", "", text) + f"n{node_id}[style=filled, fillcolor=red];\n}}"


# ---- files ------------------------------------------------------------------------------

def temp_prefix():
    """A fresh file name (without extension) in the temporary folder, as os.tmpname."""
    fd, path = tempfile.mkstemp(prefix="th_graph_")
    os.close(fd)
    os.remove(path)
    return path


def write_files(text, prefix):
    """Write prefix.dot, and prefix.svg when graphviz's dot program exists; the paths."""
    dot_path = prefix + ".dot"
    try:
        with open(dot_path, "w") as f:
            f.write(text)
    except OSError as e:
        raise TorchError(f"cannot write {dot_path}: {e.strerror}") from None
    written = [dot_path]
    if render_svg(dot_path, prefix + ".svg"):
        written.append(prefix + ".svg")
    return written


def render_svg(dot_path, svg_path):
    """Run `dot -Tsvg`; False when graphviz is not installed."""
    program = shutil.which("dot")
    if program is None:
        return False
    done = subprocess.run([program, "-Tsvg", "-o", svg_path, dot_path],
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise TorchError("graphviz render failed: " + done.stderr.strip())
    return True

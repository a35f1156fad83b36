"""Finding your way in a graph: nngraph.annotateNodes, nngraph.setDebug, nngraph.display.

annotateNodes names the nodes held in the calling Lua function's local variables, as
Torch7 did with debug.getlocal: a compiled Lua function is a Python function, so its
locals are the frame's locals (a console's persistent top-level locals live in the
chunk's scope dictionary). setDebug(true) makes a gModule that fails while running
write `<name>.dot` (and `.svg` with graphviz) with the failing node filled red.
"""
import os
import re
import shutil
import subprocess
import sys

from th.lua import errors as lua_errors
from th.nngraph import dot
from th.nngraph.node import Node
from th.torch.errors import TorchError

_state = {"debug": False}

# Lua locals become Python locals under these names: `x`, `xλ2` (a second x in the same
# function), `λclass` (a Lua name that is a Python keyword); boxes are 1-element lists.
_PYNAME = re.compile(r"^(λ?)([A-Za-z_][A-Za-z0-9_]*?)(?:λ\d+)?$")


def annotateNodes(stackLevel=1):
    """nngraph.annotateNodes([level]): name each node held in a local variable of the
    calling function after that variable (graph.dot shows the names; names already given
    are kept).

    Example: local hidden = nn.Tanh()(nn.Linear(3, 2)(nn.Identity()())); nngraph.annotateNodes()
    """
    frames = list(lua_errors.lua_frames(1))
    level = int(stackLevel)
    if not 1 <= level <= len(frames):
        return ()
    for name, value in _lua_locals(frames[level - 1]):
        if isinstance(value, Node) and value.data["annotations"].get("name") is None:
            value.annotate({"name": name})
    return ()


def _lua_locals(frame):
    found = []
    if frame.f_code.co_name == "λmain":
        scope = frame.f_globals.get("λS")
        if isinstance(scope, dict):
            found.extend(scope.items())
    upvalues = set(frame.f_code.co_freevars)     # debug.getlocal does not list upvalues
    for pyname, value in frame.f_locals.items():
        m = _PYNAME.match(pyname)
        if pyname in upvalues:
            continue
        if m is None or (m.group(1) and not _reserved(m.group(2))):
            continue
        if type(value) is list and len(value) == 1:
            value = value[0]
        found.append((m.group(2), value))
    return found


def _reserved(name):
    import keyword
    return keyword.iskeyword(name) or name in ("None", "True", "False")


def setDebug(enable):
    """nngraph.setDebug(true|false): when on, a gModule that fails in forward or backward
    writes <name>.dot (and .svg) with the failing node filled red, then fails as usual.

    The name is the gModule's `name` field, or nngraph_<inputs>in_<outputs>out.
    Example: nngraph.setDebug(true); net.name = 'my_net'
    """
    _state["debug"] = bool(enable)
    return ()


def debugging():
    """Whether nngraph.setDebug(true) is on."""
    return _state["debug"]


def report_failure(gmodule, failed):
    """Write the picture of gmodule with node `failed` highlighted (setDebug's files)."""
    n_in = gmodule.__dict__.get("nInputs") or len(gmodule.innode.children.arr)
    n_out = len(gmodule.outnode.children.arr)
    prefix = gmodule.__dict__.get("name") or f"nngraph_{n_in}in_{n_out}out"
    if os.path.exists(prefix + ".svg"):
        prefix += "_" + os.path.basename(dot.temp_prefix())
    text = dot.todot(gmodule.fg, prefix)
    for node in gmodule.fg.nodes.arr:
        if failed is not None and node.data is failed.data:
            text = dot.highlight(text, node.id)
            break
    sys.stderr.write(f"saving {prefix}.svg\n")
    dot.write_files(text, prefix)


def display(gmodule):
    """nngraph.display(g): draw g's forward graph as an svg (graphviz needed) and open it
    in the desktop's viewer, or print where it is.

    Example: nngraph.display(net)
    """
    if shutil.which("dot") is None:
        raise TorchError("nngraph.display needs graphviz's dot program; "
                         "graph.dot(g.fg, title, 'file') writes file.dot without it")
    prefix = dot.temp_prefix()
    dot.write_files(gmodule.fg.todot(prefix), prefix)
    svg = prefix + ".svg"
    opener = shutil.which("xdg-open") or shutil.which("open")
    if opener and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                   or sys.platform == "darwin"):
        subprocess.Popen([opener, svg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        print("nngraph.display: " + svg)
    return ()

"""nngraph.simple_print: the dot picture of a graph without its bookkeeping nodes.

Only the nodes running a module other than nn.Identity are drawn, renumbered from 1;
an edge joins two of them when the full graph joins them through removed nodes. The
labels are the nodes' usual ones (`Node<id>` of the full graph, then node:label()).
"""
from th.lua.runtime import tostring
from th.nngraph import dot as _dot


def _kept(node):
    module = node.data.get("module") if hasattr(node.data, "get") else None
    return module is not None and type(module).__typename__ != "nn.Identity"


def _edges(graph):
    # Edges between kept nodes, bridging every removed node (Torch7's order: a removed
    # node's in-edges times its out-edges, appended after the remaining ones).
    nodes = graph.nodes.arr
    edges = [(node.id, child.id) for node in nodes for child in node.children.arr]
    for node in nodes:
        if _kept(node):
            continue
        ins = [s for s, t in edges if t == node.id]
        outs = [t for s, t in edges if s == node.id]
        edges = [(s, t) for s, t in edges if node.id not in (s, t)]
        edges += [(s, t) for s in ins for t in outs]
    return edges


def todot(graph, title=None):
    """nngraph.simple_print.todot(g [, title]): the dot text of g without Identity and
    data nodes.

    Example: print(nngraph.simple_print.todot(net.fg, 'net'))
    """
    kept = [node for node in graph.nodes.arr if _kept(node)]
    number = {node.id: i for i, node in enumerate(kept, 1)}
    names = {node.id: f"n{tostring(node.id)}" for node in kept}
    parts = ["digraph G {\n"]
    if title is not None:
        parts.append(f'labelloc="t";\nlabel="{tostring(title)}";\n')
    parts.append("node [shape = oval]; ")
    for node in kept:
        label = '"Node' + tostring(node.id) + "\\n" + node.label() + '"'
        parts.append(f"\n{names[node.id]}[label={label}];")
    parts.append("\n")
    for s, t in _edges(graph):
        if s in number and t in number:
            parts.append(f"{names[s]} -> {names[t]};\n")
    parts.append("}")
    return "".join(parts)


def dot(g, title=None, fname=None):
    """nngraph.simple_print.dot(g, title [, fname]): write fname.dot (and .svg with
    graphviz) of the simplified graph.

    Example: nngraph.simple_print.dot(net.fg, 'net', 'net_simple')
    """
    shown = fname is None
    written = _dot.write_files(todot(g, title), _dot.temp_prefix() if shown else str(fname))
    if shown:
        print("nngraph.simple_print.dot: wrote " + " and ".join(written))
    return ()


__all__ = ["todot", "dot"]

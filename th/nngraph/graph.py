"""graph: Torch7's small directed-graph package (Lua name `graph`), which nngraph builds on.

A graph.Node holds `data` (any Lua value; nngraph's nodes hold a table) and `children`,
a Lua table that lists the child nodes and also maps each child to its position. A
graph.Graph is two such tables, `nodes` and `edges` (graph.Edge: fields `from`, `to`).
Graph:add(edge) numbers the nodes in the order they arrive (`node.id`): the numbering of
the dot export. Traversals follow children in the order they were added, so dfs, bfs
and topsort visit nodes in Torch7's order, and nngraph's module order (gModule.modules,
hence getParameters' layout) comes out as Torch7's.

Traversals are iterative (an unrolled RNN's deep graph does not exhaust Python's stack)
and keep their marks to themselves: the `visited`/`marked` fields stay false, as Torch7
left them when a traversal was done. Imports th.torch (the class base) and th.lua only.
"""
from th.lua.runtime import tostring
from th.lua.table import LuaTable
from th.nngraph import dot as _dot
from th.torch.classes import TorchObject
from th.torch.errors import TorchError


def is_plain_table(value):
    """True for a Lua table that is not a torch object (a list of things, from Python too)."""
    return type(value) is LuaTable or isinstance(value, (list, tuple))


def table_items(value):
    """The values at 1..#t of a Lua table or Python sequence, as a list."""
    if type(value) is LuaTable:
        return list(value.arr)
    return list(value)


def _append(tbl, value):
    # t[#t + 1] = value, and t[value] = its position (Torch7's list-plus-index tables).
    tbl.set(len(tbl.arr) + 1, value)
    tbl.set(value, len(tbl.arr))


# ---- graph.Node ------------------------------------------------------------------------

class Node(TorchObject):
    """graph.Node(data): a vertex holding `data`, with its `children` (a table listing them).

    Nodes link by node:add(child); node:graph() collects the graph reachable from node.
    Example: a = graph.Node('a'); b = graph.Node('b'); a:add(b); print(#a.children)
    """

    __typename__ = "graph.Node"

    def __init__(self, data=None, *args):
        self.data = data
        self.id = 0
        self.children = LuaTable()
        self.visited = False
        self.marked = False

    def add(self, child, *args):
        """node:add(child | {children}): make child a child of node (once; order kept).

        Example: a = graph.Node(1); a:add({graph.Node(2), graph.Node(3)})
        """
        if is_plain_table(child):
            for c in table_items(child):
                Node.add(self, c)
        elif self.children.get(child) is None:
            _append(self.children, child)
        return ()

    def dfs(self, func):
        """node:dfs(f): call f(n) on every node reachable from node, children before parents.

        Example: a:dfs(function(n) print(n.data) end)
        """
        for node in postorder([self]):
            func(node)
        return ()

    def bfs(self, func):
        """node:bfs(f): call f(n) on every node reachable from node, breadth first.

        Example: a:bfs(function(n) print(n.data) end)
        """
        for node in breadth_first(self):
            func(node)
        return ()

    def graph(self):
        """node:graph(): the graph.Graph of every edge reachable from node (breadth first).

        Example: g = a:graph(); print(#g.nodes, #g.edges)
        """
        g = Graph()
        for node in breadth_first(self):
            for child in list(node.children.arr):
                g.add(Edge(node, child))
        return g

    def label(self):
        """node:label(): the text the dot export shows for the node (tostring(data)).

        Example: print(graph.Node('a'):label())
        """
        return tostring(self.data)


def breadth_first(start):
    """The nodes reachable from start, breadth first, each once (Torch7's bfs order)."""
    order, seen, i = [start], {start}, 0
    while i < len(order):
        for child in order[i].children.arr:
            if child not in seen:
                seen.add(child)
                order.append(child)
        i += 1
    return order


def postorder(roots, seen=None):
    """Depth-first from each root: every node after its children, each once (Torch7's dfs)."""
    seen = set() if seen is None else seen
    order = []
    for root in roots:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(list(root.children.arr)))]
        while stack:
            node, pending = stack[-1]
            for child in pending:
                if child not in seen:
                    seen.add(child)
                    stack.append((child, iter(list(child.children.arr))))
                    break
            else:
                stack.pop()
                order.append(node)
    return order


# ---- graph.Edge ------------------------------------------------------------------------

class Edge(TorchObject):
    """graph.Edge(from, to): a directed edge; just the two fields `from` and `to`.

    Example: e = graph.Edge(graph.Node('a'), graph.Node('b')); print(e.to.data)
    """

    __typename__ = "graph.Edge"

    def __init__(self, from_=None, to=None, *args):
        self.from_ = from_          # Lua's field `from` (a Python keyword)
        self.to = to


# ---- graph.Graph -----------------------------------------------------------------------

class Graph(TorchObject):
    """graph.Graph(): a directed graph as two tables, `nodes` and `edges`.

    Graph:add(edge) adds an edge and its nodes; reverse, topsort, roots, leaves and todot
    work on the whole graph.
    Example: g = graph.Graph(); g:add(graph.Edge(graph.Node('a'), graph.Node('b'))); print(#g.nodes)
    """

    __typename__ = "graph.Graph"

    def __init__(self, *args):
        self.nodes = LuaTable()
        self.edges = LuaTable()

    def add(self, edge):
        """g:add(edge | {edges}): add the edge(s) and their nodes; nodes are numbered
        (node.id) in the order they first arrive.

        Example: g:add(graph.Edge(a, b))
        """
        if is_plain_table(edge):
            for e in table_items(edge):
                self.add(e)
            return ()
        if not isinstance(edge, Edge):
            raise TorchError("graph.Edge or {graph.Edges} expected")
        if not (isinstance(edge.from_, Node) and isinstance(edge.to, Node)):
            raise TorchError("graph.Edge(from, to) expects two graph.Node")
        if self.edges.get(edge) is None:
            _append(self.edges, edge)
        for node in (edge.from_, edge.to):
            if self.nodes.get(node) is None:
                _append(self.nodes, node)
        edge.from_.add(edge.to)
        edge.from_.id = self.nodes.get(edge.from_)
        edge.to.id = self.nodes.get(edge.to)
        return ()

    def clone(self):
        """g:clone(): a graph of new nodes sharing the data of g's nodes.

        Example: g2 = g:clone()
        """
        twin = Graph()
        fresh = {node: _renew(node) for node in self.nodes.arr}
        for e in self.edges.arr:
            twin.add(Edge(fresh[e.from_], fresh[e.to]))
        return twin

    def reverse(self):
        """g:reverse(): the graph with every edge reversed (new nodes sharing the data),
        and the table mapping g's nodes to the new ones.

        Example: rg, map = g:reverse()
        """
        rg, mapping = Graph(), {}
        for e in self.edges.arr:
            for node in (e.from_, e.to):
                if node not in mapping:
                    mapping[node] = _renew(node)
            rg.add(Edge(mapping[e.to], mapping[e.from_]))
        return rg, LuaTable.from_dict(mapping)

    def topsort(self):
        """g:topsort(): the nodes, each after every node with an edge into it; also the
        reversed graph and its roots.

        Example: order = g:topsort(); print(order[1].data)
        """
        rg, mapping = self.reverse()
        original = {new: old for old, new in mapping.items()}
        roots = rg.roots()
        if not roots.arr:
            raise TorchError("Graph has cycles")
        order = [original[n] for n in postorder(roots.arr)]
        if len(order) != len(self.nodes.arr):
            raise TorchError("Graph has cycles")
        return LuaTable.from_list(order), rg, roots

    def roots(self):
        """g:roots(): the nodes no edge points to, in the order of g.nodes.

        Example: print(#g:roots())
        """
        targets = {e.to for e in self.edges.arr}
        return self._ends(e.from_ for e in self.edges.arr if e.from_ not in targets)

    def leaves(self):
        """g:leaves(): the nodes no edge leaves from, in the order of g.nodes.

        Example: print(#g:leaves())
        """
        sources = {e.from_ for e in self.edges.arr}
        return self._ends(e.to for e in self.edges.arr if e.to not in sources)

    def _ends(self, candidates):
        unique = dict.fromkeys(candidates)
        return LuaTable.from_list(sorted(unique, key=self.nodes.get))

    def todot(self, title=None):
        """g:todot([title]): the graph as graphviz dot text (Torch7's format).

        Example: print(g:todot('my graph'))
        """
        return _dot.todot(self, title)


def _renew(node):
    # Torch7's node.new(node.data): a node of the same class sharing the data.
    return type(node)(node.data)


# ---- graph.dot -------------------------------------------------------------------------

def dot(g, title=None, fname=None):
    """graph.dot(g, title [, fname]): write g as fname.dot, and fname.svg when graphviz's
    `dot` program is installed (nngraph's graph pictures).

    As in Torch7 the title does not reach the files. Without fname (Torch7 opened a Qt
    window) th writes to a temporary name and prints where.
    Example: graph.dot(net.fg, 'Forward Graph', 'fg')
    """
    if not isinstance(g, Graph):
        raise TorchError("bad argument #1 to 'dot' (graph.Graph expected)")
    shown = fname is None
    written = _dot.write_files(g.todot(), _dot.temp_prefix() if shown else str(fname))
    if shown:
        print("graph.dot: wrote " + " and ".join(written))
    return ()


__all__ = ["Node", "Edge", "Graph", "dot"]
